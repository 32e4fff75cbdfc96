using System.Globalization;
using System.Text;
using KoreaPolicy.Bench;
using KoreaPolicy.ReliabilityBench;
using KoreaPolicy.Storage;

// Figures are read by people on any machine: the same decimal point everywhere.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = ReliabilityOptions.Parse(args);
var work = Directory.CreateTempSubdirectory("koreapolicy-reliability-").FullName;
var report = new StringBuilder();
try
{
    Console.Error.WriteLine($"Working in {work}");
    var archive = Archives.Ordinary(Path.Combine(work, "ordinary"));
    var machine = MachineInfo.Describe(new ArchiveDatabase(archive));
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    report.AppendLine("# Reliability benchmark").AppendLine()
        .AppendLine($"{machine.Date:yyyy-MM-dd HH:mm} UTC; {machine.Processors} cores, {machine.Cpu}, {machine.Memory}; {machine.OperatingSystem}; "
            + $"{machine.DotNet}; SQLite {machine.Sqlite}; load average at start {Load.Average()}.").AppendLine();

    Console.Error.WriteLine("Memory under header, query, path and host variety...");
    report.Append(await MemoryScenario.RunAsync(archive, options));

    Console.Error.WriteLine("CPU per search on worst-case paragraphs...");
    report.Append(await SearchScenario.RunAsync(Archives.Costly(Path.Combine(work, "costly")), options));

    Console.Error.WriteLine("Reads during writes, checked for torn answers...");
    report.Append(await TornReadScenario.RunAsync(Archives.Ordinary(Path.Combine(work, "torn")), options));

    Console.Error.WriteLine("A folder of hostile entries beside good files...");
    report.Append(OperatingSystem.IsWindows() ? "" : await HostileFolderScenario.RunAsync(Path.Combine(work, "hostile")));

    report.AppendLine().AppendLine($"Load average at the end: {Load.Average()}.");
    Console.WriteLine(report);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
    File.WriteAllText(options.Out, report.ToString());
    Console.Error.WriteLine($"Report written to {Path.GetFullPath(options.Out)}");
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Archives.MakeDeletable(work);
    Directory.Delete(work, recursive: true);
}

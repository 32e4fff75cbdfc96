using System.Globalization;
using System.Runtime.InteropServices;
using Dapper;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Bench;

/// <summary>The machine a run was made on: figures mean little without it.</summary>
internal sealed record MachineInfo(int Processors, string Cpu, string Memory, string OperatingSystem, string DotNet, string Sqlite, DateTimeOffset Date)
{
    public static MachineInfo Describe(ArchiveDatabase database)
    {
        using var connection = database.Open();
        return new MachineInfo(
            Environment.ProcessorCount,
            ProcValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            TotalMemory(),
            OsName(),
            RuntimeInformation.FrameworkDescription,
            connection.ExecuteScalar<string>("SELECT sqlite_version()") ?? "?",
            DateTimeOffset.UtcNow);
    }

    private static string TotalMemory()
    {
        // "MemTotal:       24576000 kB"
        var total = ProcValue("/proc/meminfo", "MemTotal");
        return total is not null && long.TryParse(total.Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)
            ? $"{kb / 1024.0 / 1024.0:0.0} GiB"
            : "?";
    }

    private static string OsName()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        return pretty is null ? RuntimeInformation.OSDescription : $"{pretty}, kernel {Environment.OSVersion.Version}";
    }

    private static string? ProcValue(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Where(l => l.StartsWith(key, StringComparison.Ordinal) && l.Contains(':'))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim())
            .FirstOrDefault();
    }
}

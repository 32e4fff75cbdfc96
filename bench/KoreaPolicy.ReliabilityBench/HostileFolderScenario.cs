using System.Diagnostics;
using System.Text;
using KoreaPolicy.Bench;
using KoreaPolicy.Model;
using Mono.Unix.Native;

namespace KoreaPolicy.ReliabilityBench;

/// <summary>
/// A folder of hostile entries beside good files, ingested by the real <c>ingest</c> command (as a
/// user would run it: when this runs as root, without root's file-permission override, so that
/// unreadable files are unreadable), each output line stamped with when it arrived; then a server
/// starts on the same folder. Every entry must get its line, the good files must go in, and
/// nothing may hang. (Linux: FIFOs, devices and file modes are what it is about.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class HostileFolderScenario
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<string> RunAsync(string work)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "articles")).FullName;
        var entries = Write(folder);
        var asUser = !OperatingSystem.IsWindows() && Syscall.geteuid() == 0 && File.Exists("/usr/bin/setpriv");

        var start = new ProcessStartInfo(asUser ? "/usr/bin/setpriv" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asUser)
        {
            start.ArgumentList.Add("--bounding-set=-dac_override,-dac_read_search");
            start.ArgumentList.Add("dotnet");
        }

        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "KoreaPolicy.Api.dll"), "ingest", folder, $"--Database:Path={Path.Combine(work, "archive.db")}" })
        {
            start.ArgumentList.Add(argument);
        }

        var lines = new List<(double Seconds, string Line)>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        void Keep(string? line)
        {
            if (line is not null)
            {
                lock (lines)
                {
                    lines.Add((clock.Elapsed.TotalSeconds, line));
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ended = process.WaitForExit(Limit);
        if (!ended)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        var total = clock.Elapsed.TotalSeconds;

        var report = new StringBuilder().AppendLine("## A folder of hostile entries").AppendLine()
            .AppendLine($"`ingest` over {entries.Count} entries ({entries.Count(e => e.Good)} good files), run {(asUser ? "as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (setpriv), so mode 000 stops it" : "as the current user")}: "
                + (ended ? $"exit code {process.ExitCode} after {total:0.0} s." : $"**killed after {Limit.TotalSeconds} s**."))
            .AppendLine()
            .AppendLine("| entry | result | printed after |")
            .AppendLine("|---|---|---|");
        var handled = 0;
        foreach (var (name, good, _) in entries)
        {
            var shown = DisplayPath.Of(Path.Combine(folder, name));
            var line = lines.FirstOrDefault(l => l.Line.Contains($" {shown}:", StringComparison.Ordinal) || l.Line.Contains($" {shown} →", StringComparison.Ordinal)
                || l.Line.Contains($"{shown.Replace(".txt", ".meta.json", StringComparison.Ordinal)}:", StringComparison.Ordinal));
            handled += line.Line is not null && line.Line.StartsWith(good ? "ingested" : "error", StringComparison.Ordinal) ? 1 : 0;
            var result = line.Line is null ? "**no line**" : line.Line.Replace(folder + "/", "", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
            report.AppendLine($"| `{name.Replace("\n", "\\n", StringComparison.Ordinal)}` | {result} | {line.Seconds:0.00} s |");
        }

        // The server's start-up over the same folder, on a database of its own, at its shipped log levels.
        var startUp = Stopwatch.StartNew();
        using (var server = ChildServer.Start("The API", "KoreaPolicy.Api.dll",
                   [$"--Database:Path={Path.Combine(work, "startup.db")}", $"--Ingestion:Path={folder}"]))
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await server.WaitForOkAsync(client, "/health", Limit);
        }

        report.AppendLine().AppendLine($"{handled} of {entries.Count} entries got the line they should (good ones \"ingested\", the rest an error naming them). "
            + $"A server with this folder as its start-up folder answered /health {startUp.Elapsed.TotalSeconds:0.0} s after it was started.").AppendLine();
        Console.Error.WriteLine($"  {handled} of {entries.Count} entries handled; ingest {total:0.0} s; server up in {startUp.Elapsed.TotalSeconds:0.0} s");
        return report.ToString();
    }

    /// <summary>The entries: good article texts and every kind of hostile one, each with what it is.</summary>
    private static List<(string Name, bool Good, string What)> Write(string folder)
    {
        var entries = new List<(string, bool, string)>();
        void Good(string name)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, name))!);
            File.WriteAllText(Path.Combine(folder, name), Archives.Copy(entries.Count + 1));
            entries.Add((name, true, "good"));
        }

        Good("a-good.txt");
        Good("m-good.txt");
        Good("z/z-good.txt");
        Good("new\nline.txt");

        Syscall.mkfifo(Path.Combine(folder, "fifo.txt"), FilePermissions.DEFFILEMODE);
        entries.Add(("fifo.txt", false, "FIFO"));
        File.WriteAllText(Path.Combine(folder, "fifo-sidecar.txt"), Archives.Article);
        Syscall.mkfifo(Path.Combine(folder, "fifo-sidecar.meta.json"), FilePermissions.DEFFILEMODE);
        entries.Add(("fifo-sidecar.txt", false, "FIFO sidecar"));
        File.CreateSymbolicLink(Path.Combine(folder, "zero.txt"), "/dev/zero");
        entries.Add(("zero.txt", false, "link to /dev/zero"));
        File.CreateSymbolicLink(Path.Combine(folder, "urandom.txt"), "/dev/urandom");
        entries.Add(("urandom.txt", false, "link to /dev/urandom"));
        File.CreateSymbolicLink(Path.Combine(folder, "dangling.txt"), "nowhere.txt");
        entries.Add(("dangling.txt", false, "dangling link"));
        File.CreateSymbolicLink(Path.Combine(folder, "self.txt"), "self.txt");
        entries.Add(("self.txt", false, "link to itself"));
        Directory.CreateDirectory(Path.Combine(folder, "loop"));
        File.CreateSymbolicLink(Path.Combine(folder, "loop", "up"), "..");
        entries.Add(("loop/up", false, "folder loop"));
        File.CreateSymbolicLink(Path.Combine(folder, "z-again"), "z");
        entries.Add(("z-again", false, "second link to a folder"));

        File.WriteAllText(Path.Combine(folder, "locked.txt"), Archives.Article);
        File.SetUnixFileMode(Path.Combine(folder, "locked.txt"), UnixFileMode.None);
        entries.Add(("locked.txt", false, "unreadable file"));
        File.WriteAllText(Path.Combine(folder, "locked-sidecar.txt"), Archives.Article);
        File.WriteAllText(Path.Combine(folder, "locked-sidecar.meta.json"), "{}");
        File.SetUnixFileMode(Path.Combine(folder, "locked-sidecar.meta.json"), UnixFileMode.None);
        entries.Add(("locked-sidecar.txt", false, "unreadable sidecar"));
        Directory.CreateDirectory(Path.Combine(folder, "locked-folder"));
        File.WriteAllText(Path.Combine(folder, "locked-folder", "inside.txt"), Archives.Article);
        File.SetUnixFileMode(Path.Combine(folder, "locked-folder"), UnixFileMode.None);
        entries.Add(("locked-folder", false, "unreadable folder"));

        using (var sparse = File.Create(Path.Combine(folder, "huge.txt")))
        {
            sparse.SetLength(8L * 1024 * 1024 * 1024);
        }

        entries.Add(("huge.txt", false, "8 GB sparse file"));
        File.WriteAllText(Path.Combine(folder, "big-sidecar.txt"), Archives.Article);
        using (var sparse = File.Create(Path.Combine(folder, "big-sidecar.meta.json")))
        {
            sparse.SetLength(60L * 1024 * 1024);
        }

        entries.Add(("big-sidecar.txt", false, "60 MB sidecar"));
        var header = "Korea Policy\nKorea Policy Vol. 9, Issue 9\nAuthor: Ann Lee\nPublished June 1, 2025\n";
        File.WriteAllText(Path.Combine(folder, "lines.txt"), header + string.Concat(Enumerable.Repeat("x\n", 1_000_000)));
        entries.Add(("lines.txt", false, "a million one-character lines"));
        File.WriteAllText(Path.Combine(folder, "headings.txt"), header + "Opening.\n" + string.Concat(Enumerable.Repeat("Background\nText.\n", 19_000)));
        entries.Add(("headings.txt", false, "19,000 identical headings"));
        File.WriteAllText(Path.Combine(folder, "one-line.txt"), header + string.Join(' ', Enumerable.Repeat("w", 1_000_000)) + "\n");
        entries.Add(("one-line.txt", false, "one paragraph of 2 MB"));
        // Page furniture only, around one sentence: a real (if odd) article, read in linear time.
        File.WriteAllText(Path.Combine(folder, "glued.txt"), header + "Opening text.\n" + string.Concat(Enumerable.Repeat("Download PDF", 170_000)) + "\n");
        entries.Add(("glued.txt", true, "170,000 glued controls"));
        return entries;
    }
}

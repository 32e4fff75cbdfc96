using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KoreaPolicy.Bench;

/// <summary>
/// A web app from this project's output folder (the API or the floor) as a child process on a
/// free loopback port. The clock starts just before the process does, so the time to a first
/// answer is the cold start as a deployment sees it. Disposing it stops the process.
/// </summary>
internal sealed class ChildServer : IDisposable
{
    private const int OutputLinesKept = 40;

    private readonly Process process;
    private readonly Stopwatch sinceStart;
    private readonly Queue<string> output = new();

    private ChildServer(Process process, Stopwatch sinceStart, Uri baseAddress, string name)
    {
        this.process = process;
        this.sinceStart = sinceStart;
        BaseAddress = baseAddress;
        Name = name;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public static ChildServer Start(string name, string dllName, IEnumerable<string> arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, dllName);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dllName} is missing beside the benchmark; build the benchmark project, which references it.", dll);
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--urls={baseAddress}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var server = new ChildServer(process, clock, baseAddress, name);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitForOkAsync(HttpClient client, string path, TimeSpan timeout)
    {
        var url = new Uri(BaseAddress, path);
        while (sinceStart.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before {path} answered 200:\n{Output()}");
            }

            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    await response.Content.ReadAsByteArrayAsync();
                    return sinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Short, so the poll adds at most a few milliseconds to the measured cold start.
            await Task.Delay(5);
        }

        throw new TimeoutException($"{Name} did not answer {path} with 200 within {timeout.TotalSeconds} s:\n{Output()}");
    }

    /// <summary>The process's peak resident set (VmHWM in /proc/PID/status), in bytes; null off Linux.</summary>
    public long? PeakMemory() => ProcStatus("VmHWM");

    /// <summary>The process's resident set now (VmRSS), in bytes; null off Linux.</summary>
    public long? CurrentMemory() => ProcStatus("VmRSS");

    /// <summary>
    /// The CPU time the process has used (user + system, from /proc/PID/stat, in clock ticks of
    /// 10 ms), or null off Linux: work done, whatever else the machine's cores were doing meanwhile.
    /// </summary>
    public TimeSpan? CpuTime()
    {
        var file = $"/proc/{process.Id}/stat";
        if (process.HasExited || !File.Exists(file))
        {
            return null;
        }

        // "pid (comm) state ppid ...": utime and stime are fields 14 and 15, counted after the ")".
        var stat = File.ReadAllText(file);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private long? ProcStatus(string key)
    {
        var file = $"/proc/{process.Id}/status";
        if (process.HasExited || !File.Exists(file))
        {
            return null;
        }

        // "VmHWM:	  123456 kB"
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        var kb = line?[(key.Length + 1)..].Trim().Split(' ')[0];
        return long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n * 1024 : null;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            if (output.Count > OutputLinesKept)
            {
                output.Dequeue();
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return string.Join('\n', output);
        }
    }

    // Bind port 0, read the port the OS chose, let it go: a tiny race with other programs, fine for a benchmark.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

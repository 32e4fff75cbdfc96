using System.Diagnostics;
using System.Globalization;
using System.Net;
using Mono.Unix.Native;

namespace KoreaPolicy.Api.Tests.Reliability;

/// <summary>
/// The real program (KoreaPolicy.Api.dll from this test's output folder) as a child process, as a
/// user runs it: the ingest command, or the server on a free loopback port. Where a test needs
/// files that cannot be read and the tests run as root (who reads everything), the child runs
/// without the two capabilities that let root pass file permissions (setpriv's bounding set), so
/// a mode of 000 stops it as it stops any other user.
/// </summary>
internal sealed class ChildApi : IDisposable
{
    private const string SetPriv = "/usr/bin/setpriv";
    private const int MaxLinesKept = 5_000;

    // ASP.NET Core's start-up line, "Now listening on: http://127.0.0.1:40123", from the lifetime log.
    private const string LifetimeLog = "Microsoft.Hosting.Lifetime";
    private const string ListeningOn = "Now listening on:";

    private readonly Process process;
    private readonly List<string> output = [];
    private readonly List<string> errors = [];

    private ChildApi(Process process, Uri? baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>True when this process runs as root: file modes alone do not stop it.</summary>
    public static bool IsRoot => !OperatingSystem.IsWindows() && Syscall.geteuid() == 0;

    /// <summary>Whether a child can be made to meet an unreadable file as a user would; null when it can, else why not.</summary>
    public static string? CannotHonourFileModes =>
        OperatingSystem.IsWindows() ? "file modes are a Unix matter"
        : IsRoot && !File.Exists(SetPriv) ? $"running as root without {SetPriv} (util-linux) to give up root's file-permission override"
        : null;

    public Uri? BaseAddress { get; private set; }

    public int ProcessId => process.Id;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (output)
            {
                return [.. output];
            }
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors)
            {
                return [.. errors];
            }
        }
    }

    /// <summary>Runs the program to its end (or kills it at <paramref name="timeout"/>, which fails the test).</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors)> RunAsync(
        IEnumerable<string> arguments, TimeSpan timeout, bool asUser = false)
    {
        using var child = new ChildApi(Start(arguments, asUser, null), null);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await child.process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The program did not end within {timeout.TotalSeconds} s. It printed:\n{string.Join('\n', child.Output.Concat(child.Errors))}");
        }

        // The asynchronous readers have seen the last line once WaitForExit returns without a timeout.
        child.process.WaitForExit();
        return (child.process.ExitCode, child.Output, child.Errors);
    }

    /// <summary>Starts the server and waits until <c>/health</c> answers 200.</summary>
    public static async Task<ChildApi> ServeAsync(IEnumerable<string> arguments, TimeSpan timeout, bool asUser = false)
    {
        // Port 0: the server takes a port no other process holds and says which; a port chosen
        // here and freed for it could be taken by another test run's server meanwhile.
        var child = new ChildApi(Start([.. arguments, $"--Logging:LogLevel:{LifetimeLog}=Information"], asUser, new Uri("http://127.0.0.1:0")), null);
        try
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                if (child.process.HasExited)
                {
                    throw new InvalidOperationException($"The server exited with code {child.process.ExitCode}:\n{string.Join('\n', child.Output.Concat(child.Errors))}");
                }

                if (child.BaseAddress is null && child.Output.Select(l => l.Split(ListeningOn)).FirstOrDefault(p => p.Length == 2) is [_, var url])
                {
                    child.BaseAddress = new Uri(url.Trim());
                }

                if (child.BaseAddress is { } baseAddress)
                {
                    try
                    {
                        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
                        if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                        {
                            return child;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // Not answering yet.
                    }
                }

                await Task.Delay(50);
            }

            throw new TimeoutException($"The server did not answer /health within {timeout.TotalSeconds} s:\n{string.Join('\n', child.Output.Concat(child.Errors))}");
        }
        catch
        {
            child.Dispose();
            throw;
        }
    }

    /// <summary>The first line of output that contains <paramref name="text"/>, once the program has printed it.</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Output.Concat(Errors).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The program did not print \"{text}\" within {timeout.TotalSeconds} s:\n{string.Join('\n', Output.Concat(Errors))}");
    }

    /// <summary>The resident set now (VmRSS) or at its peak (VmHWM), in bytes.</summary>
    public long Memory(string key = "VmRSS")
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>CPU time the process has used so far (user and system), from /proc/PID/stat.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        // The fields after the command name (which may hold spaces) are in brackets' wake.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
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

    private static Process Start(IEnumerable<string> arguments, bool asUser, Uri? baseAddress)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KoreaPolicy.Api.dll");
        var start = new ProcessStartInfo(asUser && IsRoot ? SetPriv : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser && IsRoot)
        {
            start.ArgumentList.Add("--bounding-set=-dac_override,-dac_read_search");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (baseAddress is not null)
        {
            start.ArgumentList.Add($"--urls={baseAddress}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
    }

    private static void Keep(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            // A server under load may log without end; the last lines are the ones a failure needs.
            if (lines.Count == MaxLinesKept)
            {
                lines.RemoveAt(0);
            }

            lines.Add(line);
        }
    }
}

/// <summary>A fact that needs a child to meet unreadable files as a user would: skipped, saying why, where it cannot.</summary>
public sealed class FileModesFactAttribute : FactAttribute
{
    public FileModesFactAttribute()
    {
        if (ChildApi.CannotHonourFileModes is { } reason)
        {
            Skip = $"Cannot test unreadable files here: {reason}.";
        }
    }
}

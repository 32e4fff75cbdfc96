using System.Diagnostics;
using System.Net;
using System.Text;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The real program as a process of its own (<c>dotnet KoreaPolicy.Api.dll ...</c>), to be killed
/// with SIGKILL (<see cref="Process.Kill()"/> sends it on Linux): what a crash, an OOM kill or a
/// pulled plug leaves behind, with no chance to roll back, flush or close anything.
/// </summary>
internal sealed class ChildProgram : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ChildProgram(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>What it printed so far, both streams.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static ChildProgram Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KoreaPolicy.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Quiet logs: a line per request would cost the child more than the writes under test.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return new ChildProgram(Process.Start(start)!);
    }

    /// <summary>
    /// The API on a free loopback port over <paramref name="database"/>, with no start-up folder and
    /// rate limits far above what a test sends; returns once <c>/health</c> answers.
    /// </summary>
    public static Task<(ChildProgram Server, Uri Address)> ServeAsync(string database, params string[] settings) =>
        ServeAsync(database, ServedProgram.FreePort(), settings);

    /// <summary>
    /// As <see cref="ServeAsync(string, string[])"/>, on a given <paramref name="port"/>: a server
    /// started again after a kill answers where the first did.
    /// </summary>
    public static async Task<(ChildProgram Server, Uri Address)> ServeAsync(string database, int port, params string[] settings)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var server = Start([
            $"--urls={address}",
            $"--Database:Path={database}",
            "--Ingestion:Path=",
            "--RateLimits:Anonymous:TokenLimit=1000000",
            "--RateLimits:Anonymous:TokensPerPeriod=1000000",
            "--RateLimits:Writes:TokenLimit=1000000",
            "--RateLimits:Writes:TokensPerPeriod=1000000",
            .. settings,
        ]);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {server.ExitCode}: {server.Output}");
            }

            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return (server, address);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        server.Kill();
        throw new TimeoutException($"The server did not answer /health within a minute: {server.Output}");
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        process.WaitForExit();
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        // The output events may still be in flight after the exit; this waits for them.
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

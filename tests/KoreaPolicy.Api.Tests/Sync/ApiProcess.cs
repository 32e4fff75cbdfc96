using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The API as a process of its own on a given database file and port, to be killed with SIGKILL
/// and started again on the same file: what a crash and a restart are.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];

    private ApiProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the program serving <paramref name="database"/> on <paramref name="port"/> and waits until it is ready.</summary>
    public static async Task<ApiProcess> StartAsync(string database, int port, params string[] settings)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(database)! };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "KoreaPolicy.Api.dll"),
            $"--urls={baseAddress}",
            $"--Database:Path={database}",
            $"--Ingestion:Path={Path.Combine(AppContext.BaseDirectory, "Articles")}",
            "--RateLimits:Enabled=false",
            "--Webhooks:AllowPrivateTargets=true",
            "--Webhooks:RetryDelay=00:00:00.100",
            "--Webhooks:MaxRetryDelay=00:00:00.500",
            "--Webhooks:PollInterval=00:00:00.200",
        }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var api = new ApiProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited || DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"The API did not become ready:\n{api.Output}");
            }

            try
            {
                if ((await client.GetAsync(new Uri(baseAddress, "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, nothing the process could still do.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}

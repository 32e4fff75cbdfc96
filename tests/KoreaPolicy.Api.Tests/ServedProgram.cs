using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The program as an operator starts it: <c>dotnet KoreaPolicy.Api.dll</c> (the build beside the
/// tests, with the appsettings.json it ships), in a scratch folder of its own as the working
/// directory, with no environment name set (so what <c>dotnet run</c> gives: Production), its
/// console logs in JSON (<c>Logging:Console:FormatterName=json</c>, a configuration switch like any
/// other) so that the tests read each line as an object. Every line it writes is kept.
/// </summary>
public sealed class ServedProgram : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly string folder;

    private ServedProgram(Process process, string folder, Uri baseAddress)
    {
        this.process = process;
        this.folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the program over a new database in its scratch folder, ingesting the repository's articles.</summary>
    public static ServedProgram Start(params string[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-program-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "KoreaPolicy.Api.dll"),
            $"--urls={baseAddress}",
            $"--Database:Path={Path.Combine(folder, "archive.db")}",
            $"--Ingestion:Path={Path.Combine(AppContext.BaseDirectory, "Articles")}",
            "--Logging:Console:FormatterName=json",
        }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        // What a shell without them has: dotnet run's default environment is then Production.
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "Logging__Console__FormatterName" })
        {
            start.Environment.Remove(name);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var program = new ServedProgram(process, folder, baseAddress);
        process.OutputDataReceived += (_, e) => program.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => program.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return program;
    }

    /// <summary>Every line written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    /// <summary>Every line written so far, parsed: each must be one JSON object.</summary>
    public IReadOnlyList<JsonElement> Entries => Lines.Select(line =>
    {
        try
        {
            return JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"A log line is not JSON: {line}", e);
        }
    }).ToList();

    /// <summary>Polls until <paramref name="path"/> answers 200 (the program is ready, for /health/ready).</summary>
    public async Task WaitForOkAsync(HttpClient client, string path = "/health/ready")
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The program exited with code {process.ExitCode}:\n{string.Join('\n', Lines)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, path));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} did not answer 200 within 60 s:\n{string.Join('\n', Lines)}");
    }

    /// <summary>Waits until a line passes <paramref name="match"/>; returns it.</summary>
    public async Task<JsonElement> WaitForEntryAsync(Func<JsonElement, bool> match)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (Entries.FirstOrDefault(match) is { ValueKind: JsonValueKind.Object } entry)
            {
                return entry;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No such log line within 30 s:\n{string.Join('\n', Lines)}");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless.
        }
    }

    /// <summary>A port nobody listens on now (bound, read, released: a tiny race, fine on loopback in tests).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}

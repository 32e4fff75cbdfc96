using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KoreaPolicy.LoadBench;

/// <summary>One wrk run, parsed. Errors are answers outside 200–399 (wrk's "Non-2xx or 3xx") plus socket errors.</summary>
internal sealed record WrkResult(long Requests, double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, long Non2xxOr3xx, long SocketErrors)
{
    public long Errors => Non2xxOr3xx + SocketErrors;
}

/// <summary>
/// Debian's <c>wrk</c> (HTTP/1.1, keep-alive, one event loop per thread). A header goes in with
/// <c>-H</c>, so no Lua script runs per request and the load generator stays as cheap as it can.
/// </summary>
internal static partial class Wrk
{
    public const string Missing =
        "wrk is not installed. On Debian or Ubuntu: sudo apt-get install -y wrk (https://github.com/wg/wrk); then run the load benchmark again.";

    /// <summary>The wrk executable on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "wrk"))
            .FirstOrDefault(File.Exists);

    public static async Task<WrkResult> RunAsync(string wrk, Uri url, int connections, int seconds, string? ifNoneMatch)
    {
        var start = new ProcessStartInfo(wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // wrk needs at least one connection per thread: -c1 runs on one thread.
        foreach (var argument in new[] { $"-t{Math.Min(2, connections)}", $"-c{connections}", $"-d{seconds}s", "--latency" })
        {
            start.ArgumentList.Add(argument);
        }

        if (ifNoneMatch is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"If-None-Match: {ifNoneMatch}");
        }

        start.ArgumentList.Add(url.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with code {process.ExitCode}:\n{output}\n{await stderr}");
        }

        return Parse(output);
    }

    /// <summary>Reads wrk's text report (requests, Requests/sec, the --latency distribution, error lines).</summary>
    public static WrkResult Parse(string output)
    {
        var requests = RequestsLine().Match(output);
        var rate = RateLine().Match(output);
        if (!requests.Success || !rate.Success)
        {
            throw new InvalidOperationException($"wrk's output has no request count or rate:\n{output}");
        }

        var non2xx = Non2xxLine().Match(output);
        var socket = SocketErrorsLine().Match(output);
        return new WrkResult(
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50"),
            Percentile(output, "90"),
            Percentile(output, "99"),
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
    }

    // "     99%    1.23ms" (wrk prints us, ms, s or m).
    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk's output has no {percent}% latency (was --latency given?):\n{output}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    [GeneratedRegex(@"^\s+(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}

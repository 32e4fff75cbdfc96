using System.Globalization;
using System.Text;
using KoreaPolicy.Bench;

namespace KoreaPolicy.LoadBench;

/// <summary>
/// What the rate limiter costs on the hot path: the API as shipped (limiter on, before the stored
/// responses; buckets made too large to empty, so nothing is refused and every request still runs
/// the limiter's code) against a second process over the same database with
/// <c>--RateLimits:Enabled=false</c>, in the pairs <see cref="MetricsCost"/> runs: A then B, B then A,
/// each pair a ratio of req/s and one of the server's CPU time per request (which the neighbours'
/// load disturbs less), the medians the figures and the spread the noise.
/// </summary>
internal static class LimiterComparison
{
    /// <summary>At most this much slower with the limiter than without.</summary>
    public const double Target = 0.05;

    public static async Task<IReadOnlyList<MetricsCostRow>> RunAsync(
        string wrk, HttpClient client, ChildServer limited, string database, IReadOnlyList<LoadScenario> scenarios, int pairs, int seconds, int warmUpSeconds)
    {
        using var unlimited = ChildServer.Start("The API without rate limits", "KoreaPolicy.Api.dll",
            [$"--Database:Path={database}", "--Ingestion:Path=", .. RateLimitSettings.Off]);
        await unlimited.WaitForOkAsync(client, "/health/ready", TimeSpan.FromSeconds(60));
        Console.Error.WriteLine($"Rate limiter A/B: {pairs} pairs of {seconds} s per scenario at {MetricsCost.Connections} connections...");
        foreach (var scenario in scenarios.Where(s => MetricsCost.ScenarioNames.Contains(s.Name)))
        {
            await Wrk.RunAsync(wrk, new Uri(unlimited.BaseAddress, scenario.PathAndQuery), MetricsCost.Connections, Math.Max(1, warmUpSeconds), null);
            await Wrk.RunAsync(wrk, new Uri(limited.BaseAddress, scenario.PathAndQuery), MetricsCost.Connections, Math.Max(1, warmUpSeconds), null);
        }

        return await MetricsCost.MeasureAsync(wrk, limited, unlimited, scenarios, pairs, seconds, "rate limiter");
    }

    public static string Report(IReadOnlyList<MetricsCostRow> rows, int pairs, int seconds)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Rate limiter A/B (target: it costs at most {Target:P0})");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"The API as shipped (limiter on, buckets too large to empty) against the same build over the same database with `{RateLimitSettings.Off[0]}`; "
            + $"wrk `-t2 -c{MetricsCost.Connections} -d{seconds}s`, {pairs} pairs per scenario, order flipped every pair.");
        report.AppendLine();
        report.AppendLine("| scenario | on req/s (median) | off req/s (median) | on/off req/s, median pair | pairs, lowest–highest | on/off CPU µs a request, median pair | pairs, lowest–highest |");
        report.AppendLine("|---|---:|---:|---:|---|---:|---|");
        foreach (var row in rows)
        {
            var cpu = row.MedianCpuRatio is { } c ? $"{c:0.000}" : "n/a";
            var cpuSpread = row.CpuRatios.Count > 0 ? $"{row.CpuRatios.Min():0.000}–{row.CpuRatios.Max():0.000}" : "n/a";
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Scenario.Name} | {MetricsCostRow.Median(row.With.Select(r => r.RequestsPerSecond).ToList()):N0} | {MetricsCostRow.Median(row.Without.Select(r => r.RequestsPerSecond).ToList()):N0} | {row.MedianRatio:0.000} | {row.Ratios.Min():0.000}–{row.Ratios.Max():0.000} | {cpu} | {cpuSpread} |");
        }

        return report.ToString();
    }
}

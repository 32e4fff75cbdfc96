using System.Text;

namespace KoreaPolicy.LoadBench;

/// <summary>
/// The cost of metrics on the hot path: the shipped API (OpenTelemetry collecting ASP.NET Core's,
/// Kestrel's, the runtime's and the archive's metrics for its Prometheus endpoint) against the same
/// build, over the same database, started with <c>--Metrics:Prometheus=false</c> (no exporter, so
/// no MeterProvider: every instrument unobserved). Short wrk runs in pairs, with and without back
/// to back, the order flipped every pair, so that drift and neighbours' noise fall on both; each
/// pair gives one ratio, and the spread of the ratios is the noise the median carries.
/// </summary>
internal static class MetricsCost
{
    /// <summary>At most this much slower with metrics than without (median pair ratio ≥ 0.97).</summary>
    public const double Target = 0.03;

    /// <summary>The scenarios measured: a stored article (the hottest path), a stored list, a search.</summary>
    public static readonly string[] ScenarioNames = ["article", "article list", "search"];

    public const int Connections = 64;

    /// <summary>The switch that turns metrics off; everything else is the shipped configuration.</summary>
    public const string Off = "--Metrics:Prometheus=false";

    /// <summary>
    /// A second process over the same database with metrics off, checked to be what it says (a
    /// scrape endpoint on the shipped API, none on the other), both warmed up (with --metrics-only the
    /// shipped one has served nothing yet), then the pairs.
    /// </summary>
    public static async Task<IReadOnlyList<MetricsCostRow>> RunAsync(
        string wrk, HttpClient client, KoreaPolicy.Bench.ChildServer shipped, string database, string articles, IReadOnlyList<LoadScenario> scenarios, int pairs, int seconds, int warmUpSeconds)
    {
        using var withoutMetrics = KoreaPolicy.Bench.ChildServer.Start("The API without metrics", "KoreaPolicy.Api.dll",
            [$"--Database:Path={database}", $"--Ingestion:Path={articles}", Off, .. KoreaPolicy.Bench.RateLimitSettings.Unrestricted]);
        await withoutMetrics.WaitForOkAsync(client, "/health/ready", TimeSpan.FromSeconds(60));
        if ((await client.GetAsync(new Uri(shipped.BaseAddress, "/metrics"))).StatusCode != System.Net.HttpStatusCode.OK
            || (await client.GetAsync(new Uri(withoutMetrics.BaseAddress, "/metrics"))).StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException("Expected /metrics to answer 200 on the shipped API and 404 with metrics off.");
        }

        Console.Error.WriteLine($"Metrics A/B: {pairs} pairs of {seconds} s per scenario at {Connections} connections...");
        foreach (var scenario in scenarios.Where(s => ScenarioNames.Contains(s.Name)))
        {
            await Wrk.RunAsync(wrk, new Uri(withoutMetrics.BaseAddress, scenario.PathAndQuery), Connections, Math.Max(1, warmUpSeconds), null);
            await Wrk.RunAsync(wrk, new Uri(shipped.BaseAddress, scenario.PathAndQuery), Connections, Math.Max(1, warmUpSeconds), null);
        }

        return await MeasureAsync(wrk, shipped, withoutMetrics, scenarios, pairs, seconds);
    }

    /// <summary>The A/B's figures as Markdown: medians, the spread of the pairs, and every pair.</summary>
    public static string Report(IReadOnlyList<MetricsCostRow> rows, int pairs, int seconds)
    {
        var md = new StringBuilder();
        md.AppendLine("## The cost of metrics: with (A) and without (B)");
        md.AppendLine();
        md.AppendLine($"The shipped API against the same build over the same database with `{Off}` (no exporter, no instrument observed); "
            + $"wrk `-t2 -c{Connections} -d{seconds}s`, {pairs} pairs per scenario, A and B back to back, order flipped every pair. "
            + "Ratio: A's req/s over B's in the same pair; the median over the pairs is the cost, the spread of the pairs is the noise it carries. "
            + "CPU: the server process's CPU time (user + system, /proc) over the run divided by the requests it answered; its ratio is the cost as work done, "
            + "which other processes on the shared cores disturb much less than they disturb req/s.");
        md.AppendLine();
        md.AppendLine("| scenario | with req/s | without req/s | req/s with/without (median pair) | pairs: lowest – highest | with µs CPU/request | without µs CPU/request | CPU with/without (median pair) | pairs: lowest – highest | with p99 | without p99 |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            md.AppendLine($"| {row.Scenario.Name} | {Cell.Median(row.With, x => x.RequestsPerSecond):N0} | {Cell.Median(row.Without, x => x.RequestsPerSecond):N0} | "
                + $"{row.MedianRatio:0.000} | {row.Ratios.Min():0.000} – {row.Ratios.Max():0.000} | "
                + $"{row.MedianCpu(row.WithRuns):0.0} | {row.MedianCpu(row.WithoutRuns):0.0} | "
                + (row.CpuRatios.Count > 0 ? $"{row.MedianCpuRatio:0.000} | {row.CpuRatios.Min():0.000} – {row.CpuRatios.Max():0.000}" : "n/a | n/a")
                + $" | {Cell.Median(row.With, x => x.P99Ms):0.00} | {Cell.Median(row.Without, x => x.P99Ms):0.00} |");
        }

        md.AppendLine();
        md.AppendLine("Every pair (req/s, with / without):");
        md.AppendLine();
        md.AppendLine("| scenario | " + string.Join(" | ", Enumerable.Range(1, pairs).Select(i => $"pair {i}")) + " |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", pairs)));
        foreach (var row in rows)
        {
            md.AppendLine($"| {row.Scenario.Name} | " + string.Join(" | ", row.With.Zip(row.Without).Select(p => $"{p.First.RequestsPerSecond:N0} / {p.Second.RequestsPerSecond:N0}")) + " |");
        }

        md.AppendLine();
        return md.ToString();
    }

    /// <summary>
    /// The pairs, for any A/B of two builds or configurations over the same database (metrics here,
    /// the rate limiter in <see cref="LimiterComparison"/>); <paramref name="what"/> names it in the progress lines.
    /// </summary>
    public static async Task<IReadOnlyList<MetricsCostRow>> MeasureAsync(
        string wrk, KoreaPolicy.Bench.ChildServer withMetrics, KoreaPolicy.Bench.ChildServer withoutMetrics, IReadOnlyList<LoadScenario> scenarios, int pairs, int seconds,
        string what = "metrics")
    {
        var rows = new List<MetricsCostRow>();
        foreach (var scenario in scenarios.Where(s => ScenarioNames.Contains(s.Name)))
        {
            var with = new List<MetricsRun>();
            var without = new List<MetricsRun>();
            for (var pair = 1; pair <= pairs; pair++)
            {
                // A B, B A, A B...: the first of a pair may run on a warmer or a noisier machine.
                var order = pair % 2 == 1 ? new[] { true, false } : [false, true];
                foreach (var metrics in order)
                {
                    var server = metrics ? withMetrics : withoutMetrics;
                    var cpuBefore = server.CpuTime();
                    var result = await Wrk.RunAsync(wrk, new Uri(server.BaseAddress, scenario.PathAndQuery), Connections, seconds, null);
                    var cpu = server.CpuTime() - cpuBefore;
                    var run = new MetricsRun(result, cpu is { } used && result.Requests > 0 ? used.TotalMicroseconds / result.Requests : null);
                    (metrics ? with : without).Add(run);
                    Console.Error.WriteLine(
                        $"  {what} A/B pair {pair}/{pairs} {scenario.Name,-14} {(metrics ? "with" : "without"),-7}: {result.RequestsPerSecond,10:N0} req/s, "
                        + $"{run.CpuMicrosecondsPerRequest:0.0} µs CPU a request, p99 {result.P99Ms:0.000} ms, errors {result.Errors}");
                }
            }

            rows.Add(new MetricsCostRow(scenario, with, without));
        }

        return rows;
    }
}

/// <summary>One wrk run against one side, and the server's CPU time per request over it (null off Linux).</summary>
internal sealed record MetricsRun(WrkResult Wrk, double? CpuMicrosecondsPerRequest);

/// <summary>One scenario's pairs: with metrics and without, in pair order.</summary>
internal sealed record MetricsCostRow(LoadScenario Scenario, IReadOnlyList<MetricsRun> WithRuns, IReadOnlyList<MetricsRun> WithoutRuns)
{
    public IReadOnlyList<WrkResult> With => WithRuns.Select(r => r.Wrk).ToList();

    public IReadOnlyList<WrkResult> Without => WithoutRuns.Select(r => r.Wrk).ToList();

    /// <summary>Each pair's req/s with metrics over without.</summary>
    public IReadOnlyList<double> Ratios => With.Zip(Without, (w, o) => w.RequestsPerSecond / o.RequestsPerSecond).ToList();

    /// <summary>The median pair ratio: 0.98 means metrics cost 2 % of the throughput.</summary>
    public double MedianRatio => Median(Ratios);

    /// <summary>
    /// Each pair's server CPU time per request, with over without: the cost as work done, which
    /// the neighbours' load on the shared cores disturbs far less than it disturbs req/s.
    /// </summary>
    public IReadOnlyList<double> CpuRatios => WithRuns.Zip(WithoutRuns)
        .Where(p => p.First.CpuMicrosecondsPerRequest is not null && p.Second.CpuMicrosecondsPerRequest is > 0)
        .Select(p => p.First.CpuMicrosecondsPerRequest!.Value / p.Second.CpuMicrosecondsPerRequest!.Value).ToList();

    public double? MedianCpuRatio => CpuRatios.Count > 0 ? Median(CpuRatios) : null;

    public double? MedianCpu(IReadOnlyList<MetricsRun> runs) =>
        runs.Where(r => r.CpuMicrosecondsPerRequest is not null).Select(r => r.CpuMicrosecondsPerRequest!.Value).ToList() is { Count: > 0 } values ? Median(values) : null;

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

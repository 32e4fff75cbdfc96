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

    public static async Task<IReadOnlyList<MetricsCostRow>> MeasureAsync(
        string wrk, KoreaPolicy.Bench.ChildServer withMetrics, KoreaPolicy.Bench.ChildServer withoutMetrics, IReadOnlyList<LoadScenario> scenarios, int pairs, int seconds)
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
                        $"  metrics A/B pair {pair}/{pairs} {scenario.Name,-14} {(metrics ? "with" : "without"),-7}: {result.RequestsPerSecond,10:N0} req/s, "
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

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
        string wrk, Uri withMetrics, Uri withoutMetrics, IReadOnlyList<LoadScenario> scenarios, int pairs, int seconds)
    {
        var rows = new List<MetricsCostRow>();
        foreach (var scenario in scenarios.Where(s => ScenarioNames.Contains(s.Name)))
        {
            var with = new List<WrkResult>();
            var without = new List<WrkResult>();
            for (var pair = 1; pair <= pairs; pair++)
            {
                // A B, B A, A B...: the first of a pair may run on a warmer or a noisier machine.
                var order = pair % 2 == 1 ? new[] { true, false } : [false, true];
                foreach (var metrics in order)
                {
                    var result = await Wrk.RunAsync(wrk, new Uri(metrics ? withMetrics : withoutMetrics, scenario.PathAndQuery), Connections, seconds, null);
                    (metrics ? with : without).Add(result);
                    Console.Error.WriteLine(
                        $"  metrics A/B pair {pair}/{pairs} {scenario.Name,-14} {(metrics ? "with" : "without"),-7}: {result.RequestsPerSecond,10:N0} req/s, p99 {result.P99Ms:0.000} ms, errors {result.Errors}");
                }
            }

            rows.Add(new MetricsCostRow(scenario, with, without));
        }

        return rows;
    }
}

/// <summary>One scenario's pairs: with metrics and without, in pair order.</summary>
internal sealed record MetricsCostRow(LoadScenario Scenario, IReadOnlyList<WrkResult> With, IReadOnlyList<WrkResult> Without)
{
    /// <summary>Each pair's req/s with metrics over without.</summary>
    public IReadOnlyList<double> Ratios => With.Zip(Without, (w, o) => w.RequestsPerSecond / o.RequestsPerSecond).ToList();

    /// <summary>The median pair ratio: 0.98 means metrics cost 2 % of the throughput.</summary>
    public double MedianRatio => Median(Ratios);

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

using System.Diagnostics;

namespace KoreaPolicy.Bench;

/// <summary>One scenario's latencies in milliseconds and its answers.</summary>
internal sealed record ScenarioResult(
    string Name,
    string ExampleUrl,
    int Requests,
    double Median,
    double P90,
    double P99,
    double Max,
    int Non2xx,
    string Statuses,
    double MeanBytes,
    bool StoppedEarly);

/// <summary>
/// Sequential requests from one HttpClient over one kept-alive connection: the latency one user
/// sees, without the client competing with the server for the two cores. Each timing covers
/// sending the request and reading the whole body.
/// </summary>
internal sealed class HttpLatencyBenchmark(Uri baseAddress, int requests, int warmUp, TimeSpan maxPerScenario)
{
    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(
        IReadOnlyList<Scenario> scenarios, IReadOnlyDictionary<string, string[]> values, Action<ScenarioResult> progress)
    {
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            var result = await MeasureAsync(client, scenario, values);
            progress(result);
            results.Add(result);
        }

        return results;
    }

    private async Task<ScenarioResult> MeasureAsync(HttpClient client, Scenario scenario, IReadOnlyDictionary<string, string[]> values)
    {
        // Warm-up: JIT, the route's first call, SQLite's page cache. Not counted. At least one
        // request, then stop at a tenth of the scenario's budget: an unpaged list answering in
        // seconds would otherwise spend minutes warming up. Its request numbers come after the
        // measured ones, so an "uncached" URL ({n}) warmed up is never measured as a stored answer.
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < warmUp && (i == 0 || warming.Elapsed < maxPerScenario / 10); i++)
        {
            using var response = await client.GetAsync(Scenarios.Expand(scenario.Template, values, requests + i));
            await response.Content.ReadAsByteArrayAsync();
        }

        var latencies = new List<double>(requests);
        var statuses = new SortedDictionary<int, int>();
        long bytes = 0;
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < requests && budget.Elapsed < maxPerScenario; i++)
        {
            var url = Scenarios.Expand(scenario.Template, values, i);
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            bytes += body.Length;
        }

        latencies.Sort();
        return new ScenarioResult(
            scenario.Name,
            Scenarios.Expand(scenario.Template, values, 0),
            latencies.Count,
            Latency.Percentile(latencies, 0.50),
            Latency.Percentile(latencies, 0.90),
            Latency.Percentile(latencies, 0.99),
            latencies[^1],
            statuses.Where(s => s.Key is < 200 or > 299).Sum(s => s.Value),
            string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")),
            (double)bytes / latencies.Count,
            latencies.Count < requests);
    }
}

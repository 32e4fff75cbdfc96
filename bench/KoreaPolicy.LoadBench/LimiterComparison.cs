using System.Globalization;
using System.Text;
using KoreaPolicy.Bench;

namespace KoreaPolicy.LoadBench;

/// <summary>One scenario's A/B: the API with its rate limiter against the same API without it.</summary>
internal sealed record LimiterRow(string Scenario, int Connections, double LimitedRps, double UnlimitedRps, double MedianRatio, double LowestRatio, double HighestRatio)
{
    /// <summary>What the limiter costs in throughput, from the median of the pairs' ratios: 0.03 is 3 %.</summary>
    public double Cost => 1 - MedianRatio;
}

/// <summary>
/// What the rate limiter costs on the hot path: the API as shipped (limiter on, before the stored
/// responses; buckets made too large to empty, so nothing is refused and every request still runs
/// the limiter's code) against a second process over the same database with
/// <c>--RateLimits:Enabled=false</c>. Short wrk runs in pairs, A then B in odd pairs and B then A in
/// even ones, so drift and the neighbours' noise fall on both; each pair gives a ratio, and the
/// median ratio is the figure, the lowest and highest showing the noise.
/// </summary>
internal static class LimiterComparison
{
    public static async Task<IReadOnlyList<LimiterRow>> RunAsync(
        string wrk, HttpClient client, ChildServer limited, string database, string slug, int pairs, int seconds)
    {
        using var unlimited = ChildServer.Start("The API without rate limits", "KoreaPolicy.Api.dll",
        [
            $"--Database:Path={database}",
            "--Ingestion:Path=",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            .. RateLimitSettings.Off,
        ]);
        await unlimited.WaitForOkAsync(client, "/api/articles", TimeSpan.FromSeconds(60));

        // The hot path (a stored answer) at both connection counts, and an answer built each time.
        (string Name, string Path, int Connections)[] cells =
        [
            ("article (stored)", $"/api/articles/{slug}", 64),
            ("article (stored)", $"/api/articles/{slug}", 1),
            ("paragraph 7 (stored)", $"/api/articles/{slug}/paragraphs/7", 64),
        ];
        foreach (var (_, path, _) in cells)
        {
            await Wrk.RunAsync(wrk, new Uri(limited.BaseAddress, path), 64, 2, null);
            await Wrk.RunAsync(wrk, new Uri(unlimited.BaseAddress, path), 64, 2, null);
        }

        var rows = new List<LimiterRow>();
        foreach (var (name, path, connections) in cells)
        {
            var ratios = new List<double>();
            var limitedRps = new List<double>();
            var unlimitedRps = new List<double>();
            for (var pair = 1; pair <= pairs; pair++)
            {
                ChildServer[] order = pair % 2 == 1 ? [limited, unlimited] : [unlimited, limited];
                var results = new Dictionary<ChildServer, WrkResult>();
                foreach (var server in order)
                {
                    results[server] = await Wrk.RunAsync(wrk, new Uri(server.BaseAddress, path), connections, seconds, null);
                    if (results[server].Errors > 0)
                    {
                        throw new InvalidOperationException($"{server.Name} answered {results[server].Errors} errors on {path}: the buckets are not large enough for the benchmark.");
                    }
                }

                limitedRps.Add(results[limited].RequestsPerSecond);
                unlimitedRps.Add(results[unlimited].RequestsPerSecond);
                ratios.Add(results[limited].RequestsPerSecond / results[unlimited].RequestsPerSecond);
                Console.Error.WriteLine(
                    $"  limiter pair {pair}/{pairs} {name,-22} c={connections,-3}: on {results[limited].RequestsPerSecond,10:N0} req/s, off {results[unlimited].RequestsPerSecond,10:N0} req/s, ratio {ratios[^1]:0.000}");
            }

            rows.Add(new LimiterRow(name, connections, Median(limitedRps), Median(unlimitedRps), Median(ratios), ratios.Min(), ratios.Max()));
        }

        return rows;
    }

    public static string Report(IReadOnlyList<LimiterRow> rows, int pairs, int seconds)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Rate limiter A/B ({pairs} pairs of {seconds} s wrk runs per row, order flipped each pair; target: cost ≤ 5 %)");
        report.AppendLine();
        report.AppendLine("| scenario | conns | limiter on req/s | limiter off req/s | on/off (median of pairs) | lowest | highest | cost |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Scenario} | {row.Connections} | {row.LimitedRps:N0} | {row.UnlimitedRps:N0} | {row.MedianRatio:0.000} | {row.LowestRatio:0.000} | {row.HighestRatio:0.000} | {row.Cost * 100:0.0} % |");
        }

        return report.ToString();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

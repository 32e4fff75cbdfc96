using System.Net;
using System.Text;
using KoreaPolicy.Bench;

namespace KoreaPolicy.ReliabilityBench;

/// <summary>
/// The probe's memory attack with more variety: every request carries something the server never
/// saw (a 19 KB Accept and a 7 KB Accept-Encoding that negotiate one of the article's formats, a
/// 4 KB query string, a 4 KB path, a forged host), from several clients at once. The resident set
/// is read every 200 requests; the same number of ordinary requests gives the control, what the
/// runtime takes under that load alone. Run with the store at 8 MB and at its default of 64 MB,
/// as shipped (the server garbage collector), and once more with the workstation collector, which
/// collects sooner: what is left above the store there is what the store and the server hold,
/// not garbage waiting for a collection.
/// </summary>
internal static class MemoryScenario
{
    private static readonly string[] Shapes = ["accept-article", "accept-search", "query", "path", "host", "ordinary"];

    public static async Task<string> RunAsync(string database, ReliabilityOptions options)
    {
        var report = new StringBuilder()
            .AppendLine("## Memory under header, query, path and host variety").AppendLine()
            .AppendLine($"{options.Requests:N0} requests from {options.Clients} clients per run, after 600 ordinary ones; the resident set (VmRSS) read every 200 requests.").AppendLine()
            .AppendLine("| store | GC | requests | before | peak | growth | first half's peak → last quarter's | requests/s | statuses |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var megabytes in new[] { 8, 64 })
        {
            foreach (var (hostile, workstation) in new[] { (false, false), (true, false), (true, true) })
            {
                // The child inherits this process's environment.
                Environment.SetEnvironmentVariable("DOTNET_gcServer", workstation ? "0" : null);
                var row = await RunOnceAsync(database, megabytes, hostile, workstation, options);
                Environment.SetEnvironmentVariable("DOTNET_gcServer", null);
                report.AppendLine(row);
                Console.Error.WriteLine($"  {row}");
            }
        }

        return report.AppendLine().ToString();
    }

    private static async Task<string> RunOnceAsync(string database, int megabytes, bool hostile, bool workstation, ReliabilityOptions options)
    {
        using var server = await Api.StartAsync(database, $"--Http:StoredResponsesMegabytes={megabytes}");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < 100; i++)
        {
            foreach (var shape in Shapes)
            {
                (await client.SendAsync(Request(shape, i, hostile: false))).Dispose();
            }
        }

        var baseline = server.CurrentMemory() ?? 0;
        var (peak, firstHalf, lastQuarter) = (baseline, 0L, 0L);
        var statuses = new SortedDictionary<int, int>();
        var next = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= options.Requests)
            {
                using var response = await client.SendAsync(Request(Shapes[n % Shapes.Length], n, hostile));
                await response.Content.ReadAsByteArrayAsync();
                lock (statuses)
                {
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    if (n % 200 == 0 && server.CurrentMemory() is { } now)
                    {
                        peak = Math.Max(peak, now);
                        firstHalf = n <= options.Requests / 2 ? Math.Max(firstHalf, now) : firstHalf;
                        lastQuarter = n > options.Requests * 3 / 4 ? Math.Max(lastQuarter, now) : lastQuarter;
                    }
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;

        return $"| {megabytes} MB | {(workstation ? "workstation" : "server (shipped)")} | {(hostile ? "new headers, queries, paths, hosts" : "ordinary (control)")} | {Junk.Megabytes(baseline):0} MB | "
            + $"{Junk.Megabytes(peak):0} MB | +{Junk.Megabytes(peak - baseline):0} MB | {Junk.Megabytes(firstHalf):0} → {Junk.Megabytes(lastQuarter):0} MB | "
            + $"{options.Requests / seconds:0} | {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))} |";
    }

    private static HttpRequestMessage Request(string shape, int n, bool hostile)
    {
        const string Article = "/api/articles/korea-policy-vol-3-issue-2-klingner";
        if (!hostile)
        {
            return new HttpRequestMessage(HttpMethod.Get, shape switch
            {
                "accept-search" => "/api/search?q=alliance",
                "query" => "/api/articles?fields=slug",
                "path" => "/api/articles/copy-001",
                _ => Article,
            });
        }

        var request = new HttpRequestMessage(HttpMethod.Get, shape switch
        {
            "accept-article" => Article,
            "accept-search" => "/api/search?q=alliance",
            "query" => $"/api/articles?fields=slug&x={Junk.Letters(n, 4_000)}",
            "path" => $"/api/articles/no-such-{Junk.Letters(n, 4_000)}",
            _ => $"{Article}/paragraphs/{(n % 13) + 1}",
        });
        if (shape is "accept-article" or "accept-search")
        {
            // Junk ranges, then one the article answers (a different one as n goes), in a different text each time.
            var wanted = new[] { "application/json", "text/html", "text/markdown", "text/plain" }[n % 4];
            request.Headers.TryAddWithoutValidation("Accept", string.Join(", ", Junk.Letters(n, 12_000).Chunk(40).Select(c => $"application/x-{new string(c)};q=0.1").Append(wanted)));
            request.Headers.TryAddWithoutValidation("Accept-Encoding", string.Join(", ", Junk.Letters(-n, 6_000).Chunk(40).Select(c => $"x-{new string(c)};q=0.1").Append(n % 2 == 0 ? "gzip" : "br")));
        }
        else if (shape == "host")
        {
            request.Headers.Host = $"{Junk.Letters(n, 40)}.example";
        }

        return request;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KoreaPolicy.Bench;
using KoreaPolicy.FaultBench;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;

// The fault benchmark: what writing over HTTP costs and what faults cost, on this machine.
//   1. durable writes: sequential creates, then 4 writers on 8 articles with If-Match (landed/s, 412s);
//   2. reads while those writers write, against reads alone (32 connections);
//   3. a refused key: unknown prefix against known prefix with a wrong secret, over HTTP;
//   4. crash recovery: the API killed (SIGKILL) under 4 writers, restarted: time to /health,
//      integrity, acknowledged writes lost.
// Usage: dotnet run -c Release --project bench/KoreaPolicy.FaultBench -- [--seconds 10] [--kills 5] [--out bench/results/faults.md]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var seconds = Option("--seconds", 10);
var kills = Option("--kills", 5);
var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine("bench", "results", "faults.md");

var work = Directory.CreateTempSubdirectory("koreapolicy-faultbench-").FullName;
var database = Path.Combine(work, "archive.db");
var report = new StringBuilder();
try
{
    Migrations.Apply(new ArchiveDatabase(database));
    var key = new ApiKeys(new ArchiveDatabase(database), TimeProvider.System).Create("fault benchmark", ApiScopes.Write).Text;
    var machine = MachineInfo.Describe(new ArchiveDatabase(database));
    SqliteConnection.ClearAllPools();
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

    report.AppendLine($"# Fault benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    report.AppendLine();
    report.AppendLine(machine.ToString());
    report.AppendLine();

    var server = Serve(database);
    await server.WaitForOkAsync(http, "/health", TimeSpan.FromSeconds(120));

    // --- 1. Durable writes.
    var creates = new List<double>();
    for (var i = 1; i <= 200; i++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await Pages.PutAsync(http, server.BaseAddress, i, 1, condition: null);
        creates.Add(clock.Elapsed.TotalMilliseconds);
        response.EnsureSuccessStatusCode();
    }

    var writers = await Pages.WriteUnderContentionAsync(http, server.BaseAddress, articles: 8, writers: 4, TimeSpan.FromSeconds(seconds), CancellationToken.None);
    report.AppendLine("## 1. Durable writes over HTTP (each committed with synchronous=FULL before its answer)");
    report.AppendLine();
    report.AppendLine("| what | writes | writes/s | p50 ms | p99 ms | 412s | lost updates | other non-2xx (`database is locked`) |");
    report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    report.AppendLine($"| 200 new articles, one at a time | 200 | {200 / (creates.Sum() / 1000):N1} | {Latency.Percentile(creates, 50):0.0} | {Latency.Percentile(creates, 99):0.0} | 0 | 0 | 0 (0) |");
    report.AppendLine($"| 4 writers on 8 articles, GET then PUT with If-Match, {seconds} s | {writers.Landed} | {writers.Landed / (double)seconds:N1} | {Latency.Percentile(writers.PutMs, 50):0.0} | {Latency.Percentile(writers.PutMs, 99):0.0} | {writers.Refused} ({writers.Refused * 100.0 / Math.Max(1, writers.Landed + writers.Refused):0} %) | {writers.Lost} | {writers.Errors} ({writers.Locked}) |");
    report.AppendLine();

    // --- 2. Reads alone, then reads while the writers write.
    var alone = await Pages.ReadAsync(http, server.BaseAddress, connections: 32, TimeSpan.FromSeconds(seconds), CancellationToken.None);
    using (var stop = new CancellationTokenSource())
    {
        var writing = Pages.WriteUnderContentionAsync(http, server.BaseAddress, 8, 4, TimeSpan.FromSeconds(seconds), stop.Token);
        var underWrites = await Pages.ReadAsync(http, server.BaseAddress, 32, TimeSpan.FromSeconds(seconds), CancellationToken.None);
        var during = await writing;
        report.AppendLine($"## 2. Reads of the articles being written, 32 connections, {seconds} s each");
        report.AppendLine();
        report.AppendLine("| while | reads/s | p50 ms | p99 ms | non-200 | torn (two revisions in one answer, or a part missing) | writes landed meanwhile (412s, lost, other non-2xx) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        report.AppendLine($"| nothing writes | {alone.Count / (double)seconds:N0} | {Latency.Percentile(alone.Ms, 50):0.00} | {Latency.Percentile(alone.Ms, 99):0.00} | {alone.Failures} | {alone.Torn} | 0 |");
        report.AppendLine($"| 4 writers write | {underWrites.Count / (double)seconds:N0} | {Latency.Percentile(underWrites.Ms, 50):0.00} | {Latency.Percentile(underWrites.Ms, 99):0.00} | {underWrites.Failures} | {underWrites.Torn} | {during.Landed} ({during.Refused}, {during.Lost}, {during.Errors}) |");
        report.AppendLine();
    }

    // --- 3. Refused keys: the same answer in the same time, known prefix or not.
    var known = key.Split('_')[1];
    var wrong = $"kp_{known}_{Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
    var unknown = $"kp_zzzzzzzz_{Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
    var timings = new Dictionary<string, List<double>> { [wrong] = [], [unknown] = [] };
    var not401 = 0;
    for (var i = 0; i < 2000; i++)
    {
        var presented = i % 2 == 0 ? wrong : unknown;
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(server.BaseAddress, "/api/articles/fault-0001"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", presented);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        not401 += response.StatusCode == HttpStatusCode.Unauthorized ? 0 : 1;
        if (i >= 200)
        {
            timings[presented].Add(clock.Elapsed.TotalMicroseconds);
        }
    }

    report.AppendLine("## 3. A refused key over HTTP (1,800 interleaved DELETEs after 200 unmeasured)");
    report.AppendLine();
    report.AppendLine($"Answers other than 401 among the 2,000: {not401}.");
    report.AppendLine();
    report.AppendLine("| key | p50 µs | p90 µs |");
    report.AppendLine("|---|---:|---:|");
    report.AppendLine($"| known prefix, wrong secret | {Latency.Percentile(timings[wrong], 50):0} | {Latency.Percentile(timings[wrong], 90):0} |");
    report.AppendLine($"| unknown prefix | {Latency.Percentile(timings[unknown], 50):0} | {Latency.Percentile(timings[unknown], 90):0} |");
    report.AppendLine();

    // --- 4. Crash recovery.
    report.AppendLine($"## 4. The API killed (SIGKILL) under 4 writers, {kills} times, and restarted");
    report.AppendLine();
    report.AppendLine("| kill | writes answered before it | restart to /health 200 | integrity_check | FTS5 check | answered writes lost |");
    report.AppendLine("|---:|---:|---:|---|---|---:|");
    var random = new Random(20261202);
    var answered = new Dictionary<string, int>();
    for (var kill = 1; kill <= kills; kill++)
    {
        using var stop = new CancellationTokenSource();
        var writing = Pages.WriteUnderContentionAsync(http, server.BaseAddress, 8, 4, TimeSpan.FromMinutes(5), stop.Token, answered);
        await Task.Delay(1000 + random.Next(0, 1000));
        server.Dispose();
        stop.Cancel();
        var before = (await writing).Landed;

        var restart = Stopwatch.StartNew();
        server = Serve(database);
        await server.WaitForOkAsync(http, "/health", TimeSpan.FromSeconds(120));
        var recovery = restart.Elapsed;
        var (integrity, fts) = Checks.Integrity(database);
        var lost = answered.Count(a => Checks.Revision(database, a.Key) < a.Value);
        report.AppendLine($"| {kill} | {before} | {recovery.TotalMilliseconds:N0} ms | {integrity} | {fts} | {lost} |");
    }

    server.Dispose();
    report.AppendLine();
    Console.WriteLine(report);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
    File.WriteAllText(outPath, report.ToString());
    return 0;
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

// The Release API over the database, at its shipped log levels, with buckets too large to empty: a benchmark is one client address.
static ChildServer Serve(string database) => ChildServer.Start("The API", "KoreaPolicy.Api.dll",
[
    $"--Database:Path={database}",
    "--Ingestion:Path=",
    .. RateLimitSettings.Unrestricted,
    "--RateLimits:Writes:TokenLimit=1000000000",
    "--RateLimits:Writes:TokensPerPeriod=1000000000",
]);

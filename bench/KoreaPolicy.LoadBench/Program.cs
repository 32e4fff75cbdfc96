using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KoreaPolicy.Bench;
using KoreaPolicy.LoadBench;
using KoreaPolicy.Storage;

// Figures are read by people on any machine: the same decimal point everywhere.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var wrk = Wrk.Find();
if (wrk is null)
{
    Console.Error.WriteLine(Wrk.Missing);
    return 3;
}

var articles = Path.GetFullPath(options.Articles);
if (!Directory.Exists(articles))
{
    Console.Error.WriteLine($"The articles folder {articles} does not exist; run from the repository root or pass --articles.");
    return 2;
}

var elapsed = Stopwatch.StartNew();
var work = Directory.CreateTempSubdirectory("koreapolicy-loadbench-").FullName;
ChildServer? api = null;
try
{
    using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    // --- Cold starts: a new process over a new database each time; the last one stays up for the load.
    var coldStarts = new List<TimeSpan>();
    string database = "";
    for (var i = 1; i <= options.ColdStarts; i++)
    {
        api?.Dispose();
        database = Path.Combine(work, $"cold-start-{i}", "koreapolicy.db");
        // The shipped configuration (appsettings.json beside the dll): only where the data is.
        // One client address sending thousands of requests: buckets too large to empty (the limiter still runs).
        api = ChildServer.Start("The API", "KoreaPolicy.Api.dll", [$"--Database:Path={database}", $"--Ingestion:Path={articles}", .. RateLimitSettings.Unrestricted]);
        // Ready: migrated and the start-up ingestion finished (the list could answer before it has).
        var coldStart = await api.WaitForOkAsync(client, "/health/ready", TimeSpan.FromSeconds(60));
        coldStarts.Add(coldStart);
        Console.Error.WriteLine($"Cold start {i}: {coldStart.TotalMilliseconds:0} ms from process start to the first 200 on /api/articles (fresh database, {articles} ingested).");
    }

    var server = api!;
    var apiMemoryAfterStart = server.CurrentMemory();
    var machine = MachineInfo.Describe(new ArchiveDatabase(database));
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    var slug = await FirstSlugAsync(client, server.BaseAddress);
    var scenarios = LoadScenarios.For(slug);
    if (options.LimiterOnly)
    {
        var pairs = Math.Max(1, options.AbPairs);
        Console.WriteLine(machine);
        Console.WriteLine(LimiterComparison.Report(
            await LimiterComparison.RunAsync(wrk, client, server, database, scenarios, pairs, options.AbSeconds, options.WarmUpSeconds), pairs, options.AbSeconds));
        return 0;
    }

    if (options.MetricsOnly)
    {
        var pairs = Math.Max(1, options.AbPairs);
        Console.WriteLine(machine);
        Console.WriteLine(MetricsCost.Report(
            await MetricsCost.RunAsync(wrk, client, server, database, articles, scenarios, pairs, options.AbSeconds, options.WarmUpSeconds), pairs, options.AbSeconds));
        return 0;
    }

    // --- The floor: the API's own answers, recorded and replayed from memory.
    var floorFolder = Path.Combine(work, "floor");
    var recorded = await ResponseRecorder.RecordAsync(client, server.BaseAddress, scenarios, floorFolder);
    using var floor = ChildServer.Start("The floor", "KoreaPolicy.Floor.dll",
        [$"--Responses={floorFolder}", "--Logging:LogLevel:Default=Warning"]);
    await floor.WaitForOkAsync(client, scenarios[0].PathAndQuery, TimeSpan.FromSeconds(60));
    await ResponseRecorder.CheckFloorAsync(client, floor.BaseAddress, recorded);
    Console.Error.WriteLine($"The floor answers all {recorded.Count} scenarios with the API's bytes, headers and statuses.");

    var sides = new Dictionary<Side, ChildServer> { [Side.Api] = server, [Side.Floor] = floor };
    string? TagFor(LoadScenario scenario) => scenario.Conditional ? recorded.First(r => r.Scenario == scenario).ETag : null;

    // --- Warm-up: every URL on both sides, unmeasured, so JIT tiering and the output cache are settled.
    if (options.WarmUpSeconds > 0)
    {
        Console.Error.WriteLine($"Warming up: {options.WarmUpSeconds} s per scenario per side at 64 connections...");
        foreach (var scenario in scenarios)
        {
            foreach (var side in sides.Values)
            {
                await Wrk.RunAsync(wrk, new Uri(side.BaseAddress, scenario.PathAndQuery), 64, options.WarmUpSeconds, TagFor(scenario));
            }
        }
    }

    // --- Measured: API and floor back to back for each scenario and connection count; the order
    // flips every round (A B, B A, A B...) so drift and neighbours' noise fall on both.
    var cells = scenarios.SelectMany(s => LoadScenarios.Connections.Select(c => new Cell(s, c))).ToList();
    for (var round = 1; round <= options.Rounds; round++)
    {
        Side[] order = round % 2 == 1 ? [Side.Api, Side.Floor] : [Side.Floor, Side.Api];
        foreach (var cell in cells)
        {
            foreach (var side in order)
            {
                var result = await Wrk.RunAsync(wrk, new Uri(sides[side].BaseAddress, cell.Scenario.PathAndQuery), cell.Connections, options.Seconds, TagFor(cell.Scenario));
                cell.Of(side).Add(result);
                Console.Error.WriteLine(
                    $"  round {round}/{options.Rounds} {cell.Scenario.Name,-30} c={cell.Connections,-3} {side,-5}: {result.RequestsPerSecond,10:N0} req/s, p50 {result.P50Ms:0.000} ms, p99 {result.P99Ms:0.000} ms, errors {result.Errors}");
            }
        }
    }

    // --- The cost of metrics: the same build over the same database with metrics off, in pairs.
    IReadOnlyList<MetricsCostRow> metricsCost = options.AbPairs > 0
        ? await MetricsCost.RunAsync(wrk, client, server, database, articles, scenarios, options.AbPairs, options.AbSeconds, options.WarmUpSeconds)
        : [];

    // --- The cost of the rate limiter: the same build over the same database with it off, in pairs.
    IReadOnlyList<MetricsCostRow> limiterCost = options.AbPairs > 0
        ? await LimiterComparison.RunAsync(wrk, client, server, database, scenarios, options.AbPairs, options.AbSeconds, options.WarmUpSeconds)
        : [];

    var run = new LoadRun(options, machine, WrkVersion(wrk), coldStarts, recorded, cells,
        server.PeakMemory(), apiMemoryAfterStart, floor.PeakMemory(), metricsCost, elapsed.Elapsed);
    var report = LoadReport.Write(run) + (limiterCost.Count > 0 ? "\n" + LimiterComparison.Report(limiterCost, options.AbPairs, options.AbSeconds) : "");
    Console.WriteLine(report);
    var outDirectory = Path.GetDirectoryName(Path.GetFullPath(options.Out));
    if (outDirectory is not null)
    {
        Directory.CreateDirectory(outDirectory);
    }

    File.WriteAllText(options.Out, report);
    Console.Error.WriteLine($"Report written to {Path.GetFullPath(options.Out)}");
    // Errors make the figures meaningless; a missed target does not: the report says which.
    return cells.Any(c => c.Api.Concat(c.Floor).Any(r => r.Errors > 0))
        || metricsCost.Concat(limiterCost).Any(m => m.With.Concat(m.Without).Any(r => r.Errors > 0)) ? 1 : 0;
}
finally
{
    api?.Dispose();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
}

static async Task<string> FirstSlugAsync(HttpClient client, Uri api)
{
    using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri(api, "/api/articles")));
    return list.RootElement.GetProperty("items")[0].GetProperty("slug").GetString()
        ?? throw new InvalidOperationException("The API lists an article without a slug.");
}

// "wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer": printed on its usage screen.
static string WrkVersion(string wrk)
{
    var start = new ProcessStartInfo(wrk, "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    using var process = Process.Start(start);
    if (process is null)
    {
        return "wrk";
    }

    var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
    process.WaitForExit();
    return text.Split('\n').FirstOrDefault(l => l.StartsWith("wrk ", StringComparison.Ordinal))?.Split(" Copyright")[0].Trim() ?? "wrk";
}

using System.Globalization;
using KoreaPolicy.Bench;
using KoreaPolicy.Storage;

// Figures are read by people on any machine: the same decimal point everywhere.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var work = Directory.CreateTempSubdirectory("koreapolicy-bench-").FullName;
try
{
    Console.Error.WriteLine($"Working in {work}");

    Console.Error.WriteLine($"Generating and checking {options.Articles:N0} articles (seed {options.Seed})...");
    var corpus = Corpus.Write(Path.Combine(work, "articles"), options.Articles, options.Seed);
    Console.Error.WriteLine($"  {corpus.Paragraphs:N0} paragraphs in {corpus.Elapsed.TotalSeconds:0.0} s; every file parses as generated.");

    Console.Error.WriteLine("Ingesting into a fresh database...");
    var ingestion = IngestionBenchmark.Run(corpus.Folder, work);
    Console.Error.WriteLine($"  {ingestion.Files:N0} files in {ingestion.Elapsed.TotalSeconds:0.0} s, {ingestion.Failures} failures.");

    var database = new ArchiveDatabase(ingestion.DatabasePath);
    var machine = MachineInfo.Describe(database);
    // The API gets the database to itself: no pooled connection of ours stays open on it.
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    Console.Error.WriteLine("Starting the API and measuring HTTP latency...");
    IReadOnlyList<ScenarioResult> scenarios;
    using (var server = await ApiServer.StartAsync(ingestion.DatabasePath))
    {
        var http = new HttpLatencyBenchmark(server.BaseAddress, options.Requests, options.WarmUp, TimeSpan.FromSeconds(options.MaxSecondsPerScenario));
        scenarios = await http.RunAsync(Scenarios.All, Scenarios.Values(corpus.Slugs),
            s => Console.Error.WriteLine($"  {s.Name}: median {s.Median:0.00} ms, p99 {s.P99:0.00} ms, {s.Statuses}"));
    }

    // After the API has stopped, so the two cores are the floor's alone, as they were the API's.
    Console.Error.WriteLine("Measuring the search floor (FTS5 alone, and Lucene.NET for reference)...");
    var floor = SearchFloor.Run(database, work, Scenarios.Values(corpus.Slugs), options.FloorRounds, Console.Error.WriteLine);

    var report = Report.Write(options, machine, corpus, ingestion, scenarios, floor);
    Console.WriteLine(report);
    var outDirectory = Path.GetDirectoryName(Path.GetFullPath(options.Out));
    if (outDirectory is not null)
    {
        Directory.CreateDirectory(outDirectory);
    }

    File.WriteAllText(options.Out, report);
    Console.Error.WriteLine($"Report written to {Path.GetFullPath(options.Out)}");
    return ingestion.Failures == 0 ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (options.Keep)
    {
        Console.Error.WriteLine($"Kept {work}");
    }
    else
    {
        Directory.Delete(work, recursive: true);
    }
}

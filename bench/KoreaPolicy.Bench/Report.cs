using System.Globalization;
using System.Text;

namespace KoreaPolicy.Bench;

/// <summary>The run's figures as Markdown, for the terminal and for bench/results.</summary>
internal static class Report
{
    public static string Write(BenchOptions options, MachineInfo machine, CorpusSummary corpus, IngestionResult ingestion, IReadOnlyList<ScenarioResult> scenarios, IReadOnlyList<FloorResult> floor)
    {
        var md = new StringBuilder();
        md.Line("# KoreaPolicy scale benchmark");
        md.Line();
        md.Line($"Run {machine.Date:yyyy-MM-dd HH:mm} UTC: `--articles {options.Articles} --requests {options.Requests} --seed {options.Seed}`");
        md.Line();
        md.Line("## Machine");
        md.Line();
        md.Line($"- CPU: {machine.Cpu}, {machine.Processors} logical processors (nproc)");
        md.Line($"- RAM: {machine.Memory}");
        md.Line($"- OS: {machine.OperatingSystem}");
        md.Line($"- .NET: {machine.DotNet}; SQLite {machine.Sqlite}");
        md.Line();

        md.Line("## Corpus");
        md.Line();
        md.Line("| articles | paragraphs | sections | size | generated and checked in | SHA-256 (names + bytes) |");
        md.Line("|---:|---:|---:|---:|---:|---|");
        md.Line($"| {corpus.Articles:N0} | {corpus.Paragraphs:N0} | {corpus.Sections:N0} | {Megabytes(corpus.Bytes)} | {Seconds(corpus.Elapsed)} | `{corpus.Sha256[..16]}…` |");
        md.Line();

        md.Line("## Ingestion (engine `IngestRun`, fresh database)");
        md.Line();
        md.Line("| files | failures | articles stored | paragraphs stored | total | articles/s | database | -wal after checkpoint |");
        md.Line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.Line($"| {ingestion.Files:N0} | {ingestion.Failures} | {ingestion.ArticlesStored:N0} | {ingestion.ParagraphsStored:N0} | {Seconds(ingestion.Elapsed)} | {ingestion.ArticlesPerSecond:N0} | {Megabytes(ingestion.DatabaseBytes)} | {Megabytes(ingestion.WalBytes)} |");
        md.Line();
        md.Line("Where the time goes (each half timed alone over the same files):");
        md.Line();
        md.Line("| read + parse + record | save only (fresh database) | per article: parse | per article: save |");
        md.Line("|---:|---:|---:|---:|");
        md.Line($"| {Seconds(ingestion.ReadAndParse)} | {Seconds(ingestion.WriteOnly)} | {PerArticle(ingestion.ReadAndParse, ingestion.Files)} | {PerArticle(ingestion.WriteOnly, ingestion.Files)} |");
        foreach (var error in ingestion.FirstErrors)
        {
            md.Line($"- failure: {error}");
        }

        md.Line();
        md.Line("## HTTP latency (Release API, sequential, one keep-alive connection)");
        md.Line();
        md.Line("Milliseconds per request including reading the body. Non-2xx counts every answer outside 200–299.");
        md.Line();
        md.Line("| scenario | first URL | n | median | p90 | p99 | max | non-2xx | statuses | mean body |");
        md.Line("|---|---|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var s in scenarios)
        {
            var n = s.StoppedEarly ? $"{s.Requests}*" : s.Requests.ToString(CultureInfo.InvariantCulture);
            md.Line($"| {s.Name} | `{s.ExampleUrl}` | {n} | {s.Median:0.00} | {s.P90:0.00} | {s.P99:0.00} | {s.Max:0.00} | {s.Non2xx} | {s.Statuses} | {Bytes(s.MeanBytes)} |");
        }

        if (scenarios.Any(s => s.StoppedEarly))
        {
            md.Line();
            md.Line($"\\* stopped at the time limit of {options.MaxSecondsPerScenario} s per scenario.");
        }

        WriteFloor(md, options, scenarios, floor);

        return md.ToString();
    }

    private static void WriteFloor(StringBuilder md, BenchOptions options, IReadOnlyList<ScenarioResult> scenarios, IReadOnlyList<FloorResult> floor)
    {
        md.Line();
        md.Line("## Search floor (in process, the API stopped)");
        md.Line();
        md.Line($"Milliseconds per query, median / p99 over {options.FloorRounds} rounds of each shape's five queries. FTS5 rows are one");
        md.Line("statement each on the benchmark's database: counting the matches (the total every page reports), and");
        md.Line($"ranking them for the first page of {Scenarios.PageSize} ids (no snippet, no rows, no JSON). Their sum is the least an exact");
        md.Line("total and a bm25 page cost with FTS5. Lucene.NET (4.8, BM25, one field, one memory-mapped segment)");
        md.Line("does both in one call over the same passages, for reference. The last column is the API's uncached");
        md.Line("median from the HTTP table above (same run).");
        md.Line();
        md.Line("| shape | matches (mean) | FTS5 count | FTS5 ranked page | FTS5 sum of medians | Lucene.NET page + total | API uncached |");
        md.Line("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var f in floor)
        {
            var api = scenarios.FirstOrDefault(s => s.Name == "search, uncached: " + f.Shape);
            var apiMedian = api is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{api.Median:0.00}");
            md.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {f.Shape} | {f.MeanMatches:N0} | {f.Count.Median:0.00} / {f.Count.P99:0.00} | {f.RankedPage.Median:0.00} / {f.RankedPage.P99:0.00} | {f.Count.Median + f.RankedPage.Median:0.00} | {f.Lucene.Median:0.00} / {f.Lucene.P99:0.00} ({f.LuceneMeanMatches:N0} matches) | {apiMedian} |"));
        }
    }

    private static void Line(this StringBuilder md, string text = "") => md.Append(text).Append('\n');

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");

    private static string PerArticle(TimeSpan span, int files) =>
        string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds / Math.Max(1, files):0.00} ms");

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MiB");

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024 / 1024:0.0} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B"),
    };
}

using System.Globalization;
using System.Text;

namespace KoreaPolicy.Bench;

/// <summary>The run's figures as Markdown, for the terminal and for bench/results.</summary>
internal static class Report
{
    public static string Write(BenchOptions options, MachineInfo machine, CorpusSummary corpus, IngestionResult ingestion, IReadOnlyList<ScenarioResult> scenarios)
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

        return md.ToString();
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

using System.Globalization;
using System.Text.Json;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Hosting;

/// <summary>The <c>ingest</c> command. At start-up the server ingests with <see cref="StartUpIngestion"/>.</summary>
public static class IngestCommand
{
    /// <summary>
    /// <c>ingest [--prune] &lt;file or folder&gt;...</c>: one line per file, printed as soon as the file
    /// is done (a long run shows its progress, and a stuck one where it is); with <c>--prune</c>, then
    /// one line per article withdrawn because its file is gone from the folders given. Exit code 1 if
    /// any file failed, 2 on a usage error (pruning needs a folder: files alone say nothing of what is gone).
    /// </summary>
    public static int Run(IngestRun ingest, IReadOnlyList<string> paths, bool prune, TextWriter output, TextWriter errors)
    {
        if (paths.Count == 0 || (prune && !paths.Any(Directory.Exists)))
        {
            errors.WriteLine(paths.Count == 0 ? Usage : $"--prune needs at least one folder: the folders given are the whole set of article files.\n{Usage}");
            return 2;
        }

        var failed = 0;
        // Pruning is lazy: it walks the folders once the ingest above has run.
        foreach (var result in ingest.IngestEach(paths).Concat(prune ? ingest.Prune(paths) : []))
        {
            (result.Failed ? errors : output).WriteLine(result);
            failed += result.Failed ? 1 : 0;
        }

        return failed == 0 ? 0 : 1;
    }

    private const string Usage = "usage: KoreaPolicy.Api ingest [--dry-run [--json]] [--prune] <file or folder>... [--Database:Path=<file>]";

    /// <summary>
    /// <c>ingest --dry-run [--json] &lt;file or folder&gt;...</c>: what the parser makes of each file,
    /// written nothing. Per file: the layout, journal, issue, title and where it came from, kind,
    /// authors, date, metadata, sections and paragraphs, every warning, or why the page is refused;
    /// with <c>--json</c>, the same as one JSON object per line (<see cref="RecognitionReport"/>).
    /// Exit code 1 if any file would be refused, 2 on a usage error.
    /// </summary>
    public static int DryRun(IReadOnlyList<string> paths, bool json, TextWriter output, TextWriter errors)
    {
        if (paths.Count == 0)
        {
            errors.WriteLine(Usage);
            return 2;
        }

        var refused = 0;
        foreach (var report in IngestRun.DryRun(paths))
        {
            refused += report.Error is null ? 0 : 1;
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(RecognitionReport.From(report) with { Path = report.Path }, ApiJsonContext.Default.RecognitionReport));
            }
            else
            {
                WriteReport(report, output);
            }
        }

        return refused == 0 ? 0 : 1;
    }

    // The report for people: one block per file, a heading line and indented facts.
    private static void WriteReport(PageReport report, TextWriter output)
    {
        if (report.Error is { } error)
        {
            output.WriteLine($"refused {error}");
            output.WriteLine();
            return;
        }

        output.WriteLine($"{report.Path} → {report.Slug}");
        void Fact(string name, string? value) => output.WriteLine($"  {name + ":",-14}{value ?? "(none)"}");
        Fact("layout", $"{report.Layout!.Value.Letter()} ({report.Layout.Value.Describe()})");
        Fact("journal", report.Journal is { } journal ? journal.Name + (journal.Publisher is { } p ? $" ({p})" : "") : null);
        Fact("issue", report.Issue is { } issue
            ? issue.Label + $" [volume {issue.Volume?.ToString(CultureInfo.InvariantCulture) ?? "-"}, number {issue.Number?.ToString(CultureInfo.InvariantCulture) ?? "-"}, year {issue.Year?.ToString(CultureInfo.InvariantCulture) ?? "-"}]"
            : null);
        Fact("title", $"{report.Title} ({report.TitleSource!.Value.ToString().ToLowerInvariant()})");
        Fact("kind", report.Kind?.Name());
        Fact("authors", report.Authors.Count > 0 ? string.Join("; ", report.Authors) : null);
        Fact("themes", report.Themes.Count > 0 ? string.Join("; ", report.Themes) : null);
        Fact("published", report.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var entry in report.Metadata)
        {
            Fact("metadata", $"{entry.Name}: {entry.Value}");
        }

        Fact("text", $"{report.Sections.Count} section(s), {report.ParagraphCount} paragraph(s){(report.Truncated ? ", truncated" : "")}");
        foreach (var section in report.Sections)
        {
            output.WriteLine($"    {section.Heading ?? "(lead)"}: {section.Paragraphs} paragraph(s){(section.ListItems > 0 ? $", {section.ListItems} list item(s)" : "")}");
        }

        foreach (var warning in report.Warnings)
        {
            Fact("warning", warning);
        }

        output.WriteLine();
    }
}

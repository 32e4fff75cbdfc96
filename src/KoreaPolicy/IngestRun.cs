using KoreaPolicy.Diagnostics;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;

namespace KoreaPolicy;

/// <summary>What became of one file in an ingest run.</summary>
/// <param name="ArticleSlug">The article the file is: its own, or for a duplicate the one it repeats.</param>
/// <param name="DuplicateOf">For a duplicate, the file the article was first ingested from.</param>
public sealed record IngestResult(string Path, SaveOutcome? Outcome, string? ArticleSlug, string? Error, string? DuplicateOf = null)
{
    public bool Failed => Error is not null;

    /// <summary>One line for a terminal: "ingested path → slug", "duplicate path → slug (...)", or the error in file:line form.</summary>
    public override string ToString() => Outcome switch
    {
        SaveOutcome.Duplicate => $"duplicate {Path} → {ArticleSlug} (the same article as {DuplicateOf}; not stored again)",
        { } outcome => $"{outcome.ToString().ToLowerInvariant()} {Path} → {ArticleSlug}",
        null => $"error {Error}",
    };
}

/// <summary>
/// Ingests files and folders: reads each text, parses it and saves it as one transaction.
/// A bad file is reported and skipped; the others of the run still go in. It joins Ingestion
/// (text → records) and Storage (records → SQLite), which know nothing of each other, so it
/// stands above both, in the engine's root namespace.
/// </summary>
public sealed class IngestRun(ArticleWriter writer, ArchiveMetrics? metrics = null)
{
    /// <summary>
    /// Ingests every file, in order. Reading and parsing (pure, and a sixth of the time) run
    /// ahead on the other cores while this thread saves, one article per transaction, in the
    /// files' order; SQLite has one writer anyway.
    /// </summary>
    public IReadOnlyList<IngestResult> Ingest(IEnumerable<string> paths) =>
        paths.SelectMany(Expand)
            .AsParallel()
            .AsOrdered()
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(Prepare)
            .AsSequential()
            .Select(Save)
            .Select(Counted)
            .ToList();

    private IngestResult Counted(IngestResult result)
    {
        metrics?.Ingested(result.Outcome);
        return result;
    }

    // A file read, checked and parsed into a record, or the error that stopped it.
    private static (string Path, ArticleRecord? Article, string? Error) Prepare(string path)
    {
        try
        {
            return (path, Record(ArticleFile.Read(path)), null);
        }
        catch (IngestionException e)
        {
            return (path, null, e.Message);
        }
    }

    private IngestResult Save((string Path, ArticleRecord? Article, string? Error) prepared)
    {
        var (path, article, error) = prepared;
        if (article is null)
        {
            return new IngestResult(path, null, null, error);
        }

        try
        {
            var outcome = writer.Save(article, out var original);
            return original is null
                ? new IngestResult(path, outcome, article.Slug, null)
                : new IngestResult(path, outcome, original.Slug, null, original.SourceName);
        }
        catch (IngestionException e)
        {
            return new IngestResult(path, null, null, e.Message);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // The transaction rolled back: the archive still holds what it held before.
            return new IngestResult(path, null, null, $"{path}: not saved, the database refused it: {e.Message}");
        }
    }

    /// <summary>
    /// A folder stands for the article texts (*.txt) in it and below it, in a fixed order;
    /// a file named on its own is taken whatever its extension, so a wrong one gets a clear error.
    /// </summary>
    public static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [path];

    /// <summary>
    /// The record to save for an article's text and sidecar, however they came (a file on disk,
    /// or a body over HTTP through <see cref="ArticlePublisher"/>): parsed, checked and derived
    /// here and nowhere else. Throws <see cref="IngestionException"/> with the file and line.
    /// </summary>
    public static ArticleRecord Record(ArticleFile file) => ArticleRecords.Create(file, ArticleParser.Parse(file));

    /// <summary>
    /// What each file would give, without writing anything: the parser's report per file, in
    /// order, a refused file with its reason.
    /// </summary>
    public static IEnumerable<PageReport> DryRun(IEnumerable<string> paths) =>
        paths.SelectMany(Expand).Select(path =>
        {
            try
            {
                return PageReport.Of(ArticleFile.Read(path));
            }
            catch (IngestionException e)
            {
                return PageReport.Refused(path, e.Message);
            }
        });
}

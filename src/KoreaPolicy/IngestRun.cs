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

    /// <summary>
    /// One line for a terminal: "ingested path → slug", "duplicate path → slug (...)", or the error
    /// in file:line form; paths escaped (<see cref="DisplayPath"/>), so a line is one line.
    /// </summary>
    public override string ToString() => Outcome switch
    {
        SaveOutcome.Duplicate => $"duplicate {DisplayPath.Of(Path)} → {ArticleSlug} (the same article as {DisplayPath.Of(DuplicateOf ?? "")}; not stored again)",
        { } outcome => $"{outcome.ToString().ToLowerInvariant()} {DisplayPath.Of(Path)} → {ArticleSlug}",
        null => $"error {Error}",
    };
}

/// <summary>
/// Ingests files and folders: reads each text, parses it and saves it as one transaction.
/// A bad file or folder entry is reported and skipped; the others of the run still go in. It joins Ingestion
/// (text → records) and Storage (records → SQLite), which know nothing of each other, so it
/// stands above both, in the engine's root namespace.
/// </summary>
public sealed class IngestRun(ArticleWriter writer, ArchiveMetrics? metrics = null)
{
    /// <summary>Ingests every file, in order, and returns every result once the run is over.</summary>
    public IReadOnlyList<IngestResult> Ingest(IEnumerable<string> paths) => IngestEach(paths).ToList();

    /// <summary>
    /// Ingests every file, in order, handing back each result as soon as it and those before it
    /// are done, so a caller can print progress line by line. Reading and parsing (pure, and a
    /// sixth of the time) run ahead on the other cores while this thread saves, one article per
    /// transaction, in the files' order; SQLite has one writer anyway.
    /// </summary>
    public IEnumerable<IngestResult> IngestEach(IEnumerable<string> paths) =>
        paths.SelectMany(ArticleSources.Expand)
            .AsParallel()
            .AsOrdered()
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(Prepare)
            .AsSequential()
            .Select(Save)
            .Select(Counted);

    private IngestResult Counted(IngestResult result)
    {
        metrics?.Ingested(result.Outcome);
        return result;
    }

    // A file read, checked and parsed into a record, or the error that stopped it.
    private static (string Path, ArticleRecord? Article, string? Error) Prepare(SourceEntry source)
    {
        if (source.Problem is { } problem)
        {
            return (source.Path, null, new IngestionException(source.Path, null, problem).Message);
        }

        try
        {
            return (source.Path, Record(ArticleFile.Read(source.Path)), null);
        }
        catch (IngestionException e)
        {
            return (source.Path, null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Whatever the checks did not foresee still stops this file only, never the run.
            return (source.Path, null, new IngestionException(source.Path, null, $"cannot be read: {e.Message}").Message);
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
            var result = writer.Save(article, ArticleChange.Ingest);
            return result.Original is not { } original
                ? new IngestResult(path, result.Outcome, article.Slug, null)
                : new IngestResult(path, result.Outcome, original.Slug, null, original.SourceName);
        }
        catch (IngestionException e)
        {
            return new IngestResult(path, null, null, e.Message);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // The transaction rolled back: the archive still holds what it held before.
            return new IngestResult(path, null, null, new IngestionException(path, null, $"not saved, the database refused it: {e.Message}").Message);
        }
    }

    /// <summary>
    /// Withdraws every article that came from a file no longer among the files of
    /// <paramref name="paths"/> (a folder stands for its texts, as in <see cref="Ingest"/>): the
    /// folders given are taken to be the whole set of article files. Articles published over HTTP
    /// (never from a file) are left alone. Each withdrawal is its own transaction, logged and
    /// sent to the subscriptions as any other. The folders are walked when the result is first
    /// enumerated, so after an ingest run it sees the files that run saw.
    /// </summary>
    public IEnumerable<IngestResult> Prune(IEnumerable<string> paths)
    {
        var entries = paths.SelectMany(ArticleSources.Expand).ToList();
        // A folder that was not walked (unreadable, or met twice) may still hold files: withdrawing
        // their articles would lose what no one asked to remove, so nothing is pruned.
        if (entries.FirstOrDefault(entry => entry.Problem is not null && Directory.Exists(entry.Path)) is { } unwalked)
        {
            yield return new IngestResult(unwalked.Path, null, null,
                new IngestionException(unwalked.Path, null, $"{unwalked.Problem}; nothing is pruned, as files in it may still be there").Message);
            yield break;
        }

        var present = entries.Select(entry => Path.GetFileName(entry.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var article in writer.FileArticles().Where(article => !present.Contains(article.SourceName)))
        {
            if (writer.Withdraw(article.Slug, ArticleChange.Prune).Outcome == SaveOutcome.Withdrawn)
            {
                yield return new IngestResult(article.SourceName, SaveOutcome.Withdrawn, article.Slug, null);
            }
        }
    }

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
        paths.SelectMany(ArticleSources.Expand).Select(source =>
        {
            try
            {
                return source.Problem is { } problem
                    ? PageReport.Refused(source.Path, new IngestionException(source.Path, null, problem).Message)
                    : PageReport.Of(ArticleFile.Read(source.Path));
            }
            catch (IngestionException e)
            {
                return PageReport.Refused(source.Path, e.Message);
            }
        });
}

using KoreaPolicy.Storage;

namespace KoreaPolicy.Ingestion;

/// <summary>What became of one file in an ingest run.</summary>
public sealed record IngestResult(string Path, SaveOutcome? Outcome, string? ArticleSlug, string? Error)
{
    public bool Failed => Error is not null;

    /// <summary>One line for a terminal: "ingested path → slug", or the error in file:line form.</summary>
    public override string ToString() => Outcome switch
    {
        { } outcome => $"{outcome.ToString().ToLowerInvariant()} {Path} → {ArticleSlug}",
        null => $"error {Error}",
    };
}

/// <summary>
/// Ingests files and folders: reads each text, parses it and saves it as one transaction.
/// A bad file is reported and skipped; the others of the run still go in.
/// </summary>
public sealed class IngestRun(ArticleWriter writer)
{
    public IReadOnlyList<IngestResult> Ingest(IEnumerable<string> paths) =>
        paths.SelectMany(Expand).Select(IngestFile).ToList();

    public IngestResult IngestFile(string path)
    {
        try
        {
            var file = ArticleFile.Read(path);
            var parsed = Parse(file);
            var article = ArticleRecord.Create(file, parsed);
            var outcome = writer.Save(article);
            return new IngestResult(path, outcome, article.Slug, null);
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

    private static Model.ParsedArticle Parse(ArticleFile file)
    {
        try
        {
            return ArticleParser.Parse(file.Text);
        }
        catch (ArticleFormatException e)
        {
            throw new IngestionException(file.Path, e.Line, e.Message);
        }
    }
}

using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// What the parser made of one page, for an editor to check: the layout it recognised, the
/// journal and issue, the title and where it came from, the kind, authors, date, metadata, how
/// many sections and paragraphs the text has, and every warning; or why the page was refused.
/// <c>ingest --dry-run</c> prints it for each file and <c>GET /api/articles/{slug}/source</c> returns it.
/// </summary>
/// <param name="Error">Why the page was refused ("file:line: reason"); every other field is then empty.</param>
public sealed record PageReport(
    string Path,
    string? Slug,
    PageLayout? Layout,
    Journal? Journal,
    JournalIssue? Issue,
    string? Title,
    TitleSource? TitleSource,
    ArticleKind? Kind,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Themes,
    DateOnly? Published,
    IReadOnlyList<MetadataEntry> Metadata,
    IReadOnlyList<FacetRecord> Facets,
    IReadOnlyList<SectionReport> Sections,
    bool Truncated,
    IReadOnlyList<string> Warnings,
    string? Error)
{
    public int ParagraphCount => Sections.Sum(s => s.Paragraphs);

    public static PageReport For(string path, ArticleRecord article) => new(
        path,
        article.Slug,
        article.Layout,
        article.Journal,
        article.Issue,
        article.Title,
        article.TitleSource,
        article.Kind,
        article.Authors.Select(a => a.Name).ToList(),
        article.Themes.Select(t => t.Name).ToList(),
        article.Published,
        article.Metadata,
        article.Facets,
        article.Sections.Select(s => new SectionReport(s.Heading, s.Paragraphs.Count, s.Paragraphs.Count(p => p.Kind == ParagraphKind.ListItem))).ToList(),
        article.Truncated,
        article.Warnings,
        null);

    public static PageReport Refused(string path, string error) =>
        new(path, null, null, null, null, null, null, null, [], [], null, [], [], [], false, [], error);

    /// <summary>The report for an article as the archive stored it: its file name, text and sidecar.</summary>
    public static PageReport OfStored(string fileName, string text, string? sidecarJson)
    {
        try
        {
            return Of(ArticleFile.FromStored(fileName, text, sidecarJson));
        }
        catch (IngestionException e)
        {
            // A sidecar stored before its rules changed may no longer pass them: say so rather than fail.
            return Refused(fileName, e.Message);
        }
    }

    /// <summary>Reads, parses and reports one stored or on-disk page without writing anything.</summary>
    public static PageReport Of(ArticleFile file)
    {
        try
        {
            return For(file.Path, ArticleRecords.Create(file, ArticleParser.Parse(file)));
        }
        catch (IngestionException e)
        {
            return Refused(file.Path, e.Message);
        }
    }
}

/// <summary>A section in a report: its heading (null for the lead), its paragraphs and how many of them are list items.</summary>
public sealed record SectionReport(string? Heading, int Paragraphs, int ListItems);

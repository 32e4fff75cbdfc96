using KoreaPolicy.Api.Http;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Articles;

/// <summary>The text an article was parsed from, as stored, and what the parser recognised in it.</summary>
public sealed record ArticleSourceResponse
{
    /// <summary>The article's slug.</summary>
    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string Article { get; init; }

    /// <summary>The source file's name.</summary>
    /// <example>korea-policy-vol-3-issue-2-klingner.txt</example>
    public required string FileName { get; init; }

    /// <summary>The text as ingested, character for character.</summary>
    public required string Text { get; init; }

    /// <summary>The sidecar file's JSON as ingested, when there was one.</summary>
    /// <example>{ "title": "Tempestuous Times" }</example>
    public required string? Sidecar { get; init; }

    /// <summary>What the parser recognised: the same report as <c>ingest --dry-run</c> prints.</summary>
    public required RecognitionReport Report { get; init; }

    public required SourceLinks Links { get; init; }
}

/// <summary>Links of an article's source.</summary>
public sealed record SourceLinks
{
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/source</example>
    public required string Self { get; init; }

    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner</example>
    public required string Article { get; init; }
}

/// <summary>
/// What the parser made of a page: the layout it recognised, the journal and issue, the title and
/// where it came from, the kind, authors, themes, date, metadata, sections and paragraphs, and
/// every warning; or, for a refused page, why. <c>ingest --dry-run --json</c> prints one per line.
/// </summary>
public sealed record RecognitionReport
{
    /// <summary>The file, as named on the command line (dry runs only).</summary>
    /// <example>data/articles/korea-policy-vol-3-issue-2-klingner.txt</example>
    public string? Path { get; init; }

    /// <summary>Why the page is not an article ("file:line: reason"); null when it is one.</summary>
    /// <example>null</example>
    public required string? Error { get; init; }

    /// <summary>The slug it has or would have.</summary>
    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string? Slug { get; init; }

    /// <summary>The layout of the publisher's page family: A (compact journal header), B (site navigation and journal header), C (site navigation, no series block), D (blog post), E (bare text).</summary>
    /// <example>A</example>
    public required string? Layout { get; init; }

    /// <summary>The layout in words.</summary>
    /// <example>compact journal header</example>
    public required string? LayoutDescription { get; init; }

    /// <summary>The journal as the masthead names it, with its blurb and publisher; null when the page shows none.</summary>
    public required ReportJournal? Journal { get; init; }

    /// <summary>The issue label and what it gives: volume, number or year.</summary>
    public required ReportIssue? Issue { get; init; }

    /// <example>Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)</example>
    public required string? Title { get; init; }

    /// <summary>"source", "editor" or "derived".</summary>
    /// <example>derived</example>
    public required string? TitleSource { get; init; }

    /// <summary>"journal-article", "policy-brief", "blog-post", or null when the page does not say.</summary>
    /// <example>journal-article</example>
    public required string? Kind { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    public required IReadOnlyList<string> Themes { get; init; }

    /// <example>2025-12-15</example>
    public required DateOnly? Published { get; init; }

    /// <summary>The metadata lines beyond authors, themes and date, as written.</summary>
    public required IReadOnlyList<MetadataResponse> Metadata { get; init; }

    /// <example>Asia</example>
    public required string? Region { get; init; }

    public required IReadOnlyList<string> Places { get; init; }

    public required string? Category { get; init; }

    /// <example>KIEP</example>
    public required string? SourceOrganisation { get; init; }

    /// <summary>Each section's heading (null for the lead), paragraphs and list items.</summary>
    public required IReadOnlyList<ReportSection> Sections { get; init; }

    /// <example>13</example>
    public required int ParagraphCount { get; init; }

    /// <summary>The page was cut off: the text is incomplete.</summary>
    /// <example>false</example>
    public required bool Truncated { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public static RecognitionReport From(PageReport report) => new()
    {
        Error = report.Error,
        Slug = report.Slug,
        Layout = report.Layout?.Letter(),
        LayoutDescription = report.Layout?.Describe(),
        Journal = report.Journal is { } journal ? new ReportJournal { Name = journal.Name, Description = journal.Description, Publisher = journal.Publisher } : null,
        Issue = report.Issue is { } issue ? new ReportIssue { Label = issue.Label, Volume = issue.Volume, Number = issue.Number, Year = issue.Year } : null,
        Title = report.Title,
        TitleSource = report.TitleSource?.ToString().ToLowerInvariant(),
        Kind = report.Kind?.Name(),
        Authors = report.Authors,
        Themes = report.Themes,
        Published = report.Published,
        Metadata = report.Metadata.Select(m => new MetadataResponse { Name = m.Name, Value = m.Value }).ToList(),
        Region = Facet(report, FacetRecord.Region),
        Places = report.Facets.Where(f => f.Facet == FacetRecord.Place).Select(f => f.Name).ToList(),
        Category = Facet(report, FacetRecord.Category),
        SourceOrganisation = Facet(report, FacetRecord.Source),
        Sections = report.Sections.Select(s => new ReportSection { Heading = s.Heading, Paragraphs = s.Paragraphs, ListItems = s.ListItems }).ToList(),
        ParagraphCount = report.ParagraphCount,
        Truncated = report.Truncated,
        Warnings = report.Warnings,
    };

    private static string? Facet(PageReport report, string facet) => report.Facets.FirstOrDefault(f => f.Facet == facet)?.Name;
}

/// <summary>A journal as the masthead names it.</summary>
public sealed record ReportJournal
{
    /// <example>Korea Policy</example>
    public required string Name { get; init; }

    public required string? Description { get; init; }

    /// <example>Korea Economic Institute of America</example>
    public required string? Publisher { get; init; }
}

/// <summary>An issue label and what it gives.</summary>
public sealed record ReportIssue
{
    /// <example>Korea Policy Vol. 3, Issue 2</example>
    public required string Label { get; init; }

    /// <example>3</example>
    public required int? Volume { get; init; }

    /// <example>2</example>
    public required int? Number { get; init; }

    /// <example>null</example>
    public required int? Year { get; init; }
}

/// <summary>A section in a report.</summary>
public sealed record ReportSection
{
    /// <example>U.S. Demands More, Promises Less in Alliance</example>
    public required string? Heading { get; init; }

    /// <example>3</example>
    public required int Paragraphs { get; init; }

    /// <example>0</example>
    public required int ListItems { get; init; }
}

using System.Text.Json.Serialization;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Articles;

/// <summary>An article without its text, as lists show it.</summary>
public record ArticleSummaryResponse
{
    /// <summary>The article's slug, stable across ingestions (from its source file name).</summary>
    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string Slug { get; init; }

    /// <summary>The title.</summary>
    /// <example>Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)</example>
    public required string Title { get; init; }

    /// <summary>Where the title comes from: "source" (the text), "editor" (the sidecar file) or "derived" (built from author, issue and date because the text carries none: a label, not a title, which citations do not present as one).</summary>
    /// <example>derived</example>
    public required string TitleSource { get; init; }

    /// <summary>The authors, in byline order.</summary>
    public required IReadOnlyList<NamedResponse> Authors { get; init; }

    /// <summary>The themes, in the page's order.</summary>
    public required IReadOnlyList<NamedResponse> Themes { get; init; }

    /// <summary>The journal or series, or null when the page shows none (a publication page without a series block): none is guessed.</summary>
    public required JournalResponse? Journal { get; init; }

    /// <summary>The issue, when the page names one.</summary>
    public required IssueResponse? Issue { get; init; }

    /// <summary>What kind of work it is, when the page says: "journal-article" (a journal's masthead, or a "Korea Policy Series: " title), "policy-brief" (a "[Policy Brief] " title) or "blog-post" (The Peninsula); null when it does not.</summary>
    /// <example>journal-article</example>
    public required string? Kind { get; init; }

    /// <summary>The publication date (ISO 8601), or null when the text carries none.</summary>
    /// <example>2025-12-15</example>
    public required DateOnly? Published { get; init; }

    /// <summary>The article's opening, cut at a sentence end.</summary>
    /// <example>The U.S.-South Korea partnership is being challenged by the uncertainty of both nations’ Indo-Pacific policies.</example>
    public required string Summary { get; init; }

    /// <summary>Words in the article's paragraphs.</summary>
    /// <example>792</example>
    public required int WordCount { get; init; }

    /// <summary>True when the source page was cut off (the scrape keeps about 2,000 characters of a page): the text stops before the article's end.</summary>
    /// <example>false</example>
    public required bool Truncated { get; init; }

    /// <summary>Starts at 1 and goes up each time a changed source text updates the article.</summary>
    /// <example>1</example>
    public required int Revision { get; init; }

    /// <summary>When the article's content last changed in the archive (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    public required ArticleLinks Links { get; init; }
}

/// <summary>The whole article: metadata, then its sections in order, each with its paragraphs.</summary>
// JsonPropertyOrder puts these after the summary's fields, which System.Text.Json would otherwise write last.
public sealed record ArticleResponse : ArticleSummaryResponse
{
    /// <summary>The canonical URL of the article on the publisher's site, when an editor gave it.</summary>
    /// <example>https://keia.org/publication/example</example>
    [JsonPropertyOrder(1)]
    public required string? CanonicalUrl { get; init; }

    /// <summary>The DOI, when an editor gave it.</summary>
    /// <example>10.1234/kp.2025.3.2</example>
    [JsonPropertyOrder(1)]
    public required string? Doi { get; init; }

    /// <summary>The licence, when an editor gave it.</summary>
    /// <example>CC BY 4.0</example>
    [JsonPropertyOrder(1)]
    public required string? License { get; init; }

    /// <summary>Further metadata lines of the page (Region, Location, Category, Publication Source, ...), as written, in order.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<MetadataResponse> Metadata { get; init; }

    /// <summary>The region, from the page's Region line; its articles are <c>/api/articles?region=</c> its slug.</summary>
    [JsonPropertyOrder(1)]
    public required FactResponse? Region { get; init; }

    /// <summary>The places, from the page's Location line ("Korea, North, Korea, South" is two); <c>/api/articles?place=</c> a slug.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<FactResponse> Places { get; init; }

    /// <summary>The category, from the page's Category line; <c>/api/articles?category=</c> its slug.</summary>
    [JsonPropertyOrder(1)]
    public required FactResponse? Category { get; init; }

    /// <summary>The organisation the publication comes from, from the page's Publication Source line; <c>/api/articles?source=</c> its slug.</summary>
    [JsonPropertyOrder(1)]
    public required FactResponse? SourceOrganisation { get; init; }

    /// <summary>What the parser noticed on the source page: a cut-off text, a paragraph it joined, PDF artifacts it kept as written. <c>/source</c> has the whole recognition report.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The sections in order, each with its paragraphs.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<SectionResponse> Sections { get; init; }
}

/// <summary>A journal or series.</summary>
public sealed record JournalResponse
{
    /// <example>korea-policy</example>
    public required string Slug { get; init; }

    /// <example>Korea Policy</example>
    public required string Name { get; init; }

    /// <summary>The publisher, when the page names one.</summary>
    /// <example>Korea Economic Institute of America</example>
    public required string? Publisher { get; init; }

    public required JournalLinks Links { get; init; }
}

/// <summary>Links of a journal.</summary>
public sealed record JournalLinks
{
    /// <summary>The journal, with its issues.</summary>
    /// <example>/api/journals/korea-policy</example>
    public required string Self { get; init; }

    /// <summary>Its articles.</summary>
    /// <example>/api/articles?journal=korea-policy</example>
    public required string Articles { get; init; }
}

/// <summary>An issue of a journal.</summary>
public sealed record IssueResponse
{
    /// <summary>The issue's slug within its journal.</summary>
    /// <example>vol-3-issue-2</example>
    public required string Slug { get; init; }

    /// <summary>The issue as labelled on the page.</summary>
    /// <example>Korea Policy Vol. 3, Issue 2</example>
    public required string Label { get; init; }

    /// <example>3</example>
    public required int? Volume { get; init; }

    /// <example>2</example>
    public required int? Number { get; init; }

    /// <summary>The year the label names instead of a volume ("Joint U.S.-Korea Academic Studies 2015").</summary>
    /// <example>null</example>
    public required int? Year { get; init; }

    public required IssueLinks Links { get; init; }
}

/// <summary>Links of an issue.</summary>
public sealed record IssueLinks
{
    /// <summary>The issue, with its articles.</summary>
    /// <example>/api/journals/korea-policy/issues/vol-3-issue-2</example>
    public required string Self { get; init; }

    /// <summary>Its journal.</summary>
    /// <example>/api/journals/korea-policy</example>
    public required string Journal { get; init; }

    /// <summary>Its articles, as a filtered article list.</summary>
    /// <example>/api/articles?journal=korea-policy&amp;issue=vol-3-issue-2</example>
    public required string Articles { get; init; }
}

/// <summary>A metadata line of the page.</summary>
public sealed record MetadataResponse
{
    /// <example>Location</example>
    public required string Name { get; init; }

    /// <example>Washington, D.C., United States</example>
    public required string Value { get; init; }
}

/// <summary>Links of an article.</summary>
public sealed record ArticleLinks
{
    /// <summary>The article.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner</example>
    public required string Self { get; init; }

    /// <summary>Its sections.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/sections</example>
    public required string Sections { get; init; }

    /// <summary>Its paragraphs.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/paragraphs</example>
    public required string Paragraphs { get; init; }

    /// <summary>The text it was parsed from, and what the parser recognised in it.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/source</example>
    public required string Source { get; init; }
}

/// <summary>A fact of the page's metadata (a region, a place, a category, a source organisation), with the list it filters.</summary>
public sealed record FactResponse
{
    /// <summary>The slug the article list is filtered by.</summary>
    /// <example>asia</example>
    public required string Slug { get; init; }

    /// <summary>As the page writes it.</summary>
    /// <example>Asia</example>
    public required string Name { get; init; }

    public required FactLinks Links { get; init; }
}

/// <summary>Links of a metadata fact.</summary>
public sealed record FactLinks
{
    /// <summary>The articles that carry the same fact.</summary>
    /// <example>/api/articles?region=asia</example>
    public required string Articles { get; init; }
}

/// <summary>A section of an article, with its paragraphs.</summary>
public sealed record SectionResponse
{
    /// <summary>1-based position in the article.</summary>
    /// <example>2</example>
    public required int Position { get; init; }

    /// <summary>The section's slug within its article ("lead" for the untitled opening).</summary>
    /// <example>us-demands-more-promises-less-in-alliance</example>
    public required string Slug { get; init; }

    /// <summary>The heading, or null for the untitled lead section.</summary>
    /// <example>U.S. Demands More, Promises Less in Alliance</example>
    public required string? Heading { get; init; }

    /// <summary>How many paragraphs the section has.</summary>
    /// <example>3</example>
    public required int ParagraphCount { get; init; }

    /// <summary>The paragraphs, in order.</summary>
    public required IReadOnlyList<ParagraphResponse> Paragraphs { get; init; }

    public required SectionLinks Links { get; init; }
}

/// <summary>Links of a section.</summary>
public sealed record SectionLinks
{
    /// <summary>The section.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/sections/us-demands-more-promises-less-in-alliance</example>
    public required string Self { get; init; }

    /// <summary>Its article.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner</example>
    public required string Article { get; init; }
}

/// <summary>A paragraph, numbered across its article.</summary>
public sealed record ParagraphResponse
{
    /// <summary>A stable id: the article's slug and the paragraph's number.</summary>
    /// <example>korea-policy-vol-3-issue-2-klingner-p-6</example>
    public required string Id { get; init; }

    /// <summary>1-based number across the article.</summary>
    /// <example>6</example>
    public required int Number { get; init; }

    /// <summary>The paragraph's exact text, without its run-in heading and without footnote markers.</summary>
    /// <example>Having browbeaten South Korea into a disadvantageous trade deal ...</example>
    public required string Text { get; init; }

    /// <summary>Footnote numbers the paragraph cites, in order.</summary>
    public required IReadOnlyList<int> Footnotes { get; init; }

    /// <summary>"text", or "list-item" for an item of a bulleted list (its bullet is not in the text); consecutive items form one list.</summary>
    /// <example>text</example>
    public required string Kind { get; init; }

    /// <summary>True for the paragraph where a cut-off source page stopped: its text is incomplete.</summary>
    /// <example>false</example>
    public required bool Truncated { get; init; }

    /// <summary>The section the paragraph stands in.</summary>
    public required SectionRef Section { get; init; }

    public required ParagraphLinks Links { get; init; }
}

/// <summary>Where a paragraph stands.</summary>
public sealed record SectionRef
{
    /// <example>2</example>
    public required int Position { get; init; }

    /// <example>us-demands-more-promises-less-in-alliance</example>
    public required string Slug { get; init; }

    /// <example>U.S. Demands More, Promises Less in Alliance</example>
    public required string? Heading { get; init; }
}

/// <summary>Links of a paragraph.</summary>
public sealed record ParagraphLinks
{
    /// <summary>The paragraph.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/paragraphs/6</example>
    public required string Self { get; init; }

    /// <summary>Its article.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner</example>
    public required string Article { get; init; }

    /// <summary>Its section.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/sections/us-demands-more-promises-less-in-alliance</example>
    public required string Section { get; init; }
}

/// <summary>Turns the archive's views into responses with links.</summary>
public static class ArticleMapping
{
    public static ArticleSummaryResponse ToResponse(this ArticleSummary a) => new()
    {
        Slug = a.Slug,
        Title = a.Title,
        TitleSource = a.TitleSource,
        Authors = a.Authors.Select(n => n.ToAuthorResponse()).ToList(),
        Themes = a.Themes.Select(n => n.ToThemeResponse()).ToList(),
        Journal = a.Journal?.ToResponse(),
        Issue = a.Journal is { } journal ? a.Issue?.ToResponse(journal.Slug) : null,
        Kind = a.Kind?.Name(),
        Published = a.Published,
        Summary = a.Summary,
        WordCount = a.WordCount,
        Truncated = a.Truncated,
        Revision = a.Revision,
        UpdatedAt = a.UpdatedAt,
        Links = LinksOf(a.Slug),
    };

    public static ArticleResponse ToResponse(this ArticleDetail d)
    {
        var summary = d.Summary.ToResponse();
        return new ArticleResponse
        {
            Slug = summary.Slug,
            Title = summary.Title,
            TitleSource = summary.TitleSource,
            Authors = summary.Authors,
            Themes = summary.Themes,
            Journal = summary.Journal,
            Issue = summary.Issue,
            Kind = summary.Kind,
            Published = summary.Published,
            Summary = summary.Summary,
            WordCount = summary.WordCount,
            Truncated = summary.Truncated,
            Revision = summary.Revision,
            UpdatedAt = summary.UpdatedAt,
            Links = summary.Links,
            CanonicalUrl = d.CanonicalUrl,
            Doi = d.Doi,
            License = d.License,
            Metadata = d.Metadata.Select(m => new MetadataResponse { Name = m.Name, Value = m.Value }).ToList(),
            Region = d.Facts.Region?.ToFactResponse(ApiLinks.RegionArticles),
            Places = d.Facts.Places.Select(p => p.ToFactResponse(ApiLinks.PlaceArticles)).ToList(),
            Category = d.Facts.Category?.ToFactResponse(ApiLinks.CategoryArticles),
            SourceOrganisation = d.Facts.SourceOrganisation?.ToFactResponse(ApiLinks.SourceArticles),
            Warnings = d.Warnings,
            Sections = d.Sections.Select(s => s.ToResponse(d.Summary.Slug)).ToList(),
        };
    }

    public static FactResponse ToFactResponse(this NamedRef fact, Func<string, string> articles) => new()
    {
        Slug = fact.Slug,
        Name = fact.Name,
        Links = new FactLinks { Articles = articles(fact.Slug) },
    };

    public static SectionResponse ToResponse(this SectionDetail s, string articleSlug) => new()
    {
        Position = s.Position,
        Slug = s.Slug,
        Heading = s.Heading,
        ParagraphCount = s.Paragraphs.Count,
        Paragraphs = s.Paragraphs.Select(p => p.ToResponse(articleSlug)).ToList(),
        Links = new SectionLinks { Self = ApiLinks.Section(articleSlug, s.Slug), Article = ApiLinks.Article(articleSlug) },
    };

    public static ParagraphResponse ToResponse(this ParagraphDetail p, string articleSlug) => new()
    {
        Id = ApiLinks.ParagraphId(articleSlug, p.Number),
        Number = p.Number,
        Text = p.Text,
        Footnotes = p.Footnotes,
        Kind = p.Kind.Name(),
        Truncated = p.Truncated,
        Section = new SectionRef { Position = p.SectionPosition, Slug = p.SectionSlug, Heading = p.SectionHeading },
        Links = new ParagraphLinks
        {
            Self = ApiLinks.Paragraph(articleSlug, p.Number),
            Article = ApiLinks.Article(articleSlug),
            Section = ApiLinks.Section(articleSlug, p.SectionSlug),
        },
    };

    public static JournalResponse ToResponse(this JournalRef j) => new()
    {
        Slug = j.Slug,
        Name = j.Name,
        Publisher = j.Publisher,
        Links = JournalLinksOf(j.Slug),
    };

    public static IssueResponse ToResponse(this IssueRef i, string journalSlug) => new()
    {
        Slug = i.Slug,
        Label = i.Label,
        Volume = i.Volume,
        Number = i.Number,
        Year = i.Year,
        Links = IssueLinksOf(journalSlug, i.Slug),
    };

    public static JournalLinks JournalLinksOf(string slug) => new()
    {
        Self = ApiLinks.Journal(slug),
        Articles = ApiLinks.JournalArticles(slug),
    };

    public static IssueLinks IssueLinksOf(string journalSlug, string issueSlug) => new()
    {
        Self = ApiLinks.Issue(journalSlug, issueSlug),
        Journal = ApiLinks.Journal(journalSlug),
        Articles = ApiLinks.IssueArticles(journalSlug, issueSlug),
    };

    public static NamedResponse ToAuthorResponse(this NamedRef n) => new()
    {
        Slug = n.Slug,
        Name = n.Name,
        Links = new NamedLinks { Self = ApiLinks.Author(n.Slug), Articles = ApiLinks.AuthorArticles(n.Slug) },
    };

    public static NamedResponse ToThemeResponse(this NamedRef n) => new()
    {
        Slug = n.Slug,
        Name = n.Name,
        Links = new NamedLinks { Self = ApiLinks.Theme(n.Slug), Articles = ApiLinks.ThemeArticles(n.Slug) },
    };

    public static ListResponse<T> ToList<T>(this IReadOnlyList<T> items, string self) =>
        new() { Items = items, Total = items.Count, Links = new SelfLink { Self = self } };

    private static ArticleLinks LinksOf(string slug) => new()
    {
        Self = ApiLinks.Article(slug),
        Sections = ApiLinks.Sections(slug),
        Paragraphs = ApiLinks.Paragraphs(slug),
        Source = ApiLinks.ArticleSource(slug),
    };
}

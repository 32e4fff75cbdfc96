using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Journals;

/// <summary>A journal in the list of journals.</summary>
public sealed record JournalSummaryResponse
{
    /// <summary>The journal's slug, from its name.</summary>
    /// <example>korea-policy</example>
    public required string Slug { get; init; }

    /// <summary>The journal's name as the pages give it.</summary>
    /// <example>Korea Policy</example>
    public required string Name { get; init; }

    /// <summary>The publisher, when a page names one.</summary>
    /// <example>Korea Economic Institute of America</example>
    public required string? Publisher { get; init; }

    /// <summary>The journal's "About" blurb, when a page carries one.</summary>
    /// <example>Korea Policy is the premier journal for analysis and commentary on developments affecting the U.S.-South Korea alliance.</example>
    public required string? Description { get; init; }

    /// <summary>How many of its issues the archive holds.</summary>
    /// <example>1</example>
    public required int IssueCount { get; init; }

    /// <summary>How many of its articles the archive holds.</summary>
    /// <example>1</example>
    public required int ArticleCount { get; init; }

    public required JournalLinks Links { get; init; }
}

/// <summary>A journal with its issues, highest volume and number first.</summary>
public sealed record JournalDetailResponse
{
    /// <summary>The journal's slug, from its name.</summary>
    /// <example>korea-policy</example>
    public required string Slug { get; init; }

    /// <summary>The journal's name as the pages give it.</summary>
    /// <example>Korea Policy</example>
    public required string Name { get; init; }

    /// <summary>The publisher, when a page names one.</summary>
    /// <example>Korea Economic Institute of America</example>
    public required string? Publisher { get; init; }

    /// <summary>The journal's "About" blurb, when a page carries one.</summary>
    /// <example>Korea Policy is the premier journal for analysis and commentary on developments affecting the U.S.-South Korea alliance.</example>
    public required string? Description { get; init; }

    /// <summary>How many of its issues the archive holds.</summary>
    /// <example>1</example>
    public required int IssueCount { get; init; }

    /// <summary>How many of its articles the archive holds (articles without an issue included).</summary>
    /// <example>1</example>
    public required int ArticleCount { get; init; }

    /// <summary>Its issues: highest volume first, then highest number, then by label; unnumbered issues last.</summary>
    public required IReadOnlyList<IssueSummaryResponse> Issues { get; init; }

    public required JournalLinks Links { get; init; }
}

/// <summary>An issue in its journal's list of issues.</summary>
public sealed record IssueSummaryResponse
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

    /// <summary>How many of its articles the archive holds.</summary>
    /// <example>1</example>
    public required int ArticleCount { get; init; }

    public required IssueLinks Links { get; init; }
}

/// <summary>
/// An issue with its journal and a page of its articles (newest first); <c>page</c> and
/// <c>pageSize</c> page the articles, and the Link and X-Total-Count headers describe their pages.
/// </summary>
public sealed record IssueDetailResponse : IPagedResponse
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

    /// <summary>The year the label names instead of a volume.</summary>
    /// <example>null</example>
    public required int? Year { get; init; }

    /// <summary>The journal the issue belongs to.</summary>
    public required JournalResponse Journal { get; init; }

    /// <summary>A page of the issue's article summaries, newest first.</summary>
    public required PagedResponse<ArticleSummaryResponse> Articles { get; init; }

    public required IssueLinks Links { get; init; }

    // The paging headers describe the pages of the articles. Explicit, so JSON and the schema do not show them twice.
    int IPagedResponse.Total => Articles.Total;

    PageLinks IPagedResponse.Links => Articles.Links;
}

/// <summary>Journals and issues as responses with their links.</summary>
public static class JournalMapping
{
    public static JournalSummaryResponse ToResponse(this JournalSummary j) => new()
    {
        Slug = j.Slug,
        Name = j.Name,
        Publisher = j.Publisher,
        Description = j.Description,
        IssueCount = j.IssueCount,
        ArticleCount = j.ArticleCount,
        Links = ArticleMapping.JournalLinksOf(j.Slug),
    };

    public static JournalDetailResponse ToResponse(this JournalDetail d) => new()
    {
        Slug = d.Journal.Slug,
        Name = d.Journal.Name,
        Publisher = d.Journal.Publisher,
        Description = d.Journal.Description,
        IssueCount = d.Journal.IssueCount,
        ArticleCount = d.Journal.ArticleCount,
        Issues = d.Issues.Select(i => i.ToResponse(d.Journal.Slug)).ToList(),
        Links = ArticleMapping.JournalLinksOf(d.Journal.Slug),
    };

    public static IssueSummaryResponse ToResponse(this IssueSummary i, string journalSlug) => new()
    {
        Slug = i.Slug,
        Label = i.Label,
        Volume = i.Volume,
        Number = i.Number,
        Year = i.Year,
        ArticleCount = i.ArticleCount,
        Links = ArticleMapping.IssueLinksOf(journalSlug, i.Slug),
    };

    public static IssueDetailResponse ToResponse(this IssueDetail d, PagedResponse<ArticleSummaryResponse> articles) => new()
    {
        Slug = d.Issue.Slug,
        Label = d.Issue.Label,
        Volume = d.Issue.Volume,
        Number = d.Issue.Number,
        Year = d.Issue.Year,
        Journal = d.Journal.ToResponse(),
        Articles = articles,
        Links = ArticleMapping.IssueLinksOf(d.Journal.Slug, d.Issue.Slug),
    };
}

using System.Net;
using System.Text;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Api.Search;

/// <summary>A passage that matches a search: a paragraph, where it stands, and where the matches are.</summary>
public sealed record SearchHitResponse
{
    /// <summary>The article the passage is in.</summary>
    public required HitArticle Article { get; init; }

    /// <summary>The section the passage is in.</summary>
    public required HitSection Section { get; init; }

    /// <summary>The paragraph: its number across the article and its stable id.</summary>
    public required HitParagraph Paragraph { get; init; }

    /// <summary>The paragraph's whole text, which <c>matches</c> point into.</summary>
    /// <example>President Lee will attempt to maintain South Korea’s traditional balancing ...</example>
    public required string Text { get; init; }

    /// <summary>True when the paragraph is where its article's cut-off source page stopped: its text is incomplete.</summary>
    /// <example>false</example>
    public required bool Truncated { get; init; }

    /// <summary>HTML: a window of the paragraph around its best match, the text escaped and each match in a &lt;mark&gt; element.</summary>
    /// <example>…Lee is caught between &lt;mark&gt;Scylla&lt;/mark&gt; and Charybdis, trying to simultaneously accommodate…</example>
    public required string Snippet { get; init; }

    /// <summary>Where the matched terms are in <c>text</c>, in UTF-16 code units (JavaScript string indices): the first 100 at most.</summary>
    public required IReadOnlyList<MatchResponse> Matches { get; init; }

    /// <summary>True when <c>matches</c> may not list every match: there are more than 100, or the paragraph is longer than the 20,000 characters searched for them.</summary>
    /// <example>false</example>
    public required bool MoreMatches { get; init; }

    /// <summary>bm25 relevance: higher is better; comparable within one search only.</summary>
    /// <example>7.3251</example>
    public required double Score { get; init; }

    public required ParagraphLinksResponse Links { get; init; }
}

/// <summary>The article of a hit.</summary>
public sealed record HitArticle
{
    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string Slug { get; init; }

    /// <example>Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)</example>
    public required string Title { get; init; }
}

/// <summary>The section of a hit.</summary>
public sealed record HitSection
{
    /// <example>1</example>
    public required int Position { get; init; }

    /// <example>lead</example>
    public required string Slug { get; init; }

    /// <summary>Null for the untitled lead section.</summary>
    /// <example>U.S. Demands More, Promises Less in Alliance</example>
    public required string? Heading { get; init; }
}

/// <summary>The paragraph of a hit.</summary>
public sealed record HitParagraph
{
    /// <example>3</example>
    public required int Number { get; init; }

    /// <example>korea-policy-vol-3-issue-2-klingner-p-3</example>
    public required string Id { get; init; }
}

/// <summary>A match in a paragraph's text.</summary>
public sealed record MatchResponse
{
    /// <summary>Where the match starts, from 0.</summary>
    /// <example>262</example>
    public required int Start { get; init; }

    /// <example>6</example>
    public required int Length { get; init; }
}

/// <summary>Links of a hit: its paragraph, article and section.</summary>
public sealed record ParagraphLinksResponse
{
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/paragraphs/3</example>
    public required string Paragraph { get; init; }

    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner</example>
    public required string Article { get; init; }

    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/sections/lead</example>
    public required string Section { get; init; }
}

public static class SearchMapping
{
    public static SearchHitResponse ToResponse(this PassageHit hit) => new()
    {
        Article = new HitArticle { Slug = hit.ArticleSlug, Title = hit.ArticleTitle },
        Section = new HitSection { Position = hit.SectionPosition, Slug = hit.SectionSlug, Heading = hit.SectionHeading },
        Paragraph = new HitParagraph { Number = hit.ParagraphNumber, Id = ApiLinks.ParagraphId(hit.ArticleSlug, hit.ParagraphNumber) },
        Text = hit.Text,
        Truncated = hit.Truncated,
        Snippet = ToHtml(hit.Snippet),
        Matches = hit.Matches.Select(m => new MatchResponse { Start = m.Start, Length = m.Length }).ToList(),
        MoreMatches = hit.MoreMatches,
        Score = hit.Score,
        Links = new ParagraphLinksResponse
        {
            Paragraph = ApiLinks.Paragraph(hit.ArticleSlug, hit.ParagraphNumber),
            Article = ApiLinks.Article(hit.ArticleSlug),
            Section = ApiLinks.Section(hit.ArticleSlug, hit.SectionSlug),
        },
    };

    /// <summary>Text is data: escaped, with only our own &lt;mark&gt; elements as markup.</summary>
    private static string ToHtml(MarkedText snippet)
    {
        var html = new StringBuilder(snippet.Text.Length + (snippet.Marks.Count * 13));
        var at = 0;
        foreach (var mark in snippet.Marks)
        {
            html.Append(WebUtility.HtmlEncode(snippet.Text[at..mark.Start]))
                .Append("<mark>")
                .Append(WebUtility.HtmlEncode(snippet.Text.Substring(mark.Start, mark.Length)))
                .Append("</mark>");
            at = mark.Start + mark.Length;
        }

        return html.Append(WebUtility.HtmlEncode(snippet.Text[at..])).ToString();
    }
}

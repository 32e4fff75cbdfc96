using System.ComponentModel;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace KoreaPolicy.Api.Articles;

/// <summary>Which articles a list or a search covers; every filter given must hold.</summary>
public sealed record ArticleFilterParameters
{
    [FromQuery(Name = "author"), Description("Only articles by this author (slug), e.g. bruce-klingner.")]
    public string? Author { get; init; }

    [FromQuery(Name = "theme"), Description("Only articles filed under this theme (slug), e.g. security. Repeat it, or separate slugs with commas, for articles under all of them.")]
    public string[]? Theme { get; init; }

    [FromQuery(Name = "journal"), Description("Only articles of this journal (slug), e.g. korea-policy.")]
    public string? Journal { get; init; }

    [FromQuery(Name = "issue"), Description("Only articles of this issue (slug), e.g. vol-3-issue-2; with journal, that journal's issue.")]
    public string? Issue { get; init; }

    [FromQuery(Name = "from"), DocumentedAs(JsonSchemaType.String, DocumentedAsAttribute.Date), Description("Only articles published on or after this date (yyyy-MM-dd).")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), DocumentedAs(JsonSchemaType.String, DocumentedAsAttribute.Date), Description("Only articles published on or before this date (yyyy-MM-dd).")]
    public string? To { get; init; }

    [FromQuery(Name = "region"), Description("Only articles whose page names this region (slug of its Region line), e.g. asia.")]
    public string? Region { get; init; }

    [FromQuery(Name = "place"), Description("Only articles whose page names this place (slug of one place of its Location line, where \"Korea, North, Korea, South\" is two), e.g. korea-north.")]
    public string? Place { get; init; }

    [FromQuery(Name = "category"), Description("Only articles of this category (slug of the page's Category line), e.g. security.")]
    public string? Category { get; init; }

    [FromQuery(Name = "source"), Description("Only articles from this source organisation (slug of the page's Publication Source line), e.g. kiep.")]
    public string? Source { get; init; }

    [FromQuery(Name = "kind"), Description("Only articles of this kind: journal-article, policy-brief or blog-post (articles whose page says none are left out).")]
    public string? Kind { get; init; }

    /// <summary>At most this many themes at once: a filter, not a way to send unbounded SQL parameters.</summary>
    public const int MaxThemes = 10;

    public ArticleFilter Parse(QueryErrors errors)
    {
        var themes = QueryErrors.List(Theme);
        if (themes.Count > MaxThemes)
        {
            errors.Add("theme", $"at most {MaxThemes} themes at once; got {themes.Count}");
        }

        var from = errors.Date("from", From);
        var to = errors.Date("to", To);
        if (from > to)
        {
            errors.Add("to", $"must not be before from ({From})");
        }

        var kind = Blank(Kind);
        var parsedKind = PageLayouts.ParseKind(kind);
        if (kind is not null && parsedKind is null)
        {
            errors.Add("kind", $"must be journal-article, policy-brief or blog-post; got '{kind}'");
        }

        return new ArticleFilter
        {
            Author = Blank(Author),
            Themes = themes,
            Journal = Blank(Journal),
            Issue = Blank(Issue),
            From = from,
            To = to,
            Region = Blank(Region),
            Place = Blank(Place),
            Category = Blank(Category),
            Source = Blank(Source),
            Kind = parsedKind,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>How an article list is ordered and which fields it shows.</summary>
public sealed record ArticleListParameters
{
    [FromQuery(Name = "sort"), Description("published (oldest first), -published (newest first, the default) or title (A to Z).")]
    public string? Sort { get; init; }

    [FromQuery(Name = "fields"), Description(FieldSelection.Description)]
    public string? Fields { get; init; }

    public ArticleSort Parse(QueryErrors errors)
    {
        switch (Sort)
        {
            case null or "-published":
                return ArticleSort.NewestFirst;
            case "published":
                return ArticleSort.OldestFirst;
            case "title":
                return ArticleSort.Title;
            default:
                errors.Add("sort", $"must be published, -published or title; got '{Sort}'");
                return ArticleSort.NewestFirst;
        }
    }
}

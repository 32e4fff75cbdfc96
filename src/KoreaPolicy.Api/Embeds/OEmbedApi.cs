using System.ComponentModel;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Api.Pages;
using KoreaPolicy.Api.Rendering;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Embeds;

/// <summary>
/// oEmbed 1.0 (https://oembed.com): given one of this site's URLs (an article page, a
/// <c>#p-7</c> or <c>#section-...</c> anchor on it, or an embed URL), the embed snippet and its
/// attribution as a "rich" response. Outside /api because oEmbed consumers expect it at the
/// provider's root, but documented with the API.
/// </summary>
public static class OEmbedApi
{
    /// <summary>The largest <c>maxwidth</c> or <c>maxheight</c> taken.</summary>
    public const int MaxPixels = 10_000;

    public static RouteHandlerBuilder MapOEmbed(this IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiLinks.OEmbedEndpoint, GetOEmbed)
            .WithTags("Embeds")
            .WithName(nameof(GetOEmbed))
            .WithSummary("oEmbed an article, section or paragraph")
            .WithDescription("oEmbed 1.0 \"rich\" response for an article page URL on this site, a paragraph (#p-7) or section "
                + "(#section-slug) anchor on it, or an /embed/... URL: a self-contained HTML quote with attribution and a link back. "
                + "A URL that is not one of this site's articles is a 404; format=xml is a 501.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status501NotImplemented);

    /// <param name="url" example="https://api.example.org/articles/korea-policy-vol-3-issue-2-klingner#p-7">The URL to embed.</param>
    public static Results<Ok<OEmbedResponse>, ProblemHttpResult> GetOEmbed(
        [Description("The URL to embed: an article page on this site (/articles/{slug}), optionally with #p-N or #section-{slug}, or an /embed/ URL.")] string? url,
        [DocumentedAs(1, MaxPixels), Description("The most width, in pixels, the consumer has room for.")] string? maxwidth,
        [DocumentedAs(1, MaxPixels), Description("The most height, in pixels, the consumer has room for.")] string? maxheight,
        [Description("The response format: json (the default). xml is not offered (501).")] string? format,
        ArchiveReader archive,
        LinkParser links,
        HttpRequest request)
    {
        if (format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                title: "Format not implemented",
                detail: $"oEmbed answers are offered as json only; got format '{format}'.",
                statusCode: StatusCodes.Status501NotImplemented);
        }

        var errors = new QueryErrors();
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add(nameof(url), "is required: the URL of an article page, a paragraph or section anchor, or an embed");
        }

        var width = errors.Integer(nameof(maxwidth), maxwidth, 1, MaxPixels);
        var height = errors.Integer(nameof(maxheight), maxheight, 1, MaxPixels);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var urls = PublicUrls.For(request);
        var size = new EmbedSize(Math.Min(width ?? EmbedSize.DefaultWidth, EmbedSize.DefaultWidth), height);
        return EmbedTarget.Resolve(url!, urls, archive, links) is { } target
            ? TypedResults.Ok(target.ToOEmbed(urls, size))
            : Problems.NotFound($"'{url}' is not an article, section or paragraph on {urls.Base}: oEmbed answers for {urls.Base}/articles/{{slug}} and its #p-N and #section-{{slug}} anchors.");
    }
}

/// <summary>What an oEmbed URL points at: an article, or one of its sections or paragraphs.</summary>
public sealed record EmbedTarget(ArticleSummary Article, SectionDetail? Section, ParagraphDetail? Paragraph)
{
    /// <summary>
    /// Reads a URL of this site; null when it is elsewhere or names nothing in the archive. Its
    /// path is matched by ASP.NET Core's routing (<see cref="LinkParser"/>) against the routes of
    /// the article page and the embeds, so oEmbed knows exactly the URLs the site serves.
    /// </summary>
    public static EmbedTarget? Resolve(string url, PublicUrls urls, ArchiveReader archive, LinkParser links)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Uri.TryCreate(urls.Base + "/", UriKind.Absolute, out var site)
            || Uri.Compare(uri, site, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0
            || !uri.AbsolutePath.StartsWith(site.AbsolutePath, StringComparison.Ordinal))
        {
            return null;
        }

        var path = PathString.FromUriComponent("/" + uri.AbsolutePath[site.AbsolutePath.Length..]);
        if (links.ParsePathByEndpointName(nameof(PagesApi.GetArticlePage), path) is { } page)
        {
            return FromAnchor((string)page["slug"]!, uri.Fragment.TrimStart('#'), archive);
        }

        if (links.ParsePathByEndpointName(nameof(PagesApi.GetSectionEmbed), path) is { } section)
        {
            return ArticleAddress.Section((string)section["section"]!) is { } key && archive.FindSection((string)section["slug"]!, key) is { } found
                ? new EmbedTarget(found.Summary, found.Part, null)
                : null;
        }

        if (links.ParsePathByEndpointName(nameof(PagesApi.GetParagraphEmbed), path) is { } paragraph)
        {
            return ArticleAddress.Paragraph((string)paragraph["number"]!) is { } n && archive.FindParagraph((string)paragraph["slug"]!, n) is { } found
                ? new EmbedTarget(found.Summary, null, found.Part)
                : null;
        }

        return null;
    }

    public OEmbedResponse ToOEmbed(PublicUrls urls, EmbedSize size)
    {
        var summary = Article;
        var (html, title, quoted, headings, paragraphs) = (Section, Paragraph) switch
        {
            (_, { } p) => (ArticleEmbed.Paragraph(Article, p, urls, size), $"Paragraph {p.Number} of {summary.Title}", p.Text, 0, 1),
            ({ } s, _) => (ArticleEmbed.Section(Article, s, urls, size), $"{s.Heading ?? "Opening"} — {summary.Title}",
                string.Concat(s.Paragraphs.Select(p => p.Text)), s.Heading is null ? 0 : 1, s.Paragraphs.Count),
            _ => (ArticleEmbed.Article(Article, urls, size), summary.Title, summary.Title + summary.Summary, 1, 1),
        };

        return new OEmbedResponse
        {
            Html = html,
            Width = size.Width,
            Height = ArticleEmbed.EstimateHeight(quoted, headings, paragraphs, size),
            Title = title,
            AuthorName = summary.Authors.Count > 0 ? Byline.Join(summary.Authors.Select(a => a.Name).ToList()) : null,
            ProviderName = summary.Journal?.Publisher ?? "KoreaPolicy",
            ProviderUrl = urls.Base,
        };
    }

    // A #p-N or #section-{slug} anchor names a part; an anchor the page does not have still names
    // the article: embed the whole of it.
    private static EmbedTarget? FromAnchor(string slug, string fragment, ArchiveReader archive)
    {
        if (Anchors.ParagraphIn(fragment) is { } number && archive.FindParagraph(slug, number) is { } paragraph)
        {
            return new EmbedTarget(paragraph.Summary, null, paragraph.Part);
        }

        if (Anchors.SectionIn(fragment) is { } sectionSlug && archive.FindSection(slug, SectionKey.Named(sectionSlug)) is { } section)
        {
            return new EmbedTarget(section.Summary, section.Part, null);
        }

        return archive.FindArticle(slug) is { } article ? new EmbedTarget(article.Summary, null, null) : null;
    }
}

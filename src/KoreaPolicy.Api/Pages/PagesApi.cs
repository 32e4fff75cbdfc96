using System.ComponentModel;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Api.Rendering;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Pages;

/// <summary>
/// HTML for people and for other sites' pages: the article page and the embeddable snippets
/// of its sections and paragraphs. Outside /api and left out of the OpenAPI document, which
/// describes the data API; oEmbed is the documented way to obtain an embed.
/// </summary>
public static class PagesApi
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/articles/{slug}", GetArticlePage)
            .WithName(nameof(GetArticlePage))
            .WithSummary("Read an article")
            .WithDescription("The article as an HTML5 page, with its canonical link, oEmbed discovery and JSON-LD.")
            .ExcludeFromDescription();

        var embeds = routes.MapGroup("/embed/articles/{slug}").ExcludeFromDescription();
        embeds.MapGet("/sections/{section}", GetSectionEmbed)
            .WithName(nameof(GetSectionEmbed))
            .WithSummary("Embed a section")
            .WithDescription("A self-contained HTML snippet quoting a section (by slug or 1-based position), with attribution and a link back.");
        embeds.MapGet("/paragraphs/{number}", GetParagraphEmbed)
            .WithName(nameof(GetParagraphEmbed))
            .WithSummary("Embed a paragraph")
            .WithDescription("A self-contained HTML snippet quoting a paragraph (by 1-based number), with attribution and a link back.");

        return routes;
    }

    public static Results<ContentHttpResult, ProblemHttpResult> GetArticlePage(
        [Description("The article's slug.")] string slug,
        ArchiveReader archive,
        HttpRequest request) =>
        archive.FindArticle(slug) is { } article
            ? Html(ArticlePage.Render(article, PublicUrls.For(request)))
            : ArticleAddress.ArticleNotFound(slug);

    public static Results<ContentHttpResult, ProblemHttpResult> GetSectionEmbed(
        [Description("The article's slug.")] string slug,
        [Description("The section's slug or 1-based position.")] string section,
        ArchiveReader archive,
        HttpRequest request) =>
        ArticleAddress.Section(section) is { } key && archive.FindSection(slug, key) is { } found
            ? Html(ArticleEmbed.Section(found.Summary, found.Part, PublicUrls.For(request), EmbedSize.Default))
            : ArticleAddress.MissingSection(archive, slug, section);

    public static Results<ContentHttpResult, ProblemHttpResult> GetParagraphEmbed(
        [Description("The article's slug.")] string slug,
        [DocumentedAs(1, int.MaxValue), Description("The paragraph's 1-based number.")] string number,
        ArchiveReader archive,
        HttpRequest request) =>
        ArticleAddress.Paragraph(number) is { } n && archive.FindParagraph(slug, n) is { } found
            ? Html(ArticleEmbed.Paragraph(found.Summary, found.Part, PublicUrls.For(request), EmbedSize.Default))
            : ArticleAddress.MissingParagraph(archive, slug, number);

    private static ContentHttpResult Html(string html) => TypedResults.Content(html, ContentFormat.Html.ContentType);
}

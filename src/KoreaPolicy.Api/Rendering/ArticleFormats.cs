using System.Diagnostics;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering;

/// <summary>What an article, a section and a paragraph can be fetched as, and the rendering for each format.</summary>
public static class ArticleFormats
{
    /// <summary>The article: JSON first, so it stays the default.</summary>
    public static readonly IReadOnlyList<ContentFormat> Article =
    [
        ContentFormat.Json,
        ContentFormat.Html,
        ContentFormat.Markdown,
        ContentFormat.Text,
        ContentFormat.JsonLd,
        ContentFormat.Ninjs,
    ];

    /// <summary>A section or a paragraph: no JSON-LD, which describes whole works.</summary>
    public static readonly IReadOnlyList<ContentFormat> Part =
        [ContentFormat.Json, ContentFormat.Html, ContentFormat.Markdown, ContentFormat.Text];

    public static string Render(ArticleDetail article, ContentFormat format, PublicUrls urls) => format.Name switch
    {
        "html" => ArticleHtml.Article(article),
        "markdown" => ArticleMarkdown.Article(article),
        "text" => ArticlePlainText.Article(article),
        "jsonld" => ArticleJsonLd.Serve(article, urls),
        "ninjs" => ArticleNinjs.Build(article, urls).ToJsonString(),
        _ => throw new UnreachableException($"No article rendering for {format.Name}"),
    };

    public static string Render(SectionDetail section, ContentFormat format) => format.Name switch
    {
        "html" => ArticleHtml.Section(section),
        "markdown" => ArticleMarkdown.Section(section),
        "text" => ArticlePlainText.Section(section),
        _ => throw new UnreachableException($"No section rendering for {format.Name}"),
    };

    public static string Render(ParagraphDetail paragraph, ContentFormat format) => format.Name switch
    {
        "html" => ArticleHtml.Paragraph(paragraph),
        "markdown" => ArticleMarkdown.Paragraph(paragraph),
        "text" => ArticlePlainText.Paragraph(paragraph),
        _ => throw new UnreachableException($"No paragraph rendering for {format.Name}"),
    };
}

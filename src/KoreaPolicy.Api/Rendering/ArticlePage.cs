using System.Text;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering;

/// <summary>
/// The article as a page for people: an HTML5 document around <see cref="ArticleHtml.Article"/>,
/// with what other sites read from its head: the canonical URL, oEmbed discovery, the JSON
/// resource and the JSON-LD. Every value in it is escaped as text or, in the script, as JSON.
/// </summary>
public static class ArticlePage
{
    // Readable without a stylesheet of its own: a measure, a serif, system colours (dark mode too).
    private const string Css =
        ":root{color-scheme:light dark}"
        + "body{margin:0;font:1.125rem/1.6 Georgia,'Times New Roman',serif}"
        + "main{max-width:42rem;margin:0 auto;padding:2rem 1rem}"
        + "h1{font-size:1.9rem;line-height:1.25;margin:0 0 .75rem}"
        + "h2{font-size:1.35rem;line-height:1.3;margin:2rem 0 .5rem}"
        + ".kp-byline,.kp-source{margin:.25rem 0;font-family:system-ui,sans-serif;font-size:.95rem}"
        + "header{margin-bottom:1.5rem}"
        + "p:target,section:target{outline:2px solid Highlight;outline-offset:4px}";

    public static string Render(ArticleDetail article, PublicUrls urls)
    {
        var summary = article.Summary;
        var slug = summary.Slug;
        var canonical = urls.Canonical(slug, article.CanonicalUrl);
        var oEmbed = urls.Absolute(ApiLinks.OEmbed(urls.ArticlePage(slug)));

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(ArticleHtml.Encode(summary.Title)).Append("</title>\n")
            .Append("<meta name=\"description\" content=\"").Append(ArticleHtml.Encode(summary.Summary)).Append("\">\n")
            .Append("<link rel=\"canonical\" href=\"").Append(ArticleHtml.Encode(canonical)).Append("\">\n")
            .Append("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"").Append(ArticleHtml.Encode(oEmbed))
            .Append("\" title=\"").Append(ArticleHtml.Encode(summary.Title)).Append("\">\n")
            .Append("<link rel=\"alternate\" type=\"application/json\" href=\"").Append(ArticleHtml.Encode(ApiLinks.Article(slug))).Append("\">\n")
            .Append("<link rel=\"alternate\" type=\"").Append(ArticleJsonLd.MediaType).Append("\" href=\"")
            .Append(ArticleHtml.Encode($"{ApiLinks.Article(slug)}?{Negotiation.FormatParameter}={ContentFormat.JsonLd.Name}")).Append("\">\n")
            .Append("<script type=\"application/ld+json\">").Append(ArticleJsonLd.ForScriptElement(article, urls)).Append("</script>\n")
            .Append("<style>").Append(Css).Append("</style>\n")
            .Append("</head>\n<body>\n<main>\n")
            .Append(ArticleHtml.Article(article))
            .Append("\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}

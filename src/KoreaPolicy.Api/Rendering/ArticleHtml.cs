using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering;

/// <summary>
/// Articles, sections and paragraphs as HTML fragments: semantic elements, an id on every section
/// and paragraph (<see cref="Anchors"/>) so that <c>#p-7</c> links work, and every piece of text
/// escaped, because text is data, never markup. Feeds, embeds and the article page build on these.
/// </summary>
public static class ArticleHtml
{
    /// <summary>Escapes &lt; &gt; &amp; and quotes but leaves other characters (’ “ é) as they are.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>The whole article: a header (title, byline, source, date), then each section.</summary>
    public static string Article(ArticleDetail article)
    {
        var html = new StringBuilder();
        var summary = article.Summary;
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"kp-article\" lang=\"en\">")
            .Append("<header>")
            .Append(CultureInfo.InvariantCulture, $"<h1>{Encode(summary.Title)}</h1>");
        AppendByline(html, summary);
        html.Append("</header>");
        foreach (var section in article.Sections)
        {
            AppendSection(html, section, headingLevel: 2);
        }

        return html.Append("</article>").ToString();
    }

    /// <summary>One section, its heading (if any) and its paragraphs.</summary>
    public static string Section(SectionDetail section)
    {
        var html = new StringBuilder();
        AppendSection(html, section, headingLevel: 2);
        return html.ToString();
    }

    /// <summary>One paragraph, with its anchor id.</summary>
    public static string Paragraph(ParagraphDetail paragraph) =>
        $"<p id=\"{Anchors.Paragraph(paragraph.Number)}\">{Encode(paragraph.Text)}</p>";

    /// <summary>"By A and B" and the source line: journal issue, publisher, date.</summary>
    public static void AppendByline(StringBuilder html, ArticleSummary summary)
    {
        if (summary.Authors.Count > 0)
        {
            html.Append("<p class=\"kp-byline\">By ")
                .Append(Encode(Byline.Join(summary.Authors.Select(a => a.Name).ToList())))
                .Append("</p>");
        }

        html.Append("<p class=\"kp-source\"><cite>")
            .Append(Encode(summary.Issue?.Label ?? summary.Journal.Name))
            .Append("</cite>");
        if (summary.Journal.Publisher is { } publisher)
        {
            html.Append(", ").Append(Encode(publisher));
        }

        if (summary.Published is { } date)
        {
            html.Append(CultureInfo.InvariantCulture, $", <time datetime=\"{date:yyyy-MM-dd}\">{Encode(Byline.Date(date))}</time>");
        }

        html.Append("</p>");
    }

    private static void AppendSection(StringBuilder html, SectionDetail section, int headingLevel)
    {
        var id = Anchors.Section(section.Slug);
        if (section.Heading is { } heading)
        {
            // The heading names the section for assistive technology.
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\" aria-labelledby=\"{id}-heading\">")
                .Append(CultureInfo.InvariantCulture, $"<h{headingLevel} id=\"{id}-heading\">{Encode(heading)}</h{headingLevel}>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\">");
        }

        foreach (var paragraph in section.Paragraphs)
        {
            html.Append(Paragraph(paragraph));
        }

        html.Append("</section>");
    }
}

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

    /// <summary>One paragraph, with its anchor id: a list item in a list of its own; where the source was cut off, the notice after it.</summary>
    public static string Paragraph(ParagraphDetail paragraph)
    {
        var html = new StringBuilder();
        AppendParagraphs(html, [paragraph]);
        return html.ToString();
    }

    /// <summary>"By A and B" and the source line: journal issue, publisher, date.</summary>
    public static void AppendByline(StringBuilder html, ArticleSummary summary)
    {
        if (summary.Authors.Count > 0)
        {
            html.Append("<p class=\"kp-byline\">By ")
                .Append(Encode(Byline.Join(summary.Authors.Select(a => a.Name).ToList())))
                .Append("</p>");
        }

        // As much of "issue, publisher, date" as the article has; nothing when it has none of them.
        if (SourceParts(summary) is { Count: > 0 } parts)
        {
            html.Append("<p class=\"kp-source\">").AppendJoin(", ", parts).Append("</p>");
        }
    }

    /// <summary>The source as HTML pieces, as far as the article has them: the issue or journal cited, the publisher, the date.</summary>
    public static List<string> SourceParts(ArticleSummary summary)
    {
        var parts = new List<string>();
        if (Byline.Container(summary) is { } container)
        {
            parts.Add($"<cite>{Encode(container)}</cite>");
        }

        if (summary.Journal?.Publisher is { } publisher)
        {
            parts.Add(Encode(publisher));
        }

        if (summary.Published is { } date)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"<time datetime=\"{date:yyyy-MM-dd}\">{Encode(Byline.Date(date))}</time>"));
        }

        return parts;
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

        AppendParagraphs(html, section.Paragraphs);
        html.Append("</section>");
    }

    // Consecutive list items are one <ul>; every paragraph and item keeps its p-N anchor. A text
    // cut off by the end of its source page says so where it stops: no rendering passes it off as whole.
    private static void AppendParagraphs(StringBuilder html, IReadOnlyList<ParagraphDetail> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            var id = Anchors.Paragraph(paragraph.Number);
            if (paragraph.Kind == ParagraphKind.ListItem)
            {
                if (i == 0 || paragraphs[i - 1].Kind != ParagraphKind.ListItem)
                {
                    html.Append("<ul>");
                }

                html.Append(CultureInfo.InvariantCulture, $"<li id=\"{id}\">{Encode(paragraph.Text)}</li>");
                if (i == paragraphs.Count - 1 || paragraphs[i + 1].Kind != ParagraphKind.ListItem)
                {
                    html.Append("</ul>");
                }
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<p id=\"{id}\">{Encode(paragraph.Text)}</p>");
            }

            if (paragraph.Truncated)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"kp-truncated\" role=\"note\">{Encode(Byline.TruncatedNotice)}</p>");
            }
        }
    }
}

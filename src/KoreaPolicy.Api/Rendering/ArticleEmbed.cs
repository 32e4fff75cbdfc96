using System.Globalization;
using System.Text;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering;

/// <summary>How much room a host page gives an embed (oEmbed's maxwidth and maxheight).</summary>
/// <param name="Width">The embed's width in CSS pixels.</param>
/// <param name="MaxHeight">A height it must not exceed (it scrolls beyond), or null.</param>
public sealed record EmbedSize(int Width, int? MaxHeight)
{
    public const int DefaultWidth = 560;

    public static readonly EmbedSize Default = new(DefaultWidth, null);
}

/// <summary>
/// A quoted article, section or paragraph for other sites' pages: one self-contained element
/// (inline styles only, no stylesheet or script to load), the quoted text, the attribution
/// (authors, journal issue, publisher, date) and a link back to the passage's anchor on the
/// article page. No ids: the snippet lands in pages whose ids we do not know.
/// </summary>
public static class ArticleEmbed
{
    private const string Frame =
        "box-sizing:border-box;margin:0;padding:16px 20px;border:1px solid #d0d4da;border-left:4px solid #1f4e79;"
        + "border-radius:4px;background:#fff;color:#1a1a1a;font:16px/1.55 Georgia,'Times New Roman',serif;text-align:left";

    private const string Quote = "margin:0;padding:0;border:0;quotes:none";
    private const string ParagraphStyle = "margin:0 0 .75em";
    private const string ListStyle = "margin:0 0 .75em;padding-left:1.25em";
    private const string HeadingStyle = "margin:0 0 .5em;font-size:1.1em;line-height:1.3";
    private const string Caption = "margin:.75em 0 0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#444";
    private const string Link = "color:#1f4e79";

    /// <summary>The article: its title and summary, quoted, linking to its page.</summary>
    public static string Article(ArticleSummary article, PublicUrls urls, EmbedSize size)
    {
        var link = urls.ArticlePage(article.Slug);
        var quote = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h2 style=\"{HeadingStyle}\">{ArticleHtml.Encode(article.Title)}</h2>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"{ParagraphStyle}\">{ArticleHtml.Encode(article.Summary)}</p>");
        return Render(article, quote.ToString(), link, "Read the article", size);
    }

    public static string Section(ArticleSummary article, SectionDetail section, PublicUrls urls, EmbedSize size)
    {
        var quote = new StringBuilder();
        if (section.Heading is { } heading)
        {
            quote.Append(CultureInfo.InvariantCulture, $"<h2 style=\"{HeadingStyle}\">{ArticleHtml.Encode(heading)}</h2>");
        }

        foreach (var paragraph in section.Paragraphs)
        {
            quote.Append(Quoted(paragraph));
        }

        return Render(article, quote.ToString(), urls.SectionAnchor(article.Slug, section.Slug), "Read the section in context", size);
    }

    public static string Paragraph(ArticleSummary article, ParagraphDetail paragraph, PublicUrls urls, EmbedSize size) =>
        Render(
            article,
            Quoted(paragraph),
            urls.ParagraphAnchor(article.Slug, paragraph.Number),
            "Read the paragraph in context",
            size);

    // A paragraph as quoted: a list item as an item of a list, and the notice after a text the source page cut off.
    private static string Quoted(ParagraphDetail paragraph)
    {
        var text = ArticleHtml.Encode(paragraph.Text);
        var quoted = paragraph.Kind == ParagraphKind.ListItem
            ? $"<ul style=\"{ListStyle}\"><li>{text}</li></ul>"
            : $"<p style=\"{ParagraphStyle}\">{text}</p>";
        return paragraph.Truncated
            ? $"{quoted}<p style=\"{ParagraphStyle}\"><em>{ArticleHtml.Encode(Byline.TruncatedNotice)}</em></p>"
            : quoted;
    }

    /// <summary>A rough height for oEmbed's <c>height</c>: lines of text at the width, plus the caption.</summary>
    public static int EstimateHeight(string quotedText, int headingCount, int paragraphCount, EmbedSize size)
    {
        var charactersPerLine = Math.Max(20, (size.Width - 44) / 8);
        var lines = (quotedText.Length / charactersPerLine) + paragraphCount + (2 * headingCount);
        var height = 32 + (lines * 25) + (paragraphCount * 12) + 80;
        return size.MaxHeight is { } max ? Math.Min(height, max) : height;
    }

    private static string Render(ArticleSummary summary, string quote, string link, string linkText, EmbedSize size)
    {
        var style = new StringBuilder(Frame).Append(CultureInfo.InvariantCulture, $";max-width:{size.Width}px");
        if (size.MaxHeight is { } maxHeight)
        {
            style.Append(CultureInfo.InvariantCulture, $";max-height:{maxHeight}px;overflow:auto");
        }

        var href = ArticleHtml.Encode(link);
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<figure class=\"kp-embed\" style=\"{style}\">")
            .Append(CultureInfo.InvariantCulture, $"<blockquote cite=\"{href}\" style=\"{Quote}\">{quote}</blockquote>")
            .Append(CultureInfo.InvariantCulture, $"<figcaption style=\"{Caption}\">");
        // Authors, title, issue or journal, publisher, date: as many as the article has. A derived
        // title only repeats what the caption gives, unless the article has nothing else to name it by.
        var caption = new List<string>();
        if (summary.Authors.Count > 0)
        {
            caption.Add(Byline.Join(summary.Authors.Select(a => ArticleHtml.Encode(a.Name)).ToList()));
        }

        if (summary.TitleSource != "derived")
        {
            caption.Add($"<a href=\"{href}\" style=\"{Link}\">{ArticleHtml.Encode(summary.Title)}</a>");
        }

        caption.AddRange(ArticleHtml.SourceParts(summary));
        if (caption.Count == 0)
        {
            caption.Add(ArticleHtml.Encode(summary.Title));
        }

        html.AppendJoin(", ", caption);
        html.Append(CultureInfo.InvariantCulture, $". <a href=\"{href}\" style=\"{Link}\">{linkText}</a></figcaption></figure>");
        return html.ToString();
    }
}

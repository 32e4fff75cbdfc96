using System.Text;
using System.Text.RegularExpressions;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering;

/// <summary>
/// Articles, sections and paragraphs as CommonMark: <c># Title</c>, a byline and source line,
/// <c>## Heading</c> per titled section, one Markdown paragraph per paragraph. The text is data:
/// every character Markdown (or GitHub's tables and strikethrough) would read as syntax is
/// backslash-escaped, so it renders as the characters written and raw HTML never becomes HTML.
/// </summary>
public static partial class ArticleMarkdown
{
    public static string Article(ArticleDetail article)
    {
        var markdown = new StringBuilder();
        var summary = article.Summary;
        markdown.Append("# ").Append(Escape(summary.Title)).Append("\n\n");
        if (summary.Authors.Count > 0)
        {
            markdown.Append("By ").Append(Escape(Byline.Join(summary.Authors.Select(a => a.Name).ToList()))).Append("\n\n");
        }

        if (SourceLine(summary) is { Length: > 0 } source)
        {
            markdown.Append(Escape(source)).Append("\n\n");
        }

        foreach (var section in article.Sections)
        {
            AppendSection(markdown, section);
        }

        return markdown.ToString().TrimEnd('\n') + "\n";
    }

    public static string Section(SectionDetail section)
    {
        var markdown = new StringBuilder();
        AppendSection(markdown, section);
        return markdown.ToString().TrimEnd('\n') + "\n";
    }

    public static string Paragraph(ParagraphDetail paragraph)
    {
        var markdown = new StringBuilder();
        AppendParagraphs(markdown, [paragraph]);
        return markdown.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>"Korea Policy Vol. 3, Issue 2, Korea Economic Institute of America, December 15, 2025": what plain text shows too ("" for an article with none of them).</summary>
    public static string SourceLine(ArticleSummary summary) => Byline.Source(summary);

    /// <summary>
    /// Escapes text for a single line of Markdown: inline syntax everywhere (emphasis, code,
    /// links, HTML, entities, headings' closing #, tables, strikethrough), and at the start of the
    /// line what would open a block (list markers, block quotes, thematic breaks).
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '#' or '|' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        var line = escaped.ToString();
        // "1. " or "1) " would open an ordered list; "-", "+" and "=" a list, a break or a setext underline.
        if (OrderedListMarker().Match(line) is { Success: true } marker)
        {
            return line.Insert(marker.Length - 1, "\\");
        }

        return line.Length > 0 && line[0] is '-' or '+' or '=' ? "\\" + line : line;
    }

    private static void AppendSection(StringBuilder markdown, SectionDetail section)
    {
        if (section.Heading is { } heading)
        {
            markdown.Append("## ").Append(Escape(heading)).Append("\n\n");
        }

        AppendParagraphs(markdown, section.Paragraphs);
    }

    // A list item is "- " and its escaped text; consecutive items make one tight list, a blank
    // line after it. Where the source page was cut off, the notice follows, in emphasis.
    private static void AppendParagraphs(StringBuilder markdown, IReadOnlyList<ParagraphDetail> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            if (paragraph.Kind == ParagraphKind.ListItem)
            {
                var lastOfList = i == paragraphs.Count - 1 || paragraphs[i + 1].Kind != ParagraphKind.ListItem || paragraph.Truncated;
                markdown.Append("- ").Append(Escape(paragraph.Text)).Append(lastOfList ? "\n\n" : "\n");
            }
            else
            {
                markdown.Append(Escape(paragraph.Text)).Append("\n\n");
            }

            if (paragraph.Truncated)
            {
                markdown.Append('*').Append(Escape(Byline.TruncatedNotice)).Append("*\n\n");
            }
        }
    }

    [GeneratedRegex(@"^\d{1,9}[.)]", RegexOptions.CultureInvariant)]
    private static partial Regex OrderedListMarker();
}

using System.Text;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering;

/// <summary>
/// Articles, sections and paragraphs as plain text, for wire systems and terminals: the title,
/// the byline and source line, then headings on lines of their own and paragraphs separated by
/// blank lines. Nothing is escaped: plain text has no syntax.
/// </summary>
public static class ArticlePlainText
{
    public static string Article(ArticleDetail article)
    {
        var text = new StringBuilder();
        var summary = article.Summary;
        text.Append(summary.Title).Append('\n');
        if (summary.Authors.Count > 0)
        {
            text.Append("By ").Append(Byline.Join(summary.Authors.Select(a => a.Name).ToList())).Append('\n');
        }

        if (ArticleMarkdown.SourceLine(summary) is { Length: > 0 } source)
        {
            text.Append(source).Append('\n');
        }

        text.Append('\n');
        foreach (var section in article.Sections)
        {
            AppendSection(text, section);
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    public static string Section(SectionDetail section)
    {
        var text = new StringBuilder();
        AppendSection(text, section);
        return text.ToString().TrimEnd('\n') + "\n";
    }

    public static string Paragraph(ParagraphDetail paragraph)
    {
        var text = new StringBuilder();
        AppendParagraph(text, paragraph, lastOfList: true);
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendSection(StringBuilder text, SectionDetail section)
    {
        if (section.Heading is { } heading)
        {
            text.Append(heading).Append("\n\n");
        }

        for (var i = 0; i < section.Paragraphs.Count; i++)
        {
            var lastOfList = i == section.Paragraphs.Count - 1 || section.Paragraphs[i + 1].Kind != ParagraphKind.ListItem;
            AppendParagraph(text, section.Paragraphs[i], lastOfList);
        }
    }

    // A list item keeps a "- " bullet, consecutive items one to a line; a cut-off text ends with the notice in brackets.
    private static void AppendParagraph(StringBuilder text, ParagraphDetail paragraph, bool lastOfList)
    {
        if (paragraph.Kind == ParagraphKind.ListItem)
        {
            text.Append("- ").Append(paragraph.Text).Append(lastOfList || paragraph.Truncated ? "\n\n" : "\n");
        }
        else
        {
            text.Append(paragraph.Text).Append("\n\n");
        }

        if (paragraph.Truncated)
        {
            text.Append('[').Append(Byline.TruncatedNotice).Append("]\n\n");
        }
    }
}

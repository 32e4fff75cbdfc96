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

        text.Append(ArticleMarkdown.SourceLine(summary)).Append("\n\n");
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

    public static string Paragraph(ParagraphDetail paragraph) => paragraph.Text + "\n";

    private static void AppendSection(StringBuilder text, SectionDetail section)
    {
        if (section.Heading is { } heading)
        {
            text.Append(heading).Append("\n\n");
        }

        foreach (var paragraph in section.Paragraphs)
        {
            text.Append(paragraph.Text).Append("\n\n");
        }
    }
}

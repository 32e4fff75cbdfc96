using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Articles;

/// <summary>
/// Finding a section or paragraph of an article from a URL segment, with the problem to answer
/// when it is malformed (400) or absent (404). The API, the embeds and oEmbed address parts alike.
/// </summary>
public static class ArticleParts
{
    public static ProblemHttpResult ArticleNotFound(string slug) =>
        Problems.NotFound($"No article has the slug '{slug}' (see {ApiLinks.Articles}).");

    /// <summary>A section by its slug, or by its 1-based position when the segment is digits.</summary>
    public static SectionDetail? FindSection(ArticleDetail article, string section, out ProblemHttpResult? problem)
    {
        problem = null;
        SectionDetail? found;
        // Digits address a position, anything else a slug; "0", "-1" and overflows are malformed positions.
        if (section.TrimStart('-', '+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(section, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var position) || position < 1)
            {
                problem = Problems.InvalidParameter(nameof(section), $"a section position is a whole number from 1; got '{section}'");
                return null;
            }

            found = article.Sections.FirstOrDefault(s => s.Position == position);
        }
        else
        {
            found = article.Sections.FirstOrDefault(s => s.Slug == section);
        }

        var slug = article.Summary.Slug;
        problem = found is null
            ? Problems.NotFound($"Article '{slug}' has no section '{section}'; it has {article.Sections.Count} (see {ApiLinks.Sections(slug)}).")
            : null;
        return found;
    }

    /// <summary>A paragraph number: a whole number from 1, or the 400 that says so.</summary>
    public static bool TryParseNumber(string number, out int n, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        problem = null;
        if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n) || n < 1)
        {
            problem = Problems.InvalidParameter(nameof(number), $"a paragraph number is a whole number from 1; got '{number}'");
            return false;
        }

        return true;
    }

    public static ParagraphDetail? FindParagraph(ArticleDetail article, int number, out ProblemHttpResult? problem)
    {
        var paragraph = article.Sections.SelectMany(s => s.Paragraphs).FirstOrDefault(p => p.Number == number);
        problem = paragraph is null
            ? Problems.NotFound($"Article '{article.Summary.Slug}' has no paragraph {number}; it has {article.Sections.Sum(s => s.Paragraphs.Count)}.")
            : null;
        return paragraph;
    }
}

using System.Globalization;
using KoreaPolicy.Api.Hosting;
using KoreaPolicy.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Articles;

/// <summary>
/// Finds an article's sections and paragraphs by the addresses its URLs use, with the same 400
/// and 404 problems everywhere: a section by slug or 1-based position, a paragraph by its number.
/// Taken from <see cref="ArticlesApi"/>'s handlers so that citations address passages exactly as
/// the passages' own endpoints do; ArticlesApi can move onto it.
/// </summary>
public static class ArticleParts
{
    public static ProblemHttpResult ArticleNotFound(string slug) =>
        Problems.NotFound($"No article has the slug '{slug}' (see {ApiLinks.Articles}).");

    /// <summary>The section addressed by <paramref name="section"/>, or null and a 400 (malformed position) or 404 problem.</summary>
    public static SectionDetail? FindSection(ArticleDetail article, string section, out ProblemHttpResult? problem)
    {
        problem = null;
        var slug = article.Summary.Slug;
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

        if (found is null)
        {
            problem = Problems.NotFound($"Article '{slug}' has no section '{section}'; it has {article.Sections.Count} (see {ApiLinks.Sections(slug)}).");
        }

        return found;
    }

    /// <summary>Reads a paragraph number (a whole number from 1), or gives the 400 problem naming the parameter.</summary>
    public static bool TryParseParagraphNumber(string number, out int n, out ProblemHttpResult? problem)
    {
        problem = null;
        if (int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n) && n >= 1)
        {
            return true;
        }

        problem = Problems.InvalidParameter(nameof(number), $"a paragraph number is a whole number from 1; got '{number}'");
        return false;
    }

    /// <summary>The paragraph numbered <paramref name="number"/>, or null and a 404 problem.</summary>
    public static ParagraphDetail? FindParagraph(ArticleDetail article, int number, out ProblemHttpResult? problem)
    {
        problem = null;
        var paragraph = article.Sections.SelectMany(s => s.Paragraphs).FirstOrDefault(p => p.Number == number);
        if (paragraph is null)
        {
            problem = Problems.NotFound($"Article '{article.Summary.Slug}' has no paragraph {number}; it has {article.Sections.Sum(s => s.Paragraphs.Count)}.");
        }

        return paragraph;
    }
}

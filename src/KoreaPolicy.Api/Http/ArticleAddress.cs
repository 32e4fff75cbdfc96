using System.Globalization;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// The section and paragraph segments of a URL read as what the archive is asked for, and the
/// problem to answer when a URL names nothing: the API, the citations and the embeds address
/// articles and their parts alike. A handler reads straight down:
/// <c>ArticleAddress.Paragraph(number) is { } n &amp;&amp; archive.FindParagraph(slug, n) is { } found ? ... : ArticleAddress.MissingParagraph(archive, slug, number)</c>.
/// </summary>
public static class ArticleAddress
{
    public static ProblemHttpResult ArticleNotFound(string slug) =>
        Problems.NotFound($"No article has the slug '{slug}' (see {ApiLinks.Articles}).");

    /// <summary>
    /// A section segment: digits address a 1-based position, anything else a slug. Null for a
    /// malformed position ("0", "-1", past int), which names no section.
    /// </summary>
    public static SectionKey? Section(string section)
    {
        if (section.TrimStart('-', '+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit))
        {
            return int.TryParse(section, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var position) && position >= 1
                ? SectionKey.At(position)
                : null;
        }

        return SectionKey.Named(section);
    }

    /// <summary>A paragraph number: a whole number from 1, else null.</summary>
    public static int? Paragraph(string number) =>
        int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;

    /// <summary>
    /// Why a section URL found nothing, checked in the order a reader would: no such article (404),
    /// a malformed position (400), no such section (404, with how many the article has). Reads the
    /// article only on this path, to say so.
    /// </summary>
    public static ProblemHttpResult MissingSection(ArchiveReader archive, string slug, string section)
    {
        if (archive.FindArticle(slug) is not { } article)
        {
            return ArticleNotFound(slug);
        }

        return Section(section) is null
            ? Problems.InvalidParameter(nameof(section), $"a section position is a whole number from 1; got '{section}'")
            : Problems.NotFound($"Article '{slug}' has no section '{section}'; it has {article.Sections.Count} (see {ApiLinks.Sections(slug)}).");
    }

    /// <summary>
    /// Why a paragraph URL found nothing: a malformed number (400, before anything is read), no
    /// such article (404), no such paragraph (404, with how many the article has).
    /// </summary>
    public static ProblemHttpResult MissingParagraph(ArchiveReader archive, string slug, string number)
    {
        if (Paragraph(number) is not { } n)
        {
            return Problems.InvalidParameter(nameof(number), $"a paragraph number is a whole number from 1; got '{number}'");
        }

        return archive.FindArticle(slug) is { } article
            ? Problems.NotFound($"Article '{slug}' has no paragraph {n}; it has {article.Sections.Sum(s => s.Paragraphs.Count)}.")
            : ArticleNotFound(slug);
    }
}

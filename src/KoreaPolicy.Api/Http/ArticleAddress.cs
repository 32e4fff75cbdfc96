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
    /// <summary>
    /// No live article has the slug: 410 Gone, naming when, for a withdrawn one (its tombstone is
    /// read only on this path); 404 otherwise.
    /// </summary>
    public static ProblemHttpResult ArticleNotFound(ArchiveReader archive, string slug) =>
        archive.FindWithdrawal(slug) is { } withdrawal
            ? Problems.Gone(withdrawal)
            : Problems.NotFound($"No article has the slug '{slug}' (see {ApiLinks.Articles}).");

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
            return ArticleNotFound(archive, slug);
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
            return MalformedParagraph(number);
        }

        return archive.FindArticle(slug) is { } article
            ? Problems.NotFound($"Article '{slug}' has no paragraph {n}; it has {article.Sections.Sum(s => s.Paragraphs.Count)}.")
            : ArticleNotFound(archive, slug);
    }

    /// <summary>
    /// The section a URL names in an article as it was at a revision (<c>RevisionLookup.Part</c>), or
    /// a 404 that names the revision and how many sections the article had then. A malformed
    /// position is that 404 too here, where the live section's <see cref="MissingSection"/> says 400:
    /// the answer the revision path has always given, kept so no client sees it change.
    /// </summary>
    public static Found<SectionDetail> SectionAtRevision(ArticleDetail then, string slug, string section) =>
        Section(section) is { } key && then.Sections.FirstOrDefault(s => key.Position is { } p ? s.Position == p : s.Slug == key.Slug) is { } found
            ? found
            : Problems.NotFound($"Article '{slug}' had no section '{section}' at revision {then.Summary.Revision}; it had {then.Sections.Count}.");

    /// <summary>
    /// The paragraph a URL numbers in an article as it was at a revision (<c>RevisionLookup.Part</c>):
    /// a malformed number is a 400, a number past the article's paragraphs then a 404 that names the
    /// revision and how many it had.
    /// </summary>
    public static Found<ParagraphDetail> ParagraphAtRevision(ArticleDetail then, string slug, string number)
    {
        if (Paragraph(number) is not { } n)
        {
            return MalformedParagraph(number);
        }

        var paragraphs = then.Sections.SelectMany(s => s.Paragraphs).ToList();
        return paragraphs.FirstOrDefault(p => p.Number == n) is { } found
            ? found
            : Problems.NotFound($"Article '{slug}' had no paragraph {number} at revision {then.Summary.Revision}; it had {paragraphs.Count}.");
    }

    private static ProblemHttpResult MalformedParagraph(string number) =>
        Problems.InvalidParameter(nameof(number), $"a paragraph number is a whole number from 1; got '{number}'");
}

using System.Globalization;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering.Citations;

/// <summary>
/// The facts a citation is made of, in every style: a journal article and, for a section or a
/// paragraph, where in it. Styles differ only in how they arrange these.
/// </summary>
/// <param name="Id">A stable key (BibTeX key, CSL id): first author's family name, year, first title word.</param>
/// <param name="Pages">A page range as the style prints it ("207–217" APA, "165–76" Chicago). The
/// archive's web articles have none; it is here so the styles can be checked against their manuals.</param>
/// <param name="Url">The article's URL: the publisher's canonical one, else its page here.</param>
public sealed record CitedWork(
    string Id,
    string Title,
    IReadOnlyList<PersonName> Authors,
    string Journal,
    string? Publisher,
    string? Volume,
    string? Issue,
    IssueDate? Date,
    string? Pages,
    string? Url,
    string? Doi,
    Locator? Locator = null)
{
    /// <summary>Where the citation points: the locator's anchor when there is one, else the article.</summary>
    public string? Link => Locator?.Url ?? Url;

    public string? DoiUrl => Doi is null ? null : $"https://doi.org/{Doi}";

    /// <summary>The facts of an archived article; with a locator for a section or paragraph.</summary>
    public static CitedWork From(ArticleDetail article, PublicUrls urls) => From(article.Summary, article.CanonicalUrl, article.Doi, urls);

    /// <summary>The facts of the article a section or paragraph stands in, with the locator that points there.</summary>
    public static CitedWork From<TPart>(ArticlePart<TPart> part, PublicUrls urls, Locator locator) =>
        From(part.Summary, part.CanonicalUrl, part.Doi, urls, locator);

    private static CitedWork From(ArticleSummary summary, string? canonicalUrl, string? doi, PublicUrls urls, Locator? locator = null)
    {
        var authors = summary.Authors.Select(a => PersonName.Parse(a.Name)).ToList();
        var date = summary.Published is { } published ? IssueDate.Day(published) : null;
        return new CitedWork(
            Id: CitationKey(authors, date?.Year, summary.Title),
            Title: summary.Title,
            Authors: authors,
            Journal: summary.Journal.Name,
            Publisher: summary.Journal.Publisher,
            Volume: summary.Issue?.Volume?.ToString(CultureInfo.InvariantCulture),
            Issue: summary.Issue?.Number?.ToString(CultureInfo.InvariantCulture),
            Date: date,
            Pages: null,
            Url: urls.Canonical(summary.Slug, canonicalUrl),
            Doi: doi,
            Locator: locator);
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "on", "in", "for", "to", "at", "by", "with",
    };

    /// <summary>
    /// <c>klingner2025korea</c>: the first author's family name, the year, and the first word of the
    /// title that is neither a stop word nor an author's own name (a derived title opens with the
    /// byline, which would make every key of an author alike). ASCII letters only, so any BibTeX accepts it.
    /// </summary>
    public static string CitationKey(IReadOnlyList<PersonName> authors, int? year, string title)
    {
        var names = authors.SelectMany(a => new[] { a.Family, a.Given }).SelectMany(n => n.Split(' ', '-'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var word = title.Split([' ', ',', ':', ';', '.', '(', ')', '“', '”', '"', '?', '!'], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(w => !StopWords.Contains(w) && !names.Contains(w) && w.Any(char.IsLetter)) ?? "";
        var family = authors.Count > 0 ? authors[0].Family : "anonymous";
        return $"{AsciiLetters(family)}{year?.ToString(CultureInfo.InvariantCulture) ?? "nd"}{AsciiLetters(word)}";
    }

    private static string AsciiLetters(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());
    }
}

/// <summary>
/// A publication date as precise as the source gives it: a year, a month, a day, or a season
/// (Chicago prints "Spring 2017"; a journal's issue is often dated no closer than that).
/// </summary>
public sealed record IssueDate(int Year, int? Month = null, int? DayOfMonth = null, string? Season = null)
{
    public static IssueDate Day(DateOnly date) => new(date.Year, date.Month, date.Day);

    public string MonthName => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month ?? 1);
}

/// <summary>What a pinpoint refers to.</summary>
public enum LocatorKind
{
    Section,
    Paragraph,
}

/// <summary>
/// A pinpoint in the article: a section (by position, with its heading unless it is the untitled
/// lead) or a paragraph (by its number across the article), and the URL of its anchor.
/// </summary>
public sealed record Locator(LocatorKind Kind, int Number, string? Heading, string Url)
{
    public static Locator ForSection(SectionDetail section, string articleUrl) =>
        new(LocatorKind.Section, section.Position, section.Heading, WithAnchor(articleUrl, Anchors.Section(section.Slug)));

    public static Locator ForParagraph(ParagraphDetail paragraph, string articleUrl) =>
        new(LocatorKind.Paragraph, paragraph.Number, null, WithAnchor(articleUrl, Anchors.Paragraph(paragraph.Number)));

    /// <summary>The CSL label: "section" or "paragraph".</summary>
    public string Label => Kind == LocatorKind.Section ? "section" : "paragraph";

    // The canonical URL (the publisher's or ours) with the same anchor the HTML renderings carry;
    // a canonical URL that already has a fragment loses it, as a URL has only one.
    private static string WithAnchor(string url, string anchor) =>
        $"{(url.IndexOf('#') is var hash and >= 0 ? url[..hash] : url)}#{anchor}";
}

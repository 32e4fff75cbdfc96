using System.Globalization;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering.Citations;

/// <summary>
/// The facts a citation is made of, in every style: a journal article (or a blog post, a policy
/// brief, a page of no journal) and, for a section or a paragraph, where in it. Styles differ only
/// in how they arrange these. Any fact may be missing but the title (or, for a work without one,
/// its <see cref="Description"/>).
/// </summary>
/// <param name="Id">A stable key (BibTeX key, CSL id): first author's family name, year, first title word.</param>
/// <param name="Title">The work's title; for an <see cref="Untitled"/> work, the archive's label, which no style prints as a title.</param>
/// <param name="Journal">The journal, blog or series it is part of; null when the page shows none.</param>
/// <param name="Pages">A page range as the style prints it ("207–217" APA, "165–76" Chicago). The
/// archive's web articles have none; it is here so the styles can be checked against their manuals.</param>
/// <param name="Url">The article's URL: the publisher's canonical one, else its page here.</param>
public sealed record CitedWork(
    string Id,
    string Title,
    IReadOnlyList<PersonName> Authors,
    string? Journal,
    string? Publisher,
    string? Volume,
    string? Issue,
    IssueDate? Date,
    string? Pages,
    string? Url,
    string? Doi,
    Locator? Locator = null)
{
    /// <summary>
    /// The work has no title of its own: <see cref="Title"/> is a label the archive derived from its
    /// author, issue and date. Each style puts <see cref="Description"/> where the title goes, in its own form.
    /// </summary>
    public bool Untitled { get; init; }

    /// <summary>What the work is, for a work without a title: "Journal article on Security and Trade" (sentence case, no closing period).</summary>
    public string Description { get; init; } = "Article";

    /// <summary>What kind of work it is, when the page says; it picks the reference type (journal article, blog post, report).</summary>
    public ArticleKind? Kind { get; init; }

    /// <summary>A post of a blog: its blog is its container, and APA dates it to the day.</summary>
    public bool IsBlogPost => Kind == ArticleKind.BlogPost;

    /// <summary>Part of no journal, blog or series: a work that stands on its own, as a web page or report does.</summary>
    public bool StandsAlone => Journal is null;

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
            Journal: summary.Journal?.Name,
            Publisher: summary.Journal?.Publisher,
            Volume: summary.Issue?.Volume?.ToString(CultureInfo.InvariantCulture),
            Issue: summary.Issue?.Number?.ToString(CultureInfo.InvariantCulture),
            // An issue named by its year dates the work to that year when the page gives no date.
            Date: date ?? (summary.Issue?.Year is { } year ? new IssueDate(year) : null),
            Pages: null,
            Url: urls.Canonical(summary.Slug, canonicalUrl),
            Doi: doi,
            Locator: locator)
        {
            Untitled = summary.TitleSource == "derived",
            Description = Describe(summary.Kind, summary.Journal is not null, summary.Themes.Select(t => t.Name).ToList()),
            Kind = summary.Kind,
        };
    }

    /// <summary>
    /// What a work without a title is, in words the page gives: its kind and its themes, as in
    /// "Journal article on Foreign Relations, Security, and Geopolitics" (the themes as the page
    /// names them, joined with a serial comma, as all three manuals join lists).
    /// </summary>
    public static string Describe(ArticleKind? kind, bool inJournal, IReadOnlyList<string> themes)
    {
        var what = kind switch
        {
            ArticleKind.BlogPost => "Blog post",
            ArticleKind.PolicyBrief => "Policy brief",
            ArticleKind.JournalArticle => "Journal article",
            _ => inJournal ? "Journal article" : "Article",
        };
        return themes.Count switch
        {
            0 => what,
            1 => $"{what} on {themes[0]}",
            2 => $"{what} on {themes[0]} and {themes[1]}",
            _ => $"{what} on {string.Join(", ", themes.Take(themes.Count - 1))}, and {themes[^1]}",
        };
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

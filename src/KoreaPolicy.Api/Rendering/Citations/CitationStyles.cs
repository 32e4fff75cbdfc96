using System.Globalization;
using System.Text;

namespace KoreaPolicy.Api.Rendering.Citations;

/// <summary>
/// The three formatted styles, each in one table row: how it writes authors, dates, titles, the
/// journal with volume and issue, the pinpoint and the link, for a journal article. There is no CSL
/// processor for .NET here, so these are the manuals' rules for this one kind of work, written out:
/// APA 7 (Publication Manual ch. 9–10), Chicago 17 notes-bibliography (CMOS ch. 14, the
/// bibliography entry) and MLA 9 (MLA Handbook ch. 5). None of the three gives a journal
/// article's publisher, so none prints it. Titles are printed as given: APA's sentence case is not
/// forced on a title (case rules need a dictionary of proper nouns). Italics exist only in the
/// HTML form; the plain-text form cannot show them.
/// </summary>
public static class CitationStyles
{
    private static readonly string[] MlaMonths = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    /// <summary>APA 7: author–date reference list entry (§10.1).</summary>
    public static readonly ReferenceStyle Apa = new()
    {
        Name = "apa",
        Title = "APA 7th edition",
        // §9.8: "Family, I. I."; two and up to twenty joined with ", &"; beyond twenty, the
        // first nineteen, an ellipsis and the last.
        Authors = names => names.Count switch
        {
            1 => Inverted(names[0], initials: true),
            <= 20 => string.Join(", ", names.Take(names.Count - 1).Select(n => Inverted(n, initials: true))) + ", & " + Inverted(names[^1], initials: true),
            _ => string.Join(", ", names.Take(19).Select(n => Inverted(n, initials: true))) + ", . . . " + Inverted(names[^1], initials: true),
        },
        // §9.14: a journal article gives the year only; the exact date is for magazines,
        // newspapers and blogs ("2025, December 15").
        Date = date => date.Year.ToString(CultureInfo.InvariantCulture),
        // §8.28: unpaginated works are cited by paragraph ("para. 7") or section heading ("Discussion section").
        Locator = locator => locator.Kind == LocatorKind.Paragraph ? $"para. {locator.Number}"
            : locator.Heading is { } heading ? $"{heading} section" : $"section {locator.Number}",
        Format = (work, style) =>
        {
            var entry = new ReferenceBuilder();
            // §9.14: a journal article gives the year only; a blog post the exact date ("2024, May 14").
            var date = work.Date is not { } d ? "(n.d.)." : work.IsBlogPost && d.DayOfMonth is not null
                ? $"({d.Year}, {d.MonthName} {d.DayOfMonth})." : $"({style.Date(d)}).";
            if (work.Authors.Count > 0)
            {
                entry.Text(style.Authors(work.Authors)).Text(" ").Text(date).Text(" ");
                ApaTitle(entry, work);
            }
            else
            {
                // §9.12: with no author, the title (or the description in its place) moves into the author's place.
                ApaTitle(entry, work);
                entry.Text(" ").Text(date);
            }

            // §10.1: Title of Periodical, volume(issue), pages, journal and volume in italics; a blog's
            // name in italics (§10.1, blog post); a page of no periodical: its site or publisher (§10.16).
            var where = Pinpoint(work, style);
            if (work.Journal is { } journal)
            {
                entry.Text(" ").Italic(work.Volume is null || work.IsBlogPost ? journal : $"{journal}, {work.Volume}");
                if (work.Issue is not null && !work.IsBlogPost)
                {
                    entry.Text($"({work.Issue})");
                }

                entry.Text(where is null ? "." : $", {where}.");
            }
            else if ((work.Publisher, where) is not (null, null))
            {
                entry.Text(" ").Text(Sentence(string.Join(", ", new[] { work.Publisher, where }.OfType<string>())));
            }

            // §9.34–9.35: a DOI as https://doi.org/..., else the URL; no period after either.
            return (work.DoiUrl ?? work.Link) is { } link ? entry.Text(" ").Link(link) : entry;
        },
    };

    // §9.22: a work without a title is described in square brackets, in the title's place and not
    // in italics ("[Journal article on Security]."); a work that stands alone has its title in
    // italics (§10.16, a web page), one in a periodical or blog does not.
    private static void ApaTitle(ReferenceBuilder entry, CitedWork work)
    {
        if (work.Untitled)
        {
            entry.Text($"[{work.Description}].");
        }
        else if (work.StandsAlone)
        {
            entry.Italic(Sentence(work.Title));
        }
        else
        {
            entry.Text(Sentence(work.Title));
        }
    }

    /// <summary>Chicago 17, notes-bibliography system: the bibliography entry (§14.168–14.175).</summary>
    public static readonly ReferenceStyle Chicago = new()
    {
        Name = "chicago",
        Title = "Chicago Manual of Style 17th edition (notes and bibliography)",
        // §14.72, §14.76: the first author inverted, the others not; "and" before the last with a
        // serial comma; more than ten: the first seven and "et al.".
        Authors = names => names.Count switch
        {
            1 => Inverted(names[0], initials: false),
            2 => $"{Inverted(names[0], initials: false)}, and {names[1].Full}",
            <= 10 => $"{Inverted(names[0], initials: false)}, {string.Join(", ", names.Skip(1).Take(names.Count - 2).Select(n => n.Full))}, and {names[^1].Full}",
            _ => $"{Inverted(names[0], initials: false)}, {string.Join(", ", names.Skip(1).Take(6).Select(n => n.Full))}, et al.",
        },
        // §14.171: month or season and year in parentheses; a journal's day is not given.
        Date = date => date.Season is { } season ? $"{season} {date.Year}"
            : date.Month is not null ? $"{date.MonthName} {date.Year}"
            : date.Year.ToString(CultureInfo.InvariantCulture),
        // §14.174: without page numbers, a paragraph number or a section heading ("under ...").
        Locator = locator => locator.Kind == LocatorKind.Paragraph ? $"para. {locator.Number}"
            : locator.Heading is { } heading ? $"under “{heading}”" : $"section {locator.Number}",
        Format = (work, style) =>
        {
            var entry = new ReferenceBuilder();
            if (work.Authors.Count > 0)
            {
                entry.Text(Sentence(style.Authors(work.Authors))).Text(" ");
            }

            // §14.64 (and §8.164): a work without a title is given a description, capitalized
            // sentence-style, neither italicized nor in quotation marks.
            entry.Text(work.Untitled ? $"{Sentence(work.Description)} " : $"“{Sentence(work.Title)}” ");
            var tail = "";
            if (work.Journal is { } journal && !work.IsBlogPost)
            {
                // §14.171: "111, no. 2 (April 2016): 165–76"; §14.145: n.d. for a work without a date.
                entry.Italic(journal);
                var number = string.Join(", ", new[] { work.Volume, work.Issue is null ? null : $"no. {work.Issue}" }.Where(p => p is not null));
                entry.Text(number.Length > 0 ? $" {number}" : "");
                tail = work.Date is { } date ? $" ({style.Date(date)})" : " (n.d.)";
                // Pages follow a colon (§14.171); a paragraph or section locator a comma (§14.174).
                tail += work.Pages is not null ? $": {work.Pages}" : work.Locator is { } locator ? $", {style.Locator(locator)}" : "";
            }
            else
            {
                // §14.208 a blog post: Blog Name (blog), Month Day, Year; §14.206 a web page: its
                // owner or publisher and its date. Elements are separated by commas.
                if (work.Journal is { } blog)
                {
                    entry.Italic(blog).Text(" (blog)");
                }
                else if (work.Publisher is { } publisher)
                {
                    entry.Text(publisher);
                }

                var elements = new[]
                {
                    work.Date is { } date ? (date.DayOfMonth is { } day ? $"{date.MonthName} {day}, {date.Year}" : style.Date(date)) : "n.d.",
                    work.Locator is { } locator ? style.Locator(locator) : null,
                }.OfType<string>();
                tail = (work.Journal is null && work.Publisher is null ? "" : ", ") + string.Join(", ", elements);
            }

            // §14.8: a DOI as https://doi.org/..., else the URL; the entry ends with a period.
            entry.Text(Sentence(tail));
            return (work.DoiUrl ?? work.Link) is { } link ? entry.Text(" ").Link(link).Text(".") : entry;
        },
    };

    /// <summary>MLA 9: works-cited entry for an article in a journal (§5.x core elements).</summary>
    public static readonly ReferenceStyle Mla = new()
    {
        Name = "mla",
        Title = "MLA Handbook 9th edition",
        // §5.6–5.8: one author inverted; two: "Family, Given, and Given Family"; three or more:
        // the first and "et al.".
        Authors = names => names.Count switch
        {
            1 => Inverted(names[0], initials: false),
            2 => $"{Inverted(names[0], initials: false)}, and {names[1].Full}",
            _ => $"{Inverted(names[0], initials: false)}, et al.",
        },
        // §5.68–5.70 and appendix 1: day month year, months of more than four letters abbreviated,
        // seasons lowercased.
        Date = date => date.Season is { } season ? $"{season.ToLowerInvariant()} {date.Year}"
            : date.Month is { } month ? (date.DayOfMonth is { } day ? $"{day} " : "") + $"{MlaMonths[month - 1]} {date.Year}"
            : date.Year.ToString(CultureInfo.InvariantCulture),
        // §6.20: paragraph and section numbers abbreviated "par." and "sec.".
        Locator = locator => locator.Kind == LocatorKind.Paragraph ? $"par. {locator.Number}" : $"sec. {locator.Number}",
        Format = (work, style) =>
        {
            var entry = new ReferenceBuilder();
            if (work.Authors.Count > 0)
            {
                entry.Text(Sentence(style.Authors(work.Authors))).Text(" ");
            }

            // §5.29: a source without a title gets a generic description in the title's place,
            // capitalized, neither italicized nor in quotation marks. A title is in quotation marks
            // when a container holds the work, in italics when it stands alone (§5.25–5.27).
            if (work.Untitled)
            {
                entry.Text(Sentence(work.Description));
            }
            else if (work.Journal is null)
            {
                entry.Italic(Sentence(work.Title));
            }
            else
            {
                entry.Text($"“{Sentence(work.Title)}”");
            }

            // §5.51–5.53 number, §5.68 date, §5.82 pages "pp.": each element ends with a comma; the
            // container's title, in italics, opens them.
            var elements = new List<string?>
            {
                work.Volume is null ? null : $"vol. {work.Volume}",
                work.Issue is null ? null : $"no. {work.Issue}",
                work.Date is { } date ? style.Date(date) : null,
                work.Pages is not null ? $"pp. {work.Pages}" : work.Locator is { } locator ? style.Locator(locator) : null,
            }.OfType<string>().ToList();
            if (work.Journal is { } journal)
            {
                entry.Text(" ").Italic(journal).Text(string.Concat(elements.Select(e => $", {e}")) + ".");
            }
            else if (elements.Count > 0)
            {
                entry.Text(" " + string.Join(", ", elements) + ".");
            }

            // §5.90–5.97: a DOI with https://doi.org/, else the URL without http(s)://; the entry ends with a period.
            return (work.DoiUrl ?? work.Link) is { } link
                ? entry.Text(" ").Link(work.DoiUrl is null ? StripScheme(link) : link, href: link).Text(".")
                : entry;
        },
    };

    /// <summary>Every formatted style, by name.</summary>
    public static readonly IReadOnlyList<ReferenceStyle> All = [Apa, Chicago, Mla];

    /// <summary>"Family, Given" or "Family, I. I.", with the particle kept and a suffix after a comma.</summary>
    private static string Inverted(PersonName name, bool initials)
    {
        var given = initials ? name.Initials : name.Given;
        var inverted = given.Length > 0 ? $"{name.FamilyWithParticle}, {given}" : name.FamilyWithParticle;
        return name.Suffix is null ? inverted : $"{inverted}, {name.Suffix}";
    }

    /// <summary>The page range if the work has one, else the locator.</summary>
    private static string? Pinpoint(CitedWork work, ReferenceStyle style) =>
        work.Pages ?? (work.Locator is { } locator ? style.Locator(locator) : null);

    /// <summary>
    /// Ends an element with a period unless it ends with one already (an initial, "et al.") or
    /// with ? or !; a closing quotation mark takes the period inside, as American usage has it.
    /// </summary>
    public static string Sentence(string text)
    {
        var end = text.EndsWith('”') ? text.Length - 1 : text.Length;
        if (end > 0 && text[end - 1] is '.' or '?' or '!')
        {
            return text;
        }

        return text.EndsWith('”') ? $"{text[..^1]}.”" : $"{text}.";
    }

    private static string StripScheme(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url[8..]
        : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? url[7..]
        : url;
}

/// <summary>One formatted style: its rules as functions, so a row of the table reads as the manual does.</summary>
public sealed class ReferenceStyle
{
    /// <summary>The <c>style=</c> value.</summary>
    public required string Name { get; init; }

    /// <summary>The manual, for people.</summary>
    public required string Title { get; init; }

    /// <summary>The author list as the style writes it, without the closing period.</summary>
    public required Func<IReadOnlyList<PersonName>, string> Authors { get; init; }

    public required Func<IssueDate, string> Date { get; init; }

    /// <summary>The pinpoint: "para. 7", "Discussion section", "par. 7".</summary>
    public required Func<Locator, string> Locator { get; init; }

    public required Func<CitedWork, ReferenceStyle, ReferenceBuilder> Format { get; init; }

    public FormattedReference Reference(CitedWork work)
    {
        var entry = Format(work, this);
        return new FormattedReference(entry.ToText(), entry.ToHtml());
    }
}

/// <summary>A reference in plain text (no italics) and as an HTML fragment (italics as &lt;i&gt;, the link as &lt;a&gt;).</summary>
public sealed record FormattedReference(string Text, string Html);

/// <summary>A reference as runs of plain text, italics and links, to write as plain text or HTML.</summary>
public sealed class ReferenceBuilder
{
    private readonly List<(string Text, char Kind, string? Href)> runs = [];

    public ReferenceBuilder Text(string text) => Add(text, 't');

    public ReferenceBuilder Italic(string text) => Add(text, 'i');

    public ReferenceBuilder Link(string text, string? href = null) => Add(text, 'a', href ?? text);

    public string ToText() => string.Concat(runs.Select(r => r.Text));

    public string ToHtml()
    {
        var html = new StringBuilder();
        foreach (var (text, kind, href) in runs)
        {
            html.Append(kind switch
            {
                'i' => $"<i>{ArticleHtml.Encode(text)}</i>",
                'a' => $"<a href=\"{ArticleHtml.Encode(href!)}\">{ArticleHtml.Encode(text)}</a>",
                _ => ArticleHtml.Encode(text),
            });
        }

        return html.ToString();
    }

    private ReferenceBuilder Add(string text, char kind, string? href = null)
    {
        if (text.Length > 0)
        {
            runs.Add((text, kind, href));
        }

        return this;
    }
}

using System.Globalization;
using System.Text;

namespace KoreaPolicy.Api.Rendering.Citations;

/// <summary>
/// A BibTeX entry, for LaTeX and the reference managers that import it: <c>@article</c> for a
/// journal's article, <c>@misc</c> for a blog post or a page of no journal (with the blog in
/// <c>howpublished</c>). A work without a title has no <c>title</c> field: the archive's label is not
/// one, and styles would print it as one. Its description goes in <c>note</c>.
/// </summary>
public static class BibTexCitation
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static string Format(CitedWork work)
    {
        var article = work.Journal is not null && !work.IsBlogPost;
        var fields = new List<(string Name, string Value)>();
        if (!work.Untitled)
        {
            // Double braces keep the title's capitals: many BibTeX styles lowercase a title, and
            // this one is full of proper nouns (Korea, U.S.).
            fields.Add(("title", $"{{{Escape(work.Title)}}}"));
        }

        if (work.Authors.Count > 0)
        {
            fields.Add(("author", string.Join(" and ", work.Authors.Select(Name))));
        }

        Add(fields, article ? "journal" : "howpublished", work.Journal);
        Add(fields, "volume", work.Volume);
        Add(fields, "number", work.Issue);
        Add(fields, "pages", work.Pages);
        if (work.Date is { } date)
        {
            fields.Add(("year", date.Year.ToString(CultureInfo.InvariantCulture)));
            if (date.Month is { } month)
            {
                fields.Add(("month", Months[month - 1]));
            }
        }

        Add(fields, "publisher", work.Publisher);
        // The pinpoint goes in note, not pages: BibTeX styles print pages as "pp. ...", and a
        // paragraph or a section is not a page. url is the anchor, so the link lands on the passage.
        var note = new[] { work.Untitled ? work.Description : null, work.Locator is { } locator ? NoteText(locator) : null }.OfType<string>().ToList();
        if (note.Count > 0)
        {
            fields.Add(("note", Escape(string.Join("; ", note))));
        }

        // url and doi are verbatim in biblatex and the url package: escaping them would put
        // backslashes into the link. Only braces and backslashes, which would break the entry,
        // are percent-encoded.
        if (work.Link is { } link)
        {
            fields.Add(("url", Verbatim(link)));
        }

        if (work.Doi is { } doi)
        {
            fields.Add(("doi", Verbatim(doi)));
        }

        var entry = new StringBuilder().Append(CultureInfo.InvariantCulture, $"@{(article ? "article" : "misc")}{{{work.Id},\n");
        foreach (var (name, value) in fields)
        {
            entry.Append(CultureInfo.InvariantCulture, $"  {name} = {(name == "month" ? value : $"{{{value}}}")},\n");
        }

        return entry.Append("}\n").ToString();
    }

    /// <summary>"Paragraph 7" or "Section 2: U.S. Demands More, Promises Less in Alliance".</summary>
    public static string NoteText(Locator locator) => locator.Kind == LocatorKind.Paragraph
        ? $"Paragraph {locator.Number}"
        : locator.Heading is { } heading ? $"Section {locator.Number}: {heading}" : $"Section {locator.Number}";

    /// <summary>"van Beethoven, Ludwig", "King, Jr., Martin Luther": BibTeX's "von Last, Jr, First" form.</summary>
    private static string Name(PersonName name)
    {
        var parts = new List<string> { Escape(name.FamilyWithParticle) };
        if (name.Suffix is not null)
        {
            parts.Add(Escape(name.Suffix));
        }

        if (name.Given.Length > 0)
        {
            parts.Add(Escape(name.Given));
        }

        return string.Join(", ", parts);
    }

    /// <summary>Escapes the characters TeX treats as commands or grouping.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '&' or '%' or '$' or '#' or '_' => $"\\{c}",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string Verbatim(string text) =>
        text.Replace("\\", "%5C", StringComparison.Ordinal).Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal);

    private static void Add(List<(string, string)> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add((name, Escape(value)));
        }
    }
}

using System.Globalization;
using System.Text;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering.Citations;

/// <summary>
/// An RIS record, the tagged format EndNote, Zotero and Mendeley import: <c>JOUR</c> for a journal's
/// article, <c>BLOG</c> for a blog post, <c>RPRT</c> for a policy brief of no journal, <c>ELEC</c> for
/// another page of none. A work without a title has no <c>TI</c>: its description is a note (<c>N1</c>).
/// </summary>
public static class RisCitation
{
    public static string Format(CitedWork work)
    {
        var type = work.IsBlogPost ? "BLOG" : work.Journal is not null ? "JOUR" : work.Kind == ArticleKind.PolicyBrief ? "RPRT" : "ELEC";
        var lines = new List<(string Tag, string? Value)> { ("TY", type) };
        lines.AddRange(work.Authors.Select(a => ("AU", (string?)Name(a))));
        lines.Add(("TI", work.Untitled ? null : work.Title));
        // T2 is the journal's (or blog's) full name where Zotero and EndNote look for it; JO is a
        // journal's abbreviation in the spec, which for these journals is the same name.
        lines.Add(("T2", work.Journal));
        lines.Add(("JO", type == "JOUR" ? work.Journal : null));
        lines.Add(("VL", work.Volume));
        lines.Add(("IS", work.Issue));
        if (work.Pages is { } pages)
        {
            var range = pages.Split('–', '-');
            lines.Add(("SP", range[0]));
            lines.Add(("EP", range.Length > 1 ? range[1] : null));
        }

        if (work.Date is { } date)
        {
            lines.Add(("PY", date.Year.ToString(CultureInfo.InvariantCulture)));
            // DA is YYYY/MM/DD/other, with empty parts for what is unknown.
            lines.Add(("DA", string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}/{(date.Month is { } m ? m.ToString("D2", CultureInfo.InvariantCulture) : "")}/{(date.DayOfMonth is { } d ? d.ToString("D2", CultureInfo.InvariantCulture) : "")}/")));
        }

        lines.Add(("PB", work.Publisher));
        lines.Add(("LA", "en"));
        // The pinpoint goes in N1 (a note), not SP: SP is the article's start page, and
        // importers print it as one. UR is the anchor, so the link lands on the passage.
        lines.Add(("N1", work.Untitled ? work.Description : null));
        if (work.Locator is { } locator)
        {
            lines.Add(("N1", BibTexCitation.NoteText(locator)));
        }

        lines.Add(("UR", work.Link));
        lines.Add(("DO", work.Doi));

        // Tag, two spaces, hyphen, space; CRLF line ends, as the RIS specification writes them.
        var ris = new StringBuilder();
        foreach (var (tag, value) in lines.Where(l => !string.IsNullOrEmpty(l.Value)))
        {
            ris.Append(CultureInfo.InvariantCulture, $"{tag}  - {OneLine(value!)}\r\n");
        }

        return ris.Append("ER  - \r\n").ToString();
    }

    /// <summary>"Klingner, Bruce", "King, Martin Luther, Jr.": RIS's "Last, First, Suffix".</summary>
    private static string Name(PersonName name) =>
        string.Join(", ", new[] { name.FamilyWithParticle, name.Given, name.Suffix }.Where(p => !string.IsNullOrEmpty(p)));

    // A tag's value is one line: a line break inside would start a malformed tag.
    private static string OneLine(string value) => value.ReplaceLineEndings(" ");
}

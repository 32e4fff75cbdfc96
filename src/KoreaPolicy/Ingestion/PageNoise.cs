using System.Text.RegularExpressions;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// The keia.org page furniture a scrape drags along: navigation, search box, counters,
/// mailing-list prompts, the PDF viewer's fallback. None of it is article text.
/// </summary>
internal static partial class PageNoise
{
    private const string DownloadPdf = "Download PDF";

    // The scraper drops the line break after these controls, so they arrive glued to the next text.
    private static readonly string[] GluedPrefixes = ["From the Issue", "View Series Publications", "Search KEI"];

    /// <summary>
    /// Splits controls the scraper glued to real text: "Download PDF" anywhere in a line
    /// (before the first paragraph, after the PDF fallback sentence) and nav phrases at a line's start.
    /// </summary>
    public static IEnumerable<SourceLine> SplitGluedControls(SourceLine line)
    {
        var text = line.Text;
        foreach (var prefix in GluedPrefixes)
        {
            if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.Ordinal)
                && char.IsUpper(text[prefix.Length]))
            {
                yield return line with { Text = prefix };
                text = text[prefix.Length..];
                break;
            }
        }

        // Searched from an offset rather than in the rest cut off each time, which would copy the
        // line once per control: quadratic in a line of thousands of them.
        int at;
        var from = 0;
        while ((at = text.IndexOf(DownloadPdf, from, StringComparison.Ordinal)) >= 0)
        {
            var before = text.AsSpan(from, at - from).Trim();
            if (before.Length > 0)
            {
                yield return line with { Text = before.ToString() };
            }

            yield return line with { Text = DownloadPdf };
            from = at + DownloadPdf.Length;
        }

        var rest = text.AsSpan(from).Trim();
        if (rest.Length > 0)
        {
            yield return line with { Text = rest.Length == text.Length ? text : rest.ToString() };
        }
    }

    /// <summary>A whole line of page furniture (the caller has trimmed it).</summary>
    public static bool IsNoise(string text) => NavigationLine().IsMatch(text);

    public static bool IsDownloadPdf(string text) => text == DownloadPdf;

    /// <summary>The link under each teaser on a listing page; several of them mean the page is a listing.</summary>
    public static bool IsReadMore(string text) => ReadMoreLine().IsMatch(text);

    [GeneratedRegex("""
        ^(?:
            from\ the\ issue
          | download\ pdf
          | view\ (?:series|all)\ publications
          | search(?:\ kei)?
          | [\d,]+\ (?:publications|results)
          | showing\ (?:[\d,]+\s*(?:-|–|to)\s*[\d,]+\ of\ )?[\d,]+\ results?
          | (?:sign\ up|subscribe)(?:\ (?:for|to)\ (?:our|the)\ (?:mailing\ list|newsletter)s?)?[.!]?
          | email(?:\ address)?
          | submit
          | share(?:\ this)?
          | print
          | this\ browser\ does\ not\ support\ pdfs\b.*
          | read\ more(?:\s*[»→›>])?
        )$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex NavigationLine();

    [GeneratedRegex(@"^read more(?:\s*[»→›>])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadMoreLine();
}

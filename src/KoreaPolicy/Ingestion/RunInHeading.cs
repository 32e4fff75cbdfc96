using System.Diagnostics.CodeAnalysis;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// Section headings as the site writes them: run in at the start of a paragraph
/// ("U.S. Demands More, Promises Less in Alliance. Having browbeaten ...") or alone on a line
/// ("Executive Summary"). Both are short title-case phrases; a sentence is not.
/// </summary>
internal static class RunInHeading
{
    // Longer than this is a sentence that happens to capitalise its words, not a heading.
    private const int MaxWords = 12;
    private const int MaxLength = 100;

    // A one-word run-in heading ("Conclusion. The ...") is only believed for the usual section names;
    // otherwise "Indeed. The ..." would start a section.
    private static readonly HashSet<string> OneWordHeadings = new(StringComparer.Ordinal)
    {
        "Introduction", "Background", "Overview", "Summary", "Analysis", "Discussion",
        "Conclusion", "Conclusions", "Recommendations", "Implications", "Outlook",
    };

    // Words whose period is not a sentence end. Initialisms (U.S., U.N., D.C., J.) are caught by shape.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Capt", "Sgt", "Adm",
        "Rep", "Sen", "Gov", "Amb", "Pres", "No", "Nos", "Vol", "Vols", "vs", "Fig", "Inc", "Corp", "Co",
        "Ltd", "Dept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    /// <summary>Splits a paragraph that opens with a run-in heading into the heading and the rest.</summary>
    public static bool TrySplit(string paragraph, [NotNullWhen(true)] out string? heading, [NotNullWhen(true)] out string? rest)
    {
        heading = null;
        rest = null;

        var end = FirstSentenceEnd(paragraph);
        if (end < 0 || paragraph[end] != '.')
        {
            return false;
        }

        var candidate = paragraph[..end];
        var after = paragraph[(end + 1)..].TrimStart();
        if (after.Length == 0 || !(char.IsUpper(after[0]) || char.IsDigit(after[0]) || after[0] is '“' or '"' or '‘'))
        {
            return false;
        }

        var words = TitleCase.Words(candidate);
        if (words.Length == 1 && !OneWordHeadings.Contains(candidate))
        {
            return false;
        }

        if (!IsShortTitle(candidate, words))
        {
            return false;
        }

        heading = candidate;
        rest = after;
        return true;
    }

    /// <summary>A line of its own that is a heading: short, title case, no closing punctuation.</summary>
    public static bool IsStandalone(string line)
    {
        var last = line.TrimEnd('”', '’', '"', '\'', ')');
        return last.Length > 0
            && last[^1] is not ('.' or ',' or ';' or ':' or '!' or '?')
            && IsShortTitle(line, TitleCase.Words(line));
    }

    private static bool IsShortTitle(string phrase, string[] words) =>
        words.Length is > 0 and <= MaxWords && phrase.Length <= MaxLength && TitleCase.IsTitleCase(phrase);

    /// <summary>Index of the first . ? or ! that ends a sentence (followed by space), or -1.</summary>
    private static int FirstSentenceEnd(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '?' or '!' && char.IsWhiteSpace(text[i + 1])
                && !(text[i] == '.' && EndsWithAbbreviation(text, i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool EndsWithAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var token = text[start..(period + 1)].TrimStart('(', '[', '“', '"', '‘', '\'');
        // "Korea-U.S.", "U.S.–ROK": the initialism after a hyphen or dash is still one.
        var afterDash = token[(token.LastIndexOfAny(['-', '–', '—']) + 1)..];
        return IsInitialism(token) || IsInitialism(afterDash) || Abbreviations.Contains(token.TrimEnd('.'));
    }

    // "U.S.", "D.C.", "e.g.", a middle initial "J.": letters each followed by a period.
    private static bool IsInitialism(string token)
    {
        if (token.Length < 2 || token.Length % 2 != 0)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i += 2)
        {
            if (!char.IsLetter(token[i]) || token[i + 1] != '.')
            {
                return false;
            }
        }

        return true;
    }
}

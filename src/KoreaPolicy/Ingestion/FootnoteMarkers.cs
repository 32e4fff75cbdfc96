using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// Footnote references the scrape glued to sentence ends ("for them.1", "the alliance.”12",
/// "tariffs,3", "them.1,2"): references, not text. Only digits right after a word's closing
/// punctuation or quote count, so "in 2019.", "Vol. 3", "1.5 percent" and "F-35." stay text.
/// </summary>
internal static partial class FootnoteMarkers
{
    // "p.12", "No.3": the number is part of the text, not a reference.
    private static readonly HashSet<string> NumberingWords = new(StringComparer.Ordinal)
    {
        "p", "pp", "No", "Nos", "Vol", "Art", "Fig", "Sec", "para",
    };

    public static ParsedParagraph Extract(string text)
    {
        var matches = Marker().Matches(text);
        if (matches.Count == 0)
        {
            return new ParsedParagraph(text, []);
        }

        var kept = new StringBuilder(text.Length);
        var references = new List<int>();
        var copied = 0;
        foreach (Match match in matches)
        {
            if (match.Groups["punct"].Value == "." && NumberingWords.Contains(match.Groups["word"].Value))
            {
                continue;
            }

            kept.Append(text, copied, match.Index - copied);
            copied = match.Index + match.Length;
            foreach (var number in match.Groups["refs"].Value.Split(','))
            {
                references.Add(int.Parse(number, CultureInfo.InvariantCulture));
            }
        }

        kept.Append(text, copied, text.Length - copied);
        return new ParsedParagraph(kept.ToString(), references);
    }

    [GeneratedRegex("""(?<=(?<word>\p{L}+)(?:(?<punct>[.,;:!?])[’”"]?|[’”"]|\)))(?<refs>\d{1,3}(?:,\d{1,3})*)(?=\s|$)""", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}


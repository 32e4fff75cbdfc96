using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// What the page says above the metadata: the series line ("Korea Policy"), the issue label
/// ("Korea Policy Vol. 3, Issue 2"), the "About ..." blurb and, on some pages, the article title.
/// </summary>
internal sealed partial record JournalMasthead(
    string? SeriesName,
    JournalIssue? Issue,
    string? Description,
    string? Publisher,
    string? TitleLine)
{
    // An "About X" heading names a series in a few words; a longer line is a title that starts with "About".
    private const int MaxAboutWords = 8;

    // A title line runs to a couple of dozen words at most; a blurb paragraph is longer or ends like a sentence.
    private const int MaxTitleWords = 25;

    public static JournalMasthead Read(IEnumerable<SourceLine> preamble)
    {
        JournalIssue? issue = null;
        string? issueSeries = null;
        string? aboutName = null;
        var blurb = new List<string>();
        var plain = new List<string>();
        var inBlurb = false;

        foreach (var text in Pieces(preamble))
        {
            if (issue is null && IssueLabel().Match(text) is { Success: true } label)
            {
                issue = new JournalIssue(text, Number(label, "volume"), Number(label, "number"));
                issueSeries = label.Groups["series"].Value;
                inBlurb = false;
            }
            else if (aboutName is null && AboutLine().Match(text) is { Success: true } about
                && TitleCase.Words(about.Groups["series"].Value).Length <= MaxAboutWords)
            {
                aboutName = about.Groups["series"].Value;
                inBlurb = true;
            }
            else if (inBlurb && !LooksLikeTitle(text))
            {
                blurb.Add(text);
            }
            else
            {
                inBlurb = false;
                plain.Add(text);
            }
        }

        // The series line is the one the label or the About heading names (spelling aside);
        // failing both, the page's first line. Whatever plain line is left last is the title.
        var keys = new[] { issueSeries, aboutName }.OfType<string>().Select(Fold).ToHashSet(StringComparer.Ordinal);
        var seriesLines = plain.Where(p => keys.Contains(Fold(p))).ToList();
        string? seriesName;
        if (seriesLines.Count > 0)
        {
            seriesName = seriesLines[0];
            plain.RemoveAll(p => keys.Contains(Fold(p)));
        }
        else if ((issueSeries ?? aboutName) is { } named)
        {
            seriesName = named;
        }
        else if (plain.Count > 0)
        {
            seriesName = plain[0];
            plain.RemoveAt(0);
        }
        else
        {
            seriesName = null;
        }

        return new JournalMasthead(
            seriesName,
            issue,
            blurb.Count > 0 ? string.Join('\n', blurb) : null,
            blurb.Select(b => PublishedBy().Match(b)).FirstOrDefault(m => m.Success)?.Groups["publisher"].Value,
            plain.Count > 0 ? plain[^1] : null);
    }

    // The scraper glues the "About X" heading onto the issue label ("...Issue 2About Korea Policy").
    private static IEnumerable<string> Pieces(IEnumerable<SourceLine> preamble)
    {
        foreach (var line in preamble)
        {
            if (line.IsBlank || PageNoise.IsNoise(line.Text))
            {
                continue;
            }

            foreach (var piece in GluedAbout().Split(line.Text))
            {
                if (!string.IsNullOrWhiteSpace(piece))
                {
                    yield return piece.Trim();
                }
            }
        }
    }

    private static bool LooksLikeTitle(string text) =>
        !text.EndsWith('.') && TitleCase.Words(text).Length <= MaxTitleWords && TitleCase.IsTitleCase(text);

    private static int? Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The series line and the label may spell the name differently ("Korea's" / "Korea’s",
    /// "U.S.-Korea" / "U.S.–Korea"); compare them with quotes, dashes, case and spacing folded.
    /// </summary>
    private static string Fold(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            folded.Append(c switch
            {
                '’' or '‘' or '`' => '\'',
                '–' or '—' or '‑' => '-',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }

        return MultipleSpaces().Replace(folded.ToString(), " ");
    }

    [GeneratedRegex(@"^(?<series>.+?)\s+(?:Vol\.|Volume)\s*(?<volume>\d+)(?:\s*,?\s*(?:Issue|No\.|Number)\s*(?<number>\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex IssueLabel();

    [GeneratedRegex(@"^About\s+(?<series>\p{Lu}.*[^.!?:])$", RegexOptions.CultureInvariant)]
    private static partial Regex AboutLine();

    [GeneratedRegex(@"(?<=\S)(?=About\s+\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex GluedAbout();

    // "published by the Korea Economic Institute of America in Washington, D.C": the name runs
    // to the place, a comma or the sentence end. A publisher whose own name holds " in " or ", "
    // would be cut short; the site's blurbs do not have one.
    [GeneratedRegex(@"\bpublished by (?:the )?(?<publisher>\p{Lu}.*?)(?=\s+in\s|\s*[,;]|\.\s|\.?$)", RegexOptions.CultureInvariant)]
    private static partial Regex PublishedBy();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex MultipleSpaces();
}

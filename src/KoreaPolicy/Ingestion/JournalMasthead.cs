using System.Globalization;
using System.Text.RegularExpressions;
using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// A journal's masthead: the series line ("Korea Policy"), "From the Issue", the issue label
/// ("Korea Policy Vol. 3, Issue 2", glued to "About Korea Policy" in the compact layout), the
/// "About ..." heading and the series blurb; on the site's full layout, "View Series
/// Publications" and the article's title after it.
/// </summary>
/// <param name="SeriesName">The series line as the page spells it: the journal's name.</param>
/// <param name="TitleLine">The article's title when the masthead ends with one.</param>
/// <param name="ListsSeriesPublications">"View Series Publications" closes the blurb: the site's full layout.</param>
/// <param name="End">Index of the first line after the masthead (and its title).</param>
internal sealed partial record JournalMasthead(
    string SeriesName,
    JournalIssue? Issue,
    string? Description,
    string? Publisher,
    string? TitleLine,
    bool ListsSeriesPublications,
    int End)
{
    // The series line, "From the Issue", the issue label (twice on the full layout) and "About ...".
    private const int HeaderLines = 7;

    // The blurb ends within this many lines when metadata or "Download PDF" follows it.
    private const int MaxBlurbLines = 6;

    // The full layout's blurb paragraphs and "View Series Publications".
    private const int MaxSeriesPublicationsDistance = 8;

    // A title line runs to a couple of dozen words at most; a blurb paragraph is longer or ends like a sentence.
    private const int MaxTitleWords = 25;

    // The series the publisher prints, by their letters, and how many paragraphs their blurbs
    // have: fixed texts, identical on every page of a series (page-family.md, section 2). Without
    // metadata or "Download PDF" after the blurb, that count is the only certain end of it.
    private static readonly Dictionary<string, int> KnownBlurbParagraphs = new(StringComparer.Ordinal)
    {
        ["koreapolicy"] = 2,
        ["jointuskoreaacademicstudies"] = 1,
        ["koreaseconomy"] = 1,
    };

    /// <summary>The masthead that starts at <paramref name="start"/>, or null when the page has none there.</summary>
    public static JournalMasthead? Read(IReadOnlyList<SourceLine> lines, int start)
    {
        if (FindAbout(lines, start) is { } about)
        {
            return ReadBlurb(lines, about);
        }

        // A masthead without an "About" heading: a series line and its issue label, or a known
        // series line right above the metadata.
        if (start >= lines.Count || PageNoise.IsNoise(lines[start].Text))
        {
            return null;
        }

        var series = lines[start].Text;
        var next = start + 1;
        while (next < lines.Count && PageNoise.IsNoise(lines[next].Text) && !PageNoise.IsDownloadPdf(lines[next].Text))
        {
            next++;
        }

        if (next < lines.Count && IssueOf(lines[next].Text, series) is { } issue)
        {
            return new JournalMasthead(series, issue, null, null, null, false, next + 1);
        }

        return next < lines.Count && KnownBlurbParagraphs.ContainsKey(Letters(series)) && ArticleHeader.IsBlockStart(lines[next].Text)
            ? new JournalMasthead(series, null, null, null, null, false, start + 1)
            : null;
    }

    /// <summary>The issue a label names, when the label is one of this series (however it spells the name).</summary>
    public static JournalIssue? IssueOf(string label, string series)
    {
        var match = IssueLabel().Match(label);
        if (!match.Success || Letters(match.Groups["series"].Value) != Letters(series))
        {
            return null;
        }

        return new JournalIssue(label, Number(match, "volume"), Number(match, "number")) { Year = Number(match, "year") };
    }

    // The "About <series>" line, alone or glued to the issue label, and the series line above it
    // that it names. The suffix is matched with the series line's own spelling: the JUSKAS series
    // line has no hyphen where its issue label has one.
    private static AboutLine? FindAbout(IReadOnlyList<SourceLine> lines, int start)
    {
        for (var a = start; a < lines.Count && a < start + HeaderLines; a++)
        {
            var text = lines[a].Text;
            for (var s = start; s < a; s++)
            {
                var series = lines[s].Text;
                if (PageNoise.IsNoise(series) || IssueLabel().IsMatch(series))
                {
                    continue;
                }

                var about = "About " + series;
                if (text == about || (text.StartsWith("About ", StringComparison.Ordinal) && Letters(text[6..]) == Letters(series)))
                {
                    return new AboutLine(start, s, a, null);
                }

                if (text.Length > about.Length && text.EndsWith(about, StringComparison.Ordinal))
                {
                    return new AboutLine(start, s, a, text[..^about.Length].Trim());
                }
            }
        }

        return null;
    }

    private static JournalMasthead ReadBlurb(IReadOnlyList<SourceLine> lines, AboutLine about)
    {
        var series = lines[about.Series].Text;

        // The issue label: glued to "About", or alone above it (twice on the full layout, once before the series line).
        JournalIssue? issue = null;
        if (about.GluedLabel is { } glued)
        {
            issue = IssueOf(glued, series) ?? new JournalIssue(glued, null, null);
        }

        for (var i = about.Start; issue is null && i < about.About; i++)
        {
            if (i != about.Series)
            {
                issue = IssueOf(lines[i].Text, series);
            }
        }

        var first = about.About + 1;
        int end;
        string? title = null;
        var listsSeries = false;
        List<string> blurb;
        if (FindFirst(lines, first, MaxSeriesPublicationsDistance, l => PageNoise.IsViewSeriesPublications(l)) is { } publications)
        {
            // The full layout: the blurb runs to "View Series Publications", the title follows it.
            listsSeries = true;
            blurb = Texts(lines, first, publications);
            end = publications + 1;
            if (end < lines.Count && !ArticleHeader.IsBlockStart(lines[end].Text) && !PageNoise.IsNoise(lines[end].Text))
            {
                title = lines[end].Text;
                end++;
            }
        }
        else if (FindFirst(lines, first, MaxBlurbLines + 1, l => ArticleHeader.IsBlockStart(l) || PageNoise.IsDownloadPdf(l)) is { } metadata)
        {
            // Metadata or "Download PDF" ends the blurb; a title-case line just above the metadata is the title.
            blurb = Texts(lines, first, metadata);
            if (blurb.Count >= 2 && LooksLikeTitle(blurb[^1]))
            {
                title = blurb[^1];
                blurb.RemoveAt(blurb.Count - 1);
            }

            end = metadata;
        }
        else
        {
            end = Math.Min(lines.Count, first + BlurbParagraphs(lines, first, series));
            blurb = Texts(lines, first, end);
        }

        return new JournalMasthead(
            series,
            issue,
            blurb.Count > 0 ? string.Join('\n', blurb) : null,
            blurb.Select(b => PublishedBy().Match(b)).FirstOrDefault(m => m.Success)?.Groups["publisher"].Value,
            title,
            listsSeries,
            end);
    }

    // How many lines the blurb has when nothing but the article text follows it: the known
    // series' own count; for a new series, its first paragraph and any that go on about the
    // series by name or end on the publisher's place ("... in Washington, D.C").
    private static int BlurbParagraphs(IReadOnlyList<SourceLine> lines, int first, string series)
    {
        if (KnownBlurbParagraphs.TryGetValue(Letters(series), out var known))
        {
            return known;
        }

        var name = Letters(series);
        var count = 1;
        while (count < MaxBlurbLines && first + count < lines.Count)
        {
            var next = lines[first + count].Text;
            var endsOnPlace = next.EndsWith("D.C", StringComparison.Ordinal) || next.EndsWith("D.C.", StringComparison.Ordinal);
            if (!endsOnPlace && !Letters(next).Contains(name, StringComparison.Ordinal))
            {
                break;
            }

            count++;
            if (endsOnPlace)
            {
                break;
            }
        }

        return count;
    }

    private static int? FindFirst(IReadOnlyList<SourceLine> lines, int first, int distance, Func<string, bool> match)
    {
        for (var i = first; i < lines.Count && i < first + distance; i++)
        {
            if (match(lines[i].Text))
            {
                return i;
            }
        }

        return null;
    }

    private static List<string> Texts(IReadOnlyList<SourceLine> lines, int from, int to) =>
        lines.Skip(from).Take(to - from).Select(l => l.Text).Where(t => !PageNoise.IsNoise(t)).ToList();

    private static bool LooksLikeTitle(string text) =>
        !text.EndsWith('.') && TitleCase.Words(text).Length <= MaxTitleWords && TitleCase.IsTitleCase(text);

    private static int? Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// A name by its letters alone, lower case: the series line and the issue label may spell it
    /// differently ("Joint U.S. Korea" / "Joint U.S.-Korea", "Korea's" / "Korea’s").
    /// </summary>
    private static string Letters(string name) =>
        string.Concat(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    private sealed record AboutLine(int Start, int Series, int About, string? GluedLabel);

    [GeneratedRegex(@"^(?<series>\S.*?)\s+(?:(?:Vol\.?|Volume)\s*(?<volume>\d+)(?:\s*,?\s*(?:Issue|No\.?|Number)\s*(?<number>\d+))?|(?<year>(?:19|20)\d\d))$", RegexOptions.CultureInvariant)]
    private static partial Regex IssueLabel();

    // "published by the Korea Economic Institute of America in Washington, D.C": the name runs
    // to the place, a comma or the sentence end. A publisher whose own name holds " in " or ", "
    // would be cut short; the site's blurbs do not have one.
    [GeneratedRegex(@"\bpublished by (?:the )?(?<publisher>\p{Lu}.*?)(?=\s+in\s|\s*[,;]|\.\s|\.?$)", RegexOptions.CultureInvariant)]
    private static partial Regex PublishedBy();
}

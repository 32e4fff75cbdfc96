namespace KoreaPolicy.Ingestion;

/// <summary>
/// A page's text as the parser walks it: its non-blank lines, trimmed at their ends only (the
/// text inside is kept character for character), with controls the scraper glued to real text
/// split off, and the number of blank lines that preceded each.
/// </summary>
internal static class PageText
{
    public static List<SourceLine> Read(string text)
    {
        var lines = new List<SourceLine>();
        var gap = 0;
        var number = 0;
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            number++;
            var trimmed = raw.Trim();
            if (trimmed.Length == 0)
            {
                gap++;
                continue;
            }

            var first = true;
            foreach (var piece in PageNoise.SplitGluedControls(new SourceLine(number, trimmed)))
            {
                lines.Add(first ? piece with { Gap = gap } : piece);
                first = false;
            }

            gap = 0;
        }

        return lines;
    }
}

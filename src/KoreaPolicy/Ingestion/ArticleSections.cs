using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// Groups the article's paragraphs under their headings. Paragraphs before the first heading
/// form the untitled lead section, which is left out when there are none.
/// </summary>
internal static class ArticleSections
{
    public static IReadOnlyList<ParsedSection> Build(IEnumerable<string> paragraphs)
    {
        var sections = new List<ParsedSection>();
        string? heading = null;
        var current = new List<ParsedParagraph>();

        void StartSection(string next)
        {
            if (heading is not null || current.Count > 0)
            {
                sections.Add(new ParsedSection(heading, current));
            }

            heading = next;
            current = [];
        }

        foreach (var text in paragraphs)
        {
            if (RunInHeading.IsStandalone(text))
            {
                StartSection(text);
                continue;
            }

            var paragraph = FootnoteMarkers.Extract(text);
            if (RunInHeading.TrySplit(paragraph.Text, out var runIn, out var rest))
            {
                StartSection(runIn);
                paragraph = paragraph with { Text = rest };
            }

            current.Add(paragraph);
        }

        if (heading is not null || current.Count > 0)
        {
            sections.Add(new ParsedSection(heading, current));
        }

        return sections;
    }
}

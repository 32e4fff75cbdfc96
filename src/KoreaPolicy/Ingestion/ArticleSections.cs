using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// Groups the article's paragraphs under their headings. Paragraphs before the first heading
/// form the untitled lead section, which is left out when there are none. A heading is always
/// followed by a paragraph (<see cref="ArticleBody"/> sees to that), so no section is empty.
/// </summary>
internal static class ArticleSections
{
    public static IReadOnlyList<ParsedSection> Build(IEnumerable<ArticleBody.Block> blocks)
    {
        var sections = new List<ParsedSection>();
        string? heading = null;
        var current = new List<ParsedParagraph>();

        void StartSection(string next)
        {
            if (current.Count > 0)
            {
                sections.Add(new ParsedSection(heading, current));
            }

            heading = next;
            current = [];
        }

        foreach (var block in blocks)
        {
            if (block.Kind == ArticleBody.BlockKind.Heading)
            {
                StartSection(block.Text);
                continue;
            }

            var paragraph = FootnoteMarkers.Extract(block.Text);
            if (block.Kind == ArticleBody.BlockKind.ListItem)
            {
                paragraph = paragraph with { Kind = ParagraphKind.ListItem };
            }
            else if (!(heading is not null && current.Count == 0) && RunInHeading.TrySplit(paragraph.Text, out var runIn, out var rest))
            {
                // A run-in heading is only ever read in running text (a list item's "Deterrence: ..."
                // or "Raise the Cost. ..." is the item's own wording), and not right under a
                // standalone heading, whose section would be left empty.
                StartSection(runIn);
                paragraph = paragraph with { Text = rest };
            }

            current.Add(paragraph);
        }

        if (current.Count > 0)
        {
            sections.Add(new ParsedSection(heading, current));
        }

        return sections;
    }
}

using System.Text.RegularExpressions;
using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// The article text below the header, read into sections of paragraphs: page furniture and
/// footers dropped, standalone headings starting sections, "- " bullets as list items, a
/// paragraph the PDF extraction broke in mid-sentence joined again; and whether the page was
/// cut off before the text's end.
/// </summary>
internal static partial class ArticleBody
{
    /// <summary>The scrape keeps the first 2,000 or so characters of a page (the longest seen: 1,998).</summary>
    public const int ExcerptCap = 2000;

    // A page this close below the cap was probably cut by it.
    private const int CapMargin = 100;

    // How much of a cut-off paragraph a warning quotes.
    private const int QuotedEnd = 40;

    // How many examples of an extraction artifact a warning lists.
    private const int ArtifactExamples = 3;

    /// <summary>The sections, whether the text is incomplete, and what the reading noticed.</summary>
    public sealed record Result(IReadOnlyList<ParsedSection> Sections, bool Truncated, IReadOnlyList<ParseWarning> Warnings);

    /// <param name="lines">The page's lines below its header.</param>
    /// <param name="pageLength">The page's length in characters, to tell a page cut by the excerpt cap.</param>
    public static Result Read(IReadOnlyList<SourceLine> lines, int pageLength)
    {
        var warnings = new List<ParseWarning>();
        var atCap = pageLength is > ExcerptCap - CapMargin and <= ExcerptCap;
        // The PDF viewer's fallback follows the whole text: a page that reached it was not cut before.
        var reachedFooter = lines.Any(l => PageNoise.IsPdfFallback(l.Text)) || (lines.Count > 0 && IsCutFooter(lines[^1].Text));
        var text = WithoutFooter(lines, warnings);

        var blocks = new List<Block>();
        foreach (var line in text)
        {
            var bullet = Bullet().Match(line.Text);
            var kind = bullet.Success ? BlockKind.ListItem
                : RunInHeading.IsStandalone(line.Text) ? BlockKind.Heading
                : BlockKind.Text;
            var content = bullet.Success ? line.Text[bullet.Length..] : line.Text;
            if (bullet.Success && PageNoise.IsNoise(content))
            {
                continue;
            }

            // "... puzzled keen" / "observers of ...": a paragraph the PDF extraction broke in
            // mid-sentence. Certain only when one side ends on a lower-case word and the next
            // begins with one; nothing else is joined.
            if (kind == BlockKind.Text && blocks.Count > 0 && blocks[^1].Kind != BlockKind.Heading
                && EndsMidSentence(blocks[^1].Text) && char.IsLower(content[0]))
            {
                warnings.Add(new ParseWarning(line.Number,
                    $"Joined a paragraph broken in mid-sentence (\"…{Tail(blocks[^1].Text)}\" / \"{Head(content)}…\")."));
                blocks[^1] = blocks[^1] with { Text = $"{blocks[^1].Text} {content}" };
                continue;
            }

            // Two headings in a row: the first introduces no text of its own, so it is kept as text
            // rather than leaving an empty section.
            if (kind == BlockKind.Heading && blocks.Count > 0 && blocks[^1].Kind == BlockKind.Heading)
            {
                blocks[^1] = blocks[^1] with { Kind = BlockKind.Text };
            }

            blocks.Add(new Block(line.Number, kind, content));
        }

        var truncated = false;
        if (blocks.Count > 0 && blocks[^1].Kind == BlockKind.Heading)
        {
            var heading = blocks[^1];
            blocks.RemoveAt(blocks.Count - 1);
            truncated = true;
            warnings.Add(new ParseWarning(heading.Line,
                $"The page ends on the heading \"{heading.Text}\" with no text under it: it was cut off, so the article is incomplete."));
        }

        var sections = ArticleSections.Build(blocks);
        if (!truncated && sections.Count > 0 && IsCutOff(sections[^1].Paragraphs[^1], atCap) is { } reason)
        {
            truncated = true;
            warnings.Add(new ParseWarning(blocks[^1].Line, reason));
        }
        else if (!truncated && atCap && !reachedFooter)
        {
            warnings.Add(new ParseWarning(null,
                $"The page is {pageLength:N0} characters long, at the scrape's cap of about {ExcerptCap:N0}: its text may go on beyond what was kept."));
        }

        warnings.AddRange(Artifacts(sections, blocks));
        return new Result(sections, truncated, warnings);
    }

    // Drops furniture anywhere, and at the end of the page the PDF viewer's fallback (whole or
    // cut off inside) and rights notices, which follow the text.
    private static List<SourceLine> WithoutFooter(IReadOnlyList<SourceLine> lines, List<ParseWarning> warnings)
    {
        var text = lines.ToList();
        if (text.Count > 0 && IsCutFooter(text[^1].Text))
        {
            warnings.Add(new ParseWarning(text[^1].Number,
                "The page was cut off inside the PDF viewer's footer; the article text above it is whole."));
            text.RemoveAt(text.Count - 1);
        }

        text.RemoveAll(l => PageNoise.IsNoise(l.Text));
        while (text.Count > 0 && PageNoise.IsRightsNotice(text[^1].Text))
        {
            text.RemoveAt(text.Count - 1);
        }

        return text;
    }

    // The fallback's own words end with "view it:" and a "Download PDF" the line splitter took
    // off; anything shorter than that, last on the page, is where the cut fell.
    private static bool IsCutFooter(string text) =>
        PageNoise.IsCutPdfFallback(text) && !text.EndsWith("view it:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the text's last paragraph shows the page was cut off, or null when it ends as a text ends.</summary>
    private static string? IsCutOff(ParsedParagraph last, bool atCap)
    {
        var text = last.Text;
        if (last.Footnotes.Count == 0 && !CompleteEnd().IsMatch(text))
        {
            // A list item often has no closing period; only at the cap is a bare one a cut.
            if (last.Kind == ParagraphKind.ListItem && !atCap)
            {
                return null;
            }

            return $"The text stops in mid-sentence (\"…{Tail(text)}\"): the page was cut off, so the article is incomplete.";
        }

        return atCap && DanglingAmount().IsMatch(text)
            ? $"The text stops inside a number (\"…{Tail(text)}\") at the scrape's cap: the page was cut off, so the article is incomplete."
            : null;
    }

    // "endeav- ors", "TPP- 11", "South Korea- Japan": a hyphen the PDF put at a line break, and
    // "fi rst": a split ligature. Whether the hyphen belongs to the word ("South Korea-Japan")
    // or not ("endeavors") takes a dictionary to know, so the text keeps them as written and the
    // report names them.
    private static IEnumerable<ParseWarning> Artifacts(IReadOnlyList<ParsedSection> sections, List<Block> blocks)
    {
        var hyphens = new List<string>();
        var ligatures = new List<string>();
        foreach (var paragraph in sections.SelectMany(s => s.Paragraphs))
        {
            hyphens.AddRange(LineBreakHyphens(paragraph.Text));
            ligatures.AddRange(SplitLigature().Matches(paragraph.Text).Select(m => m.Value));
        }

        if (hyphens.Count > 0)
        {
            yield return new ParseWarning(LineOf(blocks, hyphens[0]),
                $"{hyphens.Count} hyphen(s) left by the PDF's line breaks kept as written: {Examples(hyphens)}.");
        }

        if (ligatures.Count > 0)
        {
            yield return new ParseWarning(LineOf(blocks, ligatures[0]),
                $"{ligatures.Count} split ligature(s) from the PDF kept as written: {Examples(ligatures)}.");
        }
    }

    // "endeav- ors": a word's letters, "- ", a letter or digit. Found by looking for "- " (a vectorized
    // search) rather than by a regular expression, which tried every word of every paragraph and
    // made this the costliest step of parsing a long text.
    private static IEnumerable<string> LineBreakHyphens(string text)
    {
        for (var at = text.IndexOf("- ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("- ", at + 2, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetter(text[at - 1]) || at + 2 >= text.Length || !char.IsLetterOrDigit(text[at + 2]))
            {
                continue;
            }

            var start = at - 1;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            var end = at + 2;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            yield return text[start..end];
        }
    }

    private static int? LineOf(List<Block> blocks, string fragment) =>
        blocks.FirstOrDefault(b => b.Text.Contains(fragment, StringComparison.Ordinal))?.Line;

    private static string Examples(List<string> found) =>
        string.Join(", ", found.Distinct(StringComparer.Ordinal).Take(ArtifactExamples).Select(f => $"\"{f}\""));

    private static bool EndsMidSentence(string text) => char.IsLower(text[^1]) || text[^1] == ',';

    private static string Tail(string text) => text.Length <= QuotedEnd ? text : text[^QuotedEnd..].TrimStart();

    private static string Head(string text) => text.Length <= QuotedEnd ? text : text[..QuotedEnd].TrimEnd();

    /// <summary>What a line of the text is.</summary>
    internal enum BlockKind
    {
        Text,
        ListItem,
        Heading,
    }

    /// <summary>A line of the text and what it is: a paragraph, a list item (without its bullet), a heading.</summary>
    internal sealed record Block(int Line, BlockKind Kind, string Text);

    [GeneratedRegex(@"^[-•]\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    // A sentence's end, with any closing quotes or brackets after it.
    [GeneratedRegex(@"[.!?…][""”’'\)\]]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CompleteEnd();

    // "$5." at the very end: an amount cut before its decimals.
    [GeneratedRegex(@"[$€£¥₩]\d[\d,]*\.$", RegexOptions.CultureInvariant)]
    private static partial Regex DanglingAmount();

    [GeneratedRegex(@"\b(?:ffi|ffl|ff|fi|fl) \p{Ll}{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex SplitLigature();
}

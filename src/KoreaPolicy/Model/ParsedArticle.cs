namespace KoreaPolicy.Model;

/// <summary>
/// What the parser reads out of one article text: the facts the text carries and nothing more.
/// Absent facts stay null or empty; nothing is defaulted or guessed.
/// </summary>
public sealed record ParsedArticle(
    Journal Journal,
    JournalIssue? Issue,
    string? Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Themes,
    DateOnly? Published,
    IReadOnlyList<ParsedSection> Sections,
    IReadOnlyList<MetadataEntry> Metadata)
{
    public IEnumerable<ParsedParagraph> Paragraphs => Sections.SelectMany(s => s.Paragraphs);
}

/// <summary>The periodical or series an article belongs to.</summary>
/// <param name="Name">"Korea Policy", "On Korea", ...</param>
/// <param name="Description">The "About ..." blurb, when the page carries one.</param>
/// <param name="Publisher">The publisher, when the blurb names one.</param>
public sealed record Journal(string Name, string? Description, string? Publisher);

/// <summary>An issue of a journal, as labelled on the page ("Korea Policy Vol. 3, Issue 2").</summary>
public sealed record JournalIssue(string Label, int? Volume, int? Number);

/// <summary>A section: a heading (null for the untitled lead) and its paragraphs in order.</summary>
public sealed record ParsedSection(string? Heading, IReadOnlyList<ParsedParagraph> Paragraphs);

/// <summary>
/// One paragraph's exact text. Footnote markers glued to sentence ends ("for them.1") are
/// references, not text: they are taken out of <see cref="Text"/> and kept in <see cref="Footnotes"/>.
/// </summary>
public sealed record ParsedParagraph(string Text, IReadOnlyList<int> Footnotes);

/// <summary>A metadata line the page carries beyond the core facts (Region, Location, Category, ...).</summary>
public sealed record MetadataEntry(string Name, string Value);

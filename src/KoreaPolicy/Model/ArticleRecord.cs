namespace KoreaPolicy.Model;

/// <summary>
/// An article ready to store: the parsed facts plus everything derived from them once (by
/// Ingestion's <c>ArticleRecords.Create</c>), so that storage and HTTP never recompute it: slugs,
/// positions, numbers, the title and where it came from, the summary, the word count and the
/// content hash. Here in Model because Ingestion makes it and Storage writes it, and neither
/// of the two may know the other.
/// </summary>
public sealed record ArticleRecord(
    string Slug,
    string SourceName,
    string Title,
    TitleSource TitleSource,
    Journal Journal,
    string JournalSlug,
    JournalIssue? Issue,
    string? IssueSlug,
    IReadOnlyList<NamedRecord> Authors,
    IReadOnlyList<NamedRecord> Themes,
    DateOnly? Published,
    string Summary,
    int WordCount,
    string? CanonicalUrl,
    string? Doi,
    string? License,
    IReadOnlyList<SectionRecord> Sections,
    IReadOnlyList<MetadataEntry> Metadata,
    string SourceText,
    string? SidecarJson,
    string ContentHash)
{
    /// <summary>The file it was read from, as the run was given it; <see cref="SourceName"/> is its name alone.</summary>
    public string SourcePath { get; init; } = SourceName;
}

/// <summary>Where an article's title comes from.</summary>
public enum TitleSource
{
    /// <summary>The text itself names it (a Title line, or the title line of a scraped page).</summary>
    Source,

    /// <summary>An editor gave it in the sidecar file.</summary>
    Editor,

    /// <summary>The text carries none: built from the author, issue and date.</summary>
    Derived,
}

/// <summary>An author or theme: its slug and its name as written.</summary>
public sealed record NamedRecord(string Slug, string Name);

public sealed record SectionRecord(int Position, string Slug, string? Heading, IReadOnlyList<ParagraphRecord> Paragraphs);

public sealed record ParagraphRecord(int Number, string Text, IReadOnlyList<int> Footnotes);

namespace KoreaPolicy.Model;

/// <summary>
/// An article ready to store: the parsed facts plus everything derived from them once (by
/// Ingestion's <c>ArticleRecords.Create</c>), so that storage and HTTP never recompute it: slugs,
/// positions, numbers, the title and where it came from, the summary, the word count and the
/// content hash, the key its text is compared by for duplicates. Here in Model because Ingestion
/// makes it and Storage writes it, and neither of the two may know the other. An article may
/// have no journal (a page without a series block).
/// </summary>
public sealed record ArticleRecord(
    string Slug,
    string SourceName,
    string Title,
    TitleSource TitleSource,
    Journal? Journal,
    string? JournalSlug,
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

    /// <summary>The recognised layout of the page.</summary>
    public PageLayout Layout { get; init; }

    /// <summary>What kind of work it is, when the page says.</summary>
    public ArticleKind? Kind { get; init; }

    /// <summary>Region, places, category and source organisation, each with the slug filters use.</summary>
    public IReadOnlyList<FacetRecord> Facets { get; init; } = [];

    /// <summary>The page was cut off: the text is incomplete.</summary>
    public bool Truncated { get; init; }

    /// <summary>What the parser noticed, as the recognition report says it.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The key the text is looked up by for duplicates: see <see cref="ArticleText"/>.</summary>
    public string BodyKey { get; init; } = "";

    /// <summary>The editor says this is its own article even if its text is another's (sidecar <c>keepDuplicate</c>).</summary>
    public bool KeepDuplicate { get; init; }

    /// <summary>The editor's correction note, from the sidecar; null when there is none.</summary>
    public ArticleCorrection? Correction { get; init; }
}

/// <summary>An editor's note that the article was corrected, and when (the date is optional).</summary>
public sealed record ArticleCorrection(string Note, DateOnly? Date);

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

public sealed record ParagraphRecord(int Number, string Text, IReadOnlyList<int> Footnotes)
{
    public ParagraphKind Kind { get; init; } = ParagraphKind.Text;
}

/// <summary>
/// A known metadata fact of an article: its <see cref="Facet"/> ("region", "place", "category",
/// "source"), the slug lists are filtered by, and the name as the page writes it.
/// </summary>
public sealed record FacetRecord(string Facet, string Slug, string Name)
{
    public const string Region = "region";
    public const string Place = "place";
    public const string Category = "category";
    public const string Source = "source";
}

namespace KoreaPolicy.Model;

// What the archive answers with: storage rows assembled into the shapes readers ask for.
// The HTTP layer turns these into its own response records with links.

/// <summary>An author or theme as named on the article, with its slug.</summary>
public sealed record NamedRef(string Slug, string Name);

/// <summary>An author or theme in an index, with how many articles it has.</summary>
public sealed record IndexEntry(string Slug, string Name, int ArticleCount);

public sealed record JournalRef(string Slug, string Name, string? Publisher);

public sealed record IssueRef(string Slug, string Label, int? Volume, int? Number)
{
    /// <summary>The year the label names instead of a volume ("... Academic Studies 2015").</summary>
    public int? Year { get; init; }
}

/// <summary>A journal with how many issues and articles it has.</summary>
public sealed record JournalSummary(string Slug, string Name, string? Description, string? Publisher, int IssueCount, int ArticleCount);

/// <summary>An issue in its journal's list of issues, with how many articles it has.</summary>
public sealed record IssueSummary(string Slug, string Label, int? Volume, int? Number, int ArticleCount)
{
    /// <summary>The year the label names instead of a volume.</summary>
    public int? Year { get; init; }
}

/// <summary>A journal and its issues, highest volume and number first.</summary>
public sealed record JournalDetail(JournalSummary Journal, IReadOnlyList<IssueSummary> Issues);

/// <summary>An issue and the journal it belongs to. Its articles are a list of their own (<c>ListArticles</c>).</summary>
public sealed record IssueDetail(JournalRef Journal, IssueSummary Issue);

/// <summary>An article without its text: what lists show. <see cref="Journal"/> is null for a page that shows none.</summary>
public sealed record ArticleSummary(
    string Slug,
    string Title,
    string TitleSource,
    IReadOnlyList<NamedRef> Authors,
    IReadOnlyList<NamedRef> Themes,
    JournalRef? Journal,
    IssueRef? Issue,
    DateOnly? Published,
    string Summary,
    int WordCount,
    int Revision,
    DateTimeOffset UpdatedAt)
{
    /// <summary>What kind of work it is, when the page says ("journal-article", "policy-brief", "blog-post").</summary>
    public ArticleKind? Kind { get; init; }

    /// <summary>The page was cut off: the text is incomplete.</summary>
    public bool Truncated { get; init; }
}

/// <summary>The whole article: its summary, editor's facts, extra metadata and text in order.</summary>
public sealed record ArticleDetail(
    ArticleSummary Summary,
    string? JournalDescription,
    string? CanonicalUrl,
    string? Doi,
    string? License,
    IReadOnlyList<MetadataEntry> Metadata,
    IReadOnlyList<SectionDetail> Sections)
{
    /// <summary>Region, places, category and source organisation, with their slugs.</summary>
    public ArticleFactRefs Facts { get; init; } = ArticleFactRefs.None;

    /// <summary>The layout its page was recognised as: "A" to "E" (null for an article not parsed since layouts were read).</summary>
    public string? Layout { get; init; }

    /// <summary>What the parser noticed on its page.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>The known metadata facts of an article, each as a name with its slug.</summary>
public sealed record ArticleFactRefs(NamedRef? Region, IReadOnlyList<NamedRef> Places, NamedRef? Category, NamedRef? SourceOrganisation)
{
    public static readonly ArticleFactRefs None = new(null, [], null, null);
}

/// <summary>The text an article was parsed from, and its sidecar, as stored.</summary>
public sealed record ArticleSource(string Slug, string FileName, string Text, string? Sidecar);

/// <summary>A section of an article with its paragraphs.</summary>
public sealed record SectionDetail(int Position, string Slug, string? Heading, IReadOnlyList<ParagraphDetail> Paragraphs);

/// <summary>A paragraph, numbered across its article, with the section it stands in.</summary>
public sealed record ParagraphDetail(int Number, string Text, IReadOnlyList<int> Footnotes, int SectionPosition, string SectionSlug, string? SectionHeading)
{
    /// <summary>Running text, or an item of a bulleted list.</summary>
    public ParagraphKind Kind { get; init; } = ParagraphKind.Text;

    /// <summary>The paragraph where a cut-off source page stopped: the last of a truncated article, incomplete.</summary>
    public bool Truncated { get; init; }
}

/// <summary>
/// A section or a paragraph read on its own, with what its responses need from its article: the
/// summary (title, authors, journal, dates) and the editor's canonical URL and DOI, which citations
/// and embeds link to. The article's other sections are not read.
/// </summary>
public sealed record ArticlePart<TPart>(ArticleSummary Summary, string? CanonicalUrl, string? Doi, TPart Part);

/// <summary>How a section is asked for: by its 1-based position or by its slug (exactly one of the two).</summary>
public sealed record SectionKey(int? Position, string? Slug)
{
    public static SectionKey At(int position) => new(position, null);

    public static SectionKey Named(string slug) => new(null, slug);
}

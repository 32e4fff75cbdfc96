namespace KoreaPolicy.Model;

/// <summary>
/// What the parser reads out of one article text: the facts the text carries and nothing more.
/// Absent facts stay null or empty; nothing is defaulted or guessed: a page without a journal
/// masthead has no <see cref="Journal"/>, one without a date no <see cref="Published"/>.
/// </summary>
public sealed record ParsedArticle(
    Journal? Journal,
    JournalIssue? Issue,
    string? Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Themes,
    DateOnly? Published,
    IReadOnlyList<ParsedSection> Sections,
    IReadOnlyList<MetadataEntry> Metadata)
{
    /// <summary>Which of the publisher's page layouts the text was recognised as.</summary>
    public PageLayout Layout { get; init; }

    /// <summary>What kind of work the page presents, when it says so; null when it does not.</summary>
    public ArticleKind? Kind { get; init; }

    /// <summary>The known metadata lines (Region, Location, Category, Publication Source) read into facts.</summary>
    public ArticleFacts Facts { get; init; } = ArticleFacts.None;

    /// <summary>The page was cut off (the scrape's excerpt cap, or a page that ends mid-sentence): the text is incomplete.</summary>
    public bool Truncated { get; init; }

    /// <summary>What the parser noticed and did about it: a cut-off text, a joined paragraph, extraction artifacts kept as written.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; init; } = [];

    public IEnumerable<ParsedParagraph> Paragraphs => Sections.SelectMany(s => s.Paragraphs);
}

/// <summary>The periodical or series an article belongs to.</summary>
/// <param name="Name">The series line as the page spells it: "Korea Policy", "Joint U.S. Korea Academic Studies", ...</param>
/// <param name="Description">The "About ..." blurb, when the page carries one.</param>
/// <param name="Publisher">The publisher, when the blurb names one.</param>
public sealed record Journal(string Name, string? Description, string? Publisher);

/// <summary>
/// An issue of a journal, as labelled on the page ("Korea Policy Vol. 3, Issue 2",
/// "Korea's Economy Volume 28", "Joint U.S.-Korea Academic Studies 2015"): a volume, a number, a year, or some of them.
/// </summary>
public sealed record JournalIssue(string Label, int? Volume, int? Number)
{
    /// <summary>The year the label names ("... Academic Studies 2015"), when it names one instead of a volume.</summary>
    public int? Year { get; init; }
}

/// <summary>A section: a heading (null for the untitled lead) and its paragraphs in order.</summary>
public sealed record ParsedSection(string? Heading, IReadOnlyList<ParsedParagraph> Paragraphs);

/// <summary>
/// One paragraph's exact text. Footnote markers glued to sentence ends ("for them.1") are
/// references, not text: they are taken out of <see cref="Text"/> and kept in <see cref="Footnotes"/>.
/// A bulleted line ("- Raise the cost ...") is a <see cref="ParagraphKind.ListItem"/> without its bullet.
/// </summary>
public sealed record ParsedParagraph(string Text, IReadOnlyList<int> Footnotes)
{
    public ParagraphKind Kind { get; init; } = ParagraphKind.Text;
}

/// <summary>A metadata line the page carries beyond the core facts (Region, Location, Category, ...).</summary>
public sealed record MetadataEntry(string Name, string Value);

/// <summary>What the parser noticed on a page, and the line it saw it on (null when it concerns the whole page).</summary>
public sealed record ParseWarning(int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"line {line}: {Message}" : Message;
}

/// <summary>
/// The facts the known metadata lines carry: <c>Region: Asia</c>, <c>Location: Korea, North, Korea, South</c>
/// (two places), <c>Category: Economics</c>, <c>Publication Source: KIEP</c>. The lines themselves stay in
/// <see cref="ParsedArticle.Metadata"/> as written.
/// </summary>
public sealed record ArticleFacts(string? Region, IReadOnlyList<string> Places, string? Category, string? SourceOrganisation)
{
    public static readonly ArticleFacts None = new(null, [], null, null);
}

/// <summary>The kinds of paragraph an article's text holds.</summary>
public enum ParagraphKind
{
    /// <summary>Running text.</summary>
    Text,

    /// <summary>An item of a bulleted list ("- " on the page); consecutive items form one list.</summary>
    ListItem,
}

/// <summary>What kind of work a page presents, as the page itself says.</summary>
public enum ArticleKind
{
    /// <summary>A paper of a journal: a page under a journal masthead, or a title that names the series ("Korea Policy Series: ...").</summary>
    JournalArticle,

    /// <summary>A title the publisher prefixes "[Policy Brief] ".</summary>
    PolicyBrief,

    /// <summary>A post of the publisher's blog, The Peninsula.</summary>
    BlogPost,
}

/// <summary>
/// The five shapes keia.org pages take once scraped to text (see the README's Ingestion section).
/// </summary>
public enum PageLayout
{
    /// <summary>A: the compact journal header: series line, "From the Issue", the issue label glued to "About ...", blurb, text.</summary>
    CompactJournal,

    /// <summary>B: the site's navigation, then the journal header, "View Series Publications" and the title.</summary>
    SiteJournal,

    /// <summary>C: the site's navigation, a title and metadata, no series block.</summary>
    SitePublication,

    /// <summary>D: a post of the blog, The Peninsula.</summary>
    SiteBlog,

    /// <summary>E: bare text with no navigation and no journal header.</summary>
    Bare,
}

/// <summary>How the layouts are named in reports: the letter of the publisher's page family and a few words.</summary>
public static class PageLayouts
{
    public static string Letter(this PageLayout layout) => layout switch
    {
        PageLayout.CompactJournal => "A",
        PageLayout.SiteJournal => "B",
        PageLayout.SitePublication => "C",
        PageLayout.SiteBlog => "D",
        _ => "E",
    };

    public static string Describe(this PageLayout layout) => layout switch
    {
        PageLayout.CompactJournal => "compact journal header",
        PageLayout.SiteJournal => "site navigation and journal header",
        PageLayout.SitePublication => "site navigation, title and metadata, no series block",
        PageLayout.SiteBlog => "blog post (The Peninsula)",
        _ => "bare text, no header",
    };

    /// <summary>"journal-article", "policy-brief", "blog-post": how kinds are written in storage and JSON.</summary>
    public static string Name(this ArticleKind kind) => kind switch
    {
        ArticleKind.JournalArticle => "journal-article",
        ArticleKind.PolicyBrief => "policy-brief",
        _ => "blog-post",
    };

    public static ArticleKind? ParseKind(string? name) => name switch
    {
        "journal-article" => ArticleKind.JournalArticle,
        "policy-brief" => ArticleKind.PolicyBrief,
        "blog-post" => ArticleKind.BlogPost,
        _ => null,
    };

    /// <summary>"text" or "list-item".</summary>
    public static string Name(this ParagraphKind kind) => kind == ParagraphKind.ListItem ? "list-item" : "text";

    public static ParagraphKind ParseParagraphKind(string? name) => name == "list-item" ? ParagraphKind.ListItem : ParagraphKind.Text;
}

namespace KoreaPolicy.Model;

/// <summary>A 1-based page of a list, and its size.</summary>
public sealed record PageRequest(int Number, int Size)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static readonly PageRequest First = new(1, DefaultSize);

    public int Offset => (Number - 1) * Size;
}

/// <summary>One page of a list, with the list's total size.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, PageRequest Request)
{
    /// <summary>At least 1: an empty list still has its (empty) first page.</summary>
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)Request.Size));
}

/// <summary>How article lists are ordered.</summary>
public enum ArticleSort
{
    /// <summary>Newest first; undated articles last. The default.</summary>
    NewestFirst,

    /// <summary>Oldest first; undated articles last.</summary>
    OldestFirst,

    /// <summary>By title, A to Z.</summary>
    Title,
}

/// <summary>
/// Which articles a list or a search is about. Every condition set must hold; several themes
/// mean articles filed under all of them. Unknown slugs simply match nothing.
/// </summary>
public sealed record ArticleFilter
{
    public static readonly ArticleFilter None = new();

    public string? Author { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    public string? Journal { get; init; }

    public string? Issue { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>A region's slug ("asia"), from the page's <c>Region:</c> line.</summary>
    public string? Region { get; init; }

    /// <summary>A place's slug ("korea-north"), from the page's <c>Location:</c> line.</summary>
    public string? Place { get; init; }

    /// <summary>A category's slug ("security"), from the page's <c>Category:</c> line.</summary>
    public string? Category { get; init; }

    /// <summary>A source organisation's slug ("kiep"), from the page's <c>Publication Source:</c> line.</summary>
    public string? Source { get; init; }

    /// <summary>A kind of work.</summary>
    public ArticleKind? Kind { get; init; }
}

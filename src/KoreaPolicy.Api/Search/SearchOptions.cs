namespace KoreaPolicy.Api.Search;

/// <summary>How long one search may run: configuration key <c>Search:TimeBudgetMilliseconds</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// Past this, the search is stopped where it is (SQLite is interrupted) and the answer is a 503
    /// problem saying so. Every ordinary query ends in milliseconds; FTS5 can still spend seconds
    /// on a long phrase of one repeated word over repetitive paragraphs, for every request that asks.
    /// </summary>
    public int TimeBudgetMilliseconds { get; set; } = 5_000;
}

using System.Globalization;

namespace KoreaPolicy.Model;

/// <summary>How names and dates read in running English text: titles, bylines, attributions.</summary>
public static class Byline
{
    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Join(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        2 => $"{names[0]} and {names[1]}",
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };

    /// <summary>What the article is part of, as a reader is told: its issue's label, else its journal; null for neither.</summary>
    public static string? Container(ArticleSummary summary) => summary.Issue?.Label ?? summary.Journal?.Name;

    /// <summary>
    /// The source line: issue or journal, publisher and date, as far as the article has them
    /// ("Korea Policy Vol. 3, Issue 2, Korea Economic Institute of America, December 15, 2025"); "" for none.
    /// </summary>
    public static string Source(ArticleSummary summary) =>
        string.Join(", ", new[] { Container(summary), summary.Journal?.Publisher, summary.Published is { } date ? Date(date) : null }.OfType<string>());

    /// <summary>What every rendering of a cut-off text says where it stops.</summary>
    public const string TruncatedNotice = "The source page was cut off here: the rest of this text is missing.";

    /// <summary>"December 15, 2025".</summary>
    public static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}

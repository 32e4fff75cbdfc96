using System.Globalization;
using System.Text.RegularExpressions;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// Reads the dates the site prints ("December 15, 2025", "Dec 15, 2025", "Sept. 3, 2024",
/// "15 December 2025", "2025-12-15"). Month names are the invariant culture's, so the
/// result never depends on the machine's locale.
/// </summary>
internal static partial class PublicationDate
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    public static bool TryParse(string text, out DateOnly date)
    {
        date = default;
        text = text.Trim();

        var iso = IsoDate().Match(text);
        if (iso.Success)
        {
            return TryCreate(Number(iso, "year"), Number(iso, "month"), Number(iso, "day"), out date);
        }

        var match = MonthFirst().Match(text);
        if (!match.Success)
        {
            match = DayFirst().Match(text);
        }

        return match.Success
            && Months.TryGetValue(match.Groups["month"].Value, out var month)
            && TryCreate(Number(match, "year"), month, Number(match, "day"), out date);
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    // DateOnly's constructor throws on "February 30"; a bad date is "not a date" here.
    private static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Sept"] = 9 };
        var format = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var i = 0; i < 12; i++)
        {
            months[format.MonthNames[i]] = i + 1;
            months[format.AbbreviatedMonthNames[i]] = i + 1;
        }

        return months;
    }

    [GeneratedRegex(@"^(?<month>\p{L}+)\.?\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"^(?<day>\d{1,2})\s+(?<month>\p{L}+)\.?,?\s+(?<year>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}

using System.Text.RegularExpressions;
using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// The metadata block: Author, Theme, Published, Title and whatever other "Name: value" lines
/// the page carries (Region, Location, Category, Publication Source, ...), in any order (a blog
/// dates its post before naming its author), up to the "Download PDF" control that closes it.
/// </summary>
/// <param name="Start">Index of its first line in the page's lines; <paramref name="End"/> is the index after
/// its last line (and after the "Download PDF" that closed it), so an empty block has Start == End.</param>
/// <param name="LastLine">The file line of its last metadata line, for errors that concern the block.</param>
internal sealed partial record ArticleHeader(
    int Start,
    int End,
    int? LastLine,
    string? Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Themes,
    DateOnly? Published,
    IReadOnlyList<MetadataEntry> Metadata)
{
    // Names that may open the block. Any other "Name: value" line is only metadata once the block
    // has started, so a blurb or paragraph that happens to contain a colon is not mistaken for it.
    private static readonly HashSet<string> KnownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Author", "Authors", "Theme", "Themes", "Title", "Published", "Date", "Region", "Regions",
        "Location", "Locations", "Category", "Categories", "Publication Source", "Series", "Topic", "Topics",
        "Program", "Type", "Tags", "Keywords",
    };

    // Suffixes that follow a comma inside one name ("Joseph Yun, Jr.") rather than starting another.
    private static readonly HashSet<string> NameSuffixes = new(StringComparer.Ordinal)
    {
        "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "Ph.D.", "PhD",
    };

    /// <summary>No metadata line was read (a lone "Download PDF" may still have closed the block).</summary>
    public bool IsEmpty => LastLine is null;

    /// <summary>
    /// Whether a line can open a metadata block: a date, or a known "Name: value" line, one over
    /// the limit included, so that reading the block says it is too long (a 31-name Author line
    /// used to be read as something else, and the page's metadata went missing or misread).
    /// </summary>
    public static bool IsBlockStart(string text) =>
        IsDateLine(text) || (MetadataLine().Match(text) is { Success: true } m && KnownNames.Contains(m.Groups["name"].Value)
            && (IsMetadataValue(m.Groups["name"].Value, m.Groups["value"].Value) || IsOverLimit(m.Groups["value"].Value)));

    // A known line whose value a metadata line may not hold: too many words or characters.
    private static bool IsOverLimit(string value) => TitleCase.Words(value).Length > MaxValueWords || value.Length > ArticleLimits.MaxFactLength;

    /// <summary>
    /// Reads the block that starts at <paramref name="start"/>: the metadata lines there, in any
    /// order, and the "Download PDF" that may close it. Empty when the line there opens none.
    /// </summary>
    public static ArticleHeader Read(IReadOnlyList<SourceLine> lines, int start)
    {
        var reader = new BlockReader();
        var end = start;
        int? last = null;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (PageNoise.IsDownloadPdf(line.Text))
            {
                end = i + 1;
                break;
            }

            if (PageNoise.IsNoise(line.Text))
            {
                continue;
            }

            if ((last is null && !IsBlockStart(line.Text)) || !reader.TryRead(line))
            {
                break;
            }

            last = line.Number;
            end = i + 1;
        }

        return new ArticleHeader(start, end, last, reader.Title, reader.Authors, reader.Themes, reader.Published, reader.Metadata);
    }

    public static IEnumerable<string> SplitAuthors(string value)
    {
        var names = new List<string>();
        foreach (var part in AuthorSeparator().Split(value))
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (names.Count > 0 && NameSuffixes.Contains(name))
            {
                names[^1] = $"{names[^1]}, {name}";
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>A "Published ..." line or a date alone on its line: how the site dates an item.</summary>
    public static bool IsDateLine(string text) => PublishedLine().IsMatch(text) || PublicationDate.TryParse(text, out _);

    /// <summary>Accumulates the facts of the block line by line.</summary>
    private sealed class BlockReader
    {
        public string? Title { get; private set; }
        public List<string> Authors { get; } = [];
        public List<string> Themes { get; } = [];
        public DateOnly? Published { get; private set; }
        public List<MetadataEntry> Metadata { get; } = [];

        public bool TryRead(SourceLine line)
        {
            var text = line.Text;
            if (PublishedLine().Match(text) is { Success: true } published)
            {
                // A "Published" line the parser cannot read is an error, not a missing date:
                // silently dropping it would lose a fact the page does carry.
                if (!PublicationDate.TryParse(published.Groups["date"].Value, out var date))
                {
                    throw new ArticleFormatException($"Cannot read the publication date \"{published.Groups["date"].Value}\".", line.Number);
                }

                Published ??= date;
                return true;
            }

            if (PublicationDate.TryParse(text, out var bare))
            {
                Published ??= bare;
                return true;
            }

            var match = MetadataLine().Match(text);
            if (!match.Success)
            {
                return false;
            }

            if (!IsMetadataValue(match.Groups["name"].Value, match.Groups["value"].Value))
            {
                // A known name over the limit is a metadata line that is too long, not the start of
                // the text: left to the body, it used to be read as prose or as a second item.
                return KnownNames.Contains(match.Groups["name"].Value)
                    ? throw new ArticleFormatException(
                        $"The {match.Groups["name"].Value} line has {TitleCase.Words(match.Groups["value"].Value).Length:N0} words and "
                        + $"{match.Groups["value"].Value.Length:N0} characters; a metadata line holds at most {MaxValueWords} words "
                        + $"and {ArticleLimits.MaxFactLength} characters.",
                        line.Number)
                    : false;
            }

            var value = match.Groups["value"].Value.Trim();
            switch (match.Groups["name"].Value.ToLowerInvariant())
            {
                case "author" or "authors":
                    AddDistinct(Authors, seenAuthors, SplitAuthors(value));
                    break;
                case "theme" or "themes":
                    AddDistinct(Themes, seenThemes, value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "title":
                    Title ??= value.Length > 0 ? value : null;
                    break;
                case "date":
                    if (!PublicationDate.TryParse(value, out var dated))
                    {
                        throw new ArticleFormatException($"Cannot read the publication date \"{value}\".", line.Number);
                    }

                    Published ??= dated;
                    break;
                default:
                    if (value.Length > 0)
                    {
                        Metadata.Add(new MetadataEntry(match.Groups["name"].Value, value));
                    }

                    break;
            }

            return true;
        }

        // Seen authors and themes, so a block of many byline lines is not quadratic to de-duplicate.
        private readonly HashSet<string> seenAuthors = new(StringComparer.Ordinal);
        private readonly HashSet<string> seenThemes = new(StringComparer.Ordinal);

        // A scrape can repeat a byline; the same person is one author.
        private static void AddDistinct(List<string> target, HashSet<string> seen, IEnumerable<string> values)
        {
            foreach (var value in values)
            {
                if (seen.Add(value))
                {
                    target.Add(value);
                }
            }
        }
    }

    // A metadata value is a short list or a place; a long value is prose that merely has a colon.
    private const int MaxValueWords = 30;

    // Names the parser does not know get a stricter test, so a first paragraph such as
    // "Note: The views expressed are the author’s own." stays article text.
    private const int MaxUnknownValueWords = 12;

    private static bool IsMetadataValue(string name, string value)
    {
        var words = TitleCase.Words(value).Length;
        if (KnownNames.Contains(name))
        {
            return words <= MaxValueWords && value.Length <= ArticleLimits.MaxFactLength;
        }

        var endsLikeSentence = value.Length > 1 && value[^1] == '.' && char.IsLower(value[^2]);
        return words <= MaxUnknownValueWords && !endsLikeSentence;
    }

    [GeneratedRegex(@"^(?<name>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2})\s*:\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MetadataLine();

    // The date must start like one ("December 15", "Dec. 15", "15 December", "2025-"), so a blurb's
    // "Published by the Korea Economic Institute ..." is not taken for an unreadable date.
    [GeneratedRegex(@"^(?:Published|Posted)(?:\s+on)?\s*:?\s+(?<date>(?:\p{L}+\.?\s+)?\d.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PublishedLine();

    [GeneratedRegex(@"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();
}

using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// The known metadata lines read into facts: Region, Location (a list of places whose names
/// hold commas themselves), Category and Publication Source. The lines stay in the article's
/// metadata as written; these are what filters and outputs use.
/// </summary>
internal static class MetadataFacts
{
    // A part of a Location value that qualifies the place before it rather than naming another:
    // "Korea, North", "Korea, South", "Congo, Democratic Republic of the", "Washington, D.C.".
    private static readonly HashSet<string> Qualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "North", "South", "East", "West", "Republic of", "Republic of the", "Democratic Republic of the",
        "People's Republic of", "People’s Republic of", "The", "Federated States of", "Islamic Republic of",
    };

    public static ArticleFacts Read(IReadOnlyList<MetadataEntry> metadata) => new(
        First(metadata, "Region", "Regions"),
        metadata.Where(m => Is(m, "Location", "Locations")).SelectMany(m => Places(m.Value)).Distinct(StringComparer.Ordinal).ToList(),
        First(metadata, "Category", "Categories"),
        First(metadata, "Publication Source"));

    /// <summary>"Korea, North, Korea, South" → "Korea, North" and "Korea, South".</summary>
    public static IReadOnlyList<string> Places(string value)
    {
        var places = new List<string>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (places.Count > 0 && (Qualifiers.Contains(part) || IsInitialism(part)))
            {
                places[^1] = $"{places[^1]}, {part}";
            }
            else
            {
                places.Add(part);
            }
        }

        return places;
    }

    private static string? First(IReadOnlyList<MetadataEntry> metadata, params string[] names) =>
        metadata.FirstOrDefault(m => Is(m, names))?.Value;

    private static bool Is(MetadataEntry entry, params string[] names) =>
        names.Contains(entry.Name, StringComparer.OrdinalIgnoreCase);

    // "D.C.", "U.K.": letters each followed by a period.
    private static bool IsInitialism(string part) =>
        part.Length >= 2 && part.Length % 2 == 0
        && Enumerable.Range(0, part.Length / 2).All(i => char.IsLetter(part[2 * i]) && part[(2 * i) + 1] == '.');
}

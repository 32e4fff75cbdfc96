namespace KoreaPolicy.Ingestion;

/// <summary>
/// Whether a phrase is written in title case: every significant word capitalised, only the
/// small function words in lower case. Headings and title lines are; sentences are not.
/// </summary>
internal static class TitleCase
{
    // Words headline style leaves in lower case; anything else in lower case marks a sentence.
    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
        "off", "on", "per", "to", "up", "via", "vs", "versus", "from", "into", "onto", "over", "with",
        "amid", "upon", "than",
    };

    private static readonly char[] WordEdges = ['“', '”', '‘', '’', '"', '\'', '(', ')', '[', ']', ',', ':', ';', '.', '—', '–'];

    public static bool IsTitleCase(string phrase)
    {
        var words = Words(phrase);
        var sawCapital = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Trim(WordEdges);
            if (word.Length == 0)
            {
                continue;
            }

            if (char.IsUpper(word[0]))
            {
                sawCapital = true;
            }
            else if (!char.IsDigit(word[0]) && (i == 0 || !MinorWords.Contains(word)))
            {
                return false;
            }
        }

        return sawCapital;
    }

    public static string[] Words(string phrase) =>
        phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}

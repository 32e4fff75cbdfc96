using System.Security.Cryptography;
using System.Text;

namespace KoreaPolicy.Model;

/// <summary>
/// An article's text as duplicates are told by: its paragraphs with their spacing evened out.
/// The same article scraped twice (another URL, another rendering, a crawl that kept more or
/// less of it before the excerpt cap) has the same text, or one text that starts with the other
/// when either was cut off.
/// </summary>
public static class ArticleText
{
    /// <summary>
    /// A text this short says too little to tell one article from another: three short abstracts
    /// can agree word for word. Below it, no article is taken for another's duplicate.
    /// </summary>
    public const int MinLength = 200;

    // The key is the text's opening: long enough to be the article's own, short enough that a
    // cut-off copy still has all of it.
    private const int KeyLength = MinLength;

    /// <summary>The paragraphs as one string: one line each, runs of white space made one space.</summary>
    public static string Normalize(IEnumerable<string> paragraphs) =>
        string.Join('\n', paragraphs.Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));

    /// <summary>What a text is looked up by: a hash of its opening, or "" for a text too short to tell apart.</summary>
    public static string Key(IEnumerable<string> paragraphs)
    {
        var text = Normalize(paragraphs);
        return text.Length < MinLength
            ? ""
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text[..KeyLength])));
    }

    /// <summary>
    /// Whether two normalized texts are one article's: equal, or, when one of them was cut off,
    /// the longer goes on where the shorter stops (its last, possibly cut, word aside).
    /// </summary>
    public static bool AreSame(string one, bool oneTruncated, string other, bool otherTruncated)
    {
        if (one.Length < MinLength || other.Length < MinLength)
        {
            return false;
        }

        if (one == other)
        {
            return true;
        }

        var (shorter, shorterTruncated, longer) = one.Length <= other.Length ? (one, oneTruncated, other) : (other, otherTruncated, one);
        if (!shorterTruncated)
        {
            return false;
        }

        var wholeWords = shorter.LastIndexOfAny([' ', '\n']);
        return wholeWords >= MinLength && longer.StartsWith(shorter[..wholeWords], StringComparison.Ordinal);
    }
}

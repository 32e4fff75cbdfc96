using System.Globalization;
using System.Text;
using KoreaPolicy.Search;

namespace KoreaPolicy.Storage;

/// <summary>
/// Where a query's words and phrases are in a paragraph, and the snippet around the best of them,
/// with the work per paragraph bounded. FTS5's own <c>snippet()</c> scores a window at every
/// match against every other match, and <c>highlight()</c> also grows faster than the matches: a
/// paragraph of 231,000 repeats of one word cost minutes per search. Here the paragraph is read
/// once at most (its first <see cref="MaxScannedCharacters"/>), token by token, as FTS5's tokenizer reads it (<c>unicode61 remove_diacritics 2</c>:
/// letters, digits and private-use characters make words; case and accents are folded), until
/// <see cref="MaxMarks"/> matches are found or <see cref="MaxComparisons"/> token comparisons are
/// spent; the snippet is chosen among those matches.
/// <para>
/// FTS5 decides which paragraphs match; this only says where. Where the two tokenizers could
/// differ (characters newer than SQLite's Unicode tables), a mark may be missing, never a hit.
/// </para>
/// </summary>
public static class PassageMarks
{
    /// <summary>At most this many matches are marked in a paragraph; a hit says when there were more.</summary>
    public const int MaxMarks = 100;

    /// <summary>Token comparisons one paragraph may cost: thousands of times a normal paragraph's, a millisecond or so.</summary>
    public const int MaxComparisons = 200_000;

    /// <summary>
    /// How far into a paragraph matches are looked for: all of any paragraph within ingestion's
    /// limit (ArticleLimits.MaxParagraphLength, the same number; Storage does not use Ingestion),
    /// the opening of one stored before the limit.
    /// </summary>
    public const int MaxScannedCharacters = 20_000;

    /// <summary>About the length of FTS5's 32-token snippet, in characters.</summary>
    public const int SnippetLength = 200;

    private const string Ellipsis = "…";

    /// <summary>The first matches of the query's required terms in <paramref name="text"/>, and whether the scan stopped before the end.</summary>
    public static (IReadOnlyList<TextSpan> Marks, bool More) Find(string text, SearchQuery query)
    {
        var terms = query.Required.SelectMany(group => group)
            .Select(term => (Tokens: Tokens(term.Text, term.Text.Length).Select(t => t.Folded).ToArray(), term.IsPrefix))
            .Where(term => term.Tokens.Length > 0)
            .ToArray();
        var longest = terms.Length == 0 ? 1 : terms.Max(t => t.Tokens.Length);
        var recent = new Token[longest];
        var spans = new List<TextSpan>();
        var comparisons = 0;
        var index = 0;
        var more = text.Length > MaxScannedCharacters;
        foreach (var token in Tokens(text, Math.Min(text.Length, MaxScannedCharacters)))
        {
            recent[index % longest] = token;
            foreach (var (words, prefix) in terms)
            {
                if (words.Length > index + 1)
                {
                    continue;
                }

                // From the last word back: most candidates fail on their first comparison.
                var matched = true;
                for (var w = words.Length - 1; w >= 0 && matched; w--)
                {
                    comparisons++;
                    var seen = recent[(index - (words.Length - 1 - w)) % longest].Folded;
                    matched = prefix && w == words.Length - 1 ? seen.StartsWith(words[w], StringComparison.Ordinal) : seen == words[w];
                }

                if (matched)
                {
                    var first = recent[(index - (words.Length - 1)) % longest];
                    spans.Add(new TextSpan(first.Start, token.Start + token.Length - first.Start));
                }
            }

            index++;
            // Twice the marks kept, as a phrase and its words may merge into one.
            if (spans.Count > 2 * MaxMarks || comparisons > MaxComparisons)
            {
                more = true;
                break;
            }
        }

        var marks = Merge(spans);
        more |= marks.Count > MaxMarks;
        return (marks.Count > MaxMarks ? marks.GetRange(0, MaxMarks) : marks, more);
    }

    /// <summary>
    /// About <see cref="SnippetLength"/> characters of the text at whole words, around the marks
    /// with the most different matched words, "…" where it is cut; the text's opening when it has
    /// no marks (the query matched the heading or title).
    /// </summary>
    public static MarkedText Snippet(string text, IReadOnlyList<TextSpan> marks)
    {
        if (text.Length <= SnippetLength)
        {
            return new MarkedText(text, marks);
        }

        var start = 0;
        if (marks.Count > 0)
        {
            var best = BestWindow(text, marks);
            // A few words of context before the first mark, from the start of a word.
            start = Math.Max(0, marks[best].Start - (SnippetLength / 5));
            while (start > 0 && start < marks[best].Start && IsWordCharacter(text[start - 1]))
            {
                start++;
            }
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        while (end < text.Length && end > start + (SnippetLength / 2) && IsWordCharacter(text[end - 1]) && IsWordCharacter(text[end]))
        {
            end--;
        }

        var lead = start > 0 ? Ellipsis : "";
        var snippet = new StringBuilder(end - start + 2).Append(lead).Append(text, start, end - start).Append(end < text.Length ? Ellipsis : "");
        var inside = marks.Where(m => m.Start >= start && m.Start + m.Length <= end)
            .Select(m => new TextSpan(m.Start - start + lead.Length, m.Length))
            .ToList();
        return new MarkedText(snippet.ToString(), inside);
    }

    // The mark that opens the window with the most different matched words (then the most marks).
    private static int BestWindow(string text, IReadOnlyList<TextSpan> marks)
    {
        var best = 0;
        var bestScore = (Distinct: 0, Count: 0);
        for (var i = 0; i < marks.Count; i++)
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            for (var j = i; j < marks.Count && marks[j].Start + marks[j].Length - marks[i].Start <= SnippetLength * 4 / 5; j++)
            {
                words.Add(Fold(text.AsSpan(marks[j].Start, marks[j].Length)));
                count++;
            }

            if (words.Count > bestScore.Distinct || (words.Count == bestScore.Distinct && count > bestScore.Count))
            {
                (best, bestScore) = (i, (words.Count, count));
            }
        }

        return best;
    }

    // FTS5 marks a phrase and the words inside it as one; so do overlapping matches here.
    private static List<TextSpan> Merge(List<TextSpan> spans)
    {
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TextSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start < merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = new TextSpan(last.Start, Math.Max(last.Start + last.Length, span.Start + span.Length) - last.Start);
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private readonly record struct Token(int Start, int Length, string Folded);

    /// <summary>The words of <paramref name="text"/> before <paramref name="end"/>.</summary>
    private static IEnumerable<Token> Tokens(string text, int end)
    {
        var i = 0;
        while (i < end)
        {
            while (i < end && !IsWordCharacter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < end && IsWordCharacter(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return new Token(start, i - start, Fold(text.AsSpan(start, i - start)));
            }
        }
    }

    // unicode61's token characters: letters, numbers, private use; combining marks stay in their word.
    private static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // Case and accents folded, as remove_diacritics 2 does: "Séoul" reads "seoul".
    private static string Fold(ReadOnlySpan<char> word)
    {
        if (Ascii.IsValid(word))
        {
            return word.ToString().ToLowerInvariant();
        }

        var folded = new StringBuilder(word.Length);
        foreach (var c in word.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }
}

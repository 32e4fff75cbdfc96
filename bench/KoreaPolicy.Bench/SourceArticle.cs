using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Bench;

/// <summary>
/// The one real article, read by the engine's own parser, cut into what the generator
/// recombines: its sentences, its run-in headings and the journal blurb.
/// </summary>
internal sealed record SourceArticle(string Text, IReadOnlyList<string> Sentences, IReadOnlyList<string> Headings, string Blurb)
{
    private const string ResourceName = "KoreaPolicy.Bench.SourceArticle.txt";

    public static SourceArticle Load()
    {
        using var stream = typeof(SourceArticle).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        // Parsing with the engine (rather than re-reading the lines here) means the headings come
        // out already split from their paragraphs, exactly as ingestion sees them.
        var parsed = ArticleParser.Parse(text);
        var sentences = parsed.Paragraphs.SelectMany(p => SentenceSplitter.Split(p.Text)).ToList();
        var headings = parsed.Sections.Select(s => s.Heading).OfType<string>().ToList();
        var blurb = parsed.Journal?.Description
            ?? throw new InvalidOperationException("The source article has no \"About Korea Policy\" blurb.");
        return new SourceArticle(text, sentences, headings, blurb);
    }
}

/// <summary>Splits prose into sentences without breaking at initialisms ("U.S. President", "D.C.").</summary>
internal static class SentenceSplitter
{
    public static IEnumerable<string> Split(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('.' or '?' or '!'))
            {
                continue;
            }

            // A closing quote belongs to the sentence it ends: maxim, “... without them.”
            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '”' or '’' or '"')
            {
                end++;
            }

            var atBoundary = end == paragraph.Length
                || (paragraph[end] == ' ' && end + 1 < paragraph.Length && char.IsUpper(paragraph[end + 1]));
            if (atBoundary && !EndsWithInitialism(paragraph, i))
            {
                yield return paragraph[start..end].Trim();
                start = end;
                i = end - 1;
            }
        }

        if (start < paragraph.Length && paragraph[start..].Trim() is { Length: > 0 } tail)
        {
            yield return tail;
        }
    }

    // "U.S." and "D.C." end in a period that does not end the sentence: single letters each followed by a period.
    private static bool EndsWithInitialism(string text, int period)
    {
        var start = period;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var token = text[start..(period + 1)];
        var lastDash = token.LastIndexOfAny(['-', '–']);
        token = token[(lastDash + 1)..];
        if (token.Length < 2 || token.Length % 2 != 0)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i += 2)
        {
            if (!char.IsLetter(token[i]) || token[i + 1] != '.')
            {
                return false;
            }
        }

        return true;
    }
}

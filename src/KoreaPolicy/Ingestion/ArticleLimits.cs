using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// How big one article may be, checked where it enters the archive so that everything served
/// from it is bounded too. A 2 MiB file of a million one-character lines used to become a
/// million paragraphs and a 262 MB JSON answer; within these limits the whole article is at most
/// <see cref="MaxParagraphs"/> paragraphs of at most <see cref="MaxParagraphLength"/> characters,
/// and no more text than the file (<see cref="ArticleFile.MaxBytes"/>). Each limit is far above
/// what the journal publishes (the given article: 13 paragraphs, the longest 1,400 characters,
/// 4 sections), so only a broken scrape or a hostile file meets one.
/// </summary>
public static class ArticleLimits
{
    public const int MaxParagraphs = 2_000;

    /// <summary>
    /// Lines of the file, blank ones included: room for every paragraph, heading and blank line
    /// of the largest article several times over. Checked while the file is decoded, before the
    /// parser builds anything, so a file of a million short lines costs one pass.
    /// </summary>
    public const int MaxLines = 20_000;

    public const int MaxParagraphLength = 20_000;

    public const int MaxSections = 500;

    /// <summary>Authors, themes, and other metadata entries, each.</summary>
    public const int MaxNames = 50;

    /// <summary>A title, a journal or series name, an issue label, a name, a metadata value.</summary>
    public const int MaxFactLength = 500;

    /// <summary>The journal's "About" blurb.</summary>
    public const int MaxDescriptionLength = 5_000;

    /// <summary>Throws <see cref="IngestionException"/> naming the file, the line where one is to blame, and the limit.</summary>
    public static void Check(string path, string text, ParsedArticle article)
    {
        Fact(path, text, "The journal or series name", article.Journal?.Name, MaxFactLength);
        Fact(path, text, "The journal's description", article.Journal?.Description, MaxDescriptionLength);
        Fact(path, text, "The publisher's name", article.Journal?.Publisher, MaxFactLength);
        Fact(path, text, "The issue label", article.Issue?.Label, MaxFactLength);
        Fact(path, text, "The title", article.Title, MaxFactLength);
        Count(path, "authors", article.Authors.Count, MaxNames);
        Count(path, "themes", article.Themes.Count, MaxNames);
        Count(path, "metadata lines", article.Metadata.Count, MaxNames);
        foreach (var name in article.Authors.Concat(article.Themes))
        {
            Fact(path, text, "A name", name, MaxFactLength);
        }

        foreach (var entry in article.Metadata)
        {
            Fact(path, text, $"The {entry.Name} line", entry.Value, MaxFactLength);
        }

        Count(path, "sections", article.Sections.Count, MaxSections);
        Count(path, "paragraphs", article.Sections.Sum(s => s.Paragraphs.Count), MaxParagraphs);
        var number = 0;
        foreach (var paragraph in article.Paragraphs)
        {
            Fact(path, text, $"Paragraph {++number}", paragraph.Text, MaxParagraphLength);
        }
    }

    private static void Fact(string path, string text, string what, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw new IngestionException(path, LineOf(text, value), $"{what} is {value.Length:N0} characters long; the limit is {max:N0}");
        }
    }

    private static void Count(string path, string what, int count, int max)
    {
        if (count > max)
        {
            throw new IngestionException(path, null, $"has {count:N0} {what}; the limit for one article is {max:N0}");
        }
    }

    // Parsed facts do not carry their line; an over-long one is found again by its opening words.
    // Only on the way to an error, so the search costs nothing on a good file.
    private static int? LineOf(string text, string value)
    {
        var at = text.IndexOf(value[..Math.Min(value.Length, 60)], StringComparison.Ordinal);
        return at < 0 ? null : text.AsSpan(0, at).Count('\n') + 1;
    }
}

using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// Reads an article page scraped from keia.org into the facts it carries. The page is read
/// top to bottom as masthead (series, issue, blurb, title), metadata block (Author, Theme,
/// Published, ...), then the article text; page furniture is dropped wherever it appears.
/// </summary>
public static class ArticleParser
{
    /// <summary>Parses the whole decoded text of one page.</summary>
    /// <exception cref="ArticleFormatException">The text is not a recognisable article page.</exception>
    public static ParsedArticle Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var lines = ReadLines(text);
        RejectTeaserListing(lines);

        var header = ArticleHeader.Find(lines)
            ?? throw new ArticleFormatException(
                "No article metadata found: the text has no \"Author:\", \"Theme:\" or \"Published\" line, so it is not a recognisable article page.");

        var masthead = JournalMasthead.Read(lines.Take(header.Start));
        var seriesName = masthead.SeriesName
            ?? throw new ArticleFormatException(
                "No journal or series line precedes the article metadata.", lines[header.Start].Number);

        var body = lines.Skip(header.End + 1)
            .Where(l => !l.IsBlank && !PageNoise.IsNoise(l.Text))
            .ToList();
        if (body.Count == 0)
        {
            throw new ArticleFormatException(
                "The page has metadata but no article text after it.", lines[header.End].Number);
        }

        // An article is dated once; a second date further down is the next teaser of a listing.
        if (body.FirstOrDefault(l => ArticleHeader.IsDateLine(l.Text)) is { Text: not null } dated)
        {
            throw new ArticleFormatException(
                $"The page dates more than one item (\"{dated.Text}\"), so it is a listing, not an article.", dated.Number);
        }

        var paragraphs = body.Select(l => l.Text).ToList();

        return new ParsedArticle(
            new Journal(seriesName, masthead.Description, masthead.Publisher),
            masthead.Issue,
            header.Title ?? masthead.TitleLine,
            header.Authors,
            header.Themes,
            header.Published,
            ArticleSections.Build(paragraphs),
            header.Metadata);
    }

    // Lines are trimmed at their ends only: the paragraph text inside is kept character for character.
    private static List<SourceLine> ReadLines(string text) =>
        text.TrimStart('\uFEFF')
            .Split('\n')
            .Select((line, index) => new SourceLine(index + 1, line.Trim()))
            .SelectMany(PageNoise.SplitGluedControls)
            .ToList();

    // A listing repeats "Read More" under each teaser; an article page has at most one stray link.
    private static void RejectTeaserListing(List<SourceLine> lines)
    {
        var readMore = lines.Where(l => PageNoise.IsReadMore(l.Text)).ToList();
        if (readMore.Count >= 2)
        {
            throw new ArticleFormatException(
                $"The page is a listing of {readMore.Count} teasers (\"Read More\" links), not an article.", readMore[0].Number);
        }
    }
}

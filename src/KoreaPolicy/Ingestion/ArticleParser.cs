using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// Reads a page scraped from keia.org into the facts it carries. A page is an article when it
/// carries one: a journal masthead over text (layouts A and B), a title with a metadata block or
/// a title where the site's frame puts one (B, C, D, the old site's pages), or a title an editor
/// gave in the sidecar (bare texts, layout E). The page is read top to bottom: the site's
/// navigation, the masthead or the blog's label, the title, the metadata block, then the text;
/// furniture is dropped wherever it appears. See the README's Ingestion section and
/// page-family.md for the five layouts.
/// </summary>
public static class ArticleParser
{
    // A title line runs to a few dozen words at most; longer, it is the abstract.
    private const int MaxTitleWords = 40;

    // The old site's scrapes set the title apart from the text by three blank lines; the
    // other layouts never leave more than one.
    private const int TitleGap = 2;

    // The navigation block's counter is among the first lines of a page, after the search label.
    private const int ChromeDepth = 6;

    // After the counter: the mailing-list heading and its sign-up sentence.
    private const int LinesAfterCounter = 2;

    /// <summary>Parses the whole decoded text of one page.</summary>
    /// <exception cref="ArticleFormatException">The text is not a recognisable article page.</exception>
    public static ParsedArticle Parse(string text) => Parse(text, editorTitle: null);

    /// <summary>Parses a file's text with its sidecar's title; an error names the file and the line.</summary>
    /// <exception cref="IngestionException">The text is not a recognisable article page.</exception>
    public static ParsedArticle Parse(ArticleFile file)
    {
        try
        {
            return Parse(file.Text, file.Sidecar?.Title?.Trim());
        }
        catch (ArticleFormatException e)
        {
            throw new IngestionException(file.Path, e.Line, e.Message);
        }
    }

    /// <summary>Parses a page whose sidecar may give its title.</summary>
    /// <param name="editorTitle">The title the editor gave in the sidecar: with it, bare text with no
    /// header of its own is an article too.</param>
    /// <exception cref="ArticleFormatException">The text is not a recognisable article page.</exception>
    public static ParsedArticle Parse(string text, string? editorTitle)
    {
        ArgumentNullException.ThrowIfNull(text);

        var lines = PageText.Read(text);
        RejectListing(lines);

        var cursor = SkipSiteNavigation(lines, out var framed);
        var blog = cursor < lines.Count && PageNoise.IsBlogLabel(lines[cursor].Text);
        var blogLabel = blog ? lines[cursor++].Text : null;

        var masthead = blog ? null : JournalMasthead.Read(lines, cursor);
        var title = masthead?.TitleLine;
        var titleByPosition = masthead is { ListsSeriesPublications: true, TitleLine: not null };
        if (masthead is not null)
        {
            cursor = masthead.End;
        }

        if (title is null && TitleAt(lines, cursor, framed: masthead is null && (framed || blog)) is { } found)
        {
            title = found.Title;
            titleByPosition = found.ByPosition;
            cursor++;
        }

        var header = ArticleHeader.Read(lines, cursor);
        title = header.Title ?? title;
        cursor = header.End;

        var rest = lines.Skip(cursor).ToList();
        if (title is null && editorTitle is not null && rest.Count > 0 && SameTitle(rest[0].Text, editorTitle))
        {
            // The old site's bare pages open with the title the editor has copied into the sidecar.
            rest.RemoveAt(0);
        }

        var recognised = masthead is not null || (title is not null && (!header.IsEmpty || titleByPosition)) || editorTitle is not null;
        if (!recognised)
        {
            throw header.IsEmpty
                ? new ArticleFormatException(
                    "No article metadata found: the page has no journal masthead (a series line and \"About ...\"), no title with a "
                    + "metadata block (Published, Author, Theme, ...) and no title in a sidecar, so it is not a recognisable article page. "
                    + "If it is an article, give its title in the sidecar (name.meta.json).")
                : new ArticleFormatException("No journal or series line precedes the article metadata.", lines[header.Start].Number);
        }

        // An article is dated once; a second date further down is the next teaser of a listing.
        if (rest.FirstOrDefault(l => !PageNoise.IsNoise(l.Text) && ArticleHeader.IsDateLine(l.Text)) is { Text: not null } dated)
        {
            throw new ArticleFormatException(
                $"The page dates more than one item (\"{dated.Text}\"), so it is a listing, not an article.", dated.Number);
        }

        var body = ArticleBody.Read(rest, LengthWithoutFinalNewlines(text));
        if (body.Sections.Count == 0)
        {
            var has = !header.IsEmpty ? "metadata" : masthead is not null ? "a journal masthead" : "a title";
            throw new ArticleFormatException(
                $"The page has {has} but no article text after it.",
                !header.IsEmpty ? header.LastLine : rest.Count > 0 ? rest[0].Number : cursor > 0 ? lines[cursor - 1].Number : null);
        }

        return new ParsedArticle(
            masthead is not null ? new Journal(masthead.SeriesName, masthead.Description, masthead.Publisher)
                : blogLabel is not null ? new Journal(blogLabel, null, null)
                : null,
            masthead?.Issue,
            title,
            header.Authors,
            header.Themes,
            header.Published,
            body.Sections,
            header.Metadata)
        {
            Layout = masthead is not null ? (framed || masthead.ListsSeriesPublications ? PageLayout.SiteJournal : PageLayout.CompactJournal)
                : blog ? PageLayout.SiteBlog
                : framed ? PageLayout.SitePublication
                : PageLayout.Bare,
            Kind = TitlePrefix.KindOf(title ?? editorTitle)
                ?? (masthead is not null ? ArticleKind.JournalArticle : blog ? ArticleKind.BlogPost : null),
            Facts = MetadataFacts.Read(header.Metadata),
            Truncated = body.Truncated,
            Warnings = body.Warnings,
        };
    }

    // Listings and taxonomy pages list articles; they are not one.
    private static void RejectListing(List<SourceLine> lines)
    {
        if (lines.Take(ChromeDepth).FirstOrDefault(l => PageNoise.IsPostsLocated(l.Text)) is { Text: not null } located)
        {
            throw new ArticleFormatException($"The page is a listing (\"{located.Text}\"), not an article.", located.Number);
        }

        if (lines.Count > 0 && PageNoise.IsSyndicateContent(lines[^1].Text))
        {
            throw new ArticleFormatException(
                "The page is a taxonomy listing (it ends with its feed link, \"Syndicate content\"), not an article.", lines[^1].Number);
        }

        // A listing repeats "Read More" under each teaser; an article page has at most one stray link.
        var readMore = lines.Where(l => PageNoise.IsReadMore(l.Text)).ToList();
        if (readMore.Count >= 2)
        {
            throw new ArticleFormatException(
                $"The page is a listing of {readMore.Count} teasers (\"Read More\" links), not an article.", readMore[0].Number);
        }

        // Teasers cut with an ellipsis, a good part of the page's lines.
        var teasers = lines.Where(l => PageNoise.IsTeaser(l.Text)).ToList();
        if (teasers.Count >= 2 && teasers.Count * 3 >= lines.Count)
        {
            throw new ArticleFormatException(
                $"The page is a listing of {teasers.Count} teasers (lines ending in \"…\"), not an article.", teasers[0].Number);
        }
    }

    /// <summary>
    /// Skips the site's navigation block: the "Total Index: N publications." counter, the search
    /// label above it and the mailing-list heading and sign-up sentence below it (whatever their
    /// words), or furniture lines at the top of a page without the counter.
    /// </summary>
    private static int SkipSiteNavigation(List<SourceLine> lines, out bool framed)
    {
        var counter = lines.Take(ChromeDepth).ToList().FindIndex(l => PageNoise.IsTotalIndex(l.Text));
        var at = 0;
        if (counter >= 0)
        {
            at = counter + 1;
            for (var skipped = 0; skipped < LinesAfterCounter && at < lines.Count && !IsPageStructure(lines, at); skipped++)
            {
                at++;
            }
        }

        while (at < lines.Count && PageNoise.IsNoise(lines[at].Text) && !PageNoise.IsDownloadPdf(lines[at].Text)
            && lines[at].Text != "From the Issue")
        {
            at++;
        }

        framed = at > 0;
        return at;
    }

    // What a page shows after its navigation block, so that a page whose mailing-list lines are
    // missing does not lose its title or masthead to them: a title right above metadata included.
    private static bool IsPageStructure(List<SourceLine> lines, int at)
    {
        var text = lines[at].Text;
        return PageNoise.IsBlogLabel(text) || text == "From the Issue" || text.StartsWith("About ", StringComparison.Ordinal)
            || ArticleHeader.IsBlockStart(text) || PageNoise.IsDownloadPdf(text) || PageNoise.IsViewSeriesPublications(text)
            || (at + 1 < lines.Count && (ArticleHeader.IsBlockStart(lines[at + 1].Text) || lines[at + 1].Text.StartsWith("About ", StringComparison.Ordinal)));
    }

    /// <summary>The title line at <paramref name="at"/>, if the page puts one there.</summary>
    /// <param name="framed">The line follows the site's navigation or the blog's label, where the site prints the title.</param>
    private static (string Title, bool ByPosition)? TitleAt(List<SourceLine> lines, int at, bool framed)
    {
        if (at >= lines.Count)
        {
            return null;
        }

        var text = lines[at].Text;
        if (ArticleHeader.IsBlockStart(text) || PageNoise.IsNoise(text) || text.EndsWith('.')
            || TitleCase.Words(text).Length > MaxTitleWords)
        {
            return null;
        }

        if (framed)
        {
            return (text, true);
        }

        var next = at + 1 < lines.Count ? lines[at + 1] : default;
        if (next.Text is not null && ArticleHeader.IsBlockStart(next.Text))
        {
            return (text, false);
        }

        // The old site's scrapes: the title, three blank lines, the text.
        return next.Text is not null && next.Gap >= TitleGap && TitleCase.IsTitleCase(text) ? (text, true) : null;
    }

    // The page's length as scraped, a final line break aside; counted, not trimmed, so that a long
    // text is not copied (a copy of over 85 KB lands on the large object heap, collected only with gen 2).
    private static int LengthWithoutFinalNewlines(string text)
    {
        var length = text.Length;
        while (length > 0 && text[length - 1] is '\n' or '\r')
        {
            length--;
        }

        return length;
    }

    private static bool SameTitle(string line, string title) =>
        string.Equals(string.Join(' ', TitleCase.Words(line)), string.Join(' ', TitleCase.Words(title)), StringComparison.OrdinalIgnoreCase);
}

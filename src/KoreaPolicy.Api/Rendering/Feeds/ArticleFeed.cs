using System.Globalization;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering.Feeds;

/// <summary>
/// A feed of articles before it is written in any format: Atom, RSS and JSON Feed are three
/// spellings of this one record, so the three always carry the same entries, ids and dates.
/// </summary>
/// <param name="Id">A tag URI that never changes for this feed, whatever host serves it.</param>
/// <param name="Self">The feed's own absolute URL, in the format being written.</param>
/// <param name="Alternate">The same articles as an API list (absolute URL, JSON).</param>
/// <param name="Updated">The newest entry's <c>updated</c>; <see cref="Epoch"/> for an empty feed, never the clock.</param>
public sealed record ArticleFeed(
    string Id,
    string Title,
    string Description,
    FeedFormat Format,
    string Self,
    string Alternate,
    string ThemeScheme,
    DateTimeOffset Updated,
    IReadOnlyList<FeedEntry> Entries)
{
    /// <summary>How many articles a feed holds: the newest. Readers poll; the archive is the place for the rest.</summary>
    public const int Size = 50;

    /// <summary>What writes the feeds, in Atom's <c>generator</c> and RSS's.</summary>
    public const string Generator = "KoreaPolicy";

    public const string Language = "en";

    /// <summary>
    /// The <c>updated</c> of a feed with no entries. A fixed instant, not the current time, so that
    /// the same content always gives the same bytes (and the same ETag).
    /// </summary>
    public static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// How much article HTML one feed carries, in characters, over all its entries. Within the
    /// ingestion limits an article is up to a few megabytes of HTML, and fifty of them made feeds
    /// of 54 to 76 MB; past this budget an entry carries its summary as its content, and its link
    /// leads to the whole article. Fifty articles of the journal's usual length fit many times over.
    /// </summary>
    public const int MaxContentCharacters = 2_000_000;

    /// <summary>The feed of the articles given, newest first; read one at a time, so only one whole article is in memory at once.</summary>
    public static ArticleFeed For(FeedSubject subject, FeedFormat format, IEnumerable<ArticleDetail> articles, PublicUrls urls) =>
        Of(subject, format, articles.Select(a => FeedEntry.For(a, urls)), urls);

    /// <summary>The corrections feed: one entry per correction, newest first.</summary>
    public static ArticleFeed ForCorrections(FeedFormat format, IEnumerable<(ArticleChangeEntry Change, ArticleDetail Article)> corrections, PublicUrls urls) =>
        Of(FeedSubject.Corrections(), format, corrections.Select(c => FeedEntry.ForCorrection(c.Change, c.Article, urls)), urls);

    private static ArticleFeed Of(FeedSubject subject, FeedFormat format, IEnumerable<FeedEntry> built, PublicUrls urls)
    {
        var entries = new List<FeedEntry>(Size);
        var budget = MaxContentCharacters;
        foreach (var entryAsBuilt in built)
        {
            var entry = entryAsBuilt.ContentHtml.Length > budget ? entryAsBuilt with { ContentHtml = $"<p>{ArticleHtml.Encode(entryAsBuilt.Summary)}</p>" } : entryAsBuilt;
            budget -= entry.ContentHtml.Length;
            entries.Add(entry);
        }

        return new ArticleFeed(
            subject.Id,
            subject.Title,
            subject.Description,
            format,
            urls.Absolute(subject.Path(format.Extension)),
            urls.Absolute(subject.Alternate),
            urls.Absolute(ApiLinks.Themes),
            entries.Count == 0 ? Epoch : entries.Max(e => e.Updated),
            entries);
    }
}

/// <summary>
/// Who or what a feed is about: all articles, an author, a theme, a journal or an issue.
/// </summary>
/// <param name="Id">Its stable tag URI (<see cref="FeedIds"/>).</param>
/// <param name="Path">The feed's root-relative path for an extension.</param>
/// <param name="Alternate">The root-relative path of the same articles as an API list.</param>
/// <param name="Filter">Which articles it holds.</param>
public sealed record FeedSubject(string Id, string Title, string Description, Func<string, string> Path, string Alternate, ArticleFilter Filter)
{
    /// <summary>The name feeds go by: the archive's, which is the journal's.</summary>
    public const string SiteName = "Korea Policy";

    public static FeedSubject AllArticles() => new(
        FeedIds.Feed("articles"),
        $"{SiteName} — articles",
        $"The newest articles in the {SiteName} archive, newest first, with their full text.",
        ApiLinks.ArticlesFeed,
        ApiLinks.Articles,
        ArticleFilter.None);

    public static FeedSubject Corrections() => new(
        FeedIds.Feed("corrections"),
        $"{SiteName} — corrections",
        $"Every correction of an article in the {SiteName} archive, newest first: the editor's note, and the article it corrects.",
        ApiLinks.CorrectionsFeed,
        ApiLinks.Changes,
        ArticleFilter.None);

    public static FeedSubject Author(IndexEntry author) => new(
        FeedIds.Feed($"authors/{author.Slug}"),
        $"{SiteName} — {author.Name}",
        $"The newest articles by {author.Name} in the {SiteName} archive, newest first, with their full text.",
        extension => ApiLinks.AuthorFeed(author.Slug, extension),
        ApiLinks.AuthorArticles(author.Slug),
        new ArticleFilter { Author = author.Slug });

    public static FeedSubject Theme(IndexEntry theme) => new(
        FeedIds.Feed($"themes/{theme.Slug}"),
        $"{SiteName} — {theme.Name}",
        $"The newest articles on {theme.Name} in the {SiteName} archive, newest first, with their full text.",
        extension => ApiLinks.ThemeFeed(theme.Slug, extension),
        ApiLinks.ThemeArticles(theme.Slug),
        new ArticleFilter { Themes = [theme.Slug] });

    public static FeedSubject Journal(JournalSummary journal) => new(
        FeedIds.Feed($"journals/{journal.Slug}"),
        journal.Name,
        $"The newest articles of {journal.Name}{(journal.Publisher is { } p ? $" ({p})" : "")}, newest first, with their full text.",
        extension => ApiLinks.JournalFeed(journal.Slug, extension),
        ApiLinks.JournalArticles(journal.Slug),
        new ArticleFilter { Journal = journal.Slug });

    public static FeedSubject Issue(IssueDetail issue) => new(
        FeedIds.Feed($"journals/{issue.Journal.Slug}/issues/{issue.Issue.Slug}"),
        issue.Issue.Label,
        $"The articles of {issue.Issue.Label}, newest first, with their full text.",
        extension => ApiLinks.IssueFeed(issue.Journal.Slug, issue.Issue.Slug, extension),
        ApiLinks.Issue(issue.Journal.Slug, issue.Issue.Slug),
        new ArticleFilter { Journal = issue.Journal.Slug, Issue = issue.Issue.Slug });
}

/// <summary>
/// The ids of feeds and entries: RFC 4151 tag URIs built from slugs alone, so they never change
/// with the host, the scheme, a proxy or an editor's later canonical URL. A feed reader that has
/// seen an entry once never shows it as new again.
/// </summary>
public static class FeedIds
{
    /// <summary>The tagging entity and the year it started minting these ids; never to change.</summary>
    private const string Prefix = "tag:koreapolicy,2025:";

    public static string Article(string slug) => $"{Prefix}articles/{Uri.EscapeDataString(slug)}";

    /// <summary>One correction: the article and the revision that brought it.</summary>
    public static string Correction(string slug, int revision) => $"{Prefix}corrections/{Uri.EscapeDataString(slug)}/{revision}";

    /// <summary>A feed's id from its subject path (slugs are URL-safe already).</summary>
    public static string Feed(string subject) => $"{Prefix}feeds/{subject}";
}

/// <summary>One article as a feed entry.</summary>
/// <param name="Id">Its stable tag URI.</param>
/// <param name="Url">Where people read it: the publisher's canonical URL when known, else its page here.</param>
/// <param name="ApiUrl">The article as an API resource (JSON).</param>
/// <param name="ContentHtml">The whole article as an HTML fragment, its text escaped once (by <see cref="ArticleHtml"/>).</param>
/// <param name="Published">Its publication date (midnight UTC), or null when the page gives none.</param>
/// <param name="Updated">The archive's last change of its content.</param>
public sealed record FeedEntry(
    string Id,
    string Title,
    string Url,
    string ApiUrl,
    string Summary,
    string ContentHtml,
    DateTimeOffset? Published,
    DateTimeOffset Updated,
    IReadOnlyList<FeedPerson> Authors,
    IReadOnlyList<NamedRef> Themes)
{
    public static FeedEntry For(ArticleDetail article, PublicUrls urls)
    {
        var summary = article.Summary;
        // Atom wants an author on every entry (or on the feed); an article without a byline is its
        // journal's publisher's. One with neither has none: the Atom feed then names its own
        // compiler as the feed's author (SyndicationWriter) rather than inventing one for the article.
        IReadOnlyList<FeedPerson> authors = summary.Authors.Count > 0
            ? summary.Authors.Select(a => new FeedPerson(a.Name, urls.Absolute(ApiLinks.Author(a.Slug)))).ToList()
            : (summary.Journal?.Publisher ?? summary.Journal?.Name) is { } publisher ? [new FeedPerson(publisher, null)] : [];
        return new FeedEntry(
            FeedIds.Article(summary.Slug),
            summary.Title,
            urls.Canonical(summary.Slug, article.CanonicalUrl),
            urls.Absolute(ApiLinks.Article(summary.Slug)),
            summary.Summary,
            ArticleHtml.Article(article),
            summary.Published is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            summary.UpdatedAt.ToUniversalTime(),
            authors,
            summary.Themes);
    }

    /// <summary>
    /// A correction as an entry of its own: the note (as it was when made) and a link to the article,
    /// dated when the correction was committed, so each correction is news once.
    /// </summary>
    public static FeedEntry ForCorrection(ArticleChangeEntry change, ArticleDetail article, PublicUrls urls)
    {
        var entry = For(article, urls);
        var note = change.Correction!;
        var date = note.Date is { } d ? $" ({d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : "";
        return entry with
        {
            Id = FeedIds.Correction(change.Slug, change.Revision),
            Title = $"Correction: {article.Summary.Title}",
            Summary = note.Note,
            ContentHtml = $"<p><strong>Correction</strong>{date}: {ArticleHtml.Encode(note.Note)}</p>"
                + $"<p><a href=\"{ArticleHtml.Encode(entry.Url)}\">{ArticleHtml.Encode(article.Summary.Title)}</a></p>",
            Published = change.At.ToUniversalTime(),
            Updated = change.At.ToUniversalTime(),
        };
    }

    /// <summary>RFC 3339 in UTC to the second, as Atom and JSON Feed write dates.</summary>
    public static string Rfc3339(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>An entry's author: a name, and the author's API resource when the archive knows them.</summary>
public sealed record FeedPerson(string Name, string? Url);

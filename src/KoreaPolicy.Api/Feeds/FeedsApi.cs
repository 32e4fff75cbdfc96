using System.ComponentModel;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Api.Rendering.Feeds;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Feeds;

/// <summary>
/// Syndication feeds of the newest articles, with their full text, in Atom, RSS and JSON Feed: of
/// the whole archive, of an author, a theme, a journal and an issue. The extension names the format.
/// </summary>
public static class FeedsApi
{
    public static RouteGroupBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        // Left out of the OpenAPI document: its checks (and Swagger UI) expect a JSON response per
        // path, and a feed is XML or application/feed+json chosen by the extension. The README's
        // "Feeds" section documents the routes instead; each article's Link header points to its feeds.
        var group = routes.MapGroup(ApiLinks.Feeds).WithTags("Feeds").ExcludeFromDescription();

        group.MapGet("/articles.{extension}", GetArticlesFeed)
            .WithName(nameof(GetArticlesFeed))
            .WithSummary("Feed of all articles")
            .WithDescription("The newest articles of the archive with their full text, as Atom (.atom), RSS (.rss) or JSON Feed (.json).");

        group.MapGet("/corrections.{extension}", GetCorrectionsFeed)
            .WithName(nameof(GetCorrectionsFeed))
            .WithSummary("Feed of corrections")
            .WithDescription("Every correction across the archive, newest first: the editor's note and the article, as Atom, RSS or JSON Feed.");

        group.MapGet("/authors/{slug}.{extension}", GetAuthorFeed)
            .WithName(nameof(GetAuthorFeed))
            .WithSummary("Feed of an author's articles")
            .WithDescription("The author's newest articles with their full text, as Atom, RSS or JSON Feed.");

        group.MapGet("/themes/{slug}.{extension}", GetThemeFeed)
            .WithName(nameof(GetThemeFeed))
            .WithSummary("Feed of a theme's articles")
            .WithDescription("The theme's newest articles with their full text, as Atom, RSS or JSON Feed.");

        group.MapGet("/journals/{slug}.{extension}", GetJournalFeed)
            .WithName(nameof(GetJournalFeed))
            .WithSummary("Feed of a journal's articles")
            .WithDescription("The journal's newest articles with their full text, as Atom, RSS or JSON Feed.");

        group.MapGet("/journals/{slug}/issues/{issue}.{extension}", GetIssueFeed)
            .WithName(nameof(GetIssueFeed))
            .WithSummary("Feed of an issue's articles")
            .WithDescription("The issue's articles with their full text, as Atom, RSS or JSON Feed.");

        return group;
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetArticlesFeed(
        [Description("atom, rss or json.")] string extension,
        ArchiveReader archive,
        HttpRequest request) =>
        Serve(extension, () => FeedSubject.AllArticles(), archive, request);

    public static Results<FileContentHttpResult, ProblemHttpResult> GetCorrectionsFeed(
        [Description("atom, rss or json.")] string extension,
        ChangeLog changes,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (FeedFormat.FromExtension(extension) is not { } format)
        {
            return UnknownFormat(extension);
        }

        // Corrections of articles still in the archive; a withdrawn one's are gone with it.
        var corrections = changes.Corrections(ArticleFeed.Size)
            .Select(c => (Change: c, Article: archive.FindArticle(c.Slug)))
            .Where(c => c.Article is not null)
            .Select(c => (c.Change, c.Article!))
            .ToList();
        return Write(ArticleFeed.ForCorrections(format, corrections, PublicUrls.For(request)));
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> GetAuthorFeed(
        [Description("The author's slug, e.g. bruce-klingner.")] string slug,
        [Description("atom, rss or json.")] string extension,
        ArchiveReader archive,
        HttpRequest request) =>
        Serve(extension, () => archive.FindAuthor(slug) is { } author ? FeedSubject.Author(author) : null, archive, request,
            $"No author has the slug '{slug}' (see {ApiLinks.Authors}).");

    public static Results<FileContentHttpResult, ProblemHttpResult> GetThemeFeed(
        [Description("The theme's slug, e.g. security.")] string slug,
        [Description("atom, rss or json.")] string extension,
        ArchiveReader archive,
        HttpRequest request) =>
        Serve(extension, () => archive.FindTheme(slug) is { } theme ? FeedSubject.Theme(theme) : null, archive, request,
            $"No theme has the slug '{slug}' (see {ApiLinks.Themes}).");

    public static Results<FileContentHttpResult, ProblemHttpResult> GetJournalFeed(
        [Description("The journal's slug, e.g. korea-policy.")] string slug,
        [Description("atom, rss or json.")] string extension,
        ArchiveReader archive,
        HttpRequest request) =>
        Serve(extension, () => archive.FindJournal(slug) is { } journal ? FeedSubject.Journal(journal.Journal) : null, archive, request,
            $"No journal has the slug '{slug}' (see {ApiLinks.Journals}).");

    public static Results<FileContentHttpResult, ProblemHttpResult> GetIssueFeed(
        [Description("The journal's slug, e.g. korea-policy.")] string slug,
        [Description("The issue's slug within the journal, e.g. vol-3-issue-2.")] string issue,
        [Description("atom, rss or json.")] string extension,
        ArchiveReader archive,
        HttpRequest request) =>
        Serve(extension, () => archive.FindIssue(slug, issue) is { } found ? FeedSubject.Issue(found) : null, archive, request,
            $"Journal '{slug}' has no issue '{issue}' (see {ApiLinks.Journal(slug)}).");

    /// <summary>
    /// The feed of a subject in the format its extension names. An unknown extension or subject is
    /// a 404: the URL names no feed. The bytes carry Last-Modified (and, like every response, an
    /// ETag from StoredResponses), so a reader that polls gets a bodiless 304 while nothing changed.
    /// </summary>
    private static Results<FileContentHttpResult, ProblemHttpResult> Serve(
        string extension, Func<FeedSubject?> findSubject, ArchiveReader archive, HttpRequest request, string notFound = "")
    {
        if (FeedFormat.FromExtension(extension) is not { } format)
        {
            return UnknownFormat(extension);
        }

        if (findSubject() is not { } subject)
        {
            return Problems.NotFound(notFound);
        }

        return Write(ArticleFeed.For(subject, format, Articles(archive, subject.Filter), PublicUrls.For(request)));
    }

    private static ProblemHttpResult UnknownFormat(string extension) =>
        Problems.NotFound($"There is no '.{extension}' feed; feeds come as {string.Join(", ", FeedFormat.All.Select(f => $".{f.Extension} ({f.Name})"))}.");

    private static FileContentHttpResult Write(ArticleFeed feed)
    {
        var bytes = feed.Format == FeedFormat.Json ? JsonFeed.Write(feed)
            : feed.Format == FeedFormat.Atom ? SyndicationWriter.Atom(feed)
            : SyndicationWriter.Rss(feed);
        return TypedResults.Bytes(bytes, feed.Format.ContentType, lastModified: feed.Updated);
    }

    // One query for the newest summaries, then one FindArticle per entry for its text: up to
    // 50 small indexed reads on a local SQLite file, traded for not writing a second article query.
    // Lazy: each article is read as the feed takes it, and let go once its entry is written.
    private static IEnumerable<ArticleDetail> Articles(ArchiveReader archive, ArticleFilter filter) =>
        archive.ListArticles(filter, ArticleSort.NewestFirst, new PageRequest(1, ArticleFeed.Size)).Items
            .Select(s => archive.FindArticle(s.Slug))
            .OfType<ArticleDetail>();
}

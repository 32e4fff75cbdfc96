using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering.Feeds;

/// <summary>
/// Feed autodiscovery for API clients: an RFC 8288 <c>Link</c> header with <c>rel="alternate"</c>
/// to the feeds an article belongs to (its authors' and the whole archive's), in every format,
/// the way an HTML page's <c>&lt;link rel="alternate"&gt;</c> does for browsers. The article's
/// handler sends it, as it has the article in hand.
/// </summary>
public static class FeedLinks
{
    /// <summary>
    /// The Link header value: each author's feeds, then the archive's, each in every format. Titles
    /// go as RFC 8187 <c>title*</c>: header values are ASCII, names and the dash are not.
    /// </summary>
    public static string Header(IReadOnlyList<NamedRef> authors)
    {
        var feeds = authors
            .Select(a => (Path: (Func<string, string>)(e => ApiLinks.AuthorFeed(a.Slug, e)), Title: $"{FeedSubject.SiteName} — {a.Name}"))
            .Append((Path: ApiLinks.ArticlesFeed, Title: $"{FeedSubject.SiteName} — articles"));
        return string.Join(", ", feeds.SelectMany(feed => FeedFormat.All.Select(format =>
            $"<{feed.Path(format.Extension)}>; rel=\"alternate\"; type=\"{format.MediaType}\"; title*=UTF-8''{Uri.EscapeDataString(feed.Title)}")));
    }
}

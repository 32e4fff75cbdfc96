using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Hosting;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Feeds;

/// <summary>
/// Feed autodiscovery for API clients: an RFC 8288 <c>Link</c> header with <c>rel="alternate"</c>
/// to the feeds an article belongs to (its authors' and the whole archive's), in every format,
/// the way an HTML page's <c>&lt;link rel="alternate"&gt;</c> does for browsers.
/// </summary>
public static class FeedLinks
{
    /// <summary>On a successful article response, links its authors' feeds and the all-articles feeds.</summary>
    public static TBuilder WithFeedLinks<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var inner = Paging.Unwrap(result);
            if (inner is ProblemHttpResult || inner is IStatusCodeHttpResult { StatusCode: < 200 or >= 300 })
            {
                return result;
            }

            // The handler's own response when it is the JSON article; any other representation
            // (HTML, Markdown, ...) is looked up by the route's slug.
            var authors = inner is IValueHttpResult { Value: ArticleSummaryResponse article }
                ? article.Authors.Select(a => new NamedRef(a.Slug, a.Name)).ToList()
                : context.HttpContext.GetRouteValue("slug") is string slug
                    ? context.HttpContext.RequestServices.GetRequiredService<ArchiveReader>().FindArticle(slug)?.Summary.Authors.ToList()
                    : null;
            if (authors is not null)
            {
                context.HttpContext.Response.Headers.Append("Link", Header(authors));
            }

            return result;
        });

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

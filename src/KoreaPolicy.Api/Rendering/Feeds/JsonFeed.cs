using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace KoreaPolicy.Api.Rendering.Feeds;

/// <summary>
/// Writes an <see cref="ArticleFeed"/> as JSON Feed 1.1 (jsonfeed.org/version/1.1). No library
/// here writes it, and it is a handful of records; snake_case names and nulls left out, as the spec writes them.
/// </summary>
public static class JsonFeed
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // HTML-significant characters stay escaped (\u003C), other characters (’ é) are written as they are.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static byte[] Write(ArticleFeed feed) => JsonSerializer.SerializeToUtf8Bytes(Document(feed), Options);

    public static JsonFeedDocument Document(ArticleFeed feed) => new(
        Version,
        feed.Title,
        feed.Alternate,
        feed.Self,
        feed.Description,
        ArticleFeed.Language,
        feed.Entries.Select(e => new JsonFeedItem(
            e.Id,
            e.Url,
            e.Title,
            e.ContentHtml,
            e.Summary,
            e.Published is { } published ? FeedEntry.Rfc3339(published) : null,
            FeedEntry.Rfc3339(e.Updated),
            e.Authors.Select(a => new JsonFeedAuthor(a.Name, a.Url)).ToList(),
            e.Themes.Select(t => t.Name).ToList())).ToList());
}

/// <summary>A JSON Feed 1.1 document.</summary>
/// <param name="HomePageUrl">The same articles as an API list: the archive has no HTML list to point to.</param>
public sealed record JsonFeedDocument(
    string Version,
    string Title,
    string HomePageUrl,
    string FeedUrl,
    string Description,
    string Language,
    IReadOnlyList<JsonFeedItem> Items);

/// <summary>A JSON Feed item; <c>tags</c> are the article's theme names.</summary>
public sealed record JsonFeedItem(
    string Id,
    string Url,
    string Title,
    string ContentHtml,
    string Summary,
    string? DatePublished,
    string DateModified,
    IReadOnlyList<JsonFeedAuthor> Authors,
    IReadOnlyList<string> Tags);

public sealed record JsonFeedAuthor(string Name, string? Url);

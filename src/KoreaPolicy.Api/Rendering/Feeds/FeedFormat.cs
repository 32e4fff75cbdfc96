namespace KoreaPolicy.Api.Rendering.Feeds;

/// <summary>A feed format, named in the URL by its extension (<c>/feeds/articles.atom</c>).</summary>
/// <param name="Extension">The path's extension: atom, rss or json.</param>
/// <param name="MediaType">Its registered media type.</param>
/// <param name="Name">What people call it, for link titles.</param>
public sealed record FeedFormat(string Extension, string MediaType, string Name)
{
    /// <summary>Atom 1.0, RFC 4287.</summary>
    public static readonly FeedFormat Atom = new("atom", "application/atom+xml", "Atom");

    /// <summary>RSS 2.0, with the content module for the full text.</summary>
    public static readonly FeedFormat Rss = new("rss", "application/rss+xml", "RSS");

    /// <summary>JSON Feed 1.1.</summary>
    public static readonly FeedFormat Json = new("json", "application/feed+json", "JSON Feed");

    public static readonly IReadOnlyList<FeedFormat> All = [Atom, Rss, Json];

    /// <summary>The <c>Content-Type</c>: every feed is written as UTF-8 and says so.</summary>
    public string ContentType => $"{MediaType}; charset=utf-8";

    /// <summary>The format for an extension, or null: extensions are lower case, as every link gives them.</summary>
    public static FeedFormat? FromExtension(string extension) =>
        All.FirstOrDefault(f => string.Equals(f.Extension, extension, StringComparison.Ordinal));
}

using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace KoreaPolicy.Api.Tests;

/// <summary>Fetches feeds and reads them back the way a feed reader would: XML parsed, JSON parsed.</summary>
public static partial class FeedReading
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    public static async Task<byte[]> GetFeedBytesAsync(this HttpClient client, string path, string mediaType)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>An Atom or RSS feed through System.ServiceModel.Syndication's reader, which checks the spec's shape.</summary>
    public static SyndicationFeed LoadSyndication(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        return SyndicationFeed.Load(reader);
    }

    public static XDocument LoadXml(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    public static JsonElement LoadJson(byte[] bytes) => JsonDocument.Parse(bytes).RootElement;

    /// <summary>The entry ids of a feed, in order, whatever its format (by the path's extension).</summary>
    public static async Task<List<string>> EntryIdsAsync(this HttpClient client, string path)
    {
        var extension = Path.GetExtension(path);
        var bytes = await client.GetFeedBytesAsync(path, MediaType(extension));
        return extension == ".json"
            ? LoadJson(bytes).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList()
            : LoadSyndication(bytes).Items.Select(i => i.Id).ToList();
    }

    public static string MediaType(string extension) => extension switch
    {
        ".atom" => "application/atom+xml",
        ".rss" => "application/rss+xml",
        ".json" => "application/feed+json",
        _ => throw new ArgumentOutOfRangeException(nameof(extension), extension, "not a feed extension"),
    };

    /// <summary>The paragraph anchors (p-N) in an HTML fragment, in order.</summary>
    public static List<string> ParagraphAnchors(string html) =>
        ParagraphId().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("\\bid=\"(p-\\d+)\"")]
    private static partial Regex ParagraphId();
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace KoreaPolicy.Api.Tests;

/// <summary>Fetches representations and reads them back: HTML through AngleSharp, JSON through System.Text.Json, text as lines or blocks.</summary>
public static class RepresentationReader
{
    private static readonly HtmlParser Parser = new();

    public static async Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }

    /// <summary>A 200 of the given media type, with <c>Vary: Accept</c> when <paramref name="varies"/>; its body.</summary>
    public static async Task<string> ShouldBeAsync(this HttpResponseMessage response, string mediaType, bool varies = true)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be(mediaType);
        if (mediaType.StartsWith("text/", StringComparison.Ordinal))
        {
            response.Content.Headers.ContentType?.CharSet.Should().Be("utf-8");
        }

        if (varies)
        {
            response.Headers.Vary.Should().Contain("Accept");
        }

        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient client, string path, string? accept = null) =>
        Html(await (await client.GetAsync(path, accept)).ShouldBeAsync("text/html", varies: path.StartsWith("/api/", StringComparison.Ordinal)));

    public static async Task<string> GetTextAsync(this HttpClient client, string path, string mediaType, string? accept = null) =>
        await (await client.GetAsync(path, accept)).ShouldBeAsync(mediaType);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static IHtmlDocument Html(string html) => Parser.ParseDocument(html);

    /// <summary>Blocks separated by blank lines, as Markdown and the plain text lay them out.</summary>
    public static IReadOnlyList<string> Blocks(string text)
    {
        text.Should().NotContain("\r").And.EndWith("\n");
        return text.TrimEnd('\n').Split("\n\n");
    }

    public static IReadOnlyList<string> Texts(JsonElement paragraphs) =>
        paragraphs.EnumerateArray().Select(p => p.GetProperty("text").GetString()!).ToList();

    public static MediaTypeWithQualityHeaderValue Accept(string value) => MediaTypeWithQualityHeaderValue.Parse(value);
}

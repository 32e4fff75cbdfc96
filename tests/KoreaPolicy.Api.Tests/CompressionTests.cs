using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace KoreaPolicy.Api.Tests;

public sealed class CompressionTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    [Theory]
    [InlineData($"/api/articles/{Slug}")]
    [InlineData("/api/search?q=alliance")]
    [InlineData("/feeds/articles.atom")]
    [InlineData($"/articles/{Slug}")]
    [InlineData($"/api/articles/{Slug}?format=markdown")]
    public async Task BrotliGzipAndIdentityCarryTheSameBytes(string path)
    {
        var identity = await GetAsync(path, null);
        var brotli = await GetAsync(path, "br");
        var gzip = await GetAsync(path, "gzip");

        identity.Content.Headers.ContentEncoding.Should().BeEmpty();
        brotli.Content.Headers.ContentEncoding.Should().Equal("br");
        gzip.Content.Headers.ContentEncoding.Should().Equal("gzip");
        var plain = await identity.Content.ReadAsByteArrayAsync();
        Decode(await brotli.Content.ReadAsByteArrayAsync(), s => new BrotliStream(s, CompressionMode.Decompress)).Should().Equal(plain);
        Decode(await gzip.Content.ReadAsByteArrayAsync(), s => new GZipStream(s, CompressionMode.Decompress)).Should().Equal(plain);
        (await brotli.Content.ReadAsByteArrayAsync()).Length.Should().BeLessThan(plain.Length);
    }

    [Fact]
    public async Task EachEncodingHasItsOwnStrongETagAndSaysItVariesByAcceptEncoding()
    {
        var path = $"/api/articles/{Slug}";

        var identity = await GetAsync(path, null);
        var brotli = await GetAsync(path, "br");
        var gzip = await GetAsync(path, "gzip");

        new[] { identity.Headers.ETag, brotli.Headers.ETag, gzip.Headers.ETag }.Should().OnlyHaveUniqueItems();
        brotli.Headers.Vary.Should().Contain("Accept-Encoding");
        brotli.Headers.Vary.Should().Contain("Accept");
    }

    [Fact]
    public async Task AnEncodingTheClientDoesNotKnowIsNotUsed()
    {
        var response = await GetAsync($"/api/articles/{Slug}", "compress");

        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        var response = await app.CreateClient().SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response;
    }

    private static byte[] Decode(byte[] bytes, Func<Stream, Stream> decoder)
    {
        using var input = decoder(new MemoryStream(bytes));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}

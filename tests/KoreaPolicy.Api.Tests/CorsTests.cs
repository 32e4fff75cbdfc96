using System.Net;

namespace KoreaPolicy.Api.Tests;

/// <summary>Other sites read the archive from browsers: reading is open to any origin, nothing else is.</summary>
public sealed class CorsTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Origin = "https://newsroom.example";

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task AGetFromAnyOriginIsAllowedAndSeesThePagingHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        request.Headers.Add("Origin", Origin);

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().Split(',', StringSplitOptions.TrimEntries)
            .Should().Contain(["Link", "X-Total-Count", "ETag"]);
    }

    [Fact]
    public async Task AReadSaysItIsOpenToEveryOriginWithOrWithoutAnOriginSoItNeedNotVaryByOrigin()
    {
        const string path = "/api/themes?pageSize=3";
        var plain = await client.GetAsync(path);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Origin);

        var crossOrigin = await client.SendAsync(request);

        // A copy stored for a server-side fetch (here, or in a partner's CDN) then serves browsers too.
        plain.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        crossOrigin.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        crossOrigin.Headers.ETag.Should().Be(plain.Headers.ETag);
        crossOrigin.Headers.Vary.Should().NotContain("Origin");
        (await crossOrigin.Content.ReadAsByteArrayAsync()).Should().Equal(await plain.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnErrorIsReadableFromAnotherOriginToo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles/no-such-article");
        request.Headers.Add("Origin", Origin);

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task APreflightForReadingIsAllowed(string method)
    {
        var response = await PreflightAsync(method);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(',', StringSplitOptions.TrimEntries)
            .Should().Contain(method);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task APreflightForWritingIsNotAllowed(string method)
    {
        var response = await PreflightAsync(method);

        // The browser compares the method it asked for with the methods allowed, and stops there.
        var allowed = response.Headers.TryGetValues("Access-Control-Allow-Methods", out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries))
            : [];
        allowed.Should().NotContain(method);
    }

    private Task<HttpResponseMessage> PreflightAsync(string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, $"/api/articles/{KoreaPolicyApplication.ArticleSlug}");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        return client.SendAsync(request);
    }
}

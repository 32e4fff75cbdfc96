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
    public async Task AResponseCachedForAPlainRequestStillAllowsABrowserFromAnotherOrigin()
    {
        const string path = "/api/themes?pageSize=3";
        (await client.GetAsync(path)).Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Origin);

        var response = await client.SendAsync(request);

        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
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

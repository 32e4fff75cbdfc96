using System.Net;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// HEAD over real HTTP: it is Kestrel that leaves out the body (the in-memory test server does
/// not), so these tests talk to the application on a loopback port.
/// </summary>
public sealed class HeadRequestsTests(LoopbackApplication loopback) : IClassFixture<LoopbackApplication>
{
    private readonly KoreaPolicyApplication app = loopback.Application;

    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    [Theory]
    [InlineData($"/api/articles/{Slug}")]
    [InlineData($"/api/articles/{Slug}/sections/2")]
    [InlineData($"/api/articles/{Slug}/paragraphs/7")]
    [InlineData("/api/articles?page=1")]
    [InlineData("/api/authors")]
    [InlineData("/api/themes/security/articles")]
    [InlineData("/api/journals/korea-policy")]
    [InlineData("/api/search?q=Scylla")]
    [InlineData($"/api/articles/{Slug}/citation?style=bibtex")]
    [InlineData("/feeds/articles.atom")]
    [InlineData($"/articles/{Slug}")]
    [InlineData("/health")]
    public async Task HeadAnswersLikeGetWithoutABody(string path)
    {
        var client = app.CreateClient();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var get = await client.GetAsync(path);

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        head.Content.Headers.ContentType.Should().Be(get.Content.Headers.ContentType);
        (await get.Content.ReadAsByteArrayAsync()).Should().NotBeEmpty("a GET after a HEAD still gets the whole body");
    }

    [Fact]
    public async Task HeadOfAnUnknownArticleIsA404()
    {
        var head = await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/articles/no-such-article"));

        head.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

/// <summary>The application served by Kestrel on 127.0.0.1, on a port the OS picks.</summary>
public sealed class LoopbackApplication : IDisposable
{
    public LoopbackApplication()
    {
        Application.UseKestrel(0);
        Application.StartServer();
    }

    public KoreaPolicyApplication Application { get; } = new();

    public void Dispose() => Application.Dispose();
}

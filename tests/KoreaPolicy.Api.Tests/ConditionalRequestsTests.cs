using System.Net;
using System.Net.Http.Headers;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Api.Tests;

/// <summary>ETags from the bytes sent, 304 for a matching If-None-Match, and Cache-Control, on every kind of resource.</summary>
public sealed class ConditionalRequestsTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    public static TheoryData<string> Resources =>
    [
        $"/api/articles/{Slug}",
        $"/api/articles/{Slug}/sections/2",
        $"/api/articles/{Slug}/paragraphs/7",
        $"/api/articles/{Slug}?format=markdown",
        "/api/articles",
        "/api/authors/bruce-klingner/articles",
        "/api/themes",
        "/api/journals/korea-policy/issues/vol-3-issue-2",
        "/api/search?q=Scylla",
        $"/api/articles/{Slug}/citation?style=bibtex",
        "/feeds/articles.atom",
        $"/articles/{Slug}",
        $"/embed/articles/{Slug}/paragraphs/7",
    ];

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task EveryResourceHasAStrongETagAndAMatchingIfNoneMatchGetsA304(string path)
    {
        var client = app.CreateClient();
        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag;

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        etag.Should().NotBeNull();
        etag!.IsWeak.Should().BeFalse();
        first.Headers.CacheControl!.Public.Should().BeTrue();
        first.Headers.CacheControl.MaxAge.Should().Be(TimeSpan.FromSeconds(60));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(conditional);

        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        second.Headers.ETag.Should().Be(etag);
    }

    [Fact]
    public async Task AStaleETagGetsTheWholeResponse()
    {
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{Slug}");
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-current-one\""));

        var response = await app.CreateClient().SendAsync(conditional);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().NotBeEmpty();
    }

    [Fact]
    public async Task DifferentRepresentationsHaveDifferentETags()
    {
        var client = app.CreateClient();

        var json = await client.GetAsync($"/api/articles/{Slug}");
        var html = await client.GetAsync($"/api/articles/{Slug}?format=html");

        html.Headers.ETag.Should().NotBe(json.Headers.ETag);
    }

    [Fact]
    public async Task HealthIsNeverStored()
    {
        var response = await app.CreateClient().GetAsync("/health");

        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }
}

/// <summary>Re-ingestion changes the ETags of what shows the article, and of nothing else.</summary>
public sealed class ETagInvalidationTests
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    [Fact]
    public async Task AChangedArticleChangesTheETagsOfWhatShowsItAndNotOfTheRest()
    {
        using var article = new ArticleOnDisk();
        using var app = new KoreaPolicyApplication { ArticlesFolder = article.Folder };
        var client = app.CreateClient();
        string[] showing = [$"/api/articles/{Slug}", $"/api/articles/{Slug}/paragraphs/3", "/api/articles", "/feeds/articles.atom", "/api/search?q=Charybdis"];
        // (Any search result would change too: bm25 scores depend on the whole index's statistics.)
        string[] notShowing = [$"/api/articles/{Slug}/paragraphs/7", $"/api/articles/{Slug}/sections/4", "/api/authors", "/api/themes"];
        var before = await ETags(client, showing.Concat(notShowing));

        // Unchanged text: nothing changes.
        Ingest(app, article.Path).Should().Be(SaveOutcome.Unchanged);
        await Task.Delay(Storage.ArchiveVersion.MaxAge * 2);
        (await ETags(client, showing.Concat(notShowing))).Should().Equal(before);

        // Paragraph 3 changes: what shows it changes, the rest does not.
        article.Rewrite("Scylla and Charybdis", "Scylla and Charybdis, twice");
        Ingest(app, article.Path).Should().Be(SaveOutcome.Updated);
        await Task.Delay(Storage.ArchiveVersion.MaxAge * 2);
        var after = await ETags(client, showing.Concat(notShowing));

        for (var i = 0; i < showing.Length; i++)
        {
            after[i].Should().NotBe(before[i], showing[i]);
        }

        for (var i = showing.Length; i < before.Count; i++)
        {
            after[i].Should().Be(before[i], notShowing[i - showing.Length]);
        }
    }

    private static SaveOutcome? Ingest(KoreaPolicyApplication app, string path) =>
        new IngestRun(new ArticleWriter(new ArchiveDatabase(app.DatabasePath), TimeProvider.System)).Ingest([path]).Single().Outcome;

    private static async Task<List<string>> ETags(HttpClient client, IEnumerable<string> paths)
    {
        var tags = new List<string>();
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            tags.Add(response.Headers.ETag!.Tag);
        }

        return tags;
    }
}

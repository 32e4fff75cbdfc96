using System.Net;
using Dapper;
using System.Net.Http.Json;
using System.Text.Json;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Api.Tests;

/// <summary>Responses come from memory until the archive changes, and never stay stale after it does.</summary>
public sealed class CachedResponsesTests
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    [Fact]
    public async Task ARepeatedRequestGetsTheSameBytes()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();

        var first = await client.GetByteArrayAsync($"/api/articles/{Slug}");
        var second = await client.GetByteArrayAsync($"/api/articles/{Slug}");

        second.Should().Equal(first);
    }

    [Fact]
    public async Task AResponseIsBuiltOncePerContentVersionAndServedFromMemoryUntilTheVersionChanges()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();
        (await ParagraphThree(client)).Should().Contain("Scylla");

        // Behind the server's back and without raising the version, as no ingestion ever would:
        // the server keeps answering from memory, which shows it does not go to the database.
        using (var connection = new ArchiveDatabase(app.DatabasePath).Open())
        {
            connection.Execute("UPDATE paragraphs SET text = 'Changed without a new version.' WHERE number = 3");
        }

        (await ParagraphThree(client)).Should().Contain("Scylla");
        using var head = new HttpRequestMessage(HttpMethod.Head, $"/api/articles/{Slug}/paragraphs/3");
        (await client.SendAsync(head)).StatusCode.Should().Be(HttpStatusCode.OK);

        using (var connection = new ArchiveDatabase(app.DatabasePath).Open())
        {
            connection.Execute("UPDATE archive_state SET version = version + 1");
        }

        // Once the version check's interval has passed since the raise, the next request sees it
        // (AChangeCommittedByAnotherWriter... says why this is not a race with a slow machine).
        await Task.Delay(ArchiveVersion.MaxAge + TimeSpan.FromMilliseconds(50));

        (await ParagraphThree(client)).Should().Be("Changed without a new version.");
    }

    [Fact]
    public async Task AHeadAndAConditionalRequestAreAnsweredFromTheStoredResponse()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();
        var path = $"/api/articles/{Slug}/sections/2";
        var get = await client.GetAsync(path);
        var body = await get.Content.ReadAsByteArrayAsync();

        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        var headResponse = await client.SendAsync(head);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(get.Headers.ETag!);
        var notModified = await client.SendAsync(conditional);

        headResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        headResponse.Headers.ETag.Should().Be(get.Headers.ETag);
        headResponse.Content.Headers.ContentLength.Should().Be(body.Length);
        (await headResponse.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        notModified.Headers.ETag.Should().Be(get.Headers.ETag);
        notModified.Headers.CacheControl.Should().Be(get.Headers.CacheControl);
        notModified.Headers.Vary.Should().Equal(get.Headers.Vary);
        (await notModified.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task TheHealthCheckIsNeverStored()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

        using (var connection = new ArchiveDatabase(app.DatabasePath).Open())
        {
            connection.Execute("PRAGMA user_version = 1");
        }

        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task AChangeCommittedByAnotherWriterIsServedByTheFirstRequestAfterTheVersionCheckInterval()
    {
        // The promise to partners is a change seen within one second; the interval is what keeps it.
        ArchiveVersion.MaxAge.Should().BeLessThan(TimeSpan.FromSeconds(1));
        using var article = new ArticleOnDisk();
        using var app = new KoreaPolicyApplication { ArticlesFolder = article.Folder };
        var client = app.CreateClient();
        (await ParagraphThree(client)).Should().Contain("Scylla and Charybdis");
        var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=Scylla");
        search.GetProperty("total").GetInt32().Should().Be(1);

        // Another writer on the same file, as the ingest command in another process would be.
        article.Rewrite("Scylla and Charybdis", "a rock and a hard place");
        var writer = new IngestRun(new ArticleWriter(new ArchiveDatabase(app.DatabasePath), TimeProvider.System));
        writer.Ingest([article.Path]).Single().Outcome.Should().Be(SaveOutcome.Updated);

        // Whatever version the server last read, it read it before the commit, so once the
        // interval has passed since the commit the very next request reads the new one: no
        // wall-clock race with a slow machine, and no stored answer of the old version served.
        await Task.Delay(ArchiveVersion.MaxAge + TimeSpan.FromMilliseconds(50));

        (await ParagraphThree(client)).Should().Contain("a rock and a hard place");
        (await client.GetFromJsonAsync<JsonElement>("/api/search?q=Scylla")).GetProperty("total").GetInt32().Should().Be(0);
    }

    private static async Task<string> ParagraphThree(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{Slug}/paragraphs/3")).GetProperty("text").GetString()!;
}

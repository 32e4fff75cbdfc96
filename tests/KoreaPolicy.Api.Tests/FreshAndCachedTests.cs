using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KoreaPolicy.Api.Hosting;
using KoreaPolicy.Api.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KoreaPolicy.Api.Tests;

/// <summary>What the cache serves is what a fresh build gives; what another process writes is seen.</summary>
public sealed class FreshAndCachedTests
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    [Theory]
    [InlineData($"/api/articles/{Slug}")]
    [InlineData($"/api/articles/{Slug}/sections/2")]
    [InlineData("/api/articles?fields=slug,title")]
    [InlineData("/api/search?q=alliance")]
    [InlineData("/feeds/articles.rss")]
    [InlineData($"/api/articles/{Slug}/citation")]
    public async Task ACachedResponseIsByteIdenticalToAFreshlyBuiltOne(string path)
    {
        using var first = new KoreaPolicyApplication();
        var client = first.CreateClient();
        await client.GetByteArrayAsync(path);
        var cached = await client.GetByteArrayAsync(path);

        // A second server on the same database has nothing cached: it builds the response anew.
        using var second = new KoreaPolicyApplication { DatabasePath = first.DatabasePath };
        var fresh = await second.CreateClient().GetByteArrayAsync(path);

        cached.Should().Equal(fresh);
    }

    [Fact]
    public void ResponsesAreSerializedByTheGeneratedContextFirst()
    {
        using var app = new KoreaPolicyApplication();
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        options.TypeInfoResolverChain[0].Should().BeSameAs(ApiJsonContext.Default);
        foreach (var type in new[] { typeof(Articles.ArticleResponse), typeof(PagedResponse<Articles.ArticleSummaryResponse>), typeof(Search.SearchHitResponse) })
        {
            ApiJsonContext.Default.GetTypeInfo(type).Should().NotBeNull(type.Name);
        }
    }

    [Fact]
    public async Task AnArticleSaysWhenItLastChangedAndIfModifiedSinceGetsA304()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();
        var response = await client.GetAsync($"/api/articles/{Slug}/paragraphs/7");
        var lastModified = response.Content.Headers.LastModified;

        lastModified.Should().NotBeNull();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{Slug}/paragraphs/7");
        conditional.Headers.IfModifiedSince = lastModified;
        (await client.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);
        using var older = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{Slug}/paragraphs/7");
        older.Headers.IfModifiedSince = lastModified!.Value.AddDays(-1);
        (await client.SendAsync(older)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheIngestCommandInAnotherProcessChangesWhatARunningServerServes()
    {
        using var article = new ArticleOnDisk();
        using var app = new KoreaPolicyApplication { ArticlesFolder = article.Folder };
        var client = app.CreateClient();
        var before = await client.GetAsync($"/api/articles/{Slug}/paragraphs/3");
        var etag = before.Headers.ETag!.Tag;

        article.Rewrite("Scylla and Charybdis", "a rock and a hard place");
        var (exitCode, output) = await RunIngestCommandAsync(article.Path, app.DatabasePath);
        exitCode.Should().Be(0, output);
        output.Should().Contain("updated");
        var committed = Stopwatch.StartNew();

        HttpResponseMessage after;
        do
        {
            after = await client.GetAsync($"/api/articles/{Slug}/paragraphs/3");
        }
        while (after.Headers.ETag!.Tag == etag && committed.Elapsed < TimeSpan.FromSeconds(3));

        committed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
        after.Headers.ETag!.Tag.Should().NotBe(etag);
        (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString().Should().Contain("a rock and a hard place");
    }

    /// <summary>The ingest command of the real program, in its own process; its output and errors together.</summary>
    private static async Task<(int ExitCode, string Output)> RunIngestCommandAsync(string file, string database)
    {
        var (exitCode, output, errors) = await ProgramProcess.RunAsync("ingest", file, $"--Database:Path={database}");
        return (exitCode, output + errors);
    }
}

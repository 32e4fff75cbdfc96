using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KoreaPolicy.Storage;
using Microsoft.Extensions.DependencyInjection;
using static KoreaPolicy.Api.Tests.WriteSupport;

namespace KoreaPolicy.Api.Tests;

/// <summary>PUT, PATCH and DELETE of articles: what they answer, what they write, and that nothing is written on an error.</summary>
public sealed class WriteApiTests
{
    [Fact]
    public async Task PuttingANewArticleCreatesItWith201AndLocationAndAnETagThatAGetOfItStartsWith()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));

        using var response = await client.PublishAsync("a-new-article", Text(Variant("new")));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be("/api/articles/a-new-article");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("outcome").GetString().Should().Be("created");
        body.GetProperty("revision").GetInt32().Should().Be(1);
        var version = body.GetProperty("version").GetString()!;
        response.Headers.ETag!.Tag.Should().Be($"\"{version}\"");
        response.Headers.ETag.IsWeak.Should().BeFalse();
        response.Headers.CacheControl!.NoStore.Should().BeTrue();

        var read = await client.GetAsync("/api/articles/a-new-article");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.Should().StartWith($"\"{version}.");
        var article = await read.Content.ReadFromJsonAsync<JsonElement>();
        article.GetProperty("slug").GetString().Should().Be("a-new-article");
        Paragraphs(article)[2].Should().Contain("Scylla and Charybdis (new)");
    }

    [Fact]
    public async Task AnArticlePutOverHttpIsStoredExactlyAsTheIngestCommandStoresTheSameText()
    {
        var text = Variant("the same text");
        var folder = Directory.CreateTempSubdirectory("koreapolicy-same-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "the-same-text.txt"), text);
            using var fromFile = new KoreaPolicyApplication { ArticlesFolder = folder };
            using var overHttp = new KoreaPolicyApplication();
            var client = overHttp.ClientWithKey(overHttp.AddKey("write"));

            (await client.PublishAsync("the-same-text", Text(text))).StatusCode.Should().Be(HttpStatusCode.Created);

            // One code path: everything but when it was saved is what start-up ingestion made of the same file.
            var ingested = Without(await fromFile.CreateClient().GetFromJsonAsync<JsonElement>("/api/articles/the-same-text"), "updatedAt");
            var published = Without(await client.GetFromJsonAsync<JsonElement>("/api/articles/the-same-text"), "updatedAt");
            published.Should().Be(ingested);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheTextOfAnotherArticleIsA409LikeTheIngestCommandsDuplicateUnlessTheFactsSayKeepIt()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));

        var problem = await (await client.PublishAsync("a-copy", Text(ArticleText))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("original").GetString().Should().Be(Slug);
        using var kept = new MultipartFormDataContent
        {
            { Text(ArticleText), "text" },
            { new StringContent("""{ "keepDuplicate": true }""", Encoding.UTF8, "application/json"), "metadata" },
        };
        (await client.PublishAsync("a-copy", kept)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task PuttingTheSameTextAgainAnswers200UnchangedAndWritesNothing()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var before = app.ArchiveVersion();

        using var response = await client.PublishAsync(Slug, Text(ArticleText));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().Should().Be("unchanged");
        (await client.ETagAsync()).Should().StartWith(response.Headers.ETag!.Tag.TrimEnd('"') + ".");
        app.ArchiveVersion().Should().Be(before);
    }

    [Fact]
    public async Task ChangingAnArticleWithoutIfMatchIs428AndChangesNothing()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var etag = await client.ETagAsync();
        var before = app.ArchiveVersion();

        var problem = await (await client.PublishAsync(Slug, Text(Variant("blind")))).ShouldBeProblemAsync((HttpStatusCode)428);

        problem.GetProperty("detail").GetString().Should().Contain("If-Match");
        app.ArchiveVersion().Should().Be(before);
        (await client.ETagAsync()).Should().Be(etag);
    }

    [Fact]
    public async Task ChangingWithTheETagOfAGetLandsAndAnOlderETagIs412()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var first = await client.ETagAsync();

        using var changed = await client.PublishAsync(Slug, Text(Variant("one")), ifMatch: first);
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().Should().Be("updated");
        var before = app.ArchiveVersion();

        var problem = await (await client.PublishAsync(Slug, Text(Variant("two")), ifMatch: first)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        problem.GetProperty("currentVersion").GetString().Should().Be(changed.Headers.ETag!.Tag.Trim('"'));
        app.ArchiveVersion().Should().Be(before);
        Paragraphs(await client.GetFromJsonAsync<JsonElement>(ArticlePath))[2].Should().Contain("(one)").And.NotContain("(two)");
    }

    [Fact]
    public async Task TheETagOfAnyRepresentationOfTheCurrentRevisionPassesIfMatch()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        using var compressed = new HttpRequestMessage(HttpMethod.Get, $"{ArticlePath}?format=markdown");
        compressed.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var markdownBrotli = (await client.SendAsync(compressed)).Headers.ETag!.Tag;

        markdownBrotli.Should().NotBe(await client.ETagAsync(), "each representation has its own strong tag");
        (await client.PublishAsync(Slug, Text(Variant("via markdown")), ifMatch: markdownBrotli)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheETagAWriteAnswersWithIsAcceptedByTheNextWrite()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var tag = await client.ETagAsync();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PublishAsync(Slug, Text(Variant($"round {i}")), ifMatch: tag);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            tag = response.Headers.ETag!.Tag;
        }

        (await client.GetFromJsonAsync<JsonElement>(ArticlePath)).GetProperty("revision").GetInt32().Should().Be(4);
    }

    [Fact]
    public async Task IfNoneMatchStarCreatesOnlyAndIs412WhenTheArticleExists()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));

        (await client.PublishAsync("created-once", Text(Variant("a")), createOnly: true)).StatusCode.Should().Be(HttpStatusCode.Created);
        await (await client.PublishAsync("created-once", Text(Variant("b")), createOnly: true)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PublishAsync(Slug, Text(Variant("c")), createOnly: true)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Paragraphs(await client.GetFromJsonAsync<JsonElement>("/api/articles/created-once"))[2].Should().Contain("(a)");
    }

    [Fact]
    public async Task IfMatchOnAnArticleThatIsNotThereIs412()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));

        await (await client.PublishAsync("not-there", Text(ArticleText), ifMatch: "*")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PublishAsync("not-there", Text(ArticleText), ifMatch: "\"r1-000000000000\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await client.GetAsync("/api/articles/not-there")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AWeakOrMalformedIfMatchChangesNothing()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var etag = await client.ETagAsync();

        await (await client.PublishAsync(Slug, Text(Variant("weak")), ifMatch: $"W/{etag}")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PublishAsync(Slug, Text(Variant("bad")), ifMatch: "not quoted")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await client.ETagAsync()).Should().Be(etag);
    }

    [Fact]
    public async Task AMultipartPutSetsTheTextAndTheFactsTogether()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        using var body = new MultipartFormDataContent
        {
            { Text(Variant("multipart")), "text" },
            { new StringContent("""{ "title": "An Editor's Title", "doi": "10.1234/kp.1", "license": "CC BY 4.0" }""", Encoding.UTF8, "application/json"), "metadata" },
        };

        (await client.PublishAsync(Slug, body, ifMatch: await client.ETagAsync())).StatusCode.Should().Be(HttpStatusCode.OK);

        var article = await client.GetFromJsonAsync<JsonElement>(ArticlePath);
        article.GetProperty("title").GetString().Should().Be("An Editor's Title");
        article.GetProperty("titleSource").GetString().Should().Be("editor");
        article.GetProperty("doi").GetString().Should().Be("10.1234/kp.1");
        Paragraphs(article)[2].Should().Contain("(multipart)");
        var metadata = await client.GetFromJsonAsync<JsonElement>($"{ArticlePath}/metadata");
        metadata.EnumerateObject().Select(p => p.Name).Should().Equal("title", "doi", "license");
    }

    [Fact]
    public async Task APlainTextPutKeepsTheFactsTheArticleHas()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        using var patched = await client.PatchMetadataAsync(Slug, """{ "title": "Kept" }""", await client.ETagAsync());
        patched.StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.PublishAsync(Slug, Text(Variant("new text")), ifMatch: patched.Headers.ETag!.Tag)).StatusCode.Should().Be(HttpStatusCode.OK);

        var article = await client.GetFromJsonAsync<JsonElement>(ArticlePath);
        article.GetProperty("title").GetString().Should().Be("Kept");
        Paragraphs(article)[2].Should().Contain("(new text)");
    }

    [Fact]
    public async Task AMergePatchSetsAndRemovesFactsAndKeepsTheText()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var paragraphs = Paragraphs(await client.GetFromJsonAsync<JsonElement>(ArticlePath));

        using var first = await client.PatchMetadataAsync(Slug,
            """{ "title": "Corrected Title", "canonicalUrl": "https://keia.org/x", "correction": { "note": "The date of the summit was wrong.", "date": "2026-01-05" } }""",
            await client.ETagAsync());
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        using var second = await client.PatchMetadataAsync(Slug, """{ "canonicalUrl": null, "license": "CC BY 4.0" }""", first.Headers.ETag!.Tag);
        second.StatusCode.Should().Be(HttpStatusCode.OK);

        var metadata = await client.GetFromJsonAsync<JsonElement>($"{ArticlePath}/metadata");
        metadata.GetProperty("title").GetString().Should().Be("Corrected Title");
        metadata.TryGetProperty("canonicalUrl", out _).Should().BeFalse("null removes a fact (RFC 7396)");
        metadata.GetProperty("license").GetString().Should().Be("CC BY 4.0");
        var article = await client.GetFromJsonAsync<JsonElement>(ArticlePath);
        article.GetProperty("title").GetString().Should().Be("Corrected Title");
        article.GetProperty("canonicalUrl").ValueKind.Should().Be(JsonValueKind.Null);
        article.GetProperty("correction").GetProperty("note").GetString().Should().Be("The date of the summit was wrong.");
        article.GetProperty("correction").GetProperty("date").GetString().Should().Be("2026-01-05");
        article.GetProperty("revision").GetInt32().Should().Be(3);
        Paragraphs(article).Should().Equal(paragraphs);
    }

    [Fact]
    public async Task APatchThatRemovesEveryFactLeavesTheArticleAsItsTextAlone()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var original = await client.GetFromJsonAsync<JsonElement>(ArticlePath);
        using var set = await client.PatchMetadataAsync(Slug, """{ "title": "For a while" }""", await client.ETagAsync());

        using var cleared = await client.PatchMetadataAsync(Slug, "null", set.Headers.ETag!.Tag);

        cleared.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetStringAsync($"{ArticlePath}/metadata")).Should().Be("{}");
        (await client.GetFromJsonAsync<JsonElement>(ArticlePath)).GetProperty("title").GetString()
            .Should().Be(original.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task APatchThatIsNotAMergePatchIs415WithAcceptPatch(string mediaType)
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));

        using var response = await client.PatchMetadataAsync(Slug, """{ "title": "x" }""", await client.ETagAsync(), mediaType);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        response.Headers.GetValues("Accept-Patch").Should().Equal("application/merge-patch+json");
    }

    [Theory]
    [InlineData("""{ "titel": "typo" }""", "titel")]
    [InlineData("""{ "doi": "https://doi.org/10.1/x" }""", "doi")]
    [InlineData("""{ "canonicalUrl": "ftp://x" }""", "canonicalUrl")]
    [InlineData("""{ "correction": { "date": "2026-01-05" } }""", "correction")]
    [InlineData("""[1, 2]""", "JSON object")]
    public async Task FactsTheSidecarRulesRefuseAre422AndChangeNothing(string patch, string named)
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var before = app.ArchiveVersion();

        var problem = await (await client.PatchMetadataAsync(Slug, patch, await client.ETagAsync())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem.GetProperty("part").GetString().Should().Be("metadata");
        problem.GetProperty("reason").GetString().Should().Contain(named);
        app.ArchiveVersion().Should().Be(before);
    }

    [Fact]
    public async Task APatchThatIsNotJsonIs400()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));

        await (await client.PatchMetadataAsync(Slug, "{ title: ", await client.ETagAsync())).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ATextTheParserCannotReadIsA422WithTheIngestCommandsReasonAndLine()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var text = ArticleText.Replace("Scylla", "Scy\u0001lla", StringComparison.Ordinal);
        var before = app.ArchiveVersion();

        var problem = await (await client.PublishAsync("broken", new ByteArrayContent(Encoding.UTF8.GetBytes(text))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" } },
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        // The same text as a file, through the ingest command's code.
        var folder = Directory.CreateTempSubdirectory("koreapolicy-broken-").FullName;
        try
        {
            var path = Path.Combine(folder, "broken.txt");
            await File.WriteAllTextAsync(path, text);
            var ingest = new IngestRun(app.Services.GetRequiredService<ArticleWriter>()).Ingest([path]).Single();
            ingest.Error.Should().NotBeNull();
            var expectedLine = text[..text.IndexOf('\u0001')].Count(c => c == '\n') + 1;
            ingest.Error.Should().StartWith($"{path}:{expectedLine}: ");
            problem.GetProperty("line").GetInt32().Should().Be(expectedLine);
            problem.GetProperty("reason").GetString().Should().Be(ingest.Error![$"{path}:{expectedLine}: ".Length..]);
            problem.GetProperty("part").GetString().Should().Be("text");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        app.ArchiveVersion().Should().Be(before);
        (await client.GetAsync("/api/articles/broken")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    [InlineData("text/plain; charset=iso-8859-1")]
    public async Task ABodyOfAnotherTypeIs415AndWritesNothing(string contentType)
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ArticleText));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await (await client.PublishAsync("other-type", content)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

        (await client.GetAsync("/api/articles/other-type")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413AndWritesNothing()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var before = app.ArchiveVersion();
        var huge = ArticleText + new string('x', (2 * 1024 * 1024) + 1);

        await (await client.PublishAsync("too-big", Text(huge))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        using var multipart = new MultipartFormDataContent { { Text(huge), "text" } };
        await (await client.PublishAsync("too-big", multipart)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await client.PatchMetadataAsync(Slug, $$"""{ "license": "{{new string('x', 70_000)}}" }""", await client.ETagAsync())).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        app.ArchiveVersion().Should().Be(before);
    }

    [Theory]
    [InlineData("Not-Lower")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("spaces%20in")]
    public async Task ASlugThatIsNotOneTheArchiveMakesIs400(string slug)
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));

        var problem = await (await client.PublishAsync(slug, Text(ArticleText))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString().Should().Contain("slug");
    }

    [Fact]
    public async Task AMultipartBodyWithoutItsTextOrWithAStrangePartIs400()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));

        using var noText = new MultipartFormDataContent { { new StringContent("{}", Encoding.UTF8, "application/json"), "metadata" } };
        await (await client.PublishAsync("parts", noText)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var extra = new MultipartFormDataContent { { Text(ArticleText), "text" }, { Text("x"), "attachment" } };
        await (await client.PublishAsync("parts", extra)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var wrongType = new MultipartFormDataContent { { new StringContent("<p>", Encoding.UTF8, "text/html"), "text" } };
        await (await client.PublishAsync("parts", wrongType)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task WithdrawingAnArticleMakesItsUrlsAnswer410NamingWhenAndDropsItFromListsAndSearch()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        (await client.GetFromJsonAsync<JsonElement>("/api/search?q=alliance")).GetProperty("total").GetInt32().Should().BePositive();

        using var withdrawn = await client.WithdrawAsync(Slug, await client.ETagAsync());

        withdrawn.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("outcome").GetString().Should().Be("withdrawn");
        body.GetProperty("revision").GetInt32().Should().Be(2);
        var when = body.GetProperty("withdrawnAt").GetDateTimeOffset();
        foreach (var path in new[]
        {
            ArticlePath, $"{ArticlePath}/sections", $"{ArticlePath}/sections/2", $"{ArticlePath}/paragraphs", $"{ArticlePath}/paragraphs/7",
            $"{ArticlePath}/citation", $"{ArticlePath}/paragraphs/7/citation", $"{ArticlePath}/metadata", $"/articles/{Slug}",
        })
        {
            var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Gone);
            problem.GetProperty("withdrawnAt").GetDateTimeOffset().Should().BeCloseTo(when, TimeSpan.FromSeconds(1), path);
            problem.GetProperty("detail").GetString().Should().Contain("withdrawn on");
        }

        (await client.GetFromJsonAsync<JsonElement>("/api/articles")).GetProperty("total").GetInt32().Should().Be(0);
        (await client.GetFromJsonAsync<JsonElement>("/api/search?q=alliance")).GetProperty("total").GetInt32().Should().Be(0);
        (await client.GetAsync("/api/authors/bruce-klingner")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/feeds/articles.atom")).Should().NotContain(Slug);
    }

    [Fact]
    public async Task AWithdrawnArticleKeepsItsTextAndPublishingItAgainGoesOnFromItsRevision()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        (await client.WithdrawAsync(Slug, await client.ETagAsync())).EnsureSuccessStatusCode();

        var tombstone = app.Rows("SELECT revision, text FROM article_withdrawals").Single();
        tombstone["text"].Should().Be(ArticleText, "nothing of it is lost");
        await (await client.WithdrawAsync(Slug, "*")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.WithdrawAsync(Slug, null)).ShouldBeProblemAsync(HttpStatusCode.Gone);

        using var again = await client.PublishAsync(Slug, Text(ArticleText), createOnly: true);

        again.StatusCode.Should().Be(HttpStatusCode.Created);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32().Should().Be(3);
        (await client.GetAsync(ArticlePath)).StatusCode.Should().Be(HttpStatusCode.OK);
        app.Rows("SELECT * FROM article_withdrawals").Should().BeEmpty();
    }

    [Fact]
    public async Task WithdrawingNeedsIfMatchAndAnUnknownArticleIs404()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));

        await (await client.WithdrawAsync(Slug, null)).ShouldBeProblemAsync((HttpStatusCode)428);
        await (await client.WithdrawAsync("no-such-article", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await client.GetAsync(ArticlePath)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AWriteIsServedByTheNextReadAtOnceEvenWhereTheOldAnswerWasStored()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey("write"));
        var etag = await client.ETagAsync();
        await client.GetStringAsync($"{ArticlePath}/paragraphs/3");

        (await client.PublishAsync(Slug, Text(Variant("at once")), ifMatch: etag)).EnsureSuccessStatusCode();

        (await client.GetFromJsonAsync<JsonElement>($"{ArticlePath}/paragraphs/3")).GetProperty("text").GetString().Should().Contain("(at once)");
    }

    [Fact]
    public async Task ACorrectionOverHttpSurvivesARestartThatIngestsTheUnchangedFileAgain()
    {
        using var article = new ArticleOnDisk();
        // Beside the article, not in the application's folder, which goes with the application.
        var database = Path.Combine(article.Folder, "archive.db");
        using (var app = new KoreaPolicyApplication { ArticlesFolder = article.Folder, DatabasePath = database })
        {
            var client = app.ClientWithKey(app.AddKey("write"));
            (await client.PublishAsync(Slug, Text(Variant("corrected")), ifMatch: await client.ETagAsync())).EnsureSuccessStatusCode();
        }

        using var restarted = new KoreaPolicyApplication { ArticlesFolder = article.Folder, DatabasePath = database };
        Paragraphs(await restarted.CreateClient().GetFromJsonAsync<JsonElement>(ArticlePath))[2].Should().Contain("(corrected)");

        // A file that does change afterwards is the newer word, and goes in.
        article.Rewrite("Scylla and Charybdis", "Scylla and Charybdis (edited file)");
        using var again = new KoreaPolicyApplication { ArticlesFolder = article.Folder, DatabasePath = database };
        Paragraphs(await again.CreateClient().GetFromJsonAsync<JsonElement>(ArticlePath))[2].Should().Contain("(edited file)");
    }

    [Fact]
    public async Task AnArticleWithdrawnOverHttpStaysWithdrawnWhileItsFileIsUnchanged()
    {
        using var article = new ArticleOnDisk();
        // Beside the article, not in the application's folder, which goes with the application.
        var database = Path.Combine(article.Folder, "archive.db");
        using (var app = new KoreaPolicyApplication { ArticlesFolder = article.Folder, DatabasePath = database })
        {
            var client = app.ClientWithKey(app.AddKey("write"));
            (await client.WithdrawAsync(Slug, await client.ETagAsync())).EnsureSuccessStatusCode();
        }

        using var restarted = new KoreaPolicyApplication { ArticlesFolder = article.Folder, DatabasePath = database };
        (await restarted.CreateClient().GetAsync(ArticlePath)).StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task EveryWriteAttemptIsInTheAuditWithItsKeyRevisionAndOutcome()
    {
        using var app = new KoreaPolicyApplication();
        var key = app.AddKey("write", "editorial desk");
        var client = app.ClientWithKey(key);
        var etag = await client.ETagAsync();
        await client.PublishAsync(Slug, Text(Variant("audited")));                // 428
        await client.PublishAsync(Slug, Text(Variant("audited")), ifMatch: etag); // 200 updated
        await client.PublishAsync(Slug, Text(Variant("audited")), ifMatch: etag); // 412
        await client.PublishAsync("bad", Text("not an article"));                 // 422

        var admin = app.ClientWithKey(app.AddKey("admin"));
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit");

        var entries = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() != "ingest")
            .Select(e => (Slug: e.GetProperty("slug").GetString(), Outcome: e.GetProperty("outcome").GetString(), Status: e.GetProperty("status").GetInt32(),
                Key: e.GetProperty("key").GetProperty("name").GetString(), Revision: e.GetProperty("revision")))
            .ToList();
        entries.Select(e => (e.Slug, e.Outcome, e.Status)).Should().Equal(
            ("bad", "unprocessable", 422),
            (Slug, "precondition-failed", 412),
            (Slug, "updated", 200),
            (Slug, "precondition-required", 428));
        entries.Should().OnlyContain(e => e.Key == "editorial desk");
        entries[2].Revision.GetInt32().Should().Be(2);
        audit.GetProperty("items").EnumerateArray().Last().GetProperty("action").GetString().Should().Be("ingest", "start-up ingestion's change is in it too");
        key.Should().NotBeNullOrEmpty();
        (await admin.GetStringAsync("/api/audit")).Should().NotContain(key["kp_".Length..], "no secret is ever shown");
    }

    private static List<string> Paragraphs(JsonElement article) =>
        article.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("paragraphs").EnumerateArray())
            .Select(p => p.GetProperty("text").GetString()!)
            .ToList();

    private static string Without(JsonElement element, params string[] names)
    {
        var copy = System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText())!.AsObject();
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy.ToJsonString();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static KoreaPolicy.Api.Tests.WriteSupport;

namespace KoreaPolicy.Api.Tests;

/// <summary>The change feed, revisions, diffs, corrections and withdrawals as a partner reads them.</summary>
public sealed class ChangeFeedTests
{
    private const string NewSlug = "partner-sync-article";

    [Fact]
    public async Task ACursorResumesExactlyWhereItStoppedAfterARestartAndOneNeverGivenOutIs400()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-cursor-").FullName;
        var database = Path.Combine(folder, "archive.db");
        string cursor;
        List<string> rest;
        using (var first = new KoreaPolicyApplication { DatabasePath = database, Settings = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" } })
        {
            var writer = first.ClientWithKey(first.AddKey("write"));
            for (var i = 0; i < 5; i++)
            {
                (await writer.PublishAsync(NewSlug, Text(Variant($"v{i}")), i == 0 ? null : await writer.ETagAsync(NewSlug))).EnsureSuccessStatusCode();
            }

            var page = await writer.GetFromJsonAsync<JsonElement>("/api/changes?limit=3");
            page.GetProperty("hasMore").GetBoolean().Should().BeTrue();
            cursor = page.GetProperty("next").GetString()!;
            rest = (await writer.ChangesAsync(cursor)).Changes.Select(c => c.GetRawText()).ToList();
        }

        using var again = new KoreaPolicyApplication { DatabasePath = database };
        var client = again.CreateClient();
        var (resumed, next) = await client.ChangesAsync(cursor);

        resumed.Select(c => c.GetRawText()).Should().Equal(rest, "the same cursor gives the same changes after a restart");
        resumed.Select(c => c.GetProperty("revision").GetInt32()).Should().Equal(3, 4, 5);
        (await client.GetFromJsonAsync<JsonElement>($"/api/changes?after={next}")).GetProperty("items").GetArrayLength().Should().Be(0);
        (await client.GetFromJsonAsync<JsonElement>($"/api/changes?after={next}")).GetProperty("next").GetString().Should().Be(next);
        foreach (var garbled in new[] { "nonsense", "AQAAAAAAAAAH!", cursor + "A", "AgAAAAAAAAAB", "AQAAAAAAAAPo" })
        {
            var problem = await (await client.GetAsync($"/api/changes?after={Uri.EscapeDataString(garbled)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty("after", out _).Should().BeTrue(garbled);
        }

        await (await client.GetAsync("/api/changes?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RevisionsAreKeptWholeAndAParagraphOfAnOlderRevisionIsReadableWithTheDiffSayingWhereItWent()
    {
        using var app = new KoreaPolicyApplication();
        var writer = app.ClientWithKey(app.AddKey("write"));
        var original = await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/paragraphs/3");
        // Paragraph 2 goes: the old paragraph 3 is now number 2, reworded.
        var paragraphs = (await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/paragraphs")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("text").GetString()!).ToList();
        var edited = Variant("edited").Replace(paragraphs[1], "", StringComparison.Ordinal);
        (await writer.PublishAsync(Slug, Text(edited), await writer.ETagAsync())).EnsureSuccessStatusCode();

        var revisions = await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/revisions");
        revisions.GetProperty("current").GetInt32().Should().Be(2);
        revisions.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("revision").GetInt32(), r.GetProperty("kind").GetString(), r.GetProperty("kept").GetBoolean()))
            .Should().Equal((1, "created", true), (2, "updated", true));
        var old = await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/paragraphs/3?revision=1");
        old.GetProperty("text").GetString().Should().Be(original.GetProperty("text").GetString());
        var oldArticle = await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/revisions/1");
        oldArticle.GetProperty("current").GetBoolean().Should().BeFalse();
        oldArticle.GetProperty("article").GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("paragraphs").EnumerateArray()).Should().HaveCount(paragraphs.Count);
        (await writer.GetStringAsync($"{ArticlePath}/paragraphs/2?revision=1&format=text")).Should().Contain(paragraphs[1][..20]);

        var diff = await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/diff");
        (diff.GetProperty("from").GetInt32(), diff.GetProperty("to").GetInt32()).Should().Be((1, 2));
        var went = diff.GetProperty("oldParagraphs").EnumerateArray().ToList();
        went.Should().HaveCount(paragraphs.Count);
        (went[1].GetProperty("change").GetString(), went[1].GetProperty("newNumber").ValueKind).Should().Be(("removed", JsonValueKind.Null));
        (went[2].GetProperty("change").GetString(), went[2].GetProperty("newNumber").GetInt32()).Should().Be(("changed", 2));
        went[0].GetProperty("change").GetString().Should().Be("unchanged");
        went.Skip(3).Select(p => p.GetProperty("newNumber").GetInt32()).Should().Equal(Enumerable.Range(3, paragraphs.Count - 3), "every later paragraph moved up by one");
        var words = went[2].GetProperty("words").EnumerateArray().ToList();
        words.Should().Contain(w => w.GetProperty("change").GetString() == "inserted" && w.GetProperty("text").GetString()!.Contains("edited"));
        string.Concat(words.Where(w => w.GetProperty("change").GetString() != "deleted").Select(w => w.GetProperty("text").GetString()))
            .Should().Be(went[2].GetProperty("text").GetString(), "the runs put together give the new text");
        (await writer.GetAsync($"{ArticlePath}/revisions/9")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await (await writer.GetAsync($"{ArticlePath}/paragraphs/3?revision=zero")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ASectionOrParagraphAtAKeptRevisionReadsAsTheLiveOneAndEachMissSaysWhich()
    {
        using var app = new KoreaPolicyApplication();
        var writer = app.ClientWithKey(app.AddKey("write"));
        (await writer.PublishAsync(Slug, Text(Variant("edited")), await writer.ETagAsync())).EnsureSuccessStatusCode();
        var then = (await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/revisions/1")).GetProperty("article");
        var sections = then.GetProperty("sections").GetArrayLength();
        var paragraphs = then.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("paragraphs").GetArrayLength());
        var firstSlug = then.GetProperty("sections")[0].GetProperty("slug").GetString();

        // Revision 2 is the live one: read through the revision, a part is the part the live path reads.
        foreach (var part in new[] { "sections/1", $"sections/{firstSlug}", "paragraphs/3" })
        {
            var live = await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/{part}");
            var kept = await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/{part}?revision=2");
            kept.GetRawText().Should().Be(live.GetRawText(), part);
        }

        (await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}/sections/{firstSlug}?revision=1")).GetProperty("position").GetInt32().Should().Be(1);
        (await (await writer.GetAsync($"{ArticlePath}/sections/999?revision=1")).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString().Should().Be($"Article '{Slug}' had no section '999' at revision 1; it had {sections}.");
        (await (await writer.GetAsync($"{ArticlePath}/sections/0?revision=1")).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString().Should().Be($"Article '{Slug}' had no section '0' at revision 1; it had {sections}.");
        (await (await writer.GetAsync($"{ArticlePath}/paragraphs/9999?revision=1")).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString().Should().Be($"Article '{Slug}' had no paragraph 9999 at revision 1; it had {paragraphs}.");
        (await (await writer.GetAsync($"{ArticlePath}/paragraphs/0?revision=1")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("number", out _).Should().BeTrue();
        // The revision is looked up before the part: a revision never made is its 404 whatever the part.
        (await (await writer.GetAsync($"{ArticlePath}/paragraphs/0?revision=9")).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString().Should().StartWith($"Article '{Slug}' has no kept revision 9");
        (await (await writer.GetAsync($"{ArticlePath}/sections/1?revision=first")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("revision", out _).Should().BeTrue();
    }

    [Fact]
    public async Task ACorrectionShowsInTheJsonThePageTheFeedsJsonLdAndNinjsAndInTheCorrectionsFeedNewestFirst()
    {
        using var app = new KoreaPolicyApplication();
        var writer = app.ClientWithKey(app.AddKey("write"));
        var updatedBefore = (await writer.GetFromJsonAsync<JsonElement>("/feeds/articles.json")).GetProperty("items")[0].GetProperty("date_modified").GetDateTimeOffset();
        const string Note = "An earlier version misstated the date of the summit.";
        // Feeds give times to the second: the correction must land in a later second than the
        // ingestion for its entry's update to show as later.
        while (DateTimeOffset.UtcNow < updatedBefore.AddSeconds(1))
        {
            await Task.Delay(50);
        }

        (await writer.PatchMetadataAsync(Slug, "{\"correction\":{\"note\":\"" + Note + "\",\"date\":\"2026-01-05\"}}", await writer.ETagAsync())).EnsureSuccessStatusCode();

        (await writer.GetFromJsonAsync<JsonElement>(ArticlePath)).GetProperty("correction").GetProperty("note").GetString().Should().Be(Note);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await writer.GetStringAsync($"/articles/{Slug}"));
        page.QuerySelector(".kp-correction")!.TextContent.Should().Contain(Note).And.Contain("2026-01-05");
        var jsonLd = await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}?format=jsonld");
        var correction = jsonLd.GetProperty("correction");
        (correction.GetProperty("@type").GetString(), correction.GetProperty("text").GetString(), correction.GetProperty("datePublished").GetString())
            .Should().Be(("CorrectionComment", Note, "2026-01-05"));
        var ninjs = await writer.GetFromJsonAsync<JsonElement>($"{ArticlePath}?format=ninjs");
        ninjs.GetProperty("edNote").GetString().Should().Contain(Note);
        var entry = (await writer.GetFromJsonAsync<JsonElement>("/feeds/articles.json")).GetProperty("items")[0];
        entry.GetProperty("date_modified").GetDateTimeOffset().Should().BeAfter(updatedBefore);
        entry.GetProperty("content_html").GetString().Should().Contain(Note);

        (await writer.PatchMetadataAsync(Slug, """{"correction":{"note":"A second correction.","date":"2026-02-01"}}""", await writer.ETagAsync())).EnsureSuccessStatusCode();
        var corrections = await writer.GetFromJsonAsync<JsonElement>("/feeds/corrections.json");
        corrections.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("content_html").GetString()).Should()
            .SatisfyRespectively(first => first.Should().Contain("A second correction."), second => second.Should().Contain(Note));
        var atom = System.Xml.Linq.XDocument.Parse(await writer.GetStringAsync("/feeds/corrections.atom"));
        atom.Root!.Elements(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom")).Should().HaveCount(2);
        (await writer.GetAsync("/feeds/corrections.rss")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AWithdrawnArticleAnswers410OnEveryRouteThatServedItAndItsRevisionsOnlyToAReadingKey()
    {
        using var app = new KoreaPolicyApplication();
        var writer = app.ClientWithKey(app.AddKey("write"));
        var reader = app.ClientWithKey(app.AddKey("read"));
        var anonymous = app.CreateClient();
        var page = $"http://localhost/articles/{Slug}";
        (await writer.WithdrawAsync(Slug, await writer.ETagAsync())).EnsureSuccessStatusCode();

        foreach (var path in new[]
        {
            ArticlePath, $"{ArticlePath}?format=html", $"{ArticlePath}?format=markdown", $"{ArticlePath}?format=jsonld", $"{ArticlePath}?format=ninjs",
            $"{ArticlePath}/source", $"{ArticlePath}/sections", $"{ArticlePath}/sections/2", $"{ArticlePath}/paragraphs", $"{ArticlePath}/paragraphs/7",
            $"{ArticlePath}/citation", $"{ArticlePath}/sections/2/citation", $"{ArticlePath}/paragraphs/7/citation?style=bibtex",
            $"/articles/{Slug}", $"/embed/articles/{Slug}/paragraphs/7", $"/embed/articles/{Slug}/sections/2",
            $"/oembed?url={Uri.EscapeDataString(page)}", $"/oembed?url={Uri.EscapeDataString(page + "#p-7")}",
            $"{ArticlePath}/revisions", $"{ArticlePath}/revisions/1", $"{ArticlePath}/paragraphs/7?revision=1", $"{ArticlePath}/diff?from=1&to=1",
        })
        {
            var problem = await (await anonymous.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Gone);
            problem.GetProperty("withdrawnAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), path);
        }

        foreach (var feed in new[] { "/feeds/articles.json", "/feeds/themes/security.json" })
        {
            var items = (await anonymous.GetAsync(feed)) is { StatusCode: HttpStatusCode.OK } ok
                ? (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList()
                : [];
            items.Should().NotContain(i => i.GetProperty("url").GetString()!.Contains(Slug), feed);
        }

        (await anonymous.GetFromJsonAsync<JsonElement>("/api/articles")).GetProperty("total").GetInt32().Should().Be(0);
        var revisions = await reader.GetFromJsonAsync<JsonElement>($"{ArticlePath}/revisions");
        revisions.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Should().Equal("created", "withdrawn");
        var response = await reader.GetAsync($"{ArticlePath}/paragraphs/7?revision=1");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.Private.Should().BeTrue("a withdrawn article's text is for the key that asked");
        (await anonymous.GetAsync($"{ArticlePath}/paragraphs/7?revision=1")).StatusCode.Should().Be(HttpStatusCode.Gone, "nothing the key read was kept for others");
    }

    [Fact]
    public async Task ModifiedAfterAndModifiedBeforeFilterTheListByTheLastChange()
    {
        using var app = new KoreaPolicyApplication();
        var writer = app.ClientWithKey(app.AddKey("write"));
        (await writer.PublishAsync(NewSlug, Text(Variant("one")))).EnsureSuccessStatusCode();
        var changed = (await writer.GetFromJsonAsync<JsonElement>($"/api/articles/{NewSlug}")).GetProperty("updatedAt").GetDateTimeOffset();
        string At(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));

        var after = await writer.GetFromJsonAsync<JsonElement>($"/api/articles?modifiedAfter={At(changed.AddMilliseconds(-1))}");
        var before = await writer.GetFromJsonAsync<JsonElement>($"/api/articles?modifiedBefore={At(changed)}");

        after.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()).Should().Equal(NewSlug);
        before.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()).Should().Equal(Slug);
        (await writer.GetFromJsonAsync<JsonElement>($"/api/articles?modifiedAfter={At(changed)}")).GetProperty("total").GetInt32().Should().Be(0);
        await (await writer.GetAsync("/api/articles?modifiedAfter=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await writer.GetAsync("/api/articles?modifiedAfter=2025-06-01T12:00:00")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}

using System.Net;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using static KoreaPolicy.Api.Tests.FeedReading;

namespace KoreaPolicy.Api.Tests;

public sealed class FeedsApiTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;
    private const string EntryId = $"tag:koreapolicy,2025:articles/{Slug}";
    private const string Title = "Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)";
    private static readonly string[] Themes = ["foreign-relations", "security", "indo-pacific", "geopolitics"];
    private static readonly string[] Anchors = Enumerable.Range(1, 13).Select(n => $"p-{n}").ToArray();

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task TheAtomFeedOfAllArticlesCarriesTheArticleWhole()
    {
        var bytes = await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml");
        var feed = LoadSyndication(bytes);

        feed.Id.Should().Be("tag:koreapolicy,2025:feeds/articles");
        feed.Title.Text.Should().Be("Korea Policy — articles");
        feed.Language.Should().Be("en");
        feed.Generator.Should().Be("KoreaPolicy");
        var self = feed.Links.Single(l => l.RelationshipType == "self");
        self.Uri.Should().Be(new Uri("http://localhost/feeds/articles.atom"));
        self.MediaType.Should().Be("application/atom+xml");
        feed.Links.Single(l => l.RelationshipType == "alternate").Uri.Should().Be(new Uri("http://localhost/api/articles"));

        var entry = feed.Items.Single();
        entry.Id.Should().Be(EntryId);
        entry.Title.Text.Should().Be(Title);
        entry.PublishDate.Should().Be(new DateTimeOffset(2025, 12, 15, 0, 0, 0, TimeSpan.Zero));
        entry.LastUpdatedTime.Should().NotBe(default);
        feed.LastUpdatedTime.Should().Be(entry.LastUpdatedTime, "a feed is as new as its newest entry");
        entry.Summary.Text.Should().StartWith("The U.S.-South Korea partnership is being challenged");
        var author = entry.Authors.Single();
        author.Name.Should().Be("Bruce Klingner");
        author.Uri.Should().Be("http://localhost/api/authors/bruce-klingner");
        entry.Categories.Select(c => c.Name).Should().Equal(Themes);
        entry.Categories.Select(c => c.Label).Should().Equal("Foreign Relations", "Security", "Indo-Pacific", "Geopolitics");
        entry.Links.Single(l => l.RelationshipType == "alternate" && l.MediaType == "text/html").Uri
            .Should().Be(new Uri($"http://localhost/articles/{Slug}"));
        var content = entry.Content.Should().BeOfType<TextSyndicationContent>().Subject;
        content.Type.Should().Be("html");
        ParagraphAnchors(content.Text).Should().Equal(Anchors);
    }

    [Fact]
    public async Task TheAtomFeedHasEveryElementRfc4287Requires()
    {
        var xml = LoadXml(await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml"));

        var feed = xml.Root!;
        feed.Name.Should().Be(Atom + "feed");
        foreach (var required in new[] { "id", "title", "updated" })
        {
            feed.Elements(Atom + required).Should().ContainSingle(required);
        }

        var entry = feed.Element(Atom + "entry")!;
        foreach (var required in new[] { "id", "title", "updated", "published", "summary", "content" })
        {
            entry.Elements(Atom + required).Should().ContainSingle(required);
        }

        entry.Element(Atom + "content")!.Attribute("type")!.Value.Should().Be("html");
        entry.Element(Atom + "author")!.Element(Atom + "name")!.Value.Should().Be("Bruce Klingner");
        entry.Elements(Atom + "category").Select(c => c.Attribute("term")!.Value).Should().Equal(Themes);
        DateTimeOffset.Parse(entry.Element(Atom + "published")!.Value).Should().Be(new DateTimeOffset(2025, 12, 15, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task TheRssFeedHasAChannelAndItemsWithGuidsAndTheFullText()
    {
        var bytes = await client.GetFeedBytesAsync("/feeds/articles.rss", "application/rss+xml");
        var xml = LoadXml(bytes);

        xml.Root!.Name.LocalName.Should().Be("rss");
        xml.Root.Attribute("version")!.Value.Should().Be("2.0");
        var channel = xml.Root.Element("channel")!;
        channel.Element("title")!.Value.Should().Be("Korea Policy — articles");
        channel.Element("link")!.Value.Should().Be("http://localhost/api/articles");
        channel.Element("description")!.Value.Should().NotBeNullOrWhiteSpace();
        var self = channel.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == "self");
        self.Attribute("href")!.Value.Should().Be("http://localhost/feeds/articles.rss");
        self.Attribute("type")!.Value.Should().Be("application/rss+xml");

        var item = channel.Element("item")!;
        var guid = item.Element("guid")!;
        guid.Value.Should().Be(EntryId);
        guid.Attribute("isPermaLink")!.Value.Should().Be("false", "a tag URI is no URL to visit");
        item.Element("title")!.Value.Should().Be(Title);
        item.Element("link")!.Value.Should().Be($"http://localhost/articles/{Slug}");
        item.Element("description")!.Value.Should().StartWith("The U.S.-South Korea partnership is being challenged");
        item.Elements("category").Select(c => c.Value).Should().Equal(Themes);
        ParagraphAnchors(item.Element(Content + "encoded")!.Value).Should().Equal(Anchors);

        // And a feed reader's parser reads the same.
        var read = LoadSyndication(bytes).Items.Single();
        read.Id.Should().Be(EntryId);
        read.PublishDate.Should().Be(new DateTimeOffset(2025, 12, 15, 0, 0, 0, TimeSpan.Zero));
        read.ElementExtensions.ReadElementExtensions<string>("creator", "http://purl.org/dc/elements/1.1/").Should().Equal("Bruce Klingner");
    }

    [Fact]
    public async Task TheJsonFeedFollowsVersionOnePointOne()
    {
        var feed = LoadJson(await client.GetFeedBytesAsync("/feeds/articles.json", "application/feed+json"));

        feed.GetProperty("version").GetString().Should().Be("https://jsonfeed.org/version/1.1");
        feed.GetProperty("title").GetString().Should().Be("Korea Policy — articles");
        feed.GetProperty("feed_url").GetString().Should().Be("http://localhost/feeds/articles.json");
        feed.GetProperty("home_page_url").GetString().Should().Be("http://localhost/api/articles");
        feed.GetProperty("language").GetString().Should().Be("en");
        feed.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();

        var item = feed.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("id").GetString().Should().Be(EntryId);
        item.GetProperty("url").GetString().Should().Be($"http://localhost/articles/{Slug}");
        item.GetProperty("title").GetString().Should().Be(Title);
        item.GetProperty("summary").GetString().Should().StartWith("The U.S.-South Korea partnership is being challenged");
        item.GetProperty("date_published").GetString().Should().Be("2025-12-15T00:00:00Z");
        item.GetProperty("date_modified").GetDateTimeOffset().Should().BeAfter(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var author = item.GetProperty("authors").EnumerateArray().Single();
        author.GetProperty("name").GetString().Should().Be("Bruce Klingner");
        author.GetProperty("url").GetString().Should().Be("http://localhost/api/authors/bruce-klingner");
        item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("Foreign Relations", "Security", "Indo-Pacific", "Geopolitics");
        ParagraphAnchors(item.GetProperty("content_html").GetString()!).Should().Equal(Anchors);
    }

    public static TheoryData<string> FeedsOfTheArticle()
    {
        var subjects = new[]
        {
            "/feeds/articles",
            "/feeds/authors/bruce-klingner",
            "/feeds/themes/foreign-relations",
            "/feeds/themes/security",
            "/feeds/themes/indo-pacific",
            "/feeds/themes/geopolitics",
            "/feeds/journals/korea-policy",
            "/feeds/journals/korea-policy/issues/vol-3-issue-2",
        };
        return new TheoryData<string>(subjects.SelectMany(s => new[] { $"{s}.atom", $"{s}.rss", $"{s}.json" }));
    }

    [Theory]
    [MemberData(nameof(FeedsOfTheArticle))]
    public async Task TheArticleIsInTheFeedsOfItsAuthorThemesJournalAndIssue(string path)
    {
        (await client.EntryIdsAsync(path)).Should().Equal(EntryId);
    }

    [Theory]
    [InlineData("/feeds/authors/bruce-klingner.atom", "Korea Policy — Bruce Klingner", "tag:koreapolicy,2025:feeds/authors/bruce-klingner")]
    [InlineData("/feeds/themes/security.atom", "Korea Policy — Security", "tag:koreapolicy,2025:feeds/themes/security")]
    [InlineData("/feeds/journals/korea-policy.atom", "Korea Policy", "tag:koreapolicy,2025:feeds/journals/korea-policy")]
    [InlineData("/feeds/journals/korea-policy/issues/vol-3-issue-2.atom", "Korea Policy Vol. 3, Issue 2", "tag:koreapolicy,2025:feeds/journals/korea-policy/issues/vol-3-issue-2")]
    public async Task EachFeedHasItsOwnTitleIdAndSelfLink(string path, string title, string id)
    {
        var feed = LoadSyndication(await client.GetFeedBytesAsync(path, "application/atom+xml"));

        feed.Title.Text.Should().Be(title);
        feed.Id.Should().Be(id);
        feed.Links.Single(l => l.RelationshipType == "self").Uri.Should().Be(new Uri($"http://localhost{path}"));
    }

    [Fact]
    public async Task FeedIdsDoNotDependOnTheHost()
    {
        // A server that answers for that name too (without a base URL it answers only the loopback names).
        using var named = app.WithWebHostBuilder(host => host.UseSetting("AllowedHosts", "localhost;feeds.example.org"));
        var other = named.CreateClient(new() { BaseAddress = new Uri("https://feeds.example.org") });

        var here = LoadSyndication(await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml"));
        var there = LoadSyndication(await other.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml"));

        there.Links.Single(l => l.RelationshipType == "self").Uri.Should().Be(new Uri("https://feeds.example.org/feeds/articles.atom"));
        there.Id.Should().Be(here.Id);
        there.Items.Select(i => i.Id).Should().Equal(here.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("/feeds/articles.atom")]
    [InlineData("/feeds/articles.rss")]
    [InlineData("/feeds/articles.json")]
    [InlineData("/feeds/authors/bruce-klingner.rss")]
    public async Task TheSameContentGivesTheSameBytesAndETag(string path)
    {
        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        (await second.Content.ReadAsByteArrayAsync()).Should().Equal(await first.Content.ReadAsByteArrayAsync());
        second.Headers.ETag.Should().NotBeNull().And.Be(first.Headers.ETag);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "feeds are UTF-8 without a byte order mark");
    }

    [Fact]
    public async Task AReaderThatHasTheFeedGetsNotModified()
    {
        var first = await client.GetAsync("/feeds/articles.atom");
        var request = new HttpRequestMessage(HttpMethod.Get, "/feeds/articles.atom");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var again = await client.SendAsync(request);

        again.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/feeds/authors/nobody.atom", "nobody")]
    [InlineData("/feeds/themes/no-such-theme.rss", "no-such-theme")]
    [InlineData("/feeds/journals/no-such-journal.json", "no-such-journal")]
    [InlineData("/feeds/journals/korea-policy/issues/vol-99-issue-9.atom", "vol-99-issue-9")]
    [InlineData("/feeds/articles.xml", ".xml")]
    [InlineData("/feeds/articles.ATOM", ".ATOM")]
    [InlineData("/feeds/authors/bruce-klingner.html", ".html")]
    public async Task AnUnknownSubjectOrExtensionIsANotFoundProblem(string path, string named)
    {
        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().Should().Contain(named);
    }

    [Fact]
    public async Task AFeedPathWithoutAnExtensionIsNotFound()
    {
        await (await client.GetAsync("/feeds/articles")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnArticleResponseLinksToItsAuthorsFeedsAndTheArchivesFeeds()
    {
        var response = await client.GetAsync($"/api/articles/{Slug}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var links = LinkHeader(response);
        links.Should().OnlyContain(l => l.Rel == "alternate");
        links.Select(l => (l.Target, l.Type)).Should().Equal(
            ("/feeds/authors/bruce-klingner.atom", "application/atom+xml"),
            ("/feeds/authors/bruce-klingner.rss", "application/rss+xml"),
            ("/feeds/authors/bruce-klingner.json", "application/feed+json"),
            ("/feeds/articles.atom", "application/atom+xml"),
            ("/feeds/articles.rss", "application/rss+xml"),
            ("/feeds/articles.json", "application/feed+json"));
        links[0].Title.Should().Be("Korea Policy — Bruce Klingner");
        foreach (var link in links)
        {
            (await client.GetAsync(link.Target)).Content.Headers.ContentType!.MediaType.Should().Be(link.Type, "each link leads to its feed");
        }
    }

    [Fact]
    public async Task AnArticleWithSelectedFieldsStillLinksToItsFeeds()
    {
        var response = await client.GetAsync($"/api/articles/{Slug}?fields=slug,title");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        LinkHeader(response).Select(l => l.Target).Should().Contain("/feeds/authors/bruce-klingner.atom");
    }

    [Fact]
    public async Task AMissingArticleLinksToNoFeeds()
    {
        var response = await client.GetAsync("/api/articles/no-such-article");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        response.Headers.Contains("Link").Should().BeFalse();
    }

    private sealed record Link(string Target, string Rel, string Type, string Title);

    /// <summary>RFC 8288 links: target, rel, type and the RFC 8187 title* decoded.</summary>
    private static List<Link> LinkHeader(HttpResponseMessage response) =>
        response.Headers.GetValues("Link")
            .SelectMany(value => Regex.Matches(value, "<([^>]*)>((?:\\s*;\\s*[^;,]+)*)").Select(m =>
            {
                var parameters = m.Groups[2].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(p => p.Split('=', 2))
                    .ToDictionary(p => p[0], p => p[1].Trim('"'));
                var title = parameters["title*"];
                title.Should().StartWith("UTF-8''");
                return new Link(m.Groups[1].Value, parameters["rel"], parameters["type"], Uri.UnescapeDataString(title["UTF-8''".Length..]));
            }))
            .ToList();
}

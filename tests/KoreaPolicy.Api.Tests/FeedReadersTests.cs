using System.Globalization;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml.Linq;
using static KoreaPolicy.Api.Tests.FeedReading;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Every Atom and RSS feed of an archive (all articles, each author, theme, journal and issue),
/// served over loopback, read back by two independent parsers: .NET's System.ServiceModel.Syndication
/// and npm's feedparser (run by Node.js, as JavaScript feed readers and ingest scripts run it).
/// Both must read, for every entry, the title, the HTML page as its link, every author, the
/// dates and the whole text, and agree with the article as the API serves it.
/// </summary>
public sealed class FeedReadersTests(ArchiveOfThreePages archive) : IClassFixture<ArchiveOfThreePages>
{
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    private readonly HttpClient client = archive.Application.CreateClient();

    public static TheoryData<string> Formats => new(".atom", ".rss");

    [NodeTheory]
    [MemberData(nameof(Formats))]
    public async Task BothParsersReadEveryEntryOfEveryFeedAsTheApiServesIt(string extension)
    {
        var feeds = await FeedPathsAsync();
        feeds.Should().HaveCountGreaterThan(10, "the archive has several authors, themes, journals and issues");

        foreach (var path in feeds.Select(f => f + extension))
        {
            var bytes = await client.GetFeedBytesAsync(path, MediaType(extension));
            var syndication = LoadSyndication(bytes);
            var javascript = await ReadWithFeedparserAsync(bytes);

            var entries = javascript.GetProperty("items").EnumerateArray().ToList();
            entries.Select(e => e.GetProperty("guid").GetString()).Should().Equal(syndication.Items.Select(i => i.Id), path);
            foreach (var (item, entry) in syndication.Items.Zip(entries))
            {
                var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{Uri.UnescapeDataString(item.Id.Split('/')[^1])}");
                var because = $"{path}, {item.Id}";

                // Title.
                var title = article.GetProperty("title").GetString();
                item.Title.Text.Should().Be(title, because);
                entry.GetProperty("title").GetString().Should().Be(title, because);

                // Link: the page people read, in both.
                var page = new Uri(archive.BaseAddress, $"/articles/{article.GetProperty("slug").GetString()}");
                HtmlLink(item).Should().Be(page, because);
                new Uri(entry.GetProperty("link").GetString()!).Should().Be(page, because);

                // Authors: every one, in order.
                var authors = article.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
                AuthorNames(item, extension).Should().Equal(authors, because);
                entry.GetProperty("authors").EnumerateArray().Select(a => a.GetString()).Should().Equal(authors, because);
                // feedparser's one-author field: the first dc:creator in RSS; in Atom it is left empty
                // when an entry has several authors (it takes only a lone author element).
                if (extension == ".rss" || authors.Count == 1)
                {
                    entry.GetProperty("author").GetString().Should().Be(authors[0], because);
                }

                // Dates: published where the page gives one; Atom also says when the archive last changed it.
                var published = article.GetProperty("published").ValueKind == JsonValueKind.Null
                    ? (DateTimeOffset?)null
                    : new DateTimeOffset(DateOnly.Parse(article.GetProperty("published").GetString()!, CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                Date(item.PublishDate).Should().Be(published, because);
                var updated = article.GetProperty("updatedAt").GetDateTimeOffset();
                if (extension == ".atom")
                {
                    item.LastUpdatedTime.Should().Be(Seconds(updated), because);
                    Instant(entry, "date").Should().Be(Seconds(updated), because);
                    Instant(entry, "pubdate").Should().Be(published ?? Seconds(updated), because + " (feedparser falls back on updated)");
                }
                else
                {
                    Instant(entry, "pubdate").Should().Be(published, because);
                }

                // Content: the whole article, every paragraph anchored.
                var paragraphs = Enumerable.Range(1, article.GetProperty("sections").EnumerateArray()
                    .Sum(s => s.GetProperty("paragraphs").GetArrayLength())).Select(n => $"p-{n}");
                var html = ContentHtml(item, extension);
                ParagraphAnchors(html).Should().Equal(paragraphs, because);
                entry.GetProperty("description").GetString().Should().Be(html, because);
            }
        }
    }

    [NodeFact]
    public async Task AnAtomEntryLinksToItsJsonResourceAsATypedRelatedLink()
    {
        var bytes = await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml");
        var javascript = await ReadWithFeedparserAsync(bytes);

        foreach (var item in LoadSyndication(bytes).Items)
        {
            var slug = item.Id.Split('/')[^1];
            item.Links.Where(l => l.RelationshipType == "alternate").Should().ContainSingle(item.Id)
                .Which.MediaType.Should().Be("text/html");
            var json = item.Links.Single(l => l.MediaType == "application/json");
            json.RelationshipType.Should().Be("related");
            json.Uri.Should().Be(new Uri(archive.BaseAddress, $"/api/articles/{slug}"));
        }

        javascript.GetProperty("items").EnumerateArray().SelectMany(e => e.GetProperty("links").EnumerateArray())
            .Where(l => l.GetProperty("rel").GetString() == "alternate").Select(l => l.GetProperty("type").GetString())
            .Should().OnlyContain(type => type == "text/html");
    }

    [Fact]
    public async Task RssDatesCarryANumericZoneAsRfc822Writes()
    {
        var xml = LoadXml(await client.GetFeedBytesAsync("/feeds/articles.rss", "application/rss+xml"));
        var dates = xml.Descendants().Where(e => e.Name.LocalName is "pubDate" or "lastBuildDate").Select(e => e.Value).ToList();

        dates.Should().HaveCountGreaterThan(1);
        foreach (var date in dates)
        {
            // e.g. "Mon, 15 Dec 2025 00:00:00 +0000": what JavaScript's Date and every RSS reader parse.
            DateTimeOffset.TryParseExact(date, "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out _).Should().BeTrue(date);
        }
    }

    [Fact]
    public async Task RssNamesEveryAuthorAsADublinCoreCreatorAndNoAtomAuthor()
    {
        var xml = LoadXml(await client.GetFeedBytesAsync($"/feeds/authors/victor-cha.rss", "application/rss+xml"));

        var item = xml.Descendants("item").Single(i => i.Element("guid")!.Value.EndsWith(ArchiveOfThreePages.ManyAuthorsSlug, StringComparison.Ordinal));
        item.Elements(DublinCore + "creator").Select(c => c.Value).Should().HaveCountGreaterThan(1).And.Contain("Victor Cha");
        item.Elements(Atom + "author").Should().BeEmpty();
    }

    /// <summary>Every feed of the archive, without its extension: all articles, then each author, theme, journal and issue.</summary>
    private async Task<List<string>> FeedPathsAsync()
    {
        var paths = new List<string> { "/feeds/articles" };
        foreach (var (list, feed) in new[] { ("/api/authors", "/feeds/authors/"), ("/api/themes", "/feeds/themes/"), ("/api/journals", "/feeds/journals/") })
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{list}?pageSize=100");
            paths.AddRange(page.GetProperty("items").EnumerateArray().Select(i => feed + i.GetProperty("slug").GetString()));
        }

        foreach (var journal in paths.Where(p => p.StartsWith("/feeds/journals/", StringComparison.Ordinal)).ToList())
        {
            var detail = await client.GetFromJsonAsync<JsonElement>($"/api{journal["/feeds".Length..]}");
            paths.AddRange(detail.GetProperty("issues").EnumerateArray().Select(i => $"{journal}/issues/{i.GetProperty("slug").GetString()}"));
        }

        return paths;
    }

    private static async Task<JsonElement> ReadWithFeedparserAsync(byte[] bytes)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, bytes);
            var run = await NodeTools.RunAsync("read-feed.mjs", file);
            run.ExitCode.Should().Be(0, run.Errors);
            return run.Json();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Uri HtmlLink(SyndicationItem item) =>
        item.Links.Single(l => l.RelationshipType == "alternate" && l.MediaType is null or "text/html").Uri;

    private static List<string> AuthorNames(SyndicationItem item, string extension) => extension == ".atom"
        ? item.Authors.Select(a => a.Name).ToList()
        : item.ElementExtensions.ReadElementExtensions<string>("creator", DublinCore.NamespaceName).ToList();

    private static string ContentHtml(SyndicationItem item, string extension) => extension == ".atom"
        ? ((TextSyndicationContent)item.Content).Text
        : item.ElementExtensions.ReadElementExtensions<string>("encoded", Content.NamespaceName).Single();

    /// <summary>The parser's "no date" (<see cref="DateTimeOffset.MinValue"/>) as null.</summary>
    private static DateTimeOffset? Date(DateTimeOffset value) => value == default ? null : value;

    private static DateTimeOffset? Instant(JsonElement entry, string name) =>
        entry.GetProperty(name).GetString() is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>Feeds write instants to the second.</summary>
    private static DateTimeOffset Seconds(DateTimeOffset instant) =>
        new(instant.UtcDateTime.Ticks - (instant.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}

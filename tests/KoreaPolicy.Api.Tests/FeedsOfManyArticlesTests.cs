using static KoreaPolicy.Api.Tests.FeedReading;

namespace KoreaPolicy.Api.Tests;

public sealed class FeedsOfManyArticlesTests(ArchiveOfManyArticles archive) : IClassFixture<ArchiveOfManyArticles>
{
    private readonly HttpClient client = archive.Application.CreateClient();

    [Fact]
    public async Task TheArchiveFeedListsEveryArticleNewestFirst()
    {
        var feed = LoadSyndication(await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml"));

        feed.Items.Should().HaveCount(ArchiveOfManyArticles.Total);
        feed.Items.First().Id.Should().Be($"tag:koreapolicy,2025:articles/{KoreaPolicyApplication.ArticleSlug}", "December 2025 is the newest");
        var published = feed.Items.Select(i => i.PublishDate).ToList();
        published.Should().BeInDescendingOrder();
        published.Skip(1).Should().Equal(Enumerable.Range(1, ArchiveOfManyArticles.Generated).Reverse()
            .Select(n => new DateTimeOffset(ArchiveOfManyArticles.PublishedOn(n).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        feed.LastUpdatedTime.Should().Be(feed.Items.Max(i => i.LastUpdatedTime));
    }

    [Theory]
    [InlineData("/feeds/themes/security.rss")]
    [InlineData("/feeds/themes/security.json")]
    public async Task AThemeFeedHoldsOnlyItsArticlesNewestFirst(string path)
    {
        var ids = await client.EntryIdsAsync(path);

        // Security: the Klingner article and every third generated note.
        ids.Should().HaveCount(1 + (ArchiveOfManyArticles.Generated / 3));
        ids[0].Should().EndWith(KoreaPolicyApplication.ArticleSlug);
        var published = path.EndsWith(".json", StringComparison.Ordinal)
            ? LoadJson(await client.GetFeedBytesAsync(path, "application/feed+json")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("date_published").GetDateTimeOffset()).ToList()
            : LoadSyndication(await client.GetFeedBytesAsync(path, "application/rss+xml")).Items.Select(i => i.PublishDate).ToList();
        published.Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task AnIssueFeedHoldsOnlyThatIssuesArticles()
    {
        var feed = LoadSyndication(await client.GetFeedBytesAsync("/feeds/journals/korea-policy/issues/vol-9-issue-2.atom", "application/atom+xml"));

        // Issue 2 of volume 9: the odd-numbered notes.
        feed.Items.Should().HaveCount((ArchiveOfManyArticles.Generated + 1) / 2);
        feed.Items.Select(i => i.PublishDate.DayOfYear % 2).Should().OnlyContain(odd => odd == 1, "note n is published on day n of 2024");
        feed.Title.Text.Should().Be("Korea Policy Vol. 9, Issue 2");
    }
}

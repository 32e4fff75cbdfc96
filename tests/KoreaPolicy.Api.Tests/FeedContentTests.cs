using static KoreaPolicy.Api.Tests.FeedReading;

namespace KoreaPolicy.Api.Tests;

/// <summary>Feeds of archives made for the purpose: each test builds its own application.</summary>
public sealed class FeedContentTests
{
    [Fact]
    public async Task MarkupInTheTextComesOutAsEscapedTextInEveryFormat()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-feed-markup-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "markup.txt"), string.Join('\n',
            [
                "Korea Policy",
                "Korea Policy Vol. 9, Issue 1About Korea Policy",
                "Korea Policy is a journal published by the Korea Economic Institute of America in Washington, D.C.",
                "Title: Markup Note",
                "Author: Author A",
                "Theme: Trade",
                "Published March 3, 2024",
                "Tariffs & quotas: a note on <script>alert('x')</script> in the alliance.",
            ]));
            using var app = new KoreaPolicyApplication { ArticlesFolder = folder };
            var client = app.CreateClient();

            var atom = LoadSyndication(await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml"));
            var rss = LoadXml(await client.GetFeedBytesAsync("/feeds/articles.rss", "application/rss+xml"));
            var json = LoadJson(await client.GetFeedBytesAsync("/feeds/articles.json", "application/feed+json"));

            // After the XML or JSON is parsed, what is left is HTML in which the text was escaped once.
            var contents = new[]
            {
                ((System.ServiceModel.Syndication.TextSyndicationContent)atom.Items.Single().Content).Text,
                rss.Descendants(Content + "encoded").Single().Value,
                json.GetProperty("items")[0].GetProperty("content_html").GetString()!,
            };
            foreach (var html in contents)
            {
                html.Should().Contain("Tariffs &amp; quotas: a note on &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; in the alliance.");
                html.Should().NotContain("<script>");
                ParagraphAnchors(html).Should().Equal("p-1");
            }

            // Plain-text fields stay plain text: the reader escapes them when it shows them.
            atom.Items.Single().Summary.Text.Should().Contain("<script>alert('x')</script>");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AFeedHoldsOnlyTheNewestFiftyArticles()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-feed-many-").FullName;
        try
        {
            for (var n = 1; n <= 55; n++)
            {
                var published = new DateOnly(2024, 1, 1).AddDays(n - 1);
                await File.WriteAllTextAsync(Path.Combine(folder, $"note-{n:D2}.txt"), string.Join('\n',
                [
                    "Korea Policy",
                    "Korea Policy Vol. 9, Issue 1About Korea Policy",
                    "Korea Policy is a journal published by the Korea Economic Institute of America in Washington, D.C.",
                    $"Title: Note {n}",
                    "Author: Author A",
                    "Theme: Trade",
                    $"Published {published.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)}",
                    $"Note number {n} on the alliance.",
                ]));
            }

            using var app = new KoreaPolicyApplication { ArticlesFolder = folder };
            var feed = LoadJson(await app.CreateClient().GetFeedBytesAsync("/feeds/articles.json", "application/feed+json"));

            feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString())
                .Should().Equal(Enumerable.Range(6, 50).Reverse().Select(n => $"Note {n}"), "the five oldest fall off");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AnEmptyArchiveGivesAnEmptyFeedDatedAtTheEpochNotNow()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-feed-empty-").FullName;
        try
        {
            using var app = new KoreaPolicyApplication { ArticlesFolder = folder };
            var client = app.CreateClient();

            var first = await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml");
            var feed = LoadSyndication(first);

            feed.Items.Should().BeEmpty();
            feed.LastUpdatedTime.Should().Be(DateTimeOffset.UnixEpoch);
            (await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml")).Should().Equal(first);
            LoadJson(await client.GetFeedBytesAsync("/feeds/articles.json", "application/feed+json"))
                .GetProperty("items").GetArrayLength().Should().Be(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

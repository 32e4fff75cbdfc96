using System.Net;
using System.Text;
using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Api.Tests.Reliability;

/// <summary>
/// Issue 10, item 6: a 2 MB file of a million one-character lines became a 262 MB article answer,
/// and feeds reached 54 to 76 MB. With the limits where text enters (tested in the engine's
/// ArticleLimitsTests), the largest article the archive can hold is a bounded answer; a feed of
/// several of them is bounded by its content budget.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class BoundedResponsesTests(BoundedResponsesTests.LargestArticles archive) : IClassFixture<BoundedResponsesTests.LargestArticles>
{
    // What escaping can make of the text at most (a '<' is six bytes in JSON), and the structure around each paragraph.
    private const long MaxArticleBytes = (6L * ArticleFile.MaxBytes) + (ArticleLimits.MaxParagraphs * 1_024L);

    // The feed's content budget, escaped once more inside XML, with the summaries and links of fifty entries.
    private const long MaxFeedBytes = (6L * Rendering.Feeds.ArticleFeed.MaxContentCharacters) + (50 * 8_192L);

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    [InlineData("text/markdown")]
    [InlineData("application/ld+json")]
    public async Task TheLargestArticleTheLimitsAllowIsABoundedAnswer(string mediaType)
    {
        var response = await Get($"/api/articles/largest-1", mediaType);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((long)(await response.Content.ReadAsByteArrayAsync()).Length).Should().BeLessThan(MaxArticleBytes);
    }

    [Theory]
    [InlineData("/feeds/articles.atom")]
    [InlineData("/feeds/articles.rss")]
    [InlineData("/feeds/articles.json")]
    public async Task AFeedOfTheLargestArticlesIsBoundedByItsContentBudget(string path)
    {
        var response = await Get(path, "*/*");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
        bytes.Should().BeLessThan(MaxFeedBytes, $"three articles of {LargestArticles.TextBytes:N0} bytes of text each");
    }

    private async Task<HttpResponseMessage> Get(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await archive.App.CreateClient().SendAsync(request);
    }

    /// <summary>Three articles as large as a file may be, of the text that escaping makes the largest.</summary>
    public sealed class LargestArticles : IDisposable
    {
        public const int TextBytes = 100 * 19_990;

        private readonly string folder = Directory.CreateTempSubdirectory("koreapolicy-largest-").FullName;

        public LargestArticles()
        {
            // 100 paragraphs of 19,990 characters, nearly all of them ones every format escapes.
            var paragraph = string.Concat(Enumerable.Repeat("<&\"'>x ", 19_990 / 7)).PadRight(19_990, '<');
            for (var n = 1; n <= 3; n++)
            {
                var text = new StringBuilder($"Korea Policy\nKorea Policy Vol. 9, Issue {n}\nAuthor: Ann Lee\nPublished June {n}, 2025\n");
                for (var p = 0; p < 100; p++)
                {
                    text.Append(paragraph).Append('\n');
                }

                File.WriteAllText(Path.Combine(folder, $"largest-{n}.txt"), text.ToString());
            }

            App = new KoreaPolicyApplication { ArticlesFolder = folder };
        }

        public KoreaPolicyApplication App { get; }

        public void Dispose()
        {
            App.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using KoreaPolicy.Storage;
using KoreaPolicy.Tests.Reliability;

namespace KoreaPolicy.Api.Tests.Reliability;

/// <summary>
/// Issue 10, item 4, over HTTP: a torn read got a strong ETag and <c>public, max-age=60</c>, so
/// caches kept it. While a writer saves new versions of an article into the server's database
/// file, readers on their own threads fetch the article, a feed (a list, then each article) and a
/// search (a count, a ranked page, then its passages), each URL new so that every answer is built,
/// not replayed. Every answer must be one version that was written, and never an error.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class TornResponsesTests : IDisposable
{
    private const int Answers = 300;
    private const int MaxVersions = 3_000;
    private const int Readers = 2;

    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();
    private static readonly AngleSharp.Html.Dom.IHtmlDocument Html = Parser.ParseDocument("");

    private readonly string emptyFolder = Directory.CreateTempSubdirectory("koreapolicy-torn-").FullName;

    public void Dispose() => Directory.Delete(emptyFolder, recursive: true);

    [Fact]
    public async Task EveryAnswerBuiltDuringRepeatedSavesIsOneWholeVersion()
    {
        using var app = new KoreaPolicyApplication { ArticlesFolder = emptyFolder };
        var client = app.CreateClient();
        var writer = new ArticleWriter(new ArchiveDatabase(app.DatabasePath), TimeProvider.System);
        writer.Save(VersionedArticle.Version(0));
        var wrong = new ConcurrentBag<string>();
        var answers = 0;
        var request = 0;
        using var done = new CancellationTokenSource();

        async Task Check(string url, Func<JsonElement, IEnumerable<string>> versions)
        {
            var response = await client.GetAsync($"{url}&n={Interlocked.Increment(ref request)}");
            Interlocked.Increment(ref answers);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                wrong.Add($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return;
            }

            var seen = versions(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement).Distinct().ToList();
            if (seen.Count != 1)
            {
                wrong.Add($"{url}: {string.Join(", ", seen)}");
            }
        }

        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await Check($"/api/articles/{VersionedArticle.Slug}?fields=title,summary,sections", article =>
                    article.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("paragraphs").EnumerateArray())
                        .Select(p => VersionedArticle.VersionOf(p.GetProperty("text").GetString()!))
                        .Append(article.GetProperty("title").GetString()!)
                        .Append(VersionedArticle.VersionOf(article.GetProperty("summary").GetString()!))
                        .Append(article.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("paragraphs").GetArrayLength()) == VersionedArticle.Paragraphs
                            ? null : "not every paragraph")
                        .OfType<string>());
                await Check("/feeds/articles.json?", feed =>
                    feed.GetProperty("items").EnumerateArray().SelectMany(item => Parser.ParseFragment(item.GetProperty("content_html").GetString()!, Html.CreateElement("div"))
                        .OfType<AngleSharp.Dom.IElement>().SelectMany(e => e.QuerySelectorAll("p[id^='p-']"))
                        .Select(p => VersionedArticle.VersionOf(p.TextContent))
                        .Append(item.GetProperty("title").GetString()!))
                    .Append(feed.GetProperty("items").GetArrayLength() == 1 ? null : "not one item")
                    .OfType<string>());
                await Check("/api/search?q=paragraph&pageSize=100", search =>
                    search.GetProperty("items").EnumerateArray().Select(hit => VersionedArticle.VersionOf(hit.GetProperty("text").GetString()!))
                        .Concat(search.GetProperty("items").EnumerateArray().Select(hit => hit.GetProperty("article").GetProperty("title").GetString()!))
                        .Append(search.GetProperty("total").GetInt32() == VersionedArticle.Paragraphs ? "" : $"total {search.GetProperty("total")}")
                        .Where(v => v.Length > 0));
            }
        })).ToList();

        // Versions are saved until the readers have had their answers built during the saves.
        var saved = 0;
        while (Volatile.Read(ref answers) < Answers && saved < MaxVersions)
        {
            writer.Save(VersionedArticle.Version(++saved));
        }

        done.Cancel();
        await Task.WhenAll(readers);

        answers.Should().BeGreaterThanOrEqualTo(Answers, $"the readers ran during the {saved} saves");
        wrong.Should().BeEmpty($"each of {answers:N0} answers must be one version");
    }
}

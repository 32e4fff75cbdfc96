using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Api.Tests.Reliability;

/// <summary>
/// Issue 10, item 3, against the real server in a child process: a search that costs FTS5 tens of
/// seconds (a phrase of one word repeated two hundred times, over paragraphs of nothing but that
/// word) stops when its client goes away, and is cut off by the time budget with a 503 problem;
/// a hit in such a paragraph carries a bounded number of marks.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class CostlySearchTests(CostlySearchArchive archive) : IClassFixture<CostlySearchArchive>
{
    /// <summary>What the probe might send: 200 repeats of the word every paragraph is made of (a 400-character query).</summary>
    private static readonly string CostlyQuery = Uri.EscapeDataString("\"" + string.Join(' ', Enumerable.Repeat("w", 200)) + "\"");

    [Fact]
    public async Task AClientThatGoesAwayStopsItsSearchOnTheServer()
    {
        using var server = await archive.ServeAsync(budgetMilliseconds: 120_000);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using (var leave = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            var search = () => client.GetAsync($"/api/search?q={CostlyQuery}", leave.Token);
            await search.Should().ThrowAsync<OperationCanceledException>("the search outlasts the client's patience");
        }

        // The server says when it stopped the search (the line is written only where SQLite was
        // interrupted), whenever a busy machine lets it see the closed connection. Uncancelled, the
        // search runs for tens of seconds at a core's full speed.
        var stopped = await server.WaitForOutputAsync("Search stopped after", TimeSpan.FromSeconds(60));
        var milliseconds = int.Parse(stopped.Split("Search stopped after ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        // Then it is idle: a loose bound, as the stop's own way out and a busy machine's noise cost some.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = server.CpuTime();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var spent = server.CpuTime() - before;

        stopped.Should().Contain("the client went away");
        milliseconds.Should().BeLessThan(15_000, "the search stopped when its client left, not when it was done");
        spent.Should().BeLessThan(TimeSpan.FromSeconds(1), "nobody is waiting for the search any more");
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ASearchOverItsTimeBudgetIsStoppedAndAnsweredWithA503Problem()
    {
        using var server = await archive.ServeAsync(budgetMilliseconds: 300);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync($"/api/search?q={CostlyQuery}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("title").GetString().Should().Be("Search took too long");
        problem.GetProperty("detail").GetString().Should().StartWith("The search was stopped after its time budget of 0.3 s.");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the budget, not the query, ends it");
        response.Headers.CacheControl?.Public.Should().NotBe(true, "an answer about this moment is not stored");
    }

    [Fact]
    public async Task HitsInParagraphsOfOneRepeatedWordCarryAHundredMarksEachAndAShortSnippet()
    {
        using var server = await archive.ServeAsync(budgetMilliseconds: 120_000);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var page = await client.GetFromJsonAsync<JsonElement>("/api/search?q=w&pageSize=100");

        page.GetProperty("total").GetInt32().Should().Be(CostlySearchArchive.Paragraphs);
        page.GetProperty("items").EnumerateArray().Should().HaveCount(100).And.AllSatisfy(hit =>
        {
            hit.GetProperty("matches").GetArrayLength().Should().Be(100);
            hit.GetProperty("moreMatches").GetBoolean().Should().BeTrue();
            hit.GetProperty("snippet").GetString()!.Replace("<mark>", "").Replace("</mark>", "").Length.Should().BeLessThan(250);
        });
    }
}

/// <summary>
/// A database of the most repetitive text the limits allow: two articles of 100 paragraphs, each
/// paragraph 20,000 characters of "w w w ...". Built once, through the real ingestion; each test
/// starts its own server on it (with the time budget it needs), with no start-up ingestion.
/// </summary>
public sealed class CostlySearchArchive : IDisposable
{
    public const int Paragraphs = 200;

    private readonly string work = Directory.CreateTempSubdirectory("koreapolicy-costly-search-").FullName;

    public CostlySearchArchive()
    {
        // Each ends with a full stop: the parser joins paragraphs broken in mid-sentence.
        var paragraph = string.Join(' ', Enumerable.Repeat("w", (ArticleLimits.MaxParagraphLength / 2) - 1)) + ".";
        var folder = Directory.CreateDirectory(Path.Combine(work, "articles")).FullName;
        for (var file = 1; file <= 2; file++)
        {
            File.WriteAllText(Path.Combine(folder, $"repetitive-{file}.txt"),
                $"Korea Policy\nKorea Policy Vol. 1, Issue {file}\nAuthor: Ann Lee\nPublished June {file}, 2025\n"
                + string.Concat(Enumerable.Repeat(paragraph + "\n", Paragraphs / 2)));
        }

        var database = new ArchiveDatabase(DatabasePath);
        Migrations.Apply(database);
        var results = new IngestRun(new ArticleWriter(database, TimeProvider.System)).Ingest([folder]);
        results.Where(r => r.Failed).Should().BeEmpty();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public string DatabasePath => Path.Combine(work, "archive.db");

    internal Task<ChildApi> ServeAsync(int budgetMilliseconds) => ChildApi.ServeAsync(
        [
            $"--Database:Path={DatabasePath}",
            "--Ingestion:Path=",
            $"--Search:TimeBudgetMilliseconds={budgetMilliseconds}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:KoreaPolicy.Api.Search=Information",
        ],
        TimeSpan.FromSeconds(60));

    public void Dispose() => Directory.Delete(work, recursive: true);
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Crashes: the ingest command and the API, each killed with SIGKILL at random moments while
/// writing. After each kill the database passes SQLite's integrity check and FTS5's, every article
/// in it is whole (exactly what the engine makes of one text it was sent) or absent, the change
/// log and the kept revisions agree with it, and the next run completes. The seed of the moments is printed, so a failure can be replayed.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class CrashTests(ITestOutputHelper log) : IDisposable
{
    private const int Articles = 2000;
    private const int Kills = 20;

    private readonly string folder = Directory.CreateTempSubdirectory("koreapolicy-crash-").FullName;

    [Fact]
    public void TheFaultPagesParseAsMeant()
    {
        var expected = FaultCorpus.Expected("fault-0007", FaultCorpus.Page(7, 3));

        expected[0].Should().Be("title: Fault Article 7 Revision 3");
        expected.Skip(1).Should().HaveCount(FaultCorpus.ParagraphsPerArticle)
            .And.OnlyContain(p => p.Contains("of article 7, revision 3,"));
        expected.Skip(1).Select(p => p.Split(" | ")[0]).Distinct().Should().Equal("(lead)", "The Middle Section", "The Last Section");
    }

    [Fact]
    public async Task AnIngestOf2000ArticlesKilledAt20RandomMomentsLeavesEveryArticleWholeOrAbsentAndTheNextRunCompletes()
    {
        var seed = Environment.TickCount;
        log.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        var expected = new Dictionary<string, IReadOnlyList<string>>();
        for (var i = 1; i <= Articles; i++)
        {
            var text = FaultCorpus.Page(i, 1);
            await File.WriteAllTextAsync(Path.Combine(articles, $"{FaultCorpus.Slug(i)}.txt"), text);
            expected[FaultCorpus.Slug(i)] = FaultCorpus.Expected(FaultCorpus.Slug(i), text);
        }

        var database = Path.Combine(folder, "archive.db");
        var killed = 0;
        var timer = Stopwatch.StartNew();
        while (killed < Kills)
        {
            var before = LiveArticles(database);
            using var ingest = ChildProgram.Start("ingest", articles, $"--Database:Path={database}");

            // Once this run has written its first article, a random moment within the next 300 ms.
            while (!ingest.HasExited && LiveArticles(database) == before)
            {
                await Task.Delay(5);
            }

            await Task.Delay(random.Next(0, 300));
            if (ingest.HasExited)
            {
                break;
            }

            ingest.Kill();
            killed++;
            var stored = CheckWholeOrAbsent(database, expected);
            log.WriteLine($"kill {killed} at {timer.Elapsed.TotalSeconds:F1} s: {stored.Count} of {Articles} articles stored");
        }

        killed.Should().Be(Kills, "every run was killed before it finished");
        using var last = ChildProgram.Start("ingest", articles, $"--Database:Path={database}");
        (await last.WaitAsync(TimeSpan.FromMinutes(3))).Should().Be(0, last.Output);
        CheckWholeOrAbsent(database, expected).Keys.Should().BeEquivalentTo(expected.Keys, "the run after the kills completes the archive");
        log.WriteLine($"done in {timer.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task HttpWritesKilledMidRequestLeaveEveryArticleWholeOrAbsentAndEveryAnsweredWriteSaved()
    {
        var seed = Environment.TickCount;
        log.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var database = Path.Combine(folder, "archive.db");
        Migrations.Apply(new ArchiveDatabase(database));
        var key = new ApiKeys(new ArchiveDatabase(database), TimeProvider.System).Create("crash test", ApiScopes.Write).Text;
        SqliteConnection.ClearAllPools();

        // What each article was sent, in order, and the last of them a server answered 2xx to.
        var sent = new Dictionary<string, List<string>>();
        var acknowledged = new Dictionary<string, int>();
        var timer = Stopwatch.StartNew();
        for (var kill = 1; kill <= Kills; kill++)
        {
            var (server, address) = await ChildProgram.ServeAsync(database);
            using (server)
            {
                using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var stop = new CancellationTokenSource();
                var answered = 0;
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    var next = new Random(seed + (kill * 10) + w);
                    while (!stop.IsCancellationRequested)
                    {
                        // New articles and new revisions of earlier ones, each writer its own slugs.
                        var article = (w * 1000) + next.Next(1, 60);
                        var slug = FaultCorpus.Slug(article);
                        List<string> versions;
                        lock (sent)
                        {
                            versions = sent.TryGetValue(slug, out var known) ? known : sent[slug] = [];
                        }

                        // As a client does: read the article's ETag, then write on that condition (create
                        // only, when there is none). Each writer has slugs of its own, so none of this races.
                        var condition = await ConditionAsync(client, slug, stop.Token);
                        if (condition is null)
                        {
                            return;
                        }

                        var text = FaultCorpus.Page(article, versions.Count + 1);
                        versions.Add(text);
                        if (await PutAsync(client, slug, text, condition, stop.Token) is true)
                        {
                            lock (acknowledged)
                            {
                                acknowledged[slug] = versions.Count - 1;
                            }

                            Interlocked.Increment(ref answered);
                        }
                        else
                        {
                            // A request cut off by the kill: its fate is unknown, and the article may hold it or the one before.
                            return;
                        }
                    }
                })).ToList();

                // At a random moment once the server has answered a few writes: most kills land mid-request.
                while (Volatile.Read(ref answered) < 3)
                {
                    await Task.Delay(5);
                }

                await Task.Delay(random.Next(0, 250));
                server.Kill();
                stop.Cancel();
                await Task.WhenAll(writers);
            }

            var stored = CheckWholeOrAbsent(database, sent, acknowledged);
            log.WriteLine($"kill {kill} at {timer.Elapsed.TotalSeconds:F1} s: {stored.Count} articles stored, {acknowledged.Count} with an answered write");
        }

        // The next server starts on what the kills left and takes writes again.
        var (last, lastAddress) = await ChildProgram.ServeAsync(database);
        using (last)
        {
            using var client = new HttpClient { BaseAddress = lastAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var text = FaultCorpus.Page(9999, 1);
            (await PutAsync(client, FaultCorpus.Slug(9999), text, "", CancellationToken.None)).Should().BeTrue();
        }

        log.WriteLine($"done in {timer.Elapsed.TotalSeconds:F1} s");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The article's ETag, "" when there is no such article, null when the connection broke.</summary>
    private static async Task<string?> ConditionAsync(HttpClient client, string slug, CancellationToken cancel)
    {
        try
        {
            using var response = await client.GetAsync($"/api/articles/{slug}", cancel);
            return response.StatusCode == HttpStatusCode.NotFound ? "" : response.EnsureSuccessStatusCode().Headers.ETag!.Tag;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// PUT with If-Match (or with If-None-Match: * for ""): true for a 2xx, false when the connection
    /// broke (the server was killed); anything else fails the test.
    /// </summary>
    private static async Task<bool?> PutAsync(HttpClient client, string slug, string text, string ifMatch, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{slug}")
        {
            Content = new StringContent(text, Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation(ifMatch == "" ? "If-None-Match" : "If-Match", ifMatch == "" ? "*" : ifMatch);

        try
        {
            using var response = await client.SendAsync(request, cancel);
            response.IsSuccessStatusCode.Should().BeTrue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancel)}");
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int LiveArticles(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM articles";
            return Convert.ToInt32(command.ExecuteScalar());
        }
        catch (SqliteException)
        {
            // The first run is still creating the schema.
            return 0;
        }
    }

    /// <summary>After a kill: integrity, and each stored article exactly its file's text.</summary>
    private static Dictionary<string, IReadOnlyList<string>> CheckWholeOrAbsent(string database, Dictionary<string, IReadOnlyList<string>> expected)
    {
        FaultCorpus.IntegrityCheck(database).Should().Be("ok");
        FaultCorpus.ChangeLogDisagreements(database).Should().BeEmpty("each change is logged and its replaced revision kept in its own transaction");
        var stored = FaultCorpus.Stored(database);
        foreach (var (slug, paragraphs) in stored)
        {
            paragraphs.Should().Equal(expected[slug], $"{slug} is whole");
        }

        return stored;
    }

    /// <summary>
    /// After a kill of the API: integrity; each stored article is exactly one of the texts it was sent,
    /// the last answered one or a later one (sent, and cut off before its answer); each answered article is there.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> CheckWholeOrAbsent(
        string database, Dictionary<string, List<string>> sent, Dictionary<string, int> acknowledged)
    {
        FaultCorpus.IntegrityCheck(database).Should().Be("ok");
        FaultCorpus.ChangeLogDisagreements(database).Should().BeEmpty("each change is logged and its replaced revision kept in its own transaction");
        var stored = FaultCorpus.Stored(database);
        foreach (var (slug, paragraphs) in stored)
        {
            var versions = sent[slug].Select(text => FaultCorpus.Expected(slug, text)).ToList();
            var held = versions.FindIndex(v => v.SequenceEqual(paragraphs));
            held.Should().BeGreaterThanOrEqualTo(0, $"{slug} is whole: one of the texts it was sent");
            if (acknowledged.TryGetValue(slug, out var last))
            {
                held.Should().BeGreaterThanOrEqualTo(last, $"{slug}'s answered write (revision {last + 1}) is saved");
            }
        }

        acknowledged.Keys.Should().BeSubsetOf(stored.Keys, "every write the API answered 2xx is saved");
        return stored;
    }
}

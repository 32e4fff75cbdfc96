using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The ingest command (in processes of its own) and HTTP writers change the same articles while
/// 64 connections read them from the API (a process of its own). No write is lost: each HTTP write
/// lands on exactly the revision it read, or gets 412; the revisions of each article follow each
/// other without a gap or a repeat. No read shows two revisions at once. Nothing but 200s and the
/// expected 412s reaches a client, and no "database is locked" anywhere.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed partial class ConcurrentWritersTests(ITestOutputHelper log) : IDisposable
{
    private const int Articles = 6;
    private const int Readers = 64;
    private const int HttpWriters = 4;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    private readonly string folder = Directory.CreateTempSubdirectory("koreapolicy-concurrent-").FullName;

    private int nextRevision;

    [Fact]
    public async Task CommandAndHttpWritersChangeTheSameArticlesWhile64ConnectionsReadAndNoUpdateIsLostOrTorn()
    {
        var database = Path.Combine(folder, "archive.db");
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        WriteFiles(articles);
        Migrations.Apply(new ArchiveDatabase(database));
        var key = new ApiKeys(new ArchiveDatabase(database), TimeProvider.System).Create("concurrent test", ApiScopes.Write).Text;
        SqliteConnection.ClearAllPools();
        using (var first = ChildProgram.Start("ingest", articles, $"--Database:Path={database}"))
        {
            (await first.WaitAsync(TimeSpan.FromMinutes(2))).Should().Be(0, first.Output);
        }

        var (server, address) = await ChildProgram.ServeAsync(database);
        using (server)
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Readers + HttpWriters };
            using var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
            using var stop = new CancellationTokenSource(Duration);
            var statuses = new ConcurrentDictionary<int, int>();
            var problems = new ConcurrentQueue<string>();
            var writes = new ConcurrentQueue<(string Slug, int From, int To)>();

            var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(() => ReadAsync(http, r, statuses, problems, stop.Token))).ToList();
            var writers = Enumerable.Range(0, HttpWriters).Select(w => Task.Run(() => WriteAsync(http, key, w, statuses, problems, writes, stop.Token))).ToList();
            var commands = Task.Run(() => IngestAsync(articles, database, problems, stop.Token));
            await Task.WhenAll([.. readers, .. writers, commands]);

            var byStatus = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
            log.WriteLine($"{statuses.Values.Sum()} requests ({byStatus}); {writes.Count} HTTP writes landed; {commandRuns} ingest runs");
            problems.Should().BeEmpty();
            statuses.Keys.Should().BeSubsetOf([200, 412]);
            statuses.GetValueOrDefault(200).Should().BeGreaterThan(1000, "the readers read throughout");
            writes.Should().NotBeEmpty();
            commandRuns.Should().BeGreaterThan(1);
            server.Output.Should().NotContain("database is locked");

            // Each landed write was made on the revision it read; each article's revisions follow each other.
            writes.Should().OnlyContain(w => w.To == w.From + 1);
            var audit = AuditedRevisions(database);
            foreach (var slug in audit.Keys)
            {
                audit[slug].Should().Equal(Enumerable.Range(1, audit[slug].Count), $"{slug}: no two writers made the same revision");
            }

            foreach (var write in writes)
            {
                audit[write.Slug].Should().Contain(write.To);
            }

            audit.Values.Sum(r => r.Count).Should().Be(Articles + writes.Count + commandChanges, "every change is one revision, none lost");
            FaultCorpus.ChangeLogDisagreements(database).Should().BeEmpty("the change feed has every revision the writers made, in order");
        }
    }

    private int commandRuns;
    private int commandChanges;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Every article, again and again, through its JSON and its paragraph list: one revision per answer.</summary>
    private static async Task ReadAsync(HttpClient http, int reader, ConcurrentDictionary<int, int> statuses, ConcurrentQueue<string> problems, CancellationToken stop)
    {
        for (var i = reader; !stop.IsCancellationRequested; i++)
        {
            var slug = FaultCorpus.Slug((i % Articles) + 1);
            var path = i % 3 == 0 ? $"/api/articles/{slug}/paragraphs" : $"/api/articles/{slug}";
            try
            {
                using var response = await http.GetAsync(path, stop);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    problems.Enqueue($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop)}");
                    continue;
                }

                var body = await response.Content.ReadAsStringAsync(stop);
                var revisions = RevisionMarks().Matches(body).Select(m => m.Groups[1].Value).Distinct().ToList();
                if (revisions.Count != 1)
                {
                    problems.Enqueue($"GET {path} shows revisions {string.Join(", ", revisions)} at once");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Read the ETag, write a new revision on it: 200 if no one wrote in between, else 412. The
    /// requests are not cancelled when time is up: a write cut off after its commit would be a
    /// change the test did not count.
    /// </summary>
    private async Task WriteAsync(
        HttpClient http, string key, int writer, ConcurrentDictionary<int, int> statuses, ConcurrentQueue<string> problems,
        ConcurrentQueue<(string Slug, int From, int To)> writes, CancellationToken stop)
    {
        var random = new Random(writer);
        while (!stop.IsCancellationRequested)
        {
            var article = random.Next(1, Articles + 1);
            var slug = FaultCorpus.Slug(article);
            using var read = await http.GetAsync($"/api/articles/{slug}");
            statuses.AddOrUpdate((int)read.StatusCode, 1, (_, n) => n + 1);
            var from = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{slug}")
            {
                Content = new StringContent(FaultCorpus.Page(article, Interlocked.Increment(ref nextRevision)), Encoding.UTF8, "text/plain"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
            using var written = await http.SendAsync(request);
            statuses.AddOrUpdate((int)written.StatusCode, 1, (_, n) => n + 1);
            if (written.StatusCode == HttpStatusCode.OK)
            {
                writes.Enqueue((slug, from, (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32()));
            }
            else if (written.StatusCode != HttpStatusCode.PreconditionFailed)
            {
                problems.Enqueue($"PUT {slug}: {(int)written.StatusCode} {await written.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>The ingest command, run after run, each time on new texts of every article.</summary>
    private async Task IngestAsync(string articles, string database, ConcurrentQueue<string> problems, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            WriteFiles(articles);
            using var ingest = ChildProgram.Start("ingest", articles, $"--Database:Path={database}");
            var exit = await ingest.WaitAsync(TimeSpan.FromMinutes(2));
            commandRuns++;
            commandChanges += Regex.Count(ingest.Output, "^updated ", RegexOptions.Multiline);
            if (exit != 0 || ingest.Output.Contains("locked", StringComparison.OrdinalIgnoreCase))
            {
                problems.Enqueue($"ingest exited {exit}: {ingest.Output}");
            }
        }
    }

    private void WriteFiles(string articles)
    {
        for (var article = 1; article <= Articles; article++)
        {
            File.WriteAllText(Path.Combine(articles, $"{FaultCorpus.Slug(article)}.txt"), FaultCorpus.Page(article, Interlocked.Increment(ref nextRevision)));
        }
    }

    /// <summary>Per article, the revisions its changes made, in the order they were made.</summary>
    private static Dictionary<string, List<int>> AuditedRevisions(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT slug, revision FROM write_audit WHERE outcome IN ('created', 'updated') ORDER BY id";
        using var reader = command.ExecuteReader();
        var revisions = new Dictionary<string, List<int>>();
        while (reader.Read())
        {
            var slug = reader.GetString(0);
            (revisions.TryGetValue(slug, out var list) ? list : revisions[slug] = []).Add(reader.GetInt32(1));
        }

        return revisions;
    }

    // "revision 17," in every paragraph and "Revision 17" in the title of the same text.
    [GeneratedRegex(@"[Rr]evision (\d+)")]
    private static partial Regex RevisionMarks();
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// A disk that fills up in the middle of an ingest: the files that no longer fit get a clear
/// error, the articles saved before them stay whole, the API goes on serving reads and answers a
/// write with 507, and once there is room again writing goes on, without a restart. Once on a real
/// filesystem that fills (a 2 MiB tmpfs), once on the database's own size ceiling
/// (<c>Database:MaxSizeMegabytes</c>, SQLite's max_page_count), which needs no privilege.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class DiskFullTests(ITestOutputHelper log) : IDisposable
{
    private const int Articles = 300;

    private readonly string folder = Directory.CreateTempSubdirectory("koreapolicy-diskfull-").FullName;

    [TinyFilesystemFact]
    public async Task ATmpfsThatFillsMidIngestGivesAClearErrorKeepsEarlierArticlesWholeAndServesReadsOn()
    {
        using var disk = TinyFilesystem.Mount(2048);
        // Room to free later: the disk fills around it, and deleting it is how space comes back.
        var ballast = Path.Combine(disk.Folder, "ballast");
        await File.WriteAllBytesAsync(ballast, new byte[384 * 1024]);

        await FillAndCheckAsync(Path.Combine(disk.Folder, "archive.db"), [], () => File.Delete(ballast));
    }

    [Fact]
    public async Task ADatabaseAtItsSizeCeilingMidIngestGivesAClearErrorKeepsEarlierArticlesWholeAndServesReadsOn()
    {
        string[] ceiling = ["--Database:MaxSizeMegabytes=1"];

        await FillAndCheckAsync(Path.Combine(folder, "archive.db"), ceiling, freeSpace: null);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task FillAndCheckAsync(string database, string[] settings, Action? freeSpace)
    {
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        var expected = new Dictionary<string, IReadOnlyList<string>>();
        for (var i = 1; i <= Articles; i++)
        {
            var text = FaultCorpus.Page(i, 1);
            await File.WriteAllTextAsync(Path.Combine(articles, $"{FaultCorpus.Slug(i)}.txt"), text);
            expected[FaultCorpus.Slug(i)] = FaultCorpus.Expected(FaultCorpus.Slug(i), text);
        }

        Migrations.Apply(new ArchiveDatabase(database));
        var key = new ApiKeys(new ArchiveDatabase(database), TimeProvider.System).Create("disk test", ApiScopes.Write).Text;
        SqliteConnection.ClearAllPools();

        var (server, address) = await ChildProgram.ServeAsync(database, settings);
        using (server)
        {
            // --- The ingest fills the disk part of the way through.
            using var ingest = ChildProgram.Start(["ingest", articles, $"--Database:Path={database}", .. settings]);
            (await ingest.WaitAsync(TimeSpan.FromMinutes(3))).Should().Be(1, "some files could not be saved");
            var lines = ingest.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var saved = lines.Count(l => l.StartsWith("ingested ", StringComparison.Ordinal));
            var refused = lines.Where(l => l.StartsWith("error ", StringComparison.Ordinal)).ToList();
            log.WriteLine($"{saved} articles saved, {refused.Count} refused; first refusal: {refused.FirstOrDefault()}");
            saved.Should().BeInRange(1, Articles - 1, "the disk filled in the middle of the run");
            refused.Should().HaveCount(Articles - saved);
            refused.Should().OnlyContain(l => l.Contains("not saved, the database refused it") && l.Contains("database or disk is full"),
                "each refusal names its file and says the disk is full");

            // --- What was saved is whole.
            FaultCorpus.IntegrityCheck(database).Should().Be("ok");
            var stored = FaultCorpus.Stored(database);
            stored.Should().HaveCount(saved);
            foreach (var (slug, paragraphs) in stored)
            {
                paragraphs.Should().Equal(expected[slug], $"{slug} is whole");
            }

            // --- Reads go on.
            using var http = new HttpClient { BaseAddress = address };
            var list = await http.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=100");
            list.GetProperty("total").GetInt32().Should().Be(saved);
            var one = stored.Keys.First();
            (await http.GetAsync($"/api/articles/{one}")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await http.GetFromJsonAsync<JsonElement>("/api/search?q=deterrence")).GetProperty("total").GetInt32().Should().BePositive();

            // --- A write is refused as clearly, and leaves nothing behind.
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var missing = expected.Keys.First(k => !stored.ContainsKey(k));
            using var write = await Put(http, missing);
            var problem = await write.ShouldBeProblemAsync(HttpStatusCode.InsufficientStorage);
            problem.GetProperty("detail").GetString().Should().Contain("disk is full").And.Contain("nothing was saved");
            (await http.GetAsync($"/api/articles/{missing}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            FaultCorpus.IntegrityCheck(database).Should().Be("ok");

            // --- With room again, writing goes on without a restart.
            if (freeSpace is not null)
            {
                freeSpace();
                using var again = await Put(http, missing);
                again.StatusCode.Should().Be(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
                (await http.GetAsync($"/api/articles/{missing}")).StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }
    }

    private static async Task<HttpResponseMessage> Put(HttpClient http, string slug)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{slug}")
        {
            Content = new StringContent(FaultCorpus.Page(int.Parse(slug["fault-".Length..], System.Globalization.CultureInfo.InvariantCulture), 1), Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return await http.SendAsync(request);
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Api.Tests;

/// <summary>Responses come from memory until the archive changes, and never stay stale after it does.</summary>
public sealed class CachedResponsesTests
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    [Fact]
    public async Task ARepeatedRequestGetsTheSameBytes()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();

        var first = await client.GetByteArrayAsync($"/api/articles/{Slug}");
        var second = await client.GetByteArrayAsync($"/api/articles/{Slug}");

        second.Should().Equal(first);
    }

    [Fact]
    public async Task AChangeCommittedByAnotherWriterIsServedWithinOneSecond()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-cache-").FullName;
        try
        {
            var source = Path.Combine(AppContext.BaseDirectory, "Articles", $"{Slug}.txt");
            var path = Path.Combine(folder, $"{Slug}.txt");
            File.Copy(source, path);
            using var app = new KoreaPolicyApplication { ArticlesFolder = folder };
            var client = app.CreateClient();
            (await ParagraphThree(client)).Should().Contain("Scylla and Charybdis");
            var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=Scylla");
            search.GetProperty("total").GetInt32().Should().Be(1);

            // Another writer on the same file, as the ingest command in another process would be.
            File.WriteAllText(path, File.ReadAllText(source).Replace("Scylla and Charybdis", "a rock and a hard place", StringComparison.Ordinal));
            var writer = new IngestRun(new ArticleWriter(new ArchiveDatabase(app.DatabasePath), TimeProvider.System));
            writer.Ingest([path]).Single().Outcome.Should().Be(SaveOutcome.Updated);
            var changedAt = Stopwatch.StartNew();

            string text;
            do
            {
                text = await ParagraphThree(client);
            }
            while (text.Contains("Scylla", StringComparison.Ordinal) && changedAt.Elapsed < TimeSpan.FromSeconds(2));

            changedAt.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
            text.Should().Contain("a rock and a hard place");
            (await client.GetFromJsonAsync<JsonElement>("/api/search?q=Scylla")).GetProperty("total").GetInt32().Should().Be(0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> ParagraphThree(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{Slug}/paragraphs/3")).GetProperty("text").GetString()!;
}

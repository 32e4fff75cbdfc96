using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Api.Tests;

/// <summary>Liveness and readiness through ASP.NET Core's health checks, /health kept for the Docker probe.</summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task AReadyServerAnswers200AndNoOneMayStoreIt(string path)
    {
        using var app = new KoreaPolicyApplication();

        var response = await app.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("Healthy");
        body.GetProperty("schemaVersion").GetInt32().Should().Be(Migrations.Latest);
    }

    [Fact]
    public async Task WhileTheStartUpIngestionWaitsForTheDatabaseTheServerIsLiveButNotReady()
    {
        // Another writer (an ingest command, say) holds the database: the start-up ingestion waits for it.
        var folder = Directory.CreateTempSubdirectory("koreapolicy-health-").FullName;
        var path = Path.Combine(folder, "archive.db");
        Migrations.Apply(new ArchiveDatabase(path));
        using var writer = new SqliteConnection($"Data Source={path}");
        writer.Open();
        using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            begin.ExecuteNonQuery();
        }

        using var app = new KoreaPolicyApplication { DatabasePath = path, WaitForStartUpIngestion = false };
        var client = app.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var checks = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        checks.GetProperty("ingestion").GetProperty("status").GetString().Should().Be("Degraded");
        checks.GetProperty("archive").GetProperty("status").GetString().Should().Be("Healthy", "reading goes on while another writes");
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the Docker probe waits for the whole archive too");

        using (var rollback = writer.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/api/articles/{KoreaPolicyApplication.ArticleSlug}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ADatabaseOfAnotherSchemaIsLiveButNotReady()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();
        using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 999;";
            command.ExecuteNonQuery();
        }

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, path);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("status").GetString().Should().Be("Unhealthy");
            body.GetProperty("checks").GetProperty("archive").GetProperty("status").GetString().Should().Be("Unhealthy");
        }
    }
}

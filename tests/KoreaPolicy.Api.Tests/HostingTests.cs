using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Api.Tests;

/// <summary>The root redirect, errors and start-up (health: HealthProbeTests): each test that writes gets its own application.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task TheRootRedirectsToSwaggerUi()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/swagger");
        (await client.GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnUnknownRouteIsA404Problem()
    {
        using var app = new KoreaPolicyApplication();

        await (await app.CreateClient().GetAsync("/api/nothing-here")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AWrongMethodIsA405Problem()
    {
        using var app = new KoreaPolicyApplication();

        var response = await app.CreateClient().DeleteAsync($"/api/articles/{KoreaPolicyApplication.ArticleSlug}");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task AFailureInsideTheServerIsAProblemWithoutAStackTrace()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();
        // Not something a request can cause: the database file is destroyed under the running server.
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(app.DatabasePath, new byte[8192]);

        var response = await client.GetAsync("/api/articles");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        problem.TryGetProperty("exception", out _).Should().BeFalse();
    }

    [Fact]
    public async Task AStartUpFolderWithABadFileStillServesTheGoodOnes()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-startup-").FullName;
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Articles", $"{KoreaPolicyApplication.ArticleSlug}.txt"), Path.Combine(folder, "good.txt"));
            await File.WriteAllTextAsync(Path.Combine(folder, "empty.txt"), "");
            using var app = new KoreaPolicyApplication { ArticlesFolder = folder };

            var list = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/articles");

            list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()).Should().Equal("good");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RestartingOnTheSameDatabaseKeepsTheArticleUnchanged()
    {
        using var first = new KoreaPolicyApplication();
        var before = await first.CreateClient().GetStringAsync($"/api/articles/{KoreaPolicyApplication.ArticleSlug}");
        // A second server on the same file ingests the same folder at its start-up.
        using var again = new KoreaPolicyApplication { DatabasePath = first.DatabasePath };
        var after = await again.CreateClient().GetStringAsync($"/api/articles/{KoreaPolicyApplication.ArticleSlug}");

        after.Should().Be(before, "re-ingesting the same text changes nothing, revision and dates included");
    }
}

using System.Net.Http.Headers;
using System.Text;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaPolicy.Api.Tests;

/// <summary>Keys, clients and article texts for the tests that write.</summary>
internal static class WriteSupport
{
    public const string Slug = KoreaPolicyApplication.ArticleSlug;
    public const string ArticlePath = $"/api/articles/{Slug}";

    /// <summary>The repository's article, as the ingest command reads it.</summary>
    public static readonly string ArticleText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Articles", $"{Slug}.txt"));

    /// <summary>The article with a sentence of its own in paragraph 3 (which starts "Scylla and Charybdis"), so each variant differs.</summary>
    public static string Variant(string marker) =>
        ArticleText.Replace("Scylla and Charybdis", $"Scylla and Charybdis ({marker})", StringComparison.Ordinal);

    /// <summary>A key made in the application's own database, as the <c>keys add</c> command makes it.</summary>
    public static string AddKey(this KoreaPolicyApplication app, string scopes, string name = "test key") =>
        app.Services.GetRequiredService<ApiKeys>().Create(name, ApiScopeNames.Parse(scopes, out _)!.Value).Text;

    public static HttpClient ClientWithKey(this KoreaPolicyApplication app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    public static async Task<HttpResponseMessage> PublishAsync(this HttpClient client, string slug, HttpContent content, string? ifMatch = null, bool createOnly = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{slug}") { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (createOnly)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PatchMetadataAsync(this HttpClient client, string slug, string patch, string? ifMatch, string mediaType = "application/merge-patch+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/articles/{slug}/metadata")
        {
            Content = new StringContent(patch, Encoding.UTF8, mediaType),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> WithdrawAsync(this HttpClient client, string slug, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{slug}");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The ETag a GET of the article gives now.</summary>
    public static async Task<string> ETagAsync(this HttpClient client, string slug = Slug)
    {
        using var response = await client.GetAsync($"/api/articles/{slug}");
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.Tag;
    }

    /// <summary>The archive's content version, straight from the file: it rises with every change, and only then.</summary>
    public static long ArchiveVersion(this KoreaPolicyApplication app)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM archive_state";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Rows of a table, straight from the file.</summary>
    public static List<Dictionary<string, object?>> Rows(this KoreaPolicyApplication app, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }
}

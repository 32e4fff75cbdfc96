using Microsoft.Extensions.Logging;

namespace KoreaPolicy.Api.Tests;

/// <summary>ASP.NET Core's HTTP logging: off with the shipped levels, one line a request when its category is turned up.</summary>
public sealed class RequestLoggingTests
{
    private const string HttpLogging = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";
    private const string Secret = "s3cret-token-value";

    [Fact]
    public async Task WithTheShippedLevelsNoRequestIsLogged()
    {
        var logs = new LogCapture();
        using var app = new KoreaPolicyApplication { Logs = logs };
        var client = app.CreateClient();
        var before = logs.Entries.Count;

        (await client.GetAsync($"/api/articles/{KoreaPolicyApplication.ArticleSlug}")).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/search?q=alliance")).EnsureSuccessStatusCode();

        logs.Entries.Skip(before).Should().BeEmpty();
    }

    [Fact]
    public async Task TurnedOnEachRequestIsOneLineWithoutItsQueryOrAnyCredential()
    {
        var logs = new LogCapture();
        using var app = new KoreaPolicyApplication
        {
            Logs = logs,
            Settings = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging"] = "Information" },
        };
        var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/search?q=alliance&api_key={Secret}");
        request.Headers.Authorization = new("Bearer", Secret);
        request.Headers.Add("X-Api-Key", Secret);
        request.Headers.Add("Cookie", $"session={Secret}");

        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        var line = logs.Entries.Where(e => e.Category == HttpLogging).Should().ContainSingle().Subject;
        line.Level.Should().Be(LogLevel.Information);
        line.State["Path"]?.ToString().Should().Be("/api/search");
        line.State["StatusCode"]?.ToString().Should().Be("200");
        line.State.Should().ContainKey("Duration");
        line.State["Authorization"]?.ToString().Should().Be("[Redacted]", "a header not on the list is named, never shown");
        line.State.Should().NotContainKey("QueryString");
        foreach (var entry in logs.Entries)
        {
            entry.Message.Should().NotContain(Secret);
            entry.State.Values.Select(v => v?.ToString()).Should().NotContain(v => v != null && v.Contains(Secret));
        }
    }
}

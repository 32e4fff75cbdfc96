using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static KoreaPolicy.Api.Tests.WriteSupport;

namespace KoreaPolicy.Api.Tests;

/// <summary>API keys from the command line, scopes as policies, and what a client without the right key is told.</summary>
public sealed partial class KeysAndScopesTests
{
    [Fact]
    public async Task TheKeysCommandShowsANewKeyOnceKeepsOnlyItsHashListsAndRevokesIt()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-keys-").FullName;
        try
        {
            var database = $"--Database:Path={Path.Combine(folder, "archive.db")}";
            var added = await ProgramProcess.RunAsync("keys", "add", "--name", "editorial desk", "--scopes", "write,admin", database);

            added.ExitCode.Should().Be(0, added.Errors);
            var key = added.Output.Trim();
            KeyPattern().IsMatch(key).Should().BeTrue($"'{key}' is kp_<prefix>_<secret>, alone on standard output");
            var prefix = key.Split('_')[1];
            added.Errors.Should().Contain(prefix).And.Contain("shown this once").And.NotContain(key);

            var listed = await ProgramProcess.RunAsync("keys", "list", database);
            listed.ExitCode.Should().Be(0);
            var row = listed.Output.Split('\n').Single(line => line.Contains(prefix)).Split('\t');
            row[1..4].Should().Equal(prefix, "write,admin", row[3]);
            row[4].Should().Be("-");
            row[5].Trim().Should().Be("editorial desk");
            listed.Output.Should().NotContain(key.Split('_', 3)[2]);

            // Neither the secret's text nor its bytes are anywhere in the database.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = await File.ReadAllBytesAsync(Path.Combine(folder, "archive.db"));
            var secret = key.Split('_', 3)[2];
            Contains(file, Encoding.UTF8.GetBytes(secret)).Should().BeFalse();
            Contains(file, System.Buffers.Text.Base64Url.DecodeFromChars(secret)).Should().BeFalse();

            var revoked = await ProgramProcess.RunAsync("keys", "revoke", prefix, database);
            revoked.ExitCode.Should().Be(0, revoked.Errors);
            (await ProgramProcess.RunAsync("keys", "list", database)).Output.Split('\n').Single(line => line.Contains(prefix)).Split('\t')[4].Should().NotBe("-");
            (await ProgramProcess.RunAsync("keys", "revoke", "nosuchkey", database)).ExitCode.Should().Be(1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("keys", "add", "--scopes", "write")]
    [InlineData("keys", "add", "--name", "x")]
    [InlineData("keys", "add", "--name", "x", "--scopes", "write,delete")]
    [InlineData("keys", "revoke")]
    [InlineData("keys", "rotate")]
    public async Task AKeysCommandWithoutWhatItNeedsIsAUsageError(params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-keys-").FullName;
        try
        {
            var run = await ProgramProcess.RunAsync([.. arguments, $"--Database:Path={Path.Combine(folder, "archive.db")}"]);

            run.ExitCode.Should().Be(2);
            run.Errors.Should().Contain("usage: KoreaPolicy.Api keys");
            run.Output.Should().BeEmpty();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AWriteWithoutAKeyIs401WithABearerChallenge()
    {
        using var app = new KoreaPolicyApplication();

        using var response = await app.CreateClient().PublishAsync(Slug, Text(ArticleText));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Single().Scheme.Should().Be("Bearer");
        response.Headers.WwwAuthenticate.Single().Parameter.Should().Be("realm=\"KoreaPolicy\"");
        problem.GetProperty("detail").GetString().Should().Contain("Authorization: Bearer");
    }

    [Fact]
    public async Task AnUnknownKeyAndAKnownKeyWithAWrongSecretGetTheSameAnswer()
    {
        using var app = new KoreaPolicyApplication();
        var key = app.AddKey("write");
        var prefix = key.Split('_')[1];
        var wrongSecret = $"kp_{prefix}_{System.Buffers.Text.Base64Url.EncodeToString(new byte[32])}";
        var unknownPrefix = $"kp_zzzzzzzz_{key.Split('_', 3)[2]}";

        var answers = new List<(HttpStatusCode Status, string Challenge, string Body)>();
        foreach (var presented in new[] { wrongSecret, unknownPrefix, "kp_short", "not-a-key-at-all", key + "x" })
        {
            using var response = await app.ClientWithKey(presented).PublishAsync(Slug, Text(ArticleText));
            var body = JsonNode(await response.Content.ReadAsStringAsync());
            body.Remove("traceId");
            answers.Add((response.StatusCode, response.Headers.WwwAuthenticate.ToString(), body.ToJsonString()));
            body.ToJsonString().Should().NotContain(prefix, "the answer echoes nothing of the key");
        }

        answers.Should().AllBeEquivalentTo(answers[0]);
        answers[0].Status.Should().Be(HttpStatusCode.Unauthorized);
        answers[0].Challenge.Should().Contain("error=\"invalid_token\"");
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAtTheNextRequest()
    {
        using var app = new KoreaPolicyApplication();
        var key = app.AddKey("write");
        var client = app.ClientWithKey(key);
        (await client.PublishAsync("before-revoking", Text(Variant("a")))).StatusCode.Should().Be(HttpStatusCode.Created);

        app.Services.GetRequiredService<KoreaPolicy.Storage.ApiKeys>().Revoke(key.Split('_')[1]).Should().NotBeNull();

        await (await client.PublishAsync("after-revoking", Text(Variant("b")))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("read", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden, HttpStatusCode.OK)]
    [InlineData("write", HttpStatusCode.Created, HttpStatusCode.Forbidden)]
    [InlineData("read,write,admin", HttpStatusCode.Created, HttpStatusCode.OK)]
    public async Task EachScopeAllowsItsOwnRequestsAndNoOthers(string scopes, HttpStatusCode write, HttpStatusCode audit)
    {
        using var app = new KoreaPolicyApplication();
        var client = app.ClientWithKey(app.AddKey(scopes));

        (await client.GetAsync(ArticlePath)).StatusCode.Should().Be(HttpStatusCode.OK, "reading needs no scope");
        using var written = await client.PublishAsync("scoped", Text(Variant("scoped")));
        written.StatusCode.Should().Be(write);
        using var audited = await client.GetAsync("/api/audit");
        audited.StatusCode.Should().Be(audit);

        if (write == HttpStatusCode.Forbidden)
        {
            var problem = await written.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            problem.GetProperty("detail").GetString().Should().Contain("'write'");
        }

        if (audit == HttpStatusCode.Forbidden)
        {
            (await audited.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString().Should().Contain("'admin'");
        }
    }

    [Fact]
    public async Task TheAuditIsNeverStoredForOthers()
    {
        using var app = new KoreaPolicyApplication();
        var admin = app.ClientWithKey(app.AddKey("admin"));
        using var first = await admin.GetAsync("/api/audit");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.CacheControl!.NoStore.Should().BeTrue();
        first.Headers.CacheControl.Private.Should().BeTrue();

        await (await app.CreateClient().GetAsync("/api/audit")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.ClientWithKey(app.AddKey("write")).GetAsync("/api/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheAuditIsPaged()
    {
        using var app = new KoreaPolicyApplication();
        var writer = app.ClientWithKey(app.AddKey("write"));
        for (var i = 0; i < 5; i++)
        {
            await writer.PublishAsync($"paged-{i}", Text(Variant($"paged {i}")));
        }

        var page = await app.ClientWithKey(app.AddKey("admin")).GetFromJsonAsync<JsonElement>("/api/audit?page=2&pageSize=2");

        page.GetProperty("total").GetInt32().Should().Be(6, "five writes and the start-up ingestion");
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("slug").GetString()).Should().Equal("paged-2", "paged-1");
        page.GetProperty("links").GetProperty("next").GetString().Should().Be("/api/audit?page=3&pageSize=2");
    }

    [Fact]
    public async Task NoKeyEverReachesTheLogs()
    {
        var logs = new CapturedLogs();
        using var app = new KoreaPolicyApplication();
        using var logged = app.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(logs);
        }));
        var key = app.AddKey("write");
        var secret = key.Split('_', 3)[2];
        var writer = logged.CreateClient();
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var wrong = logged.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key[..^4] + "AAAA");

        (await writer.PublishAsync("logged", Text(Variant("logged")))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await wrong.PublishAsync("logged", Text(Variant("logged")))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await writer.PublishAsync("logged", Text("not an article"))).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        logs.Lines.Should().NotBeEmpty("logging at Trace records plenty");
        var part = secret[..16];
        logs.Lines.Should().NotContain(line => line.Contains(part, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusingAKeyTakesAsLongWhetherItsPrefixExistsOrNot()
    {
        using var app = new KoreaPolicyApplication();
        var prefix = app.AddKey("write").Split('_')[1];
        var wrongSecret = $"kp_{prefix}_{System.Buffers.Text.Base64Url.EncodeToString(new byte[32])}";
        var unknown = $"kp_zzzzzzzz_{System.Buffers.Text.Base64Url.EncodeToString(new byte[32])}";
        var keys = app.Services.GetRequiredService<KoreaPolicy.Storage.ApiKeys>();
        for (var i = 0; i < 200; i++)
        {
            keys.Authenticate(i % 2 == 0 ? wrongSecret : unknown);
        }

        // Batches interleaved (the order flipped every round), so the machine's moods fall on both
        // alike; the fastest batch of each, since a neighbour's load only ever adds time: the
        // minimum is the cost itself, where a median of single calls still moved with the load.
        const int batch = 25;
        var (known, absent) = (double.MaxValue, double.MaxValue);
        for (var round = 0; round < 80; round++)
        {
            foreach (var presented in round % 2 == 0 ? new[] { wrongSecret, unknown } : [unknown, wrongSecret])
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < batch; i++)
                {
                    keys.Authenticate(presented).Should().BeNull();
                }

                var perCall = clock.Elapsed.TotalMicroseconds / batch;
                (known, absent) = presented == wrongSecret ? (Math.Min(known, perCall), absent) : (known, Math.Min(absent, perCall));
            }
        }

        var ratio = known / absent;
        ratio.Should().BeInRange(0.75, 1.33, $"known prefix {known:F1} µs, unknown {absent:F1} µs");
    }

    private static System.Text.Json.Nodes.JsonObject JsonNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [GeneratedRegex("^kp_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyPattern();

    /// <summary>Every log line of every category, formatted with its exception.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

        public IReadOnlyList<string> Lines => [.. lines];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.lines.Enqueue($"{category} {formatter(state, exception)} {exception} {(state as IEnumerable<KeyValuePair<string, object?>>)?.Select(p => $"{p.Key}={p.Value}").Aggregate("", (a, b) => a + " " + b)}");
        }
    }
}

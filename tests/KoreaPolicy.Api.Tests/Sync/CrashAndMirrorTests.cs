using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;
using static KoreaPolicy.Api.Tests.WriteSupport;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Sync under faults and at length: an API process killed between a change's commit and its
/// delivery, the ingest command in another process, and a mirror built from the change feed alone.
/// </summary>
public sealed class CrashAndMirrorTests
{
    // Deliveries to the receiver on loopback, retried within a test's patience.
    private static readonly string[] DeliverQuickly =
    [
        "--Webhooks:AllowPrivateTargets=true",
        "--Webhooks:RetryDelay=00:00:00.100",
        "--Webhooks:MaxRetryDelay=00:00:00.500",
        "--Webhooks:PollInterval=00:00:00.200",
    ];

    [Fact]
    public async Task AChangeCommittedBeforeTheApiIsKilledIsDeliveredAfterTheRestartAndOneFromTheIngestCommandToo()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-crash-").FullName;
        var database = Path.Combine(folder, "archive.db");
        Migrations.Apply(new ArchiveDatabase(database));
        var key = new ApiKeys(new ArchiveDatabase(database), TimeProvider.System).Create("crash test", ApiScopes.Write | ApiScopes.Admin).Text;
        var receiverPort = ServedProgram.FreePort();
        var apiPort = ServedProgram.FreePort();
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        string messageId;

        var (api, address) = await ChildProgram.ServeAsync(database, apiPort, DeliverQuickly);
        using (api)
        {
            client.BaseAddress = address;
            // The receiver is down: the change commits, its delivery cannot go out.
            using var subscribed = await client.PostAsJsonAsync("/api/webhooks", new { url = $"http://127.0.0.1:{receiverPort}/hook" });
            var secret = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
            using var published = await client.PublishAsync("crash-article", Text(Variant("before the crash")));
            published.StatusCode.Should().Be(HttpStatusCode.Created);
            var (changes, _) = await client.ChangesAsync();
            changes.Select(c => c.GetProperty("slug").GetString()).Should().Contain("crash-article", "the change is committed");
            await Task.Delay(300);

            api.Kill();

            messageId = Scalar(database, "SELECT message_id FROM webhook_deliveries WHERE status = 'pending'");
            await using var receiver = await WebhookReceiver.StartAsync(receiverPort);
            receiver.Secret = secret;
            using var restarted = (await ChildProgram.ServeAsync(database, apiPort, DeliverQuickly)).Server;

            var delivered = await receiver.WaitForAsync(r => r.Count >= 1);
            delivered.Single().Id.Should().Be(messageId, "the same delivery, from the durable outbox");
            delivered.Single().Type.Should().Be("article.created");
            delivered.Single().Data.GetProperty("slug").GetString().Should().Be("crash-article");

            // The ingest command writes its change and its delivery in another process; the server's loop finds it.
            var file = Path.Combine(folder, "from-the-command.txt");
            await File.WriteAllTextAsync(file, Variant("from the command"));
            var (exit, output, errors) = await ProgramProcess.RunAsync("ingest", file, $"--Database:Path={database}");
            exit.Should().Be(0, errors);
            output.Should().Contain("ingested");
            var both = await receiver.WaitForAsync(r => r.Count >= 2);
            both[1].Type.Should().Be("article.created");
            both[1].Data.GetProperty("slug").GetString().Should().Be("from-the-command");
            receiver.Requests.Should().OnlyContain(r => r.Verified);
        }
    }

    [Fact]
    public async Task AMirrorBuiltOnlyFromTheChangeFeedEqualsTheArchiveAfter200RandomChanges()
    {
        using var app = SyncSupport.Served();
        var writer = app.ClientWithKey(app.AddKey("write"));
        var reader = app.ClientWithKey(app.AddKey("read"));
        var random = new Random(15);
        var slugs = Enumerable.Range(1, 8).Select(i => $"mirror-{i}").ToArray();
        var mirror = new Mirror();
        string? cursor = null;

        for (var change = 0; change < 200; change++)
        {
            var slug = slugs[random.Next(slugs.Length)];
            using var current = await writer.GetAsync($"/api/articles/{slug}");
            HttpResponseMessage response;
            if (current.StatusCode != HttpStatusCode.OK)
            {
                response = await writer.PublishAsync(slug, Text(Variant($"{slug} {change}")), createOnly: true);
            }
            else
            {
                var tag = current.Headers.ETag!.Tag;
                // The last changes withdraw what they meet, so that the end holds tombstones too.
                response = (change >= 190 ? 9 : random.Next(10)) switch
                {
                    < 5 => await writer.PublishAsync(slug, Text(Variant($"{slug} {change}")), tag),
                    < 8 => await writer.PatchMetadataAsync(slug, $$$"""{"correction":{"note":"Correction {{{change}}} of {{{slug}}}.","date":"2026-01-{{{1 + (change % 28):00}}}"}}""", tag),
                    _ => await writer.WithdrawAsync(slug, tag),
                };
            }

            response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().Should().NotBe("unchanged");
            response.Dispose();
            if (change % 13 == 0)
            {
                cursor = await mirror.FollowAsync(reader, cursor);
            }
        }

        await mirror.FollowAsync(reader, cursor);

        // Every live article: the same revision and the same text and facts.
        var live = (await reader.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=100")).GetProperty("items").EnumerateArray()
            .ToDictionary(a => a.GetProperty("slug").GetString()!, a => a.GetProperty("revision").GetInt32());
        mirror.Live.ToDictionary(a => a.Key, a => a.Value).Should().BeEquivalentTo(live);
        foreach (var slug in live.Keys)
        {
            Mirror.Content(await reader.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}")).Should().Be(mirror.Revisions[(slug, live[slug])], slug);
        }

        // Every tombstone, at its revision.
        foreach (var slug in slugs)
        {
            using var response = await reader.GetAsync($"/api/articles/{slug}");
            if (response.StatusCode == HttpStatusCode.Gone)
            {
                mirror.Tombstones.Should().Contain(slug, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32());
            }
            else
            {
                mirror.Tombstones.Should().NotContainKey(slug);
            }
        }

        // Every revision the archive keeps, with the same text.
        var kept = 0;
        foreach (var slug in slugs.Append(Slug))
        {
            if ((await reader.GetAsync($"/api/articles/{slug}/revisions")) is not { StatusCode: HttpStatusCode.OK } listed)
            {
                continue;
            }

            foreach (var revision in (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Where(r => r.GetProperty("kept").GetBoolean()))
            {
                var n = revision.GetProperty("revision").GetInt32();
                var archived = await reader.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}/revisions/{n}");
                Mirror.Content(archived.GetProperty("article")).Should().Be(mirror.Revisions[(slug, n)], $"{slug} revision {n}");
                kept++;
            }
        }

        kept.Should().Be(mirror.Revisions.Count, "the mirror holds every revision and no other");
        mirror.Tombstones.Should().NotBeEmpty("the last changes withdrew articles");
        mirror.Revisions.Count.Should().BeGreaterThan(150);
    }

    private static string Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>A partner's copy, built from nothing but the change feed and the links in it.</summary>
    private sealed class Mirror
    {
        public Dictionary<string, int> Live { get; } = [];

        public Dictionary<string, int> Tombstones { get; } = [];

        public Dictionary<(string Slug, int Revision), string> Revisions { get; } = [];

        public async Task<string> FollowAsync(HttpClient client, string? cursor)
        {
            var (changes, next) = await client.ChangesAsync(cursor, limit: 37);
            foreach (var change in changes)
            {
                var slug = change.GetProperty("slug").GetString()!;
                var revision = change.GetProperty("revision").GetInt32();
                if (change.GetProperty("kind").GetString() == "withdrawn")
                {
                    Live.Remove(slug);
                    Tombstones[slug] = revision;
                    continue;
                }

                var read = await client.GetFromJsonAsync<JsonElement>(change.GetProperty("links").GetProperty("revision").GetString());
                Revisions[(slug, revision)] = Content(read.GetProperty("article"));
                Live[slug] = revision;
                Tombstones.Remove(slug);
            }

            return next;
        }

        /// <summary>What a republisher keeps of an article: title, correction and paragraphs.</summary>
        public static string Content(JsonElement article) =>
            string.Join('\n', new[]
            {
                article.GetProperty("title").GetString()!,
                article.GetProperty("correction") is { ValueKind: JsonValueKind.Object } c ? c.GetProperty("note").GetString()! : "",
            }.Concat(article.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("paragraphs").EnumerateArray())
                .Select(p => p.GetProperty("text").GetString()!)));
    }
}

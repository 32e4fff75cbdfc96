using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace KoreaPolicy.FaultBench;

/// <summary>Article pages whose paragraphs name their revision, and the clients that write and read them.</summary>
internal static class Pages
{
    private const int Paragraphs = 12;

    public static string Slug(int article) => $"fault-{article:D4}";

    public static string Page(int article, int revision) => string.Join('\n',
    [
        "Korea Policy",
        "Korea Policy Vol. 2, Issue 1About Korea Policy",
        "Korea Policy is a journal published by the Korea Economic Institute of America in Washington, D.C.",
        $"Title: Fault Article {article} Revision {revision}",
        $"Author: Author {(char)('A' + (article % 26))} Writer",
        "Theme: Security, Trade",
        "Published June 1, 2025",
        .. Enumerable.Range(1, Paragraphs).Select(p =>
            $"In paragraph {p} of article {article}, revision {revision}, the partners weigh their commitments, the costs of deterrence and the politics of trade, and they find that no single answer holds for long."),
    ]) + "\n";

    /// <summary>PUT the page; condition null creates only (If-None-Match: *), else If-Match with it.</summary>
    public static Task<HttpResponseMessage> PutAsync(HttpClient http, Uri server, int article, int revision, string? condition, CancellationToken cancel = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(server, $"/api/articles/{Slug(article)}"))
        {
            Content = new StringContent(Page(article, revision), Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation(condition is null ? "If-None-Match" : "If-Match", condition ?? "*");
        return http.SendAsync(request, cancel);
    }

    /// <summary>
    /// Landed: 2xx; refused: 412. Lost: a 2xx whose new revision is not the one read plus one, so a
    /// write landed in between and this one overwrote it unseen. Errors: any other answer, of which
    /// locked: a body naming SQLite's "database is locked".
    /// </summary>
    public sealed record Writes(int Landed, int Refused, int Lost, int Errors, int Locked, List<double> PutMs);

    /// <summary>
    /// Writers that each read an article's ETag and write a new revision on it, for a while or until
    /// stopped; a write cut off by a kill ends its writer. <paramref name="answered"/> keeps, per
    /// slug, the highest revision a 2xx was answered for.
    /// </summary>
    public static async Task<Writes> WriteUnderContentionAsync(
        HttpClient http, Uri server, int articles, int writers, TimeSpan duration, CancellationToken stop, Dictionary<string, int>? answered = null)
    {
        var (landed, refused, lost, errors, locked) = (0, 0, 0, 0, 0);
        var times = new ConcurrentBag<double>();
        var until = Stopwatch.StartNew();
        var revision = Environment.TickCount & 0xFFFFF;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (until.Elapsed < duration && !stop.IsCancellationRequested)
            {
                var article = random.Next(1, articles + 1);
                try
                {
                    using var read = await http.GetAsync(new Uri(server, $"/api/articles/{Slug(article)}"), stop);
                    var etag = read.StatusCode == HttpStatusCode.OK ? read.Headers.ETag!.Tag : null;
                    var readRevision = read.StatusCode == HttpStatusCode.OK ? RevisionOf(await read.Content.ReadAsStringAsync(stop)) : 0;
                    var clock = Stopwatch.StartNew();
                    using var written = await PutAsync(http, server, article, Interlocked.Increment(ref revision), etag, stop);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    if (written.StatusCode == HttpStatusCode.PreconditionFailed)
                    {
                        Interlocked.Increment(ref refused);
                        continue;
                    }

                    var body = await written.Content.ReadAsStringAsync(stop);
                    if (!written.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        if (body.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
                        {
                            Interlocked.Increment(ref locked);
                        }

                        continue;
                    }

                    Interlocked.Increment(ref landed);
                    var now = RevisionOf(body);
                    if (now != readRevision + 1)
                    {
                        Interlocked.Increment(ref lost);
                    }

                    if (answered is not null)
                    {
                        lock (answered)
                        {
                            answered[Slug(article)] = Math.Max(answered.GetValueOrDefault(Slug(article)), now);
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    return;
                }
            }
        })));
        return new Writes(landed, refused, lost, errors, locked, [.. times]);
    }

    private static int RevisionOf(string json) => JsonDocument.Parse(json).RootElement.GetProperty("revision").GetInt32();

    /// <summary>Torn: a 200 whose title and paragraphs do not all name the same revision, or that lacks a paragraph.</summary>
    public sealed record Reads(int Count, int Failures, int Torn, List<double> Ms);

    /// <summary>Readers of the first eight articles, each connection a request at a time; every 200 is checked whole.</summary>
    public static async Task<Reads> ReadAsync(HttpClient http, Uri server, int connections, TimeSpan duration, CancellationToken stop)
    {
        var times = new ConcurrentBag<double>();
        var failures = 0;
        var torn = 0;
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            for (var i = c; until.Elapsed < duration && !stop.IsCancellationRequested; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(new Uri(server, $"/api/articles/{Slug((i % 8) + 1)}"), stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
                else if (RevisionsNamed(body) is var named && (named.Count != Paragraphs + 1 || named.Distinct().Count() != 1))
                {
                    Interlocked.Increment(ref torn);
                }
            }
        })));
        return new Reads(times.Count, failures, torn, [.. times]);
    }

    /// <summary>The revision each part of an article answer names: its title ("... Revision 7") and every paragraph ("..., revision 7, ...").</summary>
    private static List<string> RevisionsNamed(string json)
    {
        var article = JsonDocument.Parse(json).RootElement;
        return article.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("paragraphs").EnumerateArray())
            .Select(p => p.GetProperty("text").GetString()!)
            .Where(text => text.Contains(", revision ", StringComparison.Ordinal))
            .Select(text => text.Split(", revision ")[1].Split(',')[0])
            .Append(article.GetProperty("title").GetString()!.Split("Revision ")[1])
            .ToList();
    }
}

/// <summary>Nearest-rank percentiles.</summary>
internal static class Latency
{
    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>What a kill left in the database file.</summary>
internal static class Checks
{
    public static (string Integrity, string Fts) Integrity(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var integrity = (string)command.ExecuteScalar()!;
        command.CommandText = "INSERT INTO search_index (search_index) VALUES ('integrity-check')";
        try
        {
            command.ExecuteNonQuery();
            return (integrity, "ok");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return (integrity, e.Message);
        }
    }

    public static int Revision(string database, string slug)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT revision FROM articles WHERE slug = $slug";
        command.Parameters.AddWithValue("$slug", slug);
        return command.ExecuteScalar() is long revision ? (int)revision : 0;
    }
}

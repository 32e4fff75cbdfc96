using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KoreaPolicy.Bench;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Storage;

namespace KoreaPolicy.ReliabilityBench;

/// <summary>
/// Reads during writes: this process saves new versions of one article into the server's database
/// file as fast as it can while readers fetch the article, a feed and a search, every URL new so
/// each answer is built. Every version says which it is in its title and in each of its 40
/// paragraphs; an answer that shows two versions is torn. It must be 0.
/// </summary>
internal static class TornReadScenario
{
    private const int Paragraphs = 40;

    public static async Task<string> RunAsync(string database, ReliabilityOptions options)
    {
        var writer = new ArticleWriter(new ArchiveDatabase(database), TimeProvider.System);
        writer.Save(Version(0));
        using var server = await Api.StartAsync(database);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var (answers, torn, errors, request) = (0, 0, 0, 0);
        var firstTorn = "";
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.TornSeconds));

        async Task Check(string url, Func<JsonElement, IEnumerable<string>> versions)
        {
            using var response = await client.GetAsync($"{url}&n={Interlocked.Increment(ref request)}");
            Interlocked.Increment(ref answers);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
                return;
            }

            var seen = versions(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement).Distinct().ToList();
            if (seen.Count != 1 && Interlocked.Increment(ref torn) == 1)
            {
                firstTorn = $"{url}: {string.Join(", ", seen)}";
            }
        }

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Check("/api/articles/versioned?fields=title,sections", a => a.GetProperty("sections").EnumerateArray()
                    .SelectMany(s => s.GetProperty("paragraphs").EnumerateArray()).Select(p => VersionOf(p.GetProperty("text").GetString()!))
                    .Append(a.GetProperty("title").GetString()!));
                await Check("/api/search?q=paragraph&pageSize=100", s => s.GetProperty("items").EnumerateArray()
                    .SelectMany(h => new[] { VersionOf(h.GetProperty("text").GetString()!), h.GetProperty("article").GetProperty("title").GetString()! })
                    .Append(s.GetProperty("total").GetInt32() == Paragraphs ? VersionOf(s.GetProperty("items")[0].GetProperty("text").GetString()!) : "wrong total"));
                await Check("/feeds/articles.json?", f => f.GetProperty("items").EnumerateArray()
                    .Where(i => i.GetProperty("title").GetString()!.StartsWith("Version ", StringComparison.Ordinal))
                    .SelectMany(i => i.GetProperty("content_html").GetString()!.Split("<p id=\"p-").Skip(1).Select(p => VersionOf(p[(p.IndexOf('>') + 1)..]))
                        .Append(i.GetProperty("title").GetString()!)));
            }
        })).ToList();

        var saves = 0;
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            writer.Save(Version(++saves));
        }

        await Task.WhenAll(readers);
        var row = $"{saves:N0} saves in {clock.Elapsed.TotalSeconds:0} s; {answers:N0} answers built during them (article, search, feed); "
            + $"**{torn} torn**, {errors} errors.{(torn > 0 ? $" First: {firstTorn}" : "")}";
        Console.Error.WriteLine($"  {row}");
        return new StringBuilder().AppendLine("## Reads during writes").AppendLine()
            .AppendLine($"4 readers against the server while this process saves new versions of one article into its database file for {options.TornSeconds} s.").AppendLine()
            .AppendLine(row).AppendLine().ToString();
    }

    private static string VersionOf(string text) => text.Split(':')[0];

    private static KoreaPolicy.Model.ArticleRecord Version(int v)
    {
        var paragraphs = Enumerable.Range(1, Paragraphs).Select(i => $"Version {v}: paragraph {i} of the article, in its {v}th revision.");
        var text = $"Korea Policy\nKorea Policy Vol. 1, Issue 1\nTitle: Version {v}\nAuthor: Ann Lee\nTheme: Security\nPublished December 31, 2099\n{string.Join('\n', paragraphs)}\n";
        return ArticleRecords.Create(new ArticleFile("/bench/versioned.txt", text, null, null), ArticleParser.Parse(text));
    }
}

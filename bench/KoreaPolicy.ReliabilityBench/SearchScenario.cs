using System.Diagnostics;
using System.Text;
using KoreaPolicy.Bench;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;

namespace KoreaPolicy.ReliabilityBench;

/// <summary>
/// What one search costs at worst: queries shaped to be costly, over the most repetitive paragraphs
/// the limits allow (200 of 20,000 characters of one word), each asked three times under new URLs
/// (so none is answered from the store), with the shipped time budget (5 s). Reported per query:
/// the answer, the wall time and the server's CPU time per request. Then the per-hit marking alone,
/// in process, on one such paragraph.
/// </summary>
internal static class SearchScenario
{
    private static readonly (string Name, string Query)[] Queries =
    [
        ("an ordinary word", "alliance"),
        ("the word of every paragraph", "w"),
        ("a prefix of it", "w*"),
        ("a phrase of two", "\"w w\""),
        ("24 terms, all that word", string.Join(' ', Enumerable.Repeat("w", 24))),
        ("a phrase of 50", Phrase(50)),
        ("a phrase of 200 (the probe's kind)", Phrase(200)),
    ];

    public static async Task<string> RunAsync(string database, ReliabilityOptions options)
    {
        var report = new StringBuilder()
            .AppendLine("## CPU per search on worst-case paragraphs").AppendLine()
            .AppendLine("200 paragraphs of 20,000 characters of \"w w w ...\" beside the real article; each query three times, one at a time.").AppendLine()
            .AppendLine("| query | answer | wall time, median (max) | server CPU per request |")
            .AppendLine("|---|---|---|---|");
        using (var server = await Api.StartAsync(database))
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
            var n = 0;
            foreach (var (name, query) in Queries)
            {
                var times = new List<double>();
                var cpu = TimeSpan.Zero;
                var answers = new List<string>();
                for (var i = 0; i < 3; i++)
                {
                    var before = server.CpuTime() ?? TimeSpan.Zero;
                    var clock = Stopwatch.StartNew();
                    using var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}&n={++n}");
                    var body = await response.Content.ReadAsByteArrayAsync();
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    cpu += (server.CpuTime() ?? TimeSpan.Zero) - before;
                    answers.Add($"{(int)response.StatusCode} ({body.Length / 1024.0:0} KB)");
                }

                times.Sort();
                var row = $"| {name} | {string.Join(", ", answers.Distinct())} | {times[1]:0} ms ({times[^1]:0} ms) | {cpu.TotalMilliseconds / 3:0} ms |";
                report.AppendLine(row);
                Console.Error.WriteLine($"  {row}");
            }
        }

        // The marks of one hit, alone: the bounded pass over one worst-case paragraph.
        var paragraph = string.Join(' ', Enumerable.Repeat("w", 10_000));
        var costly = SearchQuery.Parse(Phrase(200));
        var word = SearchQuery.Parse("w");
        var best = new[] { costly, word }.Select(q => Enumerable.Range(0, 50).Min(_ =>
        {
            var clock = Stopwatch.StartNew();
            var (marks, _) = PassageMarks.Find(paragraph, q);
            PassageMarks.Snippet(paragraph, marks);
            return clock.Elapsed.TotalMicroseconds;
        })).ToList();
        report.AppendLine().AppendLine(
            $"Marking one such hit and choosing its snippet (in process, best of 50): {best[1]:0} µs for \"w\" (stops at 100 marks), "
            + $"{best[0]:0} µs for the 200-word phrase (stops at its budget of {PassageMarks.MaxComparisons:N0} comparisons).").AppendLine();
        return report.ToString();
    }

    private static string Phrase(int words) => "\"" + string.Join(' ', Enumerable.Repeat("w", words)) + "\"";
}

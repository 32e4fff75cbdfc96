using System.Diagnostics;
using Dapper;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Bench;

/// <summary>One query shape's cost below the API, in milliseconds per query (median and p99).</summary>
internal sealed record FloorResult(
    string Shape,
    double MeanMatches,
    Latency Count,
    Latency RankedPage,
    Latency Lucene,
    double LuceneMeanMatches);

/// <summary>A median and 99th percentile, in milliseconds.</summary>
internal sealed record Latency(double Median, double P99)
{
    public static Latency Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        return new Latency(Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.99));
    }

    /// <summary>Nearest rank over sorted figures, as every table of the report gives it.</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// What any search that answers like the issue asks (an exact total and a bm25-ranked page) must
/// spend at the least, measured on the benchmark's own database with the API stopped:
/// <list type="bullet">
/// <item>FTS5 counting the matches (<c>SELECT COUNT(*) ... MATCH</c>) and nothing else;</item>
/// <item>FTS5 ranking them for one page (<c>SELECT rowid ... ORDER BY rank LIMIT 20</c>): ids only,
/// no snippet, no highlight, no row read, no JSON;</item>
/// <item>for reference, Lucene.NET (the .NET search library) doing both in one call
/// (<c>IndexSearcher.Search(query, 20)</c>, BM25, exact total) over the same passages.</item>
/// </list>
/// The expressions are the API's own (<see cref="SearchQuery"/>), over the same rotation of queries
/// as the HTTP scenarios, so the rows compare with the "search, uncached" ones in the same run.
/// </summary>
internal static class SearchFloor
{
    private const string Count = "SELECT COUNT(*) FROM search_index WHERE search_index MATCH @Expression";

    // LIMIT 20: the API's default page size (Scenarios.PageSize).
    private const string RankedPage =
        "SELECT rowid FROM search_index WHERE search_index MATCH @Expression ORDER BY rank LIMIT 20";

    /// <summary>The query shapes of the uncached search scenarios, each a rotation of typed queries.</summary>
    private static IReadOnlyList<(string Shape, string[] Queries)> Shapes(IReadOnlyDictionary<string, string[]> values) =>
    [
        ("one word", [.. values["word"].Select(Uri.UnescapeDataString)]),
        ("two words", [.. values["twoWords"].Select(Uri.UnescapeDataString)]),
        ("phrase", [.. values["phrase"].Select(v => "\"" + Uri.UnescapeDataString(v) + "\"")]),
        ("prefix", [.. values["prefix"].Select(v => Uri.UnescapeDataString(v) + "*")]),
    ];

    public static IReadOnlyList<FloorResult> Run(
        ArchiveDatabase database, string workFolder, IReadOnlyDictionary<string, string[]> values, int rounds, Action<string> progress)
    {
        progress("  indexing the passages with Lucene.NET for reference...");
        using var lucene = LuceneReference.Build(database, Path.Combine(workFolder, "lucene"));
        progress($"  {lucene.Documents:N0} passages indexed in {lucene.IndexingTime.TotalSeconds:0.0} s");

        using var connection = database.Open();
        var results = new List<FloorResult>();
        foreach (var (shape, queries) in Shapes(values))
        {
            var expressions = queries.Select(q => SearchQuery.Parse(q).Expression).ToArray();
            var matches = expressions.Average(e => connection.ExecuteScalar<long>(Count, new { Expression = e }));

            // Warm: the statements are prepared, the pages mapped, Lucene's JIT done.
            foreach (var (query, expression) in queries.Zip(expressions))
            {
                connection.Query<long>(RankedPage, new { Expression = expression }).AsList();
                lucene.Search(SearchQuery.Parse(query), Scenarios.PageSize);
            }

            var count = new List<double>();
            var ranked = new List<double>();
            var reference = new List<double>();
            long luceneMatches = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (query, expression) in queries.Zip(expressions))
                {
                    var parameters = new { Expression = expression };
                    count.Add(Time(() => connection.ExecuteScalar<long>(Count, parameters)));
                    ranked.Add(Time(() => connection.Query<long>(RankedPage, parameters).AsList()));
                    // Parsing is inside the timing, as the API's own parse is inside its request.
                    var total = 0;
                    reference.Add(Time(() => total = lucene.Search(SearchQuery.Parse(query), Scenarios.PageSize)));
                    luceneMatches += total;
                }
            }

            var result = new FloorResult(
                shape, matches, Latency.Of(count), Latency.Of(ranked), Latency.Of(reference), (double)luceneMatches / reference.Count);
            progress($"  {shape}: {matches:N0} matches; count {result.Count.Median:0.00} ms, ranked page {result.RankedPage.Median:0.00} ms, Lucene.NET {result.Lucene.Median:0.00} ms");
            results.Add(result);
        }

        return results;
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}

using BenchmarkDotNet.Attributes;
using KoreaPolicy.Search;

namespace KoreaPolicy.Microbench;

/// <summary><see cref="SearchQuery.Parse"/> over the query language's shapes: word, words, phrase, prefix, OR with exclusion.</summary>
[MemoryDiagnoser]
public class SearchQueryBenchmarks
{
    [Params("alliance", "alliance tariffs", "\"security guarantees\"", "allian*", "tariff* OR sanctions -china")]
    public string Query { get; set; } = "";

    [Benchmark(Description = "SearchQuery.Parse")]
    public SearchQuery Parse() => SearchQuery.Parse(Query);
}

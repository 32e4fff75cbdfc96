using BenchmarkDotNet.Attributes;
using KoreaPolicy.Bench;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Microbench;

/// <summary>
/// The reader's hot queries on a small real database: the repository's article plus 200 generated
/// ones (the scale benchmark's checked corpus), ingested by the engine's own <see cref="IngestRun"/>.
/// Straight calls, no HTTP and no output cache: the work the API does when a response is not cached.
/// </summary>
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private const int GeneratedArticles = 200;
    private const string RealSlug = "korea-policy-vol-3-issue-2-klingner";

    private string folder = "";
    private ArchiveReader reader = null!;
    private PassageSearch search = null!;
    private SearchQuery word = null!;
    private SearchQuery phrase = null!;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("koreapolicy-microbench-").FullName;
        var articles = Path.Combine(folder, "articles");
        Corpus.Write(articles, GeneratedArticles, 20251215);
        File.WriteAllText(Path.Combine(articles, RealSlug + ".txt"), SourceArticle.Load().Text);

        var database = new ArchiveDatabase(Path.Combine(folder, "koreapolicy.db"));
        Migrations.Apply(database);
        var failures = new IngestRun(new ArticleWriter(database, TimeProvider.System)).Ingest([articles]).Where(r => r.Failed).ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"Ingestion failed: {failures[0].Error}");
        }

        reader = new ArchiveReader(database);
        search = new PassageSearch(database);
        word = SearchQuery.Parse("alliance");
        phrase = SearchQuery.Parse("\"security guarantees\"");
        if (reader.FindArticle(RealSlug) is null || FindSection() is null || FindParagraph() is null || DeepPage().Items.Count == 0)
        {
            throw new InvalidOperationException("The benchmark database lacks the real article or a deep page.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Description = "ArchiveReader.FindArticle (the real article)")]
    public ArticleDetail? FindArticle() => reader.FindArticle(RealSlug);

    [Benchmark(Description = "ArchiveReader.FindSection (the real article's section 2)")]
    public ArticlePart<SectionDetail>? FindSection() => reader.FindSection(RealSlug, SectionKey.At(2));

    [Benchmark(Description = "ArchiveReader.FindParagraph (the real article's paragraph 7)")]
    public ArticlePart<ParagraphDetail>? FindParagraph() => reader.FindParagraph(RealSlug, 7);

    [Benchmark(Description = "ArchiveReader.ListArticles (page 10 of 11, newest first)")]
    public Page<ArticleSummary> ListArticlesDeepPage() => DeepPage();

    [Benchmark(Description = "ArchiveReader.ListArticles (page 10 of 11, by title)")]
    public Page<ArticleSummary> ListArticlesDeepPageByTitle() => reader.ListArticles(ArticleFilter.None, ArticleSort.Title, new PageRequest(10, PageRequest.DefaultSize));

    [Benchmark(Description = "PassageSearch.Search (alliance, first page)")]
    public Page<PassageHit> SearchWord() => search.Search(word, ArticleFilter.None, PageRequest.First);

    [Benchmark(Description = "PassageSearch.Search (\"security guarantees\", first page)")]
    public Page<PassageHit> SearchPhrase() => search.Search(phrase, ArticleFilter.None, PageRequest.First);

    private Page<ArticleSummary> DeepPage() => reader.ListArticles(ArticleFilter.None, ArticleSort.NewestFirst, new PageRequest(10, PageRequest.DefaultSize));
}

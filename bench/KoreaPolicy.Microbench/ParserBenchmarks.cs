using BenchmarkDotNet.Attributes;
using KoreaPolicy.Bench;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Microbench;

/// <summary><see cref="ArticleParser.Parse"/> on the real article and on a long one built from generated paragraphs.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private const int LongArticleSources = 30;

    private string realArticle = "";
    private string longArticle = "";

    public static int LongArticleParagraphs { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        realArticle = SourceArticle.Load().Text;

        // The real article's page, then the paragraph lines (run-in headings and all) of 30
        // generated articles: about 400 paragraphs, the size of a long report.
        var body = new CorpusGenerator(SourceArticle.Load(), 20251215).Generate(LongArticleSources)
            .SelectMany(a => a.Text.Split('\n').SkipWhile(l => !l.StartsWith("Download PDF", StringComparison.Ordinal)).Skip(1))
            .Where(l => l.Length > 0);
        longArticle = realArticle.TrimEnd('\n') + "\n" + string.Join('\n', body) + "\n";
        LongArticleParagraphs = ArticleParser.Parse(longArticle).Paragraphs.Count();
        if (LongArticleParagraphs < 300)
        {
            throw new InvalidOperationException($"The long article parses into {LongArticleParagraphs} paragraphs; expected several hundred.");
        }
    }

    [Benchmark(Baseline = true, Description = "Parse: the real article (13 paragraphs, 6.5 KB)")]
    public ParsedArticle ParseRealArticle() => ArticleParser.Parse(realArticle);

    [Benchmark(Description = "Parse: a long article (real + 30 generated bodies)")]
    public ParsedArticle ParseLongArticle() => ArticleParser.Parse(longArticle);
}

using BenchmarkDotNet.Attributes;
using KoreaPolicy.Bench;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Microbench;

/// <summary>
/// <see cref="ArticleParser.Parse"/> on the real article, on a long one built from generated
/// paragraphs, and on one page of each layout of the publisher's page family (the parser tests'
/// fixtures, tests/KoreaPolicy.Tests/PageFamily), refused pages included.
/// </summary>
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

/// <summary>
/// <see cref="ArticleParser.Parse"/> on one page of each layout of the publisher's page family
/// (the parser tests' fixtures, tests/KoreaPolicy.Tests/PageFamily): the longest of each layout,
/// a page cut at the scrape's cap and a refused listing.
/// </summary>
[MemoryDiagnoser]
public class PageFamilyParserBenchmarks
{
    private string page = "";

    [ParamsSource(nameof(Pages))]
    public string Page { get; set; } = "";

    public static IEnumerable<string> Pages =>
    [
        "a-korea-policy-full-metadata.txt",       // A, 1,571 characters, every metadata line
        "a-korea-policy-issue-cut-mid-word.txt",  // A, cut at the cap (1,994)
        "b-korea-policy-from-the-issue.txt",      // B, 1,998
        "c-publication-source-cut-in-footer.txt", // C, 1,961
        "d-policy-brief.txt",                     // D, 1,083
        "e-recommendations-bullets.txt",          // E, with a sidecar title, 587
        "x-region-listing.txt",                   // refused, 263
    ];

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(PageFamilyParserBenchmarks).Assembly.GetManifestResourceStream($"PageFamily.{Page}")
            ?? throw new InvalidOperationException($"No embedded page {Page}.");
        page = new StreamReader(stream).ReadToEnd();
    }

    /// <summary>The page as an ingest run parses it, with a sidecar title (which only the bare page needs); a refusal is its result too.</summary>
    [Benchmark(Description = "Parse: a page of the family")]
    public ParsedArticle? ParsePage()
    {
        try
        {
            return ArticleParser.Parse(page, "A Title From the Sidecar");
        }
        catch (ArticleFormatException)
        {
            return null;
        }
    }
}

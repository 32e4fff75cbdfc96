using KoreaPolicy.Model;
using System.Text;
using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Tests.Reliability;

/// <summary>
/// Issue 10, item 5: 100,000 identical headings took 433 s to ingest, because each repeat tried
/// the suffixes -2, -3, ... from the start. The work of reading a page into a record must grow
/// in step with the page. Measured as the bytes the parse allocates on this thread (every
/// string cut, copied or formatted), which depends on the input alone, not on the machine's load:
/// eight times the input costs about eight times the bytes when the work is linear, and about
/// sixty-four times when it is quadratic.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ParsingScalesLinearlyTests
{
    // Linear work gives a ratio near 8 (less, with the fixed cost of the page around the shape).
    private const double MaxRatio = 16;

    public static TheoryData<string> Shapes => new() { "repeated heading", "glued controls", "many paragraphs", "long paragraph", "repeated bylines" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ReadingAPageCostsInProportionToItsSize(string shape)
    {
        ReadIntoRecord(Page(shape, 1));

        var small = AllocatedReading(Page(shape, 50));
        var large = AllocatedReading(Page(shape, 400));

        ((double)large / small).Should().BeLessThan(MaxRatio, $"{shape}: 50 repeats allocated {small:N0} bytes, 400 repeats {large:N0}");
    }

    /// <summary>A page whose body repeats one pathological shape <paramref name="n"/> times, within every limit at n = 400.</summary>
    internal static string Page(string shape, int n)
    {
        var body = new StringBuilder();
        var header = "Author: Ann Lee\nTheme: Security\n";
        switch (shape)
        {
            case "repeated heading":
                for (var i = 0; i < n; i++)
                {
                    body.Append("Background\nThe alliance endures in a changing region.\n");
                }

                break;
            case "glued controls":
                body.Append("Opening text of the article.\n");
                body.Append(string.Concat(Enumerable.Repeat("Download PDF", n * 20))).Append("The alliance endures.\n");
                break;
            case "many paragraphs":
                for (var i = 0; i < n; i++)
                {
                    body.Append("The alliance endures in a changing region, said Mr. Lee on Jan. 3.1\n");
                }

                break;
            case "long paragraph":
                body.Append(string.Concat(Enumerable.Repeat("Dr. Lee said U.S. aims, e.g. tariffs,3 shift. ", n))).Append('\n');
                break;
            case "repeated bylines":
                header = string.Concat(Enumerable.Range(0, n / 10).Select(i => $"Author: Writer Number{i}\n")) + "Theme: Security\n";
                body.Append("The alliance endures.\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape));
        }

        return "Korea Policy\nKorea Policy Vol. 1, Issue 1\n" + header + "Published June 1, 2025\n" + body;
    }

    internal static ArticleRecord ReadIntoRecord(string text)
    {
        var file = new ArticleFile("/archive/page.txt", text, null, null);
        return ArticleRecords.Create(file, ArticleParser.Parse(text));
    }

    private static long AllocatedReading(string text)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        ReadIntoRecord(text);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

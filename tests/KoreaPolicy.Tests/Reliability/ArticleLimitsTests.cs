using KoreaPolicy.Model;
using System.Text;
using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Tests.Reliability;

/// <summary>
/// Issue 10, items 5, 6 and 8: limits where the data enters, each a clear error naming the file,
/// the line and the limit; the probe's files are refused at once instead of ingested for minutes
/// into answers of hundreds of megabytes.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ArticleLimitsTests
{
    private const string Header = "Korea Policy\nKorea Policy Vol. 1, Issue 1\nAuthor: Ann Lee\nTheme: Security\nPublished June 1, 2025\n";

    [Fact]
    public void AMillionOneCharacterLinesAreRefusedForTheirNumberOfLinesBeforeTheyAreParsed()
    {
        using var archive = new TemporaryArchive();
        var path = archive.WriteText("lines.txt", Header + string.Concat(Enumerable.Repeat("x\n", 1_000_000)));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = () => ArticleFile.Read(path);
        var error = read.Should().Throw<IngestionException>().Which;

        error.Reason.Should().Be("has 1,000,005 lines; the limit for one article is 20,000");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(20L * new FileInfo(path).Length, "refusing the file is one pass over it");
    }

    [Fact]
    public void MoreParagraphsThanTheLimitAreRefused()
    {
        var text = Header + string.Concat(Enumerable.Range(1, ArticleLimits.MaxParagraphs + 1).Select(i => $"The alliance endures, paragraph {i}.\n"));

        var (error, _) = Refused(text);

        error.Reason.Should().Be("has 2,001 paragraphs; the limit for one article is 2,000");
    }

    [Fact]
    public void AHundredThousandIdenticalHeadingsAreRefusedForTheirNumberOfSectionsInLinearWork()
    {
        // The probe's 1.8 MB file, which took 433 s to ingest.
        var text = Header + "Opening text.\n" + string.Concat(Enumerable.Repeat("Background\nMore text here.\n", 100_000));

        var (error, allocated) = Refused(text);

        error.Reason.Should().Be("has 100,001 sections; the limit for one article is 500");
        text.Split('\n').Length.Should().BeGreaterThan(ArticleLimits.MaxLines, "the line limit would refuse the file on disk first; this is the parser's own limit");
        allocated.Should().BeLessThan(200L * text.Length, "refusing the file is linear work");
    }

    [Fact]
    public void AParagraphOverTheLimitIsRefusedNamingItsNumberAndLine()
    {
        var text = Header + "Opening text.\n" + new string('w', ArticleLimits.MaxParagraphLength + 1) + "\n";

        var (error, _) = Refused(text);

        error.Line.Should().Be(7);
        error.Reason.Should().Be("Paragraph 2 is 20,001 characters long; the limit is 20,000");
    }

    [Fact]
    public void AParagraphAtTheLimitIsTaken()
    {
        var text = Header + "Opening text.\n" + new string('w', ArticleLimits.MaxParagraphLength) + "\n";

        ParsingScalesLinearlyTests.ReadIntoRecord(text).Sections.SelectMany(s => s.Paragraphs).Last().Text.Length
            .Should().Be(ArticleLimits.MaxParagraphLength);
    }

    [Theory]
    [InlineData("Theme", "Theme: Foreign Relations, Security, Indo-Pacific, Geopolitics", 7)]
    [InlineData("Author", "Author: Bruce Klingner", 6)]
    public void AThemeOrAuthorLineOverTheLimitSaysSoRatherThanThatThePageListsSeveralItems(string name, string line, int number)
    {
        // The probe's shape: the long line ended the metadata block, so the Published line below it
        // was taken for a second item's date ("The page dates more than one item").
        var names = string.Join(", ", Enumerable.Range(1, 31).Select(i => $"Name{i}"));
        var text = ArticlePages.Klingner.Replace(line, $"{name}: {names}", StringComparison.Ordinal);

        var (error, _) = Refused(text);

        error.Line.Should().Be(number);
        error.Reason.Should().Be($"The {name} line has 31 words and {names.Length} characters; a metadata line holds at most 30 words and 500 characters.");
    }

    [Fact]
    public void AFirstLineOverTheLimitIsRefusedNamingItsLine()
    {
        var text = new string('K', 700) + "\nAuthor: Ann Lee\nPublished June 1, 2025\nText.\n";

        var (error, _) = Refused(text);

        error.Line.Should().Be(1);
        error.Reason.Should().Be("The title is 700 characters long; the limit is 500");
    }

    [Fact]
    public void MoreAuthorsThanTheLimitAreRefused()
    {
        var bylines = string.Concat(Enumerable.Range(1, 60).Select(i => $"Author: Writer Number{i}\n"));
        var text = "Korea Policy\nKorea Policy Vol. 1, Issue 1\n" + bylines + "Published June 1, 2025\nText.\n";

        var (error, _) = Refused(text);

        error.Reason.Should().Be("has 60 authors; the limit for one article is 50");
    }

    private static (IngestionException Error, long Allocated) Refused(string text)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = () => IngestRunParse(text);
        var error = read.Should().Throw<IngestionException>().Which;
        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // As an ingest run reads a file: parse errors become the file's IngestionException too.
    private static ArticleRecord IngestRunParse(string text)
    {
        var file = new ArticleFile("/archive/page.txt", text, null, null);
        try
        {
            return ArticleRecords.Create(file, ArticleParser.Parse(text));
        }
        catch (ArticleFormatException e)
        {
            throw new IngestionException(file.Path, e.Line, e.Message);
        }
    }
}

using System.Text.RegularExpressions;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Tests;

/// <summary>What an article record derives from the given article: slugs, title, numbers, summary, hash.</summary>
public sealed class ArticleRecordTests : IDisposable
{
    private const string FileName = "korea-policy-vol-3-issue-2-klingner.txt";
    private const string SidecarName = "korea-policy-vol-3-issue-2-klingner.meta.json";

    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    [Fact]
    public void TheGivenArticleIsSluggedAfterItsFileName()
    {
        var record = Klingner();

        record.Slug.Should().Be("korea-policy-vol-3-issue-2-klingner");
        record.SourceName.Should().Be(FileName);
    }

    [Fact]
    public void TheGivenArticleWithoutATitleGetsOneDerivedFromAuthorIssueAndDate()
    {
        var record = Klingner();

        record.Title.Should().Be("Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)");
        record.TitleSource.Should().Be(TitleSource.Derived);
    }

    [Fact]
    public void TheGivenArticlesSectionsAreSluggedFromTheirHeadingsWithLeadForTheUntitledOne()
    {
        var record = Klingner();

        record.Sections.Select(s => s.Slug).Should().Equal(
            "lead",
            "us-demands-more-promises-less-in-alliance",
            "us-stymied-on-outreach-to-north-korea",
            "tempestuous-time-for-the-alliance");
        record.Sections.Select(s => s.Position).Should().Equal(1, 2, 3, 4);
        record.Sections[0].Heading.Should().BeNull();
    }

    [Fact]
    public void TheGivenArticlesParagraphsAreNumberedOneToThirteenAcrossSections()
    {
        var record = Klingner();

        record.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Number).Should().Equal(Enumerable.Range(1, 13));
        record.Sections.Select(s => s.Paragraphs.Count).Should().Equal(5, 3, 2, 3);
    }

    [Fact]
    public void TheGivenArticleNamesItsJournalIssueAuthorAndThemesBySlug()
    {
        var record = Klingner();

        record.JournalSlug.Should().Be("korea-policy");
        record.IssueSlug.Should().Be("vol-3-issue-2");
        record.Authors.Should().Equal(new NamedRecord("bruce-klingner", "Bruce Klingner"));
        record.Themes.Select(t => t.Slug).Should().Equal("foreign-relations", "security", "indo-pacific", "geopolitics");
        record.Published.Should().Be(new DateOnly(2025, 12, 15));
    }

    [Fact]
    public void TheGivenArticlesSummaryIsItsOpeningCutAtASentenceEnd()
    {
        var record = Klingner();
        var opening = record.Sections[0].Paragraphs[0].Text;

        record.Summary.Should().Be(
            "The U.S.-South Korea partnership is being challenged by the uncertainty of both nations’ Indo-Pacific policies, "
            + "competing national objectives, and U.S. President Donald Trump’s willingness to risk long-standing alliances "
            + "in favor of transactional economic gains.");
        opening.Should().StartWith(record.Summary);
        record.Summary.Length.Should().BeLessThanOrEqualTo(300);
    }

    [Fact]
    public void TheGivenArticlesWordCountIsTheNumberOfWordsInItsParagraphs()
    {
        var record = Klingner();
        // Counted apart from the record's own code: runs of non-space characters holding a letter or digit.
        var expected = ArticleParser.Parse(ArticlePages.Klingner).Paragraphs
            .Sum(p => Regex.Count(p.Text, @"(?<!\S)(?=\S*[\p{L}\p{N}])\S+"));

        record.WordCount.Should().Be(expected);
        // And by hand: `wc -w` of the 13 text lines is 812, less "Download" and the 19 words of the three run-in headings.
        record.WordCount.Should().Be(812 - 1 - 19);
    }

    [Fact]
    public void ATitleFromTheSidecarWinsAndSaysTheEditorGaveIt()
    {
        archive.WriteText(SidecarName, """{ "title": " Tempestuous Times for the Alliance ", "doi": "10.1234/kp.3.2" }""");

        var record = Klingner();

        record.Title.Should().Be("Tempestuous Times for the Alliance");
        record.TitleSource.Should().Be(TitleSource.Editor);
        record.Doi.Should().Be("10.1234/kp.3.2");
    }

    [Fact]
    public void ATitleLineInTheTextGivesTheTitleAndSaysTheSourceGaveIt()
    {
        var text = ArticlePages.Klingner.Replace("Author: Bruce Klingner\n", "Title: Allies in Doubt\nAuthor: Bruce Klingner\n", StringComparison.Ordinal);
        text.Should().NotBe(ArticlePages.Klingner, "the title line must have gone in");

        var record = TemporaryArchive.RecordFor(archive.WriteText(FileName, text));

        record.Title.Should().Be("Allies in Doubt");
        record.TitleSource.Should().Be(TitleSource.Source);
    }

    [Fact]
    public void TheSameInputGivesTheSameHash()
    {
        var first = Klingner();
        var second = TemporaryArchive.RecordFor(archive.PathOf(FileName));

        second.ContentHash.Should().Be(first.ContentHash).And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void AChangedTextGivesADifferentHash()
    {
        var before = Klingner();
        var edited = ArticlePages.Klingner.Replace("multi-faceted", "many-sided", StringComparison.Ordinal);

        var after = TemporaryArchive.RecordFor(archive.WriteText(FileName, edited));

        after.ContentHash.Should().NotBe(before.ContentHash);
    }

    [Fact]
    public void AChangedSidecarGivesADifferentHash()
    {
        var bare = Klingner();
        archive.WriteText(SidecarName, """{ "license": "CC BY 4.0" }""");
        var withSidecar = TemporaryArchive.RecordFor(archive.PathOf(FileName));
        archive.WriteText(SidecarName, """{ "license": "CC BY-NC 4.0" }""");
        var withOtherSidecar = TemporaryArchive.RecordFor(archive.PathOf(FileName));

        new[] { bare.ContentHash, withSidecar.ContentHash, withOtherSidecar.ContentHash }.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void TwoSectionsWithTheSameHeadingGetDistinctSlugs()
    {
        var parsed = ArticleParser.Parse(ArticlePages.Klingner);
        var twice = parsed with
        {
            Sections = [parsed.Sections[0], parsed.Sections[1], parsed.Sections[1] with { }, parsed.Sections[1] with { }],
        };
        var file = ArticleFile.Read(archive.CopyKlingner());

        var record = ArticleRecords.Create(file, twice);

        record.Sections.Select(s => s.Slug).Should().Equal(
            "lead",
            "us-demands-more-promises-less-in-alliance",
            "us-demands-more-promises-less-in-alliance-2",
            "us-demands-more-promises-less-in-alliance-3");
    }

    [Fact]
    public void AnArticleWithoutParagraphsIsRefusedNamingItsFile()
    {
        var parsed = ArticleParser.Parse(ArticlePages.Klingner) with { Sections = [] };
        var path = archive.CopyKlingner();
        var file = ArticleFile.Read(path);

        var create = () => ArticleRecords.Create(file, parsed);

        create.Should().Throw<IngestionException>().Which.Message.Should().Be($"{path}: carries no article text");
    }

    [Fact]
    public void AFileWhoseNameGivesNoSlugIsRefusedNamingIt()
    {
        var path = archive.CopyKlingner("한국 정책.txt");

        var create = () => TemporaryArchive.RecordFor(path);

        create.Should().Throw<IngestionException>().Which.Message.Should().Be(
            $"{path}: its name gives no URL slug; rename it with Latin letters or digits");
    }

    [Theory]
    [InlineData("U.S. Demands More, Promises Less in Alliance", "us-demands-more-promises-less-in-alliance")]
    [InlineData("Korea’s Economy", "koreas-economy")]
    [InlineData("Korea's Economy", "koreas-economy")]
    [InlineData("Séoul", "seoul")]
    [InlineData("Ça va, Jeju? Über-Ñandú", "ca-va-jeju-uber-nandu")]
    [InlineData("Chosŏn Ilbo, Kim Il-sŭng", "choson-ilbo-kim-il-sung")]
    [InlineData("Ærø Straße", "aero-strasse")]
    [InlineData("3×3", "3-3")]
    [InlineData("Security -- & -- Defense!!!", "security-defense")]
    [InlineData("  ...Leading and trailing...  ", "leading-and-trailing")]
    [InlineData("Vol. 3, Issue 2", "vol-3-issue-2")]
    [InlineData("Indo-Pacific", "indo-pacific")]
    [InlineData("한국", "")]
    [InlineData("", "")]
    public void SlugFromGivesLowerCaseAsciiWordsJoinedBySingleHyphens(string text, string slug)
    {
        Slug.From(text).Should().Be(slug);
    }

    [Fact]
    public void AShortOpeningIsItsOwnSummary()
    {
        ArticleRecords.Summarize("One sentence. Two.").Should().Be("One sentence. Two.");
    }

    [Fact]
    public void AnOpeningWithoutAnEarlySentenceEndIsCutAtAWordWithAnEllipsis()
    {
        var opening = string.Join(' ', Enumerable.Repeat("alliance", 60));

        var summary = ArticleRecords.Summarize(opening);

        summary.Should().EndWith("alliance…");
        summary.Length.Should().BeLessThanOrEqualTo(301);
        opening.Should().StartWith(summary.TrimEnd('…'));
    }

    private ArticleRecord Klingner() =>
        TemporaryArchive.RecordFor(File.Exists(archive.PathOf(FileName)) ? archive.PathOf(FileName) : archive.CopyKlingner());
}

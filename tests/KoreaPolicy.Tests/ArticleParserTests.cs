using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Tests;

/// <summary>The given Korea Policy article, asserted value by value.</summary>
public sealed class ArticleParserTests
{
    private static readonly ParsedArticle Article = ArticleParser.Parse(ArticlePages.Klingner);

    [Fact]
    public void ParsingTheGivenArticleReadsTheJournalFromTheSeriesLine()
    {
        Article.Journal!.Name.Should().Be("Korea Policy");
        Article.Journal!.Publisher.Should().Be("Korea Economic Institute of America");
    }

    [Fact]
    public void ParsingTheGivenArticleJoinsBothBlurbLinesIntoTheDescription()
    {
        var lines = Article.Journal!.Description!.Split('\n');

        lines.Should().HaveCount(2);
        lines[0].Should().StartWith("Korea Policy is the premier journal for analysis and commentary")
            .And.EndWith("Contributions come from leading scholars, practitioners, and emerging voices across various fields.");
        lines[1].Should().Be("Korea Policy is an open-source academic journal commissioned, edited, and published by the Korea Economic Institute of America in Washington, D.C");
    }

    [Fact]
    public void ParsingTheGivenArticleSplitsTheIssueLabelFromTheGluedAboutHeading()
    {
        Article.Issue.Should().Be(new JournalIssue("Korea Policy Vol. 3, Issue 2", 3, 2));
    }

    [Fact]
    public void ParsingTheGivenArticleReadsItsFacts()
    {
        Article.Title.Should().BeNull("the page carries no title line");
        Article.Authors.Should().Equal("Bruce Klingner");
        Article.Themes.Should().Equal("Foreign Relations", "Security", "Indo-Pacific", "Geopolitics");
        Article.Published.Should().Be(new DateOnly(2025, 12, 15));
        Article.Metadata.Should().BeEmpty();
    }

    [Fact]
    public void ParsingTheGivenArticleFindsThirteenParagraphsInFourSections()
    {
        Article.Sections.Select(s => s.Heading).Should().Equal(
            null,
            "U.S. Demands More, Promises Less in Alliance",
            "U.S. Stymied on Outreach to North Korea",
            "Tempestuous Time for the Alliance");
        Article.Sections.Select(s => s.Paragraphs.Count).Should().Equal(5, 3, 2, 3);
        Article.Paragraphs.Should().HaveCount(13);
    }

    [Fact]
    public void ParsingTheGivenArticleDropsDownloadPdfFromTheFirstParagraph()
    {
        var first = Article.Paragraphs.First().Text;

        first.Should().StartWith("The U.S.-South Korea partnership is being challenged by the uncertainty of both nations’ Indo-Pacific policies");
        first.Should().EndWith("as Washington is more willing to force Seoul to conform to U.S. priorities.");
    }

    [Fact]
    public void ParsingTheGivenArticleRemovesRunInHeadingsFromTheirParagraphs()
    {
        Article.Sections[1].Paragraphs[0].Text.Should().StartWith("Having browbeaten South Korea into a disadvantageous trade deal");
        Article.Sections[2].Paragraphs[0].Text.Should().StartWith("While the Trump administration will quickly come into conflict");
        Article.Sections[3].Paragraphs[0].Text.Should().StartWith("As both the United States and South Korea find their footing");
    }

    [Theory]
    [InlineData(0, "The U.S.-South Korea partnership", "conform to U.S. priorities.")]
    [InlineData(1, "The election of President Lee Jae Mung brought", "the country’s future direction.")]
    [InlineData(2, "President Lee will attempt to maintain South Korea’s", "risk of retaliation by China.")]
    [InlineData(3, "The Trump administration’s Indo-Pacific policy remains bereft of details.", "the broader conservative movement.")]
    [InlineData(4, "Traditional Reaganite interventionist hawks", "commitment to its defense treaties.")]
    [InlineData(5, "Having browbeaten South Korea", "stationing U.S. forces on the Korean Peninsula.")]
    [InlineData(6, "The Trump administration advocates modernizing", "forces elsewhere in the region.")]
    [InlineData(7, "Two U.S.-South Korea leaders’ summits", "supporting role in defending Taiwan.")]
    [InlineData(8, "While the Trump administration will quickly", "during his October 2025 trip to South Korea.")]
    [InlineData(9, "The North Korean leader sees little need", "as does Kim’s lucrative cybercurrency crimes.")]
    [InlineData(10, "As both the United States and South Korea", "a more immediate economic threat than China.")]
    [InlineData(11, "The United States needs allies and partners", "uphold its treaty commitments to defend its allies.")]
    [InlineData(12, "The United States should well remember Winston Churchill’s famous maxim, “The only", "is fighting without them.”")]
    public void ParsingTheGivenArticleKeepsEachParagraphsBeginningAndEnding(int index, string start, string end)
    {
        var text = Article.Paragraphs.ElementAt(index).Text;

        text.Should().StartWith(start).And.EndWith(end);
    }

    [Fact]
    public void ParsingTheGivenArticleKeepsEveryParagraphCharacterForCharacter()
    {
        // The source lines, less the glued "Download PDF" and the run-in headings, are the paragraphs.
        var source = ArticlePages.Klingner.Split('\n')[8..];
        source[0] = source[0]["Download PDF".Length..];
        source[5] = source[5]["U.S. Demands More, Promises Less in Alliance. ".Length..];
        source[8] = source[8]["U.S. Stymied on Outreach to North Korea. ".Length..];
        source[10] = source[10]["Tempestuous Time for the Alliance. ".Length..];

        Article.Paragraphs.Select(p => p.Text).Should().Equal(source);
        Article.Paragraphs.Should().OnlyContain(p => p.Footnotes.Count == 0);
    }

    [Fact]
    public void ParsingTheGivenArticleLeavesNoPageFurnitureInTheText()
    {
        Article.Paragraphs.Should().NotContain(p =>
            p.Text.Contains("Download PDF") || p.Text.Contains("From the Issue") || p.Text.Contains("About Korea Policy"));
    }

    [Fact]
    public void ParsingTheGivenArticleRecognisesACompactJournalPageThatIsWholeAndUnremarkable()
    {
        Article.Layout.Should().Be(PageLayout.CompactJournal);
        Article.Kind.Should().Be(ArticleKind.JournalArticle);
        Article.Truncated.Should().BeFalse();
        Article.Warnings.Should().BeEmpty();
        Article.Facts.Should().BeEquivalentTo(ArticleFacts.None);
        Article.Paragraphs.Should().OnlyContain(p => p.Kind == ParagraphKind.Text);
    }

    [Fact]
    public void ParsingTheSameTextTwiceGivesEqualResults()
    {
        var again = ArticleParser.Parse(ArticlePages.Klingner);

        again.Journal.Should().Be(Article.Journal);
        again.Issue.Should().Be(Article.Issue);
        again.Should().BeEquivalentTo(Article, o => o.WithStrictOrdering());
    }
}

/// <summary>The article texts copied next to the test assembly.</summary>
internal static class ArticlePages
{
    public static string Klingner => Read("Articles", "korea-policy-vol-3-issue-2-klingner.txt");

    public static string Variant(string name) => Read("Variants", name);

    private static string Read(string folder, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, name));
}

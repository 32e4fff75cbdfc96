using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Tests;

/// <summary>Hand-written pages in the shapes keia.org serves besides the given article.</summary>
public sealed class VariantPageTests
{
    private static ParsedArticle Parse(string variant) => ArticleParser.Parse(ArticlePages.Variant(variant));

    [Fact]
    public void AnOnKoreaPageWithOnlyAVolumeLeavesAbsentFactsEmpty()
    {
        var article = Parse("on-korea-volume-only.txt");

        article.Journal.Should().Be(new Journal("On Korea", null, null));
        article.Issue.Should().Be(new JournalIssue("On Korea Volume 30", 30, null));
        article.Title.Should().Be("Rethinking Extended Deterrence After the Nuclear Debate in Seoul");
        article.Themes.Should().BeEmpty();
        article.Published.Should().BeNull();
        article.Metadata.Should().BeEmpty();
    }

    [Fact]
    public void AnAuthorsLineWithSuffixesAndMiddleInitialsKeepsEachNameWhole()
    {
        var article = Parse("on-korea-volume-only.txt");

        article.Authors.Should().Equal("Kim J. Park", "Joseph Yun, Jr.", "Sarah L. Choi");
    }

    [Fact]
    public void StandaloneHeadingLinesStartSectionsWithoutALeadSection()
    {
        var article = Parse("on-korea-volume-only.txt");

        article.Sections.Select(s => (s.Heading, s.Paragraphs.Count)).Should().Equal(
            ("Executive Summary", 1), ("Background", 2), ("Conclusion", 1));
        article.Sections[1].Paragraphs[1].Text.Should().Be(
            "Dr. Park’s survey of 1,200 respondents found support fell to 56.3 percent after the NCG was announced.");
    }

    [Fact]
    public void ASeriesLineSpelledDifferentlyFromItsLabelNamesTheJournal()
    {
        var article = Parse("koreas-economy-curly-label.txt");

        article.Journal!.Name.Should().Be("Korea's Economy");
        article.Journal!.Publisher.Should().Be("Korea Economic Institute of America");
        article.Journal!.Description.Should().Be(
            "Korea’s Economy is an annual survey of the South Korean economy and its ties with the United States, written for policymakers and the interested public.\n"
            + "Korea’s Economy is published by the Korea Economic Institute of America in Washington, D.C.");
        article.Issue.Should().Be(new JournalIssue("Korea’s Economy Volume 30", 30, null));
        article.Title.Should().Be("Semiconductors and the Supply-Chain Alliance");
        article.Authors.Should().Equal("Troy Stangarone");
        article.Themes.Should().Equal("Trade", "Economics");
        article.Published.Should().Be(new DateOnly(2025, 12, 15));
        article.Sections.Select(s => (s.Heading, s.Paragraphs.Count)).Should().Equal(
            (null, 1), ("Supply Chains Under Strain", 2));
        article.Paragraphs.First().Text.Should().StartWith("Korea’s chipmakers have become central");
    }

    [Fact]
    public void AJointStudiesPageReadsTitleLineMetadataAndFootnotes()
    {
        var article = Parse("joint-us-korea-dash-label.txt");

        article.Journal!.Name.Should().Be("Joint U.S.-Korea Academic Studies");
        article.Journal!.Publisher.Should().Be("Korea Economic Institute of America");
        article.Issue.Should().Be(new JournalIssue("Joint U.S.–Korea Academic Studies Vol. 29", 29, null));
        article.Title.Should().Be("The U.N. Command and the Future of the Armistice");
        article.Authors.Should().Equal("Gilbert Rozman", "Mary Ellen O’Connor", "Dae-Jung Lee");
        article.Themes.Should().Equal("Security", "International Law");
        article.Published.Should().Be(new DateOnly(2024, 12, 3));
        article.Metadata.Should().Equal(
            new MetadataEntry("Region", "Northeast Asia"),
            new MetadataEntry("Location", "Washington, D.C., United States"),
            new MetadataEntry("Category", "Academic Paper"),
            new MetadataEntry("Publication Source", "Joint U.S.-Korea Academic Studies"));
    }

    [Fact]
    public void AJointStudiesPageDropsBothDownloadLinksAndThePdfFallback()
    {
        var article = Parse("joint-us-korea-dash-label.txt");

        article.Sections.Should().HaveCount(2);
        article.Sections[0].Heading.Should().BeNull();
        // Records compare their footnote lists by reference, so the paragraph is compared field by field.
        var lead = article.Sections[0].Paragraphs.Should().ContainSingle().Subject;
        lead.Text.Should().Be(
            "The United Nations Command (UNC) has outlived the war it was created to fight. Its role today is largely symbolic, yet it still administers the Demilitarized Zone.");
        lead.Footnotes.Should().Equal(1);
        article.Sections[1].Heading.Should().Be("U.N. Command Revitalization Since 2018");
        article.Sections[1].Paragraphs.Select(p => (p.Text, string.Join(",", p.Footnotes))).Should().Equal(
            ("Since 2018, sending states have posted more officers to the UNC headquarters in Seoul. Dr. Kim calls this “quiet multilateralism.”", "2,3,4"),
            ("Seoul has welcomed the change, although some officials worry it gives Tokyo a voice in peninsular affairs.", "5"));
    }

    [Fact]
    public void ABlogPostWithItsDateBeforeItsAuthorParses()
    {
        var article = Parse("peninsula-blog-published-first.txt");

        article.Journal.Should().Be(new Journal("The Peninsula", null, null));
        article.Issue.Should().BeNull();
        article.Title.Should().Be("What Lee Jae Myung’s First Hundred Days Tell Us");
        article.Published.Should().Be(new DateOnly(2025, 12, 15));
        article.Authors.Should().Equal("Ellen Kim");
        article.Themes.Should().Equal("Politics");
        article.Sections.Select(s => (s.Heading, s.Paragraphs.Count)).Should().Equal(
            (null, 2), ("Domestic Priorities", 1), ("Foreign Policy", 1));
        article.Paragraphs.Last().Text.Should().Be(
            "On foreign policy, Lee has stressed “pragmatism.” He visited Tokyo before Washington, a first for a progressive president.");
    }

    [Fact]
    public void SiteNavigationAroundTheArticleStaysOutOfTheText()
    {
        var article = Parse("nav-wrapped-page.txt");

        article.Journal!.Name.Should().Be("Korea Policy");
        article.Journal!.Publisher.Should().Be("Korea Economic Institute of America");
        article.Journal!.Description!.Split('\n').Should().HaveCount(2);
        article.Issue.Should().Be(new JournalIssue("Korea Policy Vol. 4, Issue 1", 4, 1));
        article.Title.Should().Be("The Alliance at Seventy-Three");
        article.Authors.Should().Equal("Scott A. Snyder");
        article.Published.Should().Be(new DateOnly(2026, 3, 2));
        article.Sections.Select(s => s.Heading).Should().Equal(null, "Burden Sharing in a New Era");
        article.Paragraphs.Select(p => p.Text).Should().Equal(
            "The alliance turned seventy-three this year with little fanfare.",
            "Washington and Seoul still share a treaty, a command structure and, for now, a cost-sharing agreement.",
            "The 12th Special Measures Agreement raised Seoul’s contribution by 8.3 percent in 2026.");
    }

    [Fact]
    public void FootnoteMarkersLeaveTheTextButRealNumbersStay()
    {
        var article = Parse("footnote-markers.txt");

        article.Published.Should().Be(new DateOnly(2024, 9, 8));
        article.Sections.Should().ContainSingle().Which.Heading.Should().BeNull();
        article.Paragraphs.Select(p => (p.Text, string.Join(",", p.Footnotes))).Should().Equal(
            ("North Korea’s missile tests resumed in 2019. Analysts were not surprised by them. Pyongyang had signaled as much in its New Year address.", "1,2"),
            ("The South Korean defense budget grew by 4.5 percent, to buy more F-35. Critics called it “a down payment on the alliance.”", "12"),
            ("The tariffs, the sanctions, and the talks (which failed) defined the Trump era. See Vol. 3 and p.12 for details.", "3,4,5,6"),
            ("Officials said the October 2025 trip was “a success” even though no agreement was signed.", "7"));
    }

    [Fact]
    public void SeveralAuthorLinesAndABareDateAreRead()
    {
        var article = Parse("many-authors-bare-date.txt");

        article.Authors.Should().Equal("Victor Cha", "Andy Lim", "Kim J. Park", "Sue Mi Terry", "Bruce Klingner");
        article.Published.Should().Be(new DateOnly(2025, 12, 1));
        article.Themes.Should().Equal("Security");
        article.Issue.Should().Be(new JournalIssue("On Korea Volume 31", 31, null));
    }

    [Fact]
    public void RunInHeadingsWithAbbreviationsAreSplitAtTheRightPeriod()
    {
        var article = Parse("many-authors-bare-date.txt");

        article.Sections.Select(s => s.Heading).Should().Equal(
            "Mr. Kim and Dr. Lee Meet in Seoul", "St. Louis Hosts the Forum on Korea");
        article.Sections[0].Paragraphs.Single().Text.Should().Be("The two leaders met on Jan. 5 at the Blue House.");
        article.Sections[1].Paragraphs.Select(p => p.Text).Should().Equal(
            "Delegates from both countries attended the forum held in St. Louis.",
            "The forum closed with a joint statement.");
    }

    [Fact]
    public void ATeaserListingIsRejectedAtItsFirstReadMoreLink()
    {
        var parsing = () => Parse("teaser-listing.txt");

        parsing.Should().Throw<ArticleFormatException>()
            .WithMessage("The page is a listing of 3 teasers*not an article.")
            .Which.Line.Should().Be(6);
    }

    [Fact]
    public void AListingOfDatedTeasersWithoutLinksIsRejectedAtTheSecondDate()
    {
        var parsing = () => Parse("teaser-listing-without-links.txt");

        parsing.Should().Throw<ArticleFormatException>()
            .WithMessage("The page dates more than one item (\"Published September 10, 2025\"), so it is a listing, not an article.")
            .Which.Line.Should().Be(7);
    }

    [Fact]
    public void AProseNoteAfterTheMetadataIsArticleTextAndABlurbPublishedByLineIsNotADate()
    {
        var article = Parse("note-first-paragraph.txt");

        article.Journal!.Publisher.Should().Be("KEI");
        article.Journal!.Description.Should().Be(
            "Korea Policy is published by KEI in Washington, D.C.\nPublished by the Korea Economic Institute of America.");
        article.Published.Should().BeNull();
        article.Metadata.Should().Equal(new MetadataEntry("Region", "Korean Peninsula"));
        article.Sections.Select(s => s.Heading).Should().Equal(null, "Reunification Scenarios Revisited");
        article.Paragraphs.Select(p => p.Text).Should().Equal(
            "Note: The views expressed here are the author’s own.",
            "Few expected the division of Korea to last eighty years.");
    }

    [Fact]
    public void APageWithOnlyMetadataIsRejectedAtItsLastMetadataLine()
    {
        var parsing = () => Parse("metadata-only.txt");

        parsing.Should().Throw<ArticleFormatException>()
            .WithMessage("The page has metadata but no article text after it.")
            .Which.Line.Should().Be(7);
    }

    [Fact]
    public void ProseWithoutAnyArticleMetadataIsRejected()
    {
        var parsing = () => Parse("random-prose.txt");

        parsing.Should().Throw<ArticleFormatException>()
            .WithMessage("No article metadata found*")
            .Which.Line.Should().BeNull();
    }

    [Fact]
    public void MetadataWithoutASeriesLineIsRejectedRatherThanGuessingTheJournal()
    {
        var parsing = () => Parse("no-series-line.txt");

        parsing.Should().Throw<ArticleFormatException>()
            .WithMessage("No journal or series line precedes the article metadata.")
            .Which.Line.Should().Be(1);
    }

    [Fact]
    public void AnUnreadablePublishedDateIsRejectedAtItsLine()
    {
        var parsing = () => ArticleParser.Parse("Korea Policy\nAuthor: Bruce Klingner\nPublished February 30, 2025\nText.");

        parsing.Should().Throw<ArticleFormatException>()
            .WithMessage("Cannot read the publication date \"February 30, 2025\".")
            .Which.Line.Should().Be(3);
    }

    [Fact]
    public void WindowsLineEndingsParseLikeUnixOnes()
    {
        var unix = ArticlePages.Klingner;

        ArticleParser.Parse(unix.Replace("\n", "\r\n")).Should().BeEquivalentTo(ArticleParser.Parse(unix), o => o.WithStrictOrdering());
    }
}

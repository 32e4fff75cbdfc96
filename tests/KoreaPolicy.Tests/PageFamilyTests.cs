using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Tests;

/// <summary>
/// One page per layout and variant of the publisher's page family (PageFamily/README.md), each
/// checked value by value: journal, issue, title, kind, authors, themes, date, metadata, the
/// sections and their paragraphs, the text's first and last words, the warnings; and the pages
/// that are not articles, refused with the reason.
/// </summary>
public sealed class PageFamilyTests
{
    private const string KoreaPolicyPublisher = "Korea Economic Institute of America";

    private const string JointStudiesBlurb =
        "Joint U.S.-Korea Academic Studies is an annual volume of the papers presented at KEI’s academic symposium, "
        + "held each year with a university in the United States, and this year’s volume is "
        + "“Korea and the Changing Order in Northeast Asia”";

    private const string KoreasEconomyBlurb =
        "Korea’s Economy is KEI’s annual review of the South Korean economy, in which leading economists assess "
        + "the country’s growth, trade and economic policy choices and what they mean for the U.S.-Korea relationship.";

    // The Korea Policy blurb is the same text on every page of the series: the example article's.
    private static readonly string KoreaPolicyBlurb = ArticleParser.Parse(ArticlePages.Klingner).Journal!.Description!;

    internal static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PageFamily", name));

    private static ParsedArticle Page(string name, string? editorTitle = null) => ArticleParser.Parse(Text(name), editorTitle);

    private static void ShouldHaveSections(ParsedArticle article, params (string? Heading, int Paragraphs)[] sections) =>
        article.Sections.Select(s => (s.Heading, s.Paragraphs.Count)).Should().Equal(sections);

    private static void ShouldOpenAndClose(ParsedArticle article, string first, string last)
    {
        article.Paragraphs.First().Text.Should().StartWith(first);
        article.Paragraphs.Last().Text.Should().EndWith(last);
    }

    // ---------- A: the compact journal header ----------

    [Fact]
    public void ACompactKoreaPolicyPageWithoutMetadataIsAnArticleOfItsIssue()
    {
        var article = Page("a-korea-policy-issue-cut-mid-word.txt");

        article.Layout.Should().Be(PageLayout.CompactJournal);
        article.Kind.Should().Be(ArticleKind.JournalArticle);
        article.Journal.Should().Be(new Journal("Korea Policy", KoreaPolicyBlurb, KoreaPolicyPublisher));
        article.Issue.Should().Be(new JournalIssue("Korea Policy Vol. 1, Issue 3", 1, 3));
        article.Title.Should().BeNull();
        article.Authors.Should().BeEmpty();
        article.Themes.Should().BeEmpty();
        article.Published.Should().BeNull();
        article.Metadata.Should().BeEmpty();
        article.Facts.Should().BeEquivalentTo(ArticleFacts.None);
    }

    [Fact]
    public void TheKoreaPolicyBlurbIsTwoParagraphsEndingInDcWithoutAPeriodAndNeverText()
    {
        var article = Page("a-korea-policy-issue-cut-mid-word.txt");

        var paragraphs = article.Journal!.Description!.Split('\n');
        paragraphs.Should().HaveCount(2);
        paragraphs[1].Should().EndWith("in Washington, D.C");
        article.Paragraphs.Should().NotContain(p => p.Text.StartsWith("Korea Policy is", StringComparison.Ordinal));
    }

    [Fact]
    public void ACompactPageCutMidWordAtTheCapGoesInFlaggedAsTruncated()
    {
        var article = Page("a-korea-policy-issue-cut-mid-word.txt");

        ShouldHaveSections(article, (null, 3));
        ShouldOpenAndClose(article, "North Korea’s turn toward Moscow has changed", "rather than a forum for announcem");
        article.Paragraphs.Select(p => string.Join(",", p.Footnotes)).Should().Equal("1", "2", "");
        article.Paragraphs.First().Text.Should().Contain("and military technology. The partnership");
        article.Truncated.Should().BeTrue();
        article.Warnings.Should().ContainSingle().Which.Should().Be(new ParseWarning(8,
            "The text stops in mid-sentence (\"…g body rather than a forum for announcem\"): the page was cut off, so the article is incomplete."));
    }

    [Fact]
    public void ACompactPageWithAVolumeOnlyLabelAndNoDownloadMarkerKeepsItsArtifactsAsWritten()
    {
        var article = Page("a-korea-policy-volume-no-marker.txt");

        article.Layout.Should().Be(PageLayout.CompactJournal);
        article.Journal.Should().Be(new Journal("Korea Policy", KoreaPolicyBlurb, KoreaPolicyPublisher));
        article.Issue.Should().Be(new JournalIssue("Korea Policy Vol. 2", 2, null));
        ShouldHaveSections(article, (null, 3));
        ShouldOpenAndClose(article, "South Korea’s December 2024 martial law crisis", "should draw for the next one.");
        article.Paragraphs.First().Text.Should().Contain("the country’s democracy. Political institutions held");
        article.Paragraphs.First().Footnotes.Should().Equal(1);
        article.Paragraphs.ElementAt(1).Text.Should().Contain("South Korea’s own endeav- ors to settle");
        article.Truncated.Should().BeFalse();
        article.Warnings.Should().Equal(new ParseWarning(7, "1 hyphen(s) left by the PDF's line breaks kept as written: \"endeav- ors\"."));
    }

    [Fact]
    public void ACompactPageWithEveryMetadataLineReadsThemInTheirOrder()
    {
        var article = Page("a-korea-policy-full-metadata.txt");

        article.Layout.Should().Be(PageLayout.CompactJournal);
        article.Issue.Should().Be(new JournalIssue("Korea Policy Vol. 3, Issue 1", 3, 1));
        article.Title.Should().BeNull();
        article.Authors.Should().Equal("Ellen Kim");
        article.Themes.Should().Equal("Security", "Foreign Relations");
        article.Published.Should().Be(new DateOnly(2025, 3, 10));
        article.Metadata.Should().Equal(new MetadataEntry("Region", "Asia"), new MetadataEntry("Location", "Korea, North, Korea, South"));
        article.Facts.Region.Should().Be("Asia");
        article.Facts.Places.Should().Equal("Korea, North", "Korea, South");
        article.Facts.Category.Should().BeNull();
        article.Facts.SourceOrganisation.Should().BeNull();
        ShouldHaveSections(article, (null, 3));
        ShouldOpenAndClose(article, "Inter-Korean relations have reached", "a single nation divided by history.");
        article.Paragraphs.First().Footnotes.Should().Equal(1);
        article.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void AJointStudiesPageSplitsItsLabelByTheSeriesLinesOwnSpellingAndReadsTheYear()
    {
        var article = Page("a-joint-us-korea-year-label.txt");

        article.Layout.Should().Be(PageLayout.CompactJournal);
        article.Kind.Should().Be(ArticleKind.JournalArticle);
        article.Journal.Should().Be(new Journal("Joint U.S. Korea Academic Studies", JointStudiesBlurb, null));
        article.Issue.Should().Be(new JournalIssue("Joint U.S.-Korea Academic Studies 2015", null, null) { Year = 2015 });
        article.Title.Should().BeNull();
        ShouldHaveSections(article, (null, 3));
        ShouldOpenAndClose(article, "In the two decades since Korean films", "a complement to diplomacy, not a substitute for it.");
        article.Paragraphs.ElementAt(1).Text.Should().EndWith("or its security policies (Nye 2004, 11).");
        article.Paragraphs.Should().OnlyContain(p => p.Footnotes.Count == 0);
        article.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void AJointStudiesPageWithoutFromTheIssueOrALabelHasNoIssue()
    {
        var article = Page("a-joint-us-korea-no-issue-label.txt");

        article.Layout.Should().Be(PageLayout.CompactJournal);
        article.Journal.Should().Be(new Journal("Joint U.S. Korea Academic Studies", JointStudiesBlurb, null));
        article.Issue.Should().BeNull();
        ShouldHaveSections(article, (null, 2));
        ShouldOpenAndClose(article, "The Korea-U.S. Free Trade Agreement entered into force in March 2012", "adjusted with little disruption.");
        article.Truncated.Should().BeFalse();
    }

    [Fact]
    public void AKoreasEconomyPageKeepsItsStraightApostrophesAndReportsItsPdfArtifacts()
    {
        var article = Page("a-koreas-economy-volume.txt");

        article.Journal.Should().Be(new Journal("Korea's Economy", KoreasEconomyBlurb, null));
        article.Issue.Should().Be(new JournalIssue("Korea's Economy Volume 28", 28, null));
        ShouldHaveSections(article, (null, 3));
        ShouldOpenAndClose(article, "South Korea stayed out of the Trans-Pacific Partnership", "stepped back from trade agreements.");
        article.Paragraphs.Select(p => p.Text).Should().Contain(t => t.Contains("the TPP- 11, take shape"))
            .And.Contain(t => t.StartsWith("The fi rst argument", StringComparison.Ordinal))
            .And.Contain(t => t.Contains("when South Korea- Japan relations"));
        article.Warnings.Should().Equal(
            new ParseWarning(5, "2 hyphen(s) left by the PDF's line breaks kept as written: \"TPP- 11\", \"Korea- Japan\"."),
            new ParseWarning(6, "1 split ligature(s) from the PDF kept as written: \"fi rst\"."));
    }

    // ---------- B: the site's navigation and the journal header ----------

    [Fact]
    public void AFullKoreaPolicyPageTakesItsTitleAfterViewSeriesPublicationsNotTheIssueLabel()
    {
        var article = Page("b-korea-policy-from-the-issue.txt");

        article.Layout.Should().Be(PageLayout.SiteJournal);
        article.Kind.Should().Be(ArticleKind.JournalArticle);
        article.Journal.Should().Be(new Journal("Korea Policy", KoreaPolicyBlurb, KoreaPolicyPublisher));
        article.Issue.Should().Be(new JournalIssue("Korea Policy Vol. 1", 1, null));
        article.Title.Should().Be("Extended Deterrence After the Washington Declaration");
        article.Authors.Should().BeEmpty("no B page carries an Author line");
        article.Themes.Should().Equal("Security", "Nuclear Issues", "Geopolitics");
        article.Published.Should().Be(new DateOnly(2023, 6, 26));
        article.Metadata.Should().BeEmpty();
    }

    [Fact]
    public void AFullPageOpensWithItsSummaryHeadingAndIsCutMidSentenceAfterASpace()
    {
        var article = Page("b-korea-policy-from-the-issue.txt");

        ShouldHaveSections(article, ("SUMMARY", 3));
        ShouldOpenAndClose(article, "The Washington Declaration of April 2023 answered", "North’s seventh nuclear test was expected in");
        article.Paragraphs.First().Text.Should().EndWith("visible deployments of strategic assets.", "its trailing space is page layout");
        article.Paragraphs.First().Footnotes.Should().Equal(1);
        article.Truncated.Should().BeTrue();
        article.Warnings.Should().ContainSingle().Which.Line.Should().Be(39);
        article.Paragraphs.Should().NotContain(p =>
            p.Text.Contains("Total Index") || p.Text.Contains("Search All Site Content") || p.Text.Contains("Mailing List"));
    }

    [Fact]
    public void AFullJointStudiesPageWithoutTheRepeatedLabelReadsItsYearTitleAndHeading()
    {
        var article = Page("b-joint-us-korea-no-repeat.txt");

        article.Layout.Should().Be(PageLayout.SiteJournal);
        article.Journal.Should().Be(new Journal("Joint U.S. Korea Academic Studies", JointStudiesBlurb, null));
        article.Issue.Should().Be(new JournalIssue("Joint U.S.-Korea Academic Studies 2013", null, null) { Year = 2013 });
        article.Title.Should().Be("China’s Rise and the Future of the U.S.-ROK Alliance");
        article.Authors.Should().BeEmpty();
        article.Themes.Should().BeEmpty();
        article.Published.Should().Be(new DateOnly(2013, 12, 2));
        ShouldHaveSections(article, ("Executive Summary", 2));
        ShouldOpenAndClose(article, "China’s economic weight now shapes", "a slow accumulation of economic pressure.");
        article.Paragraphs.First().Text.Should().EndWith("a pillar of the service economy.");
        article.Truncated.Should().BeFalse();
        article.Warnings.Should().BeEmpty();
    }

    // ---------- C: the site's navigation, no series block ----------

    [Fact]
    public void APublicationPageWithoutASeriesBlockHasNoJournalAndItsTitleIsTheLineAfterTheNavigation()
    {
        var article = Page("c-region-location-footer.txt");

        article.Layout.Should().Be(PageLayout.SitePublication);
        article.Kind.Should().BeNull();
        article.Journal.Should().BeNull("the page shows none, and none is guessed");
        article.Issue.Should().BeNull();
        article.Title.Should().Be("North Korea’s Economy Under Sanctions: Evidence from Market Prices");
        article.Authors.Should().BeEmpty();
        article.Published.Should().Be(new DateOnly(2019, 10, 7));
        article.Metadata.Should().Equal(new MetadataEntry("Region", "Asia"), new MetadataEntry("Location", "Korea, North, Korea, South"));
        article.Facts.Places.Should().Equal("Korea, North", "Korea, South");
    }

    [Fact]
    public void AParagraphBrokenInMidSentenceIsJoinedAndThePdfFooterWithItsDownloadLinkIsDropped()
    {
        var article = Page("c-region-location-footer.txt");

        ShouldHaveSections(article, (null, 2));
        article.Paragraphs.First().Text.Should().Be(
            "Since 2017, United Nations sanctions have cut North Korea’s official exports by more than 90 percent. Yet the prices of rice "
            + "and corn in the country’s markets have stayed remarkably stable, which has puzzled keen observers of the North Korean "
            + "economy who expected shortages and inflation to follow.");
        article.Paragraphs.Last().Text.Should().EndWith("tolerating the growth of private trade.");
        article.Warnings.Should().ContainSingle().Which.Should().Be(new ParseWarning(21,
            "Joined a paragraph broken in mid-sentence (\"…emarkably stable, which has puzzled keen\" / \"observers of the North Korean economy wh…\")."));
        article.Truncated.Should().BeFalse();
    }

    [Fact]
    public void APublicationSourceBetweenPublishedAndDownloadIsTheSourceOrganisationAndACutFooterLeavesTheTextWhole()
    {
        var article = Page("c-publication-source-cut-in-footer.txt");

        article.Title.Should().Be("The Economic Effects of the Korea-U.S. Free Trade Agreement Ten Years On");
        article.Published.Should().Be(new DateOnly(2022, 3, 15));
        article.Metadata.Should().Equal(new MetadataEntry("Region", "Asia"), new MetadataEntry("Publication Source", "KIEP"));
        article.Facts.Should().BeEquivalentTo(new ArticleFacts("Asia", [], null, "KIEP"));
        ShouldHaveSections(article, (null, 4));
        ShouldOpenAndClose(article, "Ten years after the Korea-U.S. Free Trade Agreement", "including digital trade and supply chain resilience.");
        article.Truncated.Should().BeFalse();
        article.Warnings.Should().Equal(new ParseWarning(27,
            "The page was cut off inside the PDF viewer's footer; the article text above it is whole."));
    }

    [Fact]
    public void APublicationPageWhoseTitleIsFollowedByTheAbstractTakesTheFootersDownloadLinkForNoHeader()
    {
        var article = Page("c-title-then-abstract.txt");

        article.Layout.Should().Be(PageLayout.SitePublication);
        article.Title.Should().Be("Korea’s Defense Industry Goes Global");
        article.Published.Should().BeNull();
        article.Metadata.Should().BeEmpty();
        ShouldHaveSections(article, (null, 2));
        ShouldOpenAndClose(article, "South Korea has become one of the world’s fastest-growing", "for South Korea’s relations with Russia.");
        article.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void AnOlderPublicationPageCutInsideANumberAtTheCapIsTruncated()
    {
        var article = Page("c-cut-inside-a-number.txt");

        article.Title.Should().Be("Financing the Alliance: Host-Nation Support After the 12th SMA");
        article.Published.Should().Be(new DateOnly(2024, 11, 4));
        article.Facts.Region.Should().Be("Asia");
        ShouldHaveSections(article, (null, 5));
        ShouldOpenAndClose(article, "The 12th Special Measures Agreement, signed in November 2024", "would require a payment of roughly $5.");
        article.Truncated.Should().BeTrue();
        article.Warnings.Should().ContainSingle().Which.Message.Should().StartWith("The text stops inside a number");
    }

    // ---------- D: the blog ----------

    [Fact]
    public void APolicyBriefKeepsItsPrefixInTheTitleAndIsReadAsAPolicyBrief()
    {
        var article = Page("d-policy-brief.txt");

        article.Layout.Should().Be(PageLayout.SiteBlog);
        article.Kind.Should().Be(ArticleKind.PolicyBrief);
        article.Journal.Should().Be(new Journal("The Peninsula", null, null));
        article.Issue.Should().BeNull();
        article.Title.Should().Be("[Policy Brief] Rebuilding Trust in U.S. Extended Deterrence");
        article.Published.Should().Be(new DateOnly(2024, 5, 14));
        article.Authors.Should().Equal("Sang Hyun Lee");
        article.Metadata.Should().Equal(new MetadataEntry("Category", "Security"));
        article.Facts.Category.Should().Be("Security");
        ShouldHaveSections(article, (null, 1), ("Executive Summary", 1), ("Background", 1));
        article.Paragraphs.First().Text.Should().Be("This policy brief summarizes a longer paper in Korea Policy Vol. 2, Issue 1.");
        article.Paragraphs.Last().Text.Should().EndWith("have called it into question.");
        article.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void AKoreaPolicySeriesPostIsReadAsAJournalArticleAndLosesItsRightsNotice()
    {
        var article = Page("d-korea-policy-series.txt");

        article.Layout.Should().Be(PageLayout.SiteBlog);
        article.Kind.Should().Be(ArticleKind.JournalArticle);
        article.Title.Should().Be("Korea Policy Series: Economic Security and the U.S.-Korea Supply Chain Partnership");
        article.Authors.Should().Equal("Troy Stangarone");
        article.Published.Should().Be(new DateOnly(2024, 9, 9));
        article.Metadata.Should().BeEmpty();
        ShouldHaveSections(article, (null, 1), ("Executive Summary", 1), ("Background", 1));
        article.Paragraphs.Last().Text.Should().EndWith("commitments of more than $100 billion.");
        article.Paragraphs.Should().NotContain(p => p.Text.Contains("All rights reserved") || p.Text.Contains('©'));
    }

    [Fact]
    public void TheSamePostCrawledTwiceParsesTheSameWhateverItsCounterSays()
    {
        var first = Page("d-blog-post.txt");
        var second = Page("d-blog-post-second-crawl.txt");

        second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        first.Kind.Should().Be(ArticleKind.BlogPost);
        first.Title.Should().Be("What South Korea’s Local Elections Mean for Its Foreign Policy");
        first.Authors.Should().Equal("Mark Tokola");
        first.Published.Should().Be(new DateOnly(2026, 6, 4));
        first.Facts.Category.Should().Be("Politics");
        ShouldHaveSections(first, (null, 2), ("Background", 2));
    }

    // ---------- E: bare text ----------

    [Theory]
    [InlineData("e-abstract-alone.txt")]
    [InlineData("e-recommendations-bullets.txt")]
    [InlineData("e-blog-body.txt")]
    public void BareTextWithoutATitleInItsSidecarIsRefusedSayingWhatIsMissing(string name)
    {
        var parsing = () => Page(name);

        parsing.Should().Throw<ArticleFormatException>()
            .WithMessage("No article metadata found: the page has no journal masthead*no title with a metadata block*no title in a sidecar*")
            .Which.Line.Should().BeNull();
    }

    [Fact]
    public void BareTextWithASidecarTitleIsAnArticleOfNoJournal()
    {
        var article = Page("e-abstract-alone.txt", editorTitle: "Economic Security in the Alliance");

        article.Layout.Should().Be(PageLayout.Bare);
        article.Kind.Should().BeNull();
        article.Journal.Should().BeNull();
        article.Title.Should().BeNull("the editor's title is the record's, not the page's");
        ShouldHaveSections(article, (null, 1));
        ShouldOpenAndClose(article, "The United States and South Korea have long treated", "its ally and its largest trading partner.");
    }

    [Fact]
    public void BulletsUnderARecommendationsHeadingAreListItemsWithoutTheirBullets()
    {
        var article = Page("e-recommendations-bullets.txt", editorTitle: "North Korea’s Growing Arsenal");

        ShouldHaveSections(article, (null, 1), ("Policy Recommendations", 3));
        article.Sections[0].Paragraphs[0].Kind.Should().Be(ParagraphKind.Text);
        article.Sections[0].Paragraphs[0].Text.Should().EndWith("across the region and beyond (Hecker 2023).");
        article.Sections[1].Paragraphs.Select(p => (p.Kind, p.Text)).Should().Equal(
            (ParagraphKind.ListItem, "Deterrence: Washington and Seoul should make the Nuclear Consultative Group a standing body with its own staff."),
            (ParagraphKind.ListItem, "Diplomacy: The allies should keep an offer of talks without preconditions on the table, even if Pyongyang rejects it."),
            (ParagraphKind.ListItem, "Sanctions: Enforcement should focus on the networks that move North Korean workers and cryptocurrency."));
        article.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void ABlogBodyWithoutItsPageHasThePostsSectionsAndText()
    {
        var bare = Page("e-blog-body.txt", editorTitle: "What South Korea’s Local Elections Mean for Its Foreign Policy");
        var post = Page("d-blog-post.txt");

        bare.Layout.Should().Be(PageLayout.Bare);
        bare.Sections.Should().BeEquivalentTo(post.Sections, o => o.WithStrictOrdering());
    }

    [Fact]
    public void AnOldSitePageTakesTheLineSetApartByThreeBlankLinesAsItsTitle()
    {
        var article = Page("e-old-site-title.txt");

        article.Layout.Should().Be(PageLayout.Bare);
        article.Journal.Should().BeNull();
        article.Title.Should().Be("The Six-Party Talks and the Limits of Multilateralism");
        article.Published.Should().BeNull();
        ShouldHaveSections(article, (null, 2));
        ShouldOpenAndClose(article, "The Six-Party Talks began in August 2003", "what they were negotiating about.");
    }

    // ---------- pages that are not articles ----------

    [Theory]
    [InlineData("x-region-listing.txt", 1, "The page is a listing (\"24 Posts located\"), not an article.")]
    [InlineData("x-taxonomy-page.txt", 7, "The page is a taxonomy listing (it ends with its feed link, \"Syndicate content\"), not an article.")]
    [InlineData("x-metadata-only.txt", 13, "The page has metadata but no article text after it.")]
    public void PagesThatAreNotArticlesAreRefusedWithTheReasonAndLine(string name, int line, string reason)
    {
        var parsing = () => Page(name);

        parsing.Should().Throw<ArticleFormatException>().WithMessage(reason).Which.Line.Should().Be(line);
    }

    [Fact]
    public void TeaserLinesEndingInAnEllipsisMakeAListingEvenWithoutItsCounter()
    {
        var listing = string.Join('\n', Text("x-region-listing.txt").Split('\n').Skip(1));

        var parsing = () => ArticleParser.Parse(listing);

        parsing.Should().Throw<ArticleFormatException>()
            .WithMessage("The page is a listing of 4 teasers (lines ending in \"…\"), not an article.").Which.Line.Should().Be(1);
    }

    // ---------- records: titles and their sources ----------

    [Theory]
    [InlineData("a-korea-policy-full-metadata.txt", null, "Ellen Kim, Korea Policy Vol. 3, Issue 1 (March 10, 2025)", TitleSource.Derived)]
    [InlineData("a-joint-us-korea-year-label.txt", null, "Joint U.S.-Korea Academic Studies 2015", TitleSource.Derived)]
    [InlineData("a-joint-us-korea-no-issue-label.txt", null, "Joint U.S. Korea Academic Studies", TitleSource.Derived)]
    [InlineData("b-korea-policy-from-the-issue.txt", null, "Extended Deterrence After the Washington Declaration", TitleSource.Source)]
    [InlineData("d-policy-brief.txt", null, "[Policy Brief] Rebuilding Trust in U.S. Extended Deterrence", TitleSource.Source)]
    [InlineData("e-abstract-alone.txt", "Economic Security in the Alliance", "Economic Security in the Alliance", TitleSource.Editor)]
    public void ARecordsTitleComesFromThePageTheEditorOrItsFactsAndSaysWhich(string name, string? editorTitle, string title, TitleSource source)
    {
        var file = new ArticleFile(name, Text(name), editorTitle is null ? null : new ArticleSidecar(editorTitle, null, null, null), null);

        var record = ArticleRecords.Create(file, ArticleParser.Parse(file.Text, editorTitle));

        (record.Title, record.TitleSource).Should().Be((title, source));
    }

    [Fact]
    public void AnArticleWithNoTitleJournalAuthorOrDateIsLabelledByItsOpeningWords()
    {
        var parsed = new ParsedArticle(null, null, null, [], [], null,
            [new ParsedSection(null, [new ParsedParagraph("The United States and South Korea have long treated their alliance as a bulwark.", [])])], []);

        var record = ArticleRecords.Create(new ArticleFile("bare.txt", "text", null, null), parsed);

        record.Title.Should().Be("The United States and South Korea have long…");
        record.TitleSource.Should().Be(TitleSource.Derived);
        record.JournalSlug.Should().BeNull();
    }

    // ---------- every page of the family ----------

    public static TheoryData<string> Articles => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "PageFamily"), "*.txt")
        .Select(Path.GetFileName).Where(n => !n!.StartsWith("x-", StringComparison.Ordinal)).Order()!);

    [Theory]
    [MemberData(nameof(Articles))]
    public void NoPageOfTheFamilyLeavesFurnitureOrEmptySectionsInItsText(string name)
    {
        var article = Page(name, editorTitle: "A Title From the Sidecar");

        article.Sections.Should().OnlyContain(s => s.Paragraphs.Count > 0);
        article.Paragraphs.Should().NotContain(p =>
            p.Text.Contains("Download PDF") || p.Text.Contains("This browser does not support") || p.Text.Contains("Total Index")
            || p.Text.Contains("View Series Publications") || p.Text.Contains("From the Issue") || p.Text.StartsWith("About ", StringComparison.Ordinal)
            || p.Text.Contains("Search All Site Content") || p.Text.Contains("Mailing List") || p.Text.Contains("newsletter"));
    }
}

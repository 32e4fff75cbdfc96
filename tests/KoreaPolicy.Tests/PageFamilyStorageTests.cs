using Dapper;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Tests;

/// <summary>
/// The page family in the archive: articles without a journal, their facts as filters, issue
/// years, list items, truncated texts, duplicates of one article under other files, and the
/// migration that made the journal optional without losing a row.
/// </summary>
public sealed class PageFamilyStorageTests : IDisposable
{
    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    private string Copy(string fixture, string? name = null, string? sidecar = null)
    {
        name ??= fixture;
        if (sidecar is not null)
        {
            archive.WriteText(ArticleFile.SidecarPathFor(name), sidecar);
        }

        return archive.WriteText(name, PageFamilyTests.Text(fixture));
    }

    private IngestResult Ingest(string path) => new IngestRun(archive.Writer).Ingest([path]).Single();

    private IReadOnlyList<string> Slugs(ArticleFilter filter) =>
        archive.Reader.ListArticles(filter, ArticleSort.Title, PageRequest.First).Items.Select(a => a.Slug).ToList();

    [Fact]
    public void AnArticleWithoutAJournalIsStoredAndReadBackWithNoJournal()
    {
        Ingest(Copy("c-publication-source-cut-in-footer.txt"));

        var article = archive.Reader.FindArticle("c-publication-source-cut-in-footer")!;

        article.Summary.Journal.Should().BeNull();
        article.Summary.Issue.Should().BeNull();
        article.Summary.Kind.Should().BeNull();
        article.Summary.Title.Should().Be("The Economic Effects of the Korea-U.S. Free Trade Agreement Ten Years On");
        article.Summary.TitleSource.Should().Be("source");
        article.Summary.Authors.Should().BeEmpty();
        article.Summary.Published.Should().Be(new DateOnly(2022, 3, 15));
        article.Layout.Should().Be("C");
        article.Facts.Should().BeEquivalentTo(new ArticleFactRefs(new NamedRef("asia", "Asia"), [], null, new NamedRef("kiep", "KIEP")));
        article.Warnings.Should().Equal("line 27: The page was cut off inside the PDF viewer's footer; the article text above it is whole.");
        archive.Reader.ListJournals(PageRequest.First).Items.Should().BeEmpty();
    }

    [Fact]
    public void TheKnownMetadataFactsFilterArticleLists()
    {
        Ingest(Copy("a-korea-policy-full-metadata.txt"));
        Ingest(Copy("c-region-location-footer.txt"));
        Ingest(Copy("c-publication-source-cut-in-footer.txt"));
        Ingest(Copy("d-policy-brief.txt"));
        Ingest(Copy("d-korea-policy-series.txt"));

        Slugs(new ArticleFilter { Region = "asia" }).Should().BeEquivalentTo("a-korea-policy-full-metadata", "c-region-location-footer", "c-publication-source-cut-in-footer");
        Slugs(new ArticleFilter { Place = "korea-north" }).Should().BeEquivalentTo("a-korea-policy-full-metadata", "c-region-location-footer");
        Slugs(new ArticleFilter { Place = "korea-south", Region = "asia", Journal = "korea-policy" }).Should().Equal("a-korea-policy-full-metadata");
        Slugs(new ArticleFilter { Category = "security" }).Should().Equal("d-policy-brief");
        Slugs(new ArticleFilter { Source = "kiep" }).Should().Equal("c-publication-source-cut-in-footer");
        Slugs(new ArticleFilter { Kind = ArticleKind.PolicyBrief }).Should().Equal("d-policy-brief");
        Slugs(new ArticleFilter { Kind = ArticleKind.JournalArticle }).Should().BeEquivalentTo("a-korea-policy-full-metadata", "d-korea-policy-series");
        Slugs(new ArticleFilter { Place = "korea" }).Should().BeEmpty("a place is matched whole, by its slug");
        var places = archive.Reader.FindArticle("a-korea-policy-full-metadata")!.Facts.Places;
        places.Should().Equal(new NamedRef("korea-north", "Korea, North"), new NamedRef("korea-south", "Korea, South"));
    }

    [Fact]
    public void AYearLabelIsAnIssueOfItsJournalSluggedByTheYear()
    {
        Ingest(Copy("a-joint-us-korea-year-label.txt"));

        var summary = archive.Reader.FindArticle("a-joint-us-korea-year-label")!.Summary;

        summary.Journal.Should().Be(new JournalRef("joint-us-korea-academic-studies", "Joint U.S. Korea Academic Studies", null));
        summary.Issue.Should().Be(new IssueRef("2015", "Joint U.S.-Korea Academic Studies 2015", null, null) { Year = 2015 });
        summary.Title.Should().Be("Joint U.S.-Korea Academic Studies 2015");
        summary.TitleSource.Should().Be("derived");
        archive.Reader.FindJournal("joint-us-korea-academic-studies")!.Issues.Should().ContainSingle()
            .Which.Should().Be(new IssueSummary("2015", "Joint U.S.-Korea Academic Studies 2015", null, null, 1) { Year = 2015 });
    }

    [Fact]
    public void ListItemsAndTheTruncatedFlagAreStoredWithTheText()
    {
        Ingest(Copy("e-recommendations-bullets.txt", sidecar: """{ "title": "North Korea’s Growing Arsenal" }"""));
        Ingest(Copy("a-korea-policy-issue-cut-mid-word.txt"));

        var bullets = archive.Reader.FindArticle("e-recommendations-bullets")!;
        bullets.Sections[1].Paragraphs.Select(p => p.Kind).Should().Equal(ParagraphKind.ListItem, ParagraphKind.ListItem, ParagraphKind.ListItem);
        bullets.Sections[0].Paragraphs.Single().Kind.Should().Be(ParagraphKind.Text);
        bullets.Summary.Title.Should().Be("North Korea’s Growing Arsenal");
        bullets.Summary.TitleSource.Should().Be("editor");
        bullets.Summary.Truncated.Should().BeFalse();
        bullets.Layout.Should().Be("E");
        var cut = archive.Reader.FindArticle("a-korea-policy-issue-cut-mid-word")!;
        cut.Summary.Truncated.Should().BeTrue();
        cut.Summary.Kind.Should().Be(ArticleKind.JournalArticle);
        cut.Warnings.Should().ContainSingle().Which.Should().StartWith("line 8: The text stops in mid-sentence");
    }

    [Fact]
    public void AnArticleThatLosesItsJournalLeavesNoEmptyJournalBehind()
    {
        var path = Copy("a-korea-policy-full-metadata.txt", "moving.txt");
        Ingest(path);
        archive.WriteText("moving.txt", PageFamilyTests.Text("c-region-location-footer.txt"));

        Ingest(path).Outcome.Should().Be(SaveOutcome.Updated);

        archive.Reader.FindArticle("moving")!.Summary.Journal.Should().BeNull();
        archive.Reader.ListJournals(PageRequest.First).Items.Should().BeEmpty();
        archive.Count("issues").Should().Be(0);
    }

    [Fact]
    public void TheSamePostCrawledAgainIsADuplicateOfTheFirstAndNotStoredTwice()
    {
        Ingest(Copy("d-blog-post.txt"));
        var before = archive.Dump();

        var again = Ingest(Copy("d-blog-post-second-crawl.txt"));

        again.Outcome.Should().Be(SaveOutcome.Duplicate);
        again.ArticleSlug.Should().Be("d-blog-post");
        again.DuplicateOf.Should().Be("d-blog-post.txt");
        again.Failed.Should().BeFalse();
        again.ToString().Should().Be($"duplicate {archive.PathOf("d-blog-post-second-crawl.txt")} → d-blog-post (the same article as d-blog-post.txt; not stored again)");
        archive.Dump().Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
    }

    [Fact]
    public void ThePostsBareTextUnderItsTitleIsADuplicateOfThePost()
    {
        Ingest(Copy("d-blog-post.txt"));

        var bare = Ingest(Copy("e-blog-body.txt", sidecar: """{ "title": "What South Korea’s Local Elections Mean for Its Foreign Policy" }"""));

        bare.Outcome.Should().Be(SaveOutcome.Duplicate);
        bare.ArticleSlug.Should().Be("d-blog-post");
        archive.Count("articles").Should().Be(1);
    }

    [Fact]
    public void ACopyCutOffShorterIsADuplicateOfTheWholeOneAndTheOtherWayRound()
    {
        var whole = PageFamilyTests.Text("b-joint-us-korea-no-repeat.txt");
        var cut = whole[..(whole.IndexOf("Seoul’s strategy", StringComparison.Ordinal) + 60)];
        archive.WriteText("whole.txt", whole);
        archive.WriteText("cut.txt", cut);
        TemporaryArchive.RecordFor(archive.PathOf("cut.txt")).Truncated.Should().BeTrue();

        Ingest(archive.PathOf("whole.txt")).Outcome.Should().Be(SaveOutcome.Ingested);
        Ingest(archive.PathOf("cut.txt")).Should().Match<IngestResult>(r => r.Outcome == SaveOutcome.Duplicate && r.ArticleSlug == "whole");

        using var other = new TemporaryArchive();
        other.WriteText("cut.txt", cut);
        other.WriteText("whole.txt", whole);
        new IngestRun(other.Writer).Ingest([other.PathOf("cut.txt"), other.PathOf("whole.txt")]).Select(r => (r.Outcome, r.ArticleSlug))
            .Should().Equal((SaveOutcome.Ingested, "cut"), (SaveOutcome.Duplicate, "cut"));
    }

    [Fact]
    public void TheEditorCanKeepASecondCopyAsAnArticleOfItsOwn()
    {
        Ingest(Copy("d-blog-post.txt"));

        var kept = Ingest(Copy("d-blog-post-second-crawl.txt", sidecar: """{ "keepDuplicate": true }"""));

        kept.Outcome.Should().Be(SaveOutcome.Ingested);
        archive.Count("articles").Should().Be(2);
    }

    [Fact]
    public void TheSameTextUnderAnotherDateOrAuthorIsNotADuplicate()
    {
        Ingest(Copy("d-blog-post.txt"));
        archive.WriteText("redated.txt", PageFamilyTests.Text("d-blog-post.txt").Replace("Published June 4, 2026", "Published June 5, 2026", StringComparison.Ordinal));
        archive.WriteText("rebylined.txt", PageFamilyTests.Text("d-blog-post.txt").Replace("Author: Mark Tokola", "Author: Ellen Kim", StringComparison.Ordinal));

        Ingest(archive.PathOf("redated.txt")).Outcome.Should().Be(SaveOutcome.Ingested);
        Ingest(archive.PathOf("rebylined.txt")).Outcome.Should().Be(SaveOutcome.Ingested);
    }

    [Fact]
    public void ADryRunReportsEveryFileAndWritesNothing()
    {
        var good = Copy("b-korea-policy-from-the-issue.txt");
        var bare = Copy("e-abstract-alone.txt");
        var before = archive.Dump();

        var reports = IngestRun.DryRun([good, bare]).ToList();

        archive.Dump().Should().BeEquivalentTo(before);
        var report = reports[0];
        report.Should().Match<PageReport>(r => r.Path == good && r.Slug == "b-korea-policy-from-the-issue" && r.Error == null);
        report.Layout.Should().Be(PageLayout.SiteJournal);
        report.Journal!.Name.Should().Be("Korea Policy");
        report.Issue.Should().Be(new JournalIssue("Korea Policy Vol. 1", 1, null));
        report.Title.Should().Be("Extended Deterrence After the Washington Declaration");
        report.TitleSource.Should().Be(TitleSource.Source);
        report.Kind.Should().Be(ArticleKind.JournalArticle);
        report.Themes.Should().Equal("Security", "Nuclear Issues", "Geopolitics");
        report.Published.Should().Be(new DateOnly(2023, 6, 26));
        report.Sections.Should().Equal(new SectionReport("SUMMARY", 3, 0));
        report.ParagraphCount.Should().Be(3);
        report.Truncated.Should().BeTrue();
        report.Warnings.Should().ContainSingle().Which.Should().StartWith("line 39: The text stops in mid-sentence");
        reports[1].Error.Should().StartWith($"{bare}: No article metadata found");
        reports[1].Layout.Should().BeNull();
    }

    [Fact]
    public void MigratingAFileOfTheOldSchemaKeepsEveryRowAndMakesTheJournalOptional()
    {
        var database = new ArchiveDatabase(archive.PathOf("old.db"));
        Migrations.Apply(database, upTo: 5);
        using (var connection = database.Open())
        {
            // One article as version 5 stored it, with a row in every table that hangs off it.
            connection.Execute(
                """
                INSERT INTO journals (id, slug, name) VALUES (1, 'korea-policy', 'Korea Policy');
                INSERT INTO issues (id, journal_id, slug, label, volume, number) VALUES (1, 1, 'vol-3-issue-2', 'Korea Policy Vol. 3, Issue 2', 3, 2);
                INSERT INTO articles (id, slug, source_name, title, title_source, journal_id, issue_id, published, summary, word_count,
                                      content_hash, revision, ingested_at, updated_at)
                VALUES (7, 'klingner', 'klingner.txt', 'Allies', 'source', 1, 1, '2025-12-15', 'Text.', 1, 'h', 3, '2026-01-01', '2026-01-02');
                INSERT INTO article_sources (article_id, file_name, sha256, text) VALUES (7, 'klingner.txt', 'h', 'Korea Policy');
                INSERT INTO article_metadata (article_id, position, name, value) VALUES (7, 1, 'Region', 'Asia');
                INSERT INTO authors (id, slug, name) VALUES (1, 'bruce-klingner', 'Bruce Klingner');
                INSERT INTO article_authors (article_id, author_id, position) VALUES (7, 1, 1);
                INSERT INTO themes (id, slug, name) VALUES (1, 'security', 'Security');
                INSERT INTO article_themes (article_id, theme_id, position, published, title, slug) VALUES (7, 1, 1, '2025-12-15', 'Allies', 'klingner');
                INSERT INTO sections (id, article_id, position, slug, heading) VALUES (1, 7, 1, 'lead', NULL);
                INSERT INTO paragraphs (id, article_id, section_id, number, text, footnotes) VALUES (1, 7, 1, 1, 'Scylla and Charybdis.', '[]');
                INSERT INTO search_index (rowid, text, heading, title) VALUES (1, 'Scylla and Charybdis.', '', 'Allies');
                """);
        }

        var before = new[] { "journals", "issues", "articles", "article_sources", "article_metadata", "article_authors", "article_themes", "sections", "paragraphs" }
            .ToDictionary(t => t, t => Count(database, t));

        Migrations.Apply(database).Should().Equal("006_page_family.sql", "007_source_path.sql");

        using var migrated = database.Open();
        before.Keys.ToDictionary(t => t, t => Count(database, t)).Should().Equal(before, "dropping the old table must not cascade to its children");
        migrated.QuerySingle<(string, long, long, string, int)>(
            "SELECT title, journal_id, issue_id, published, revision FROM articles WHERE id = 7").Should().Be(("Allies", 1L, 1L, "2025-12-15", 3));
        migrated.Query("PRAGMA foreign_key_check;").Should().BeEmpty();
        migrated.ExecuteScalar<int>("PRAGMA foreign_keys;").Should().Be(1, "the pooled connection goes back with foreign keys on");
        migrated.Query<string>("SELECT name FROM pragma_index_list('articles') WHERE origin = 'c' ORDER BY name").Should().Equal(
            "articles_body_key", "articles_issue", "articles_journal", "articles_oldest_first", "articles_published", "articles_title");
        new PassageSearch(database).Search(SearchQuery.Parse("scylla"), ArticleFilter.None, PageRequest.First).Items
            .Should().ContainSingle().Which.ArticleSlug.Should().Be("klingner");
        migrated.Execute("UPDATE articles SET journal_id = NULL WHERE id = 7");
        migrated.ExecuteScalar<long?>("SELECT journal_id FROM articles WHERE id = 7").Should().BeNull();
    }

    private static long Count(ArchiveDatabase database, string table)
    {
        using var connection = database.Open();
        // Table names come from the list above, not from input.
        return connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");
    }
}

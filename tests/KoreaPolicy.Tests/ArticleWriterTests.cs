using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Tests;

/// <summary>Writing articles into a real SQLite file and reading them back. Each test has its own file.</summary>
public sealed class ArticleWriterTests : IDisposable
{
    [Fact]
    public void TheArchiveVersionRisesWithEveryChangeAndOnlyThen()
    {
        var version = new ArchiveVersion(archive.Database, TimeProvider.System);
        var path = archive.CopyKlingner();
        var start = version.Current;

        archive.Writer.Save(TemporaryArchive.RecordFor(path));
        var afterIngest = Read();
        archive.Writer.Save(TemporaryArchive.RecordFor(path));
        var afterUnchanged = Read();
        archive.WriteText(Path.GetFileName(path), ArticlePages.Klingner + "\nA closing note.");
        archive.Writer.Save(TemporaryArchive.RecordFor(path));

        afterIngest.Should().BeGreaterThan(start);
        afterUnchanged.Should().Be(afterIngest);
        Read().Should().BeGreaterThan(afterUnchanged);

        long Read() => new ArchiveVersion(archive.Database, TimeProvider.System).Current;
    }

    private const string FileName = "korea-policy-vol-3-issue-2-klingner.txt";
    private const string Slug = "korea-policy-vol-3-issue-2-klingner";

    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    [Fact]
    public void IngestingTheSameFileTwiceChangesNothing()
    {
        var path = archive.CopyKlingner();
        archive.Writer.Save(TemporaryArchive.RecordFor(path)).Should().Be(SaveOutcome.Ingested);
        var before = archive.Dump();
        archive.Clock.Advance(TimeSpan.FromHours(1));

        var outcome = archive.Writer.Save(TemporaryArchive.RecordFor(path));

        outcome.Should().Be(SaveOutcome.Unchanged);
        archive.Dump().Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        before["paragraphs"].Should().HaveCount(13, "the dump must hold the article to compare anything");
    }

    [Fact]
    public void IngestingIntoAFreshDatabaseGivesTheSameRowsApartFromTimestamps()
    {
        var path = archive.CopyKlingner();
        archive.Writer.Save(TemporaryArchive.RecordFor(path));
        using var other = new TemporaryArchive();
        other.Clock.Advance(TimeSpan.FromDays(3));

        other.Writer.Save(TemporaryArchive.RecordFor(path));

        // "at": when the audit and the change log recorded each change.
        other.Dump("ingested_at", "updated_at", "at").Should().BeEquivalentTo(archive.Dump("ingested_at", "updated_at", "at"), o => o.WithStrictOrdering());
        other.Dump()["articles"].Should().NotEqual(archive.Dump()["articles"], "the timestamps do differ");
    }

    [Fact]
    public void AnEditedParagraphUpdatesTheArticleInPlace()
    {
        var path = archive.CopyKlingner();
        archive.Writer.Save(TemporaryArchive.RecordFor(path));
        var idBefore = ArticleId();
        archive.Clock.Advance(TimeSpan.FromMinutes(5));
        archive.WriteText(FileName, ArticlePages.Klingner.Replace("multi-faceted China threat", "many-sided China threat", StringComparison.Ordinal));

        var outcome = archive.Writer.Save(TemporaryArchive.RecordFor(path));

        outcome.Should().Be(SaveOutcome.Updated);
        ArticleId().Should().Be(idBefore);
        archive.Count("articles").Should().Be(1);
        archive.Count("sections").Should().Be(4);
        archive.Count("paragraphs").Should().Be(13);
        archive.Count("article_sources").Should().Be(1);
        var article = archive.Reader.FindArticle(Slug)!;
        article.Summary.Revision.Should().Be(2);
        article.Summary.UpdatedAt.Should().Be(archive.Clock.GetUtcNow());
        var paragraph = article.Sections[3].Paragraphs[1];
        paragraph.Number.Should().Be(12);
        paragraph.Text.Should().Contain("many-sided China threat").And.NotContain("multi-faceted");
    }

    [Fact]
    public void ANewAuthorReplacesTheOldOneWhoLeavesTheIndex()
    {
        var path = archive.CopyKlingner();
        archive.Writer.Save(TemporaryArchive.RecordFor(path));
        archive.WriteText(FileName, ArticlePages.Klingner.Replace("Author: Bruce Klingner", "Author: Ellen Kim", StringComparison.Ordinal));

        var outcome = archive.Writer.Save(TemporaryArchive.RecordFor(path));

        outcome.Should().Be(SaveOutcome.Updated);
        archive.Dump()["authors"].Should().Equal("id=2 | slug=ellen-kim | name=Ellen Kim");
        archive.Reader.ListAuthors(PageRequest.First).Items.Should().Equal(new IndexEntry("ellen-kim", "Ellen Kim", 1));
        archive.Reader.FindAuthor("bruce-klingner").Should().BeNull();
        archive.Reader.ListArticles(new ArticleFilter { Author = "bruce-klingner" }, ArticleSort.NewestFirst, PageRequest.First).Items.Should().BeEmpty();
        var article = archive.Reader.FindArticle(Slug)!.Summary;
        article.Authors.Should().Equal(new NamedRef("ellen-kim", "Ellen Kim"));
        article.Title.Should().Be("Ellen Kim, Korea Policy Vol. 3, Issue 2 (December 15, 2025)");
    }

    [Fact]
    public void AnAuthorStillWritingElsewhereStaysInTheIndex()
    {
        var path = archive.CopyKlingner();
        archive.Writer.Save(TemporaryArchive.RecordFor(path));
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.CopyKlingnerAsItsOwnArticle("klingner-reprint.txt")));
        archive.WriteText(FileName, ArticlePages.Klingner.Replace("Author: Bruce Klingner", "Author: Ellen Kim", StringComparison.Ordinal));

        archive.Writer.Save(TemporaryArchive.RecordFor(path));

        archive.Reader.ListAuthors(PageRequest.First).Items.Should().Equal(
            new IndexEntry("bruce-klingner", "Bruce Klingner", 1),
            new IndexEntry("ellen-kim", "Ellen Kim", 1));
        archive.Reader.ListArticles(new ArticleFilter { Author = "bruce-klingner" }, ArticleSort.NewestFirst, PageRequest.First).Items.Select(a => a.Slug).Should().Equal("klingner-reprint");
    }

    [Fact]
    public void AMovedArticleLeavesNoEmptyIssueBehind()
    {
        var path = archive.CopyKlingner();
        archive.Writer.Save(TemporaryArchive.RecordFor(path));
        archive.WriteText(FileName, ArticlePages.Klingner.Replace("Korea Policy Vol. 3, Issue 2About", "Korea Policy Vol. 3, Issue 3About", StringComparison.Ordinal));

        archive.Writer.Save(TemporaryArchive.RecordFor(path));

        archive.Dump()["issues"].Should().ContainSingle().Which.Should().Contain("slug=vol-3-issue-3");
        archive.Reader.FindArticle(Slug)!.Summary.Issue.Should().Be(new IssueRef("vol-3-issue-3", "Korea Policy Vol. 3, Issue 3", 3, 3));
    }

    [Fact]
    public void ANewArticleThatFailsHalfWayLeavesTheDatabaseAsItWas()
    {
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.CopyKlingner()));
        var before = archive.Dump();
        var good = TemporaryArchive.RecordFor(archive.CopyKlingnerAsItsOwnArticle("another-article.txt"));
        // Two sections with one slug: the article row, its authors and the first section go in before UNIQUE stops the second.
        var broken = good with { Sections = good.Sections.Select(s => s with { Slug = "same" }).ToList() };

        var save = () => archive.Writer.Save(broken);

        save.Should().Throw<SqliteException>().Which.SqliteErrorCode.Should().Be(19, "SQLITE_CONSTRAINT");
        archive.Dump().Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        archive.Reader.FindArticle("another-article").Should().BeNull();
    }

    [Fact]
    public void AFailedFirstArticleLeavesAnEmptyDatabaseEmpty()
    {
        var good = TemporaryArchive.RecordFor(archive.CopyKlingner());
        var broken = good with { Sections = good.Sections.Select(s => s with { Slug = "same" }).ToList() };
        var before = archive.Dump();

        var save = () => archive.Writer.Save(broken);

        save.Should().Throw<SqliteException>();
        archive.Dump().Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        archive.Dump()["articles"].Should().BeEmpty();
    }

    [Fact]
    public void AnUpdateThatFailsHalfWayLeavesTheOldArticleWhole()
    {
        var path = archive.CopyKlingner();
        archive.Writer.Save(TemporaryArchive.RecordFor(path));
        var before = archive.Dump();
        archive.WriteText(FileName, ArticlePages.Klingner.Replace("Author: Bruce Klingner", "Author: Ellen Kim", StringComparison.Ordinal));
        var edited = TemporaryArchive.RecordFor(path);
        var broken = edited with { Sections = edited.Sections.Select(s => s with { Slug = "same" }).ToList() };
        archive.Clock.Advance(TimeSpan.FromHours(1));

        var save = () => archive.Writer.Save(broken);

        save.Should().Throw<SqliteException>();
        archive.Dump().Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        var article = archive.Reader.FindArticle(Slug)!;
        article.Summary.Revision.Should().Be(1);
        article.Summary.Authors.Should().Equal(new NamedRef("bruce-klingner", "Bruce Klingner"));
        article.Sections.SelectMany(s => s.Paragraphs).Should().HaveCount(13);
    }

    [Fact]
    public void AnotherFileWhoseNameGivesTheSameSlugIsRefused()
    {
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.CopyKlingner()));
        var before = archive.Dump();
        var twinPath = archive.CopyKlingner("Korea Policy Vol 3 Issue 2 Klingner.txt");
        var twin = TemporaryArchive.RecordFor(twinPath);

        var save = () => archive.Writer.Save(twin);

        save.Should().Throw<IngestionException>().Which.Message.Should().Be(
            $"{twinPath}: its slug \"{Slug}\" is already taken by {archive.PathOf(FileName)}; rename one of the two files");
        archive.Dump().Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
    }

    [Fact]
    public void AnArticleTitledInItsSidecarIsStoredAsTitledByTheEditor()
    {
        var path = archive.CopyKlingner();
        archive.WriteText("korea-policy-vol-3-issue-2-klingner.meta.json",
            """{ "title": "Tempestuous Times", "canonicalUrl": "https://keia.org/publication/klingner", "doi": "10.1234/kp.3.2", "license": "CC BY 4.0" }""");

        var outcome = archive.Writer.Save(TemporaryArchive.RecordFor(path));

        outcome.Should().Be(SaveOutcome.Ingested);
        var article = archive.Reader.FindArticle(Slug)!;
        article.Summary.Title.Should().Be("Tempestuous Times");
        article.Summary.TitleSource.Should().Be("editor");
        article.CanonicalUrl.Should().Be("https://keia.org/publication/klingner");
        article.Doi.Should().Be("10.1234/kp.3.2");
        article.License.Should().Be("CC BY 4.0");
    }

    [Fact]
    public void AnIngestRunTakesTheGoodFileAndNamesTheBadOnesInAFixedOrder()
    {
        var good = archive.CopyKlingner(Path.Combine("articles", "b-klingner.txt"));
        var empty = archive.WriteText(Path.Combine("articles", "a-empty.txt"), "");
        var binary = archive.WriteBytes(Path.Combine("articles", "more", "c-picture.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]);
        archive.WriteText(Path.Combine("articles", "notes.md"), "not an article");
        var run = new IngestRun(archive.Writer);

        var results = run.Ingest([archive.PathOf("articles")]);

        results.Select(r => r.Path).Should().Equal(empty, good, binary);
        results[0].Should().Be(new IngestResult(empty, null, null, $"{empty}: is empty"));
        results[1].Should().Be(new IngestResult(good, SaveOutcome.Ingested, "b-klingner", null));
        results[2].Should().Be(new IngestResult(binary, null, null, $"{binary}:1: is not valid UTF-8 (byte 0x89 at offset 0)"));
        results.Count(r => r.Failed).Should().Be(2);
        archive.Reader.ListArticles(ArticleFilter.None, ArticleSort.NewestFirst, PageRequest.First).Items.Select(a => a.Slug).Should().Equal("b-klingner");
    }

    [Fact]
    public void AnIngestRunReportsAMissingFileAndASlugClashAndGoesOn()
    {
        var first = archive.CopyKlingner(Path.Combine("in", "klingner.txt"));
        var clash = archive.CopyKlingner(Path.Combine("in", "sub", "Klingner.txt"));
        var missing = archive.PathOf("gone.txt");
        var later = archive.CopyKlingnerAsItsOwnArticle("later.txt");
        var run = new IngestRun(archive.Writer);

        var results = run.Ingest([archive.PathOf("in"), missing, later]);

        results.Should().Equal(
            new IngestResult(first, SaveOutcome.Ingested, "klingner", null),
            new IngestResult(clash, null, null, $"{clash}: its slug \"klingner\" is already taken by {first}; rename one of the two files"),
            new IngestResult(missing, null, null, $"{missing}: no such file"),
            new IngestResult(later, SaveOutcome.Ingested, "later", null));
        results[1].ToString().Should().Be($"error {clash}: its slug \"klingner\" is already taken by {first}; rename one of the two files");
        results[0].ToString().Should().Be($"ingested {first} → klingner");
    }

    [Fact]
    public void AnIngestRunOverTheSameFolderAgainReportsEveryArticleUnchanged()
    {
        archive.CopyKlingner(Path.Combine("articles", "one.txt"));
        archive.CopyKlingnerAsItsOwnArticle(Path.Combine("articles", "two.txt"));
        var run = new IngestRun(archive.Writer);
        run.Ingest([archive.PathOf("articles")]);

        var again = run.Ingest([archive.PathOf("articles")]);

        again.Select(r => (r.ArticleSlug, r.Outcome)).Should().Equal(("one", SaveOutcome.Unchanged), ("two", SaveOutcome.Unchanged));
    }

    [Fact]
    public void TheGivenArticleReadsBackWithEverythingItCarries()
    {
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.CopyKlingner()));

        var article = archive.Reader.FindArticle(Slug);

        article.Should().NotBeNull();
        var summary = article!.Summary;
        summary.Slug.Should().Be(Slug);
        summary.Title.Should().Be("Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)");
        summary.TitleSource.Should().Be("derived");
        summary.Authors.Should().Equal(new NamedRef("bruce-klingner", "Bruce Klingner"));
        summary.Themes.Should().Equal(
            new NamedRef("foreign-relations", "Foreign Relations"),
            new NamedRef("security", "Security"),
            new NamedRef("indo-pacific", "Indo-Pacific"),
            new NamedRef("geopolitics", "Geopolitics"));
        summary.Journal.Should().Be(new JournalRef("korea-policy", "Korea Policy", "Korea Economic Institute of America"));
        summary.Issue.Should().Be(new IssueRef("vol-3-issue-2", "Korea Policy Vol. 3, Issue 2", 3, 2));
        summary.Published.Should().Be(new DateOnly(2025, 12, 15));
        summary.Revision.Should().Be(1);
        summary.WordCount.Should().Be(792);
        summary.UpdatedAt.Should().Be(archive.Clock.GetUtcNow());
        article.JournalDescription.Should().StartWith("Korea Policy is the premier journal");
        article.Metadata.Should().BeEmpty();
        article.Sections.Select(s => (s.Position, s.Slug, s.Paragraphs.Count)).Should().Equal(
            (1, "lead", 5),
            (2, "us-demands-more-promises-less-in-alliance", 3),
            (3, "us-stymied-on-outreach-to-north-korea", 2),
            (4, "tempestuous-time-for-the-alliance", 3));
        article.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Number).Should().Equal(Enumerable.Range(1, 13));
        article.Sections[1].Paragraphs.Should().AllSatisfy(p => p.SectionHeading.Should().Be("U.S. Demands More, Promises Less in Alliance"));
    }

    [Fact]
    public void TheStoredParagraphsAreExactlyTheParsedOnes()
    {
        var record = TemporaryArchive.RecordFor(archive.CopyKlingner());
        archive.Writer.Save(record);

        var stored = archive.Reader.FindArticle(Slug)!.Sections.SelectMany(s => s.Paragraphs);

        stored.Select(p => (p.Number, p.Text, string.Join(",", p.Footnotes))).Should().Equal(
            record.Sections.SelectMany(s => s.Paragraphs).Select(p => (p.Number, p.Text, string.Join(",", p.Footnotes))));
    }

    [Fact]
    public void TheIndexesListAuthorsAndThemesWithTheirArticles()
    {
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.CopyKlingner()));
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.CopyKlingnerAsItsOwnArticle("klingner-reprint.txt")));

        archive.Reader.ListAuthors(PageRequest.First).Items.Should().Equal(new IndexEntry("bruce-klingner", "Bruce Klingner", 2));
        archive.Reader.ListThemes(PageRequest.First).Items.Should().Equal(
            new IndexEntry("foreign-relations", "Foreign Relations", 2),
            new IndexEntry("geopolitics", "Geopolitics", 2),
            new IndexEntry("indo-pacific", "Indo-Pacific", 2),
            new IndexEntry("security", "Security", 2));
        archive.Reader.ListArticles(new ArticleFilter { Author = "bruce-klingner" }, ArticleSort.NewestFirst, PageRequest.First).Items.Select(a => a.Slug).Should().Equal("klingner-reprint", Slug);
        archive.Reader.ListArticles(new ArticleFilter { Themes = ["indo-pacific"] }, ArticleSort.NewestFirst, PageRequest.First).Items.Select(a => a.Slug).Should().Equal("klingner-reprint", Slug);
        archive.Reader.FindTheme("security").Should().Be(new IndexEntry("security", "Security", 2));
    }

    [Fact]
    public void UnknownSlugsFindNothing()
    {
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.CopyKlingner()));

        archive.Reader.FindArticle("no-such-article").Should().BeNull();
        archive.Reader.FindAuthor("no-such-author").Should().BeNull();
        archive.Reader.FindTheme("no-such-theme").Should().BeNull();
        archive.Reader.ListArticles(new ArticleFilter { Author = "no-such-author" }, ArticleSort.NewestFirst, PageRequest.First).Items.Should().BeEmpty();
        archive.Reader.ListArticles(new ArticleFilter { Themes = ["no-such-theme"] }, ArticleSort.NewestFirst, PageRequest.First).Items.Should().BeEmpty();
    }

    private long ArticleId()
    {
        var row = archive.Dump()["articles"].Should().ContainSingle().Subject;
        return long.Parse(row.Split(" | ")[0]["id=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}

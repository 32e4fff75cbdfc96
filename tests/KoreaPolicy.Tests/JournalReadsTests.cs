using KoreaPolicy.Model;

namespace KoreaPolicy.Tests;

/// <summary>Reading journals and issues back from an archive of two journals: Korea Policy and On Korea.</summary>
public sealed class JournalReadsTests : IDisposable
{
    private readonly TemporaryArchive archive = new();

    public JournalReadsTests()
    {
        archive.Writer.Save(TemporaryArchive.RecordFor(archive.CopyKlingner()));
        foreach (var variant in new[] { "on-korea-volume-only.txt", "many-authors-bare-date.txt" })
        {
            archive.Writer.Save(TemporaryArchive.RecordFor(archive.WriteText(variant, ArticlePages.Variant(variant))));
        }
    }

    public void Dispose() => archive.Dispose();

    [Fact]
    public void JournalsAreListedByNameWithTheirIssueAndArticleCounts()
    {
        var page = archive.Reader.ListJournals(PageRequest.First);

        page.Total.Should().Be(2);
        page.Items.Select(j => (j.Slug, j.Name, j.Publisher, j.IssueCount, j.ArticleCount)).Should().Equal(
            ("korea-policy", "Korea Policy", "Korea Economic Institute of America", 1, 1),
            ("on-korea", "On Korea", null, 2, 2));
        page.Items[0].Description.Should().StartWith("Korea Policy is the premier journal");
        page.Items[1].Description.Should().BeNull();
    }

    [Fact]
    public void TheJournalListIsPaged()
    {
        var second = archive.Reader.ListJournals(new PageRequest(2, 1));

        second.Total.Should().Be(2);
        second.Items.Select(j => j.Slug).Should().Equal("on-korea");
        archive.Reader.ListJournals(new PageRequest(3, 1)).Items.Should().BeEmpty();
    }

    [Fact]
    public void AJournalComesWithItsIssuesHighestVolumeFirst()
    {
        var journal = archive.Reader.FindJournal("on-korea")!;

        journal.Journal.Name.Should().Be("On Korea");
        journal.Issues.Should().Equal(
            new IssueSummary("vol-31", "On Korea Volume 31", 31, null, 1),
            new IssueSummary("vol-30", "On Korea Volume 30", 30, null, 1));
    }

    [Fact]
    public void KoreaPolicyHasItsOneIssueWithItsOneArticle()
    {
        var journal = archive.Reader.FindJournal("korea-policy")!;

        journal.Journal.Publisher.Should().Be("Korea Economic Institute of America");
        journal.Issues.Should().Equal(new IssueSummary("vol-3-issue-2", "Korea Policy Vol. 3, Issue 2", 3, 2, 1));
    }

    [Fact]
    public void AnIssueIsFoundWithinItsJournalOnly()
    {
        var issue = archive.Reader.FindIssue("korea-policy", "vol-3-issue-2")!;

        issue.Journal.Should().Be(new JournalRef("korea-policy", "Korea Policy", "Korea Economic Institute of America"));
        issue.Issue.Should().Be(new IssueSummary("vol-3-issue-2", "Korea Policy Vol. 3, Issue 2", 3, 2, 1));
        archive.Reader.FindIssue("on-korea", "vol-3-issue-2").Should().BeNull("the slug belongs to another journal");
        archive.Reader.FindIssue("korea-policy", "vol-30").Should().BeNull();
    }

    [Fact]
    public void AnIssuesArticlesAreThoseOfThatIssueOnly()
    {
        var filter = new ArticleFilter { Journal = "on-korea", Issue = "vol-30" };

        var page = archive.Reader.ListArticles(filter, ArticleSort.NewestFirst, PageRequest.First);

        page.Items.Select(a => a.Slug).Should().Equal("on-korea-volume-only");
    }

    [Theory]
    [InlineData("no-such-journal")]
    [InlineData("Korea Policy")]
    [InlineData("")]
    public void AnUnknownJournalSlugIsNull(string slug)
    {
        archive.Reader.FindJournal(slug).Should().BeNull();
        archive.Reader.FindIssue(slug, "vol-3-issue-2").Should().BeNull();
    }

    [Fact]
    public void AnEmptyArchiveHasNoJournals()
    {
        using var empty = new TemporaryArchive();

        var page = empty.Reader.ListJournals(PageRequest.First);

        page.Items.Should().BeEmpty();
        page.Total.Should().Be(0);
        empty.Reader.FindJournal("korea-policy").Should().BeNull();
    }
}

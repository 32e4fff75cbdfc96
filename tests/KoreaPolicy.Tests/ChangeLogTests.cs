using Dapper;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Revisions;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Tests;

/// <summary>The change log, kept revisions and pruning, as the writer leaves them in the file.</summary>
public sealed class ChangeLogTests : IDisposable
{
    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    private ChangeLog Log => new(archive.Database);

    [Fact]
    public void EachChangeFromTheFilesIsLoggedWithItsKindAndTheRevisionItReplacedIsKeptWhole()
    {
        var path = archive.CopyKlingner();
        archive.Writer.Save(TemporaryArchive.RecordFor(path)).Should().Be(SaveOutcome.Ingested);
        var first = archive.Reader.FindArticle(Slug)!;
        archive.WriteText(path, ArticlePages.Klingner.Replace("Scylla and Charybdis", "Scylla and Charybdis (edited)", StringComparison.Ordinal));
        archive.Writer.Save(TemporaryArchive.RecordFor(path)).Should().Be(SaveOutcome.Updated);
        archive.WriteText(ArticleFile.SidecarPathFor(path), """{ "correction": { "note": "Paragraph 3 misquoted Homer.", "date": "2026-01-05" } }""");
        archive.Writer.Save(TemporaryArchive.RecordFor(path)).Should().Be(SaveOutcome.Updated);
        archive.Writer.Save(TemporaryArchive.RecordFor(path)).Should().Be(SaveOutcome.Unchanged);

        var changes = Log.OfArticle(Slug);
        changes.Select(c => (c.Kind, c.Revision, c.PreviousRevision)).Should().Equal(
            (ChangeKind.Created, 1, (int?)null), (ChangeKind.Updated, 2, 1), (ChangeKind.Corrected, 3, 2));
        changes[2].Correction.Should().Be(new ArticleCorrection("Paragraph 3 misquoted Homer.", new DateOnly(2026, 1, 5)));
        Log.KeptRevisions(Slug).Should().BeEquivalentTo([1, 2, 3]);
        var kept = Log.FindRevision(Slug, 1, includeWithdrawn: false)!.Article;
        ArticleSnapshots.Serialize(kept).Should().Be(ArticleSnapshots.Serialize(first), "the revision is kept exactly as readers got it");
        Log.FindRevision(Slug, 4, includeWithdrawn: false).Should().BeNull();
    }

    [Fact]
    public void ChangeIdsFollowTheOrderOfTheCommitsAndAWithdrawalIsLoggedBeforeItsRowsGo()
    {
        var path = archive.CopyKlingner();
        archive.Writer.Save(TemporaryArchive.RecordFor(path));
        var other = archive.CopyKlingnerAsItsOwnArticle("other-article.txt");
        archive.Writer.Save(TemporaryArchive.RecordFor(other));

        archive.Writer.Withdraw(Slug, ArticleChange.Prune).Outcome.Should().Be(SaveOutcome.Withdrawn);

        var all = Log.After(0, 10);
        all.Items.Select(c => (c.Slug, c.Kind)).Should().Equal((Slug, ChangeKind.Created), ("other-article", ChangeKind.Created), (Slug, ChangeKind.Withdrawn));
        all.Items.Select(c => c.Id).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        all.HasMore.Should().BeFalse();
        Log.After(all.Items[0].Id, 1).Should().Match<ChangePage>(p => p.Items.Single().Slug == "other-article" && p.HasMore);
        Log.FindRevision(Slug, 1, includeWithdrawn: false).Should().BeNull("a withdrawn article's text is not for everyone");
        Log.FindRevision(Slug, 1, includeWithdrawn: true)!.Article.Sections.Should().NotBeEmpty();
    }

    [Fact]
    public void PruningWithdrawsOnlyTheArticlesWhoseFilesAreGoneAndLeavesThoseNeverFromAFile()
    {
        var folder = Directory.CreateDirectory(archive.PathOf("articles")).FullName;
        // Both say they are articles of their own: the same text twice is otherwise one article and a duplicate.
        var kept = archive.CopyKlingnerAsItsOwnArticle(Path.Combine("articles", "korea-policy-vol-3-issue-2-klingner.txt"));
        var gone = archive.CopyKlingnerAsItsOwnArticle(Path.Combine("articles", "gone-article.txt"));
        var run = new IngestRun(archive.Writer);
        run.Ingest([folder]).Should().OnlyContain(r => !r.Failed);
        File.Delete(gone);

        var pruned = run.Prune([folder]).ToList();

        pruned.Select(r => (r.ArticleSlug, r.Outcome)).Should().Equal(("gone-article", SaveOutcome.Withdrawn));
        pruned.Single().ToString().Should().Be("withdrawn gone-article.txt → gone-article");
        archive.Reader.FindArticle("gone-article").Should().BeNull();
        archive.Reader.FindWithdrawal("gone-article").Should().NotBeNull();
        archive.Reader.FindArticle(Slug).Should().NotBeNull();
        run.Prune([folder]).Should().BeEmpty("what is gone is withdrawn once");
        File.Exists(kept).Should().BeTrue();
    }

    [Fact]
    public void PruningWithdrawsNothingWhenAFolderOfTheSetWasNotWalked()
    {
        var folder = Directory.CreateDirectory(archive.PathOf("articles")).FullName;
        var inner = Directory.CreateDirectory(Path.Combine(folder, "inner")).FullName;
        archive.CopyKlingnerAsItsOwnArticle(Path.Combine("articles", "korea-policy-vol-3-issue-2-klingner.txt"));
        var gone = archive.CopyKlingnerAsItsOwnArticle(Path.Combine("articles", "gone-article.txt"));
        var run = new IngestRun(archive.Writer);
        run.Ingest([folder]).Should().OnlyContain(r => !r.Failed);
        File.Delete(gone);
        // A link back to the folder: that entry is not walked, so the walk cannot vouch that a file is gone.
        Directory.CreateSymbolicLink(Path.Combine(inner, "back"), folder);

        var pruned = run.Prune([folder]).ToList();

        pruned.Should().ContainSingle().Which.Failed.Should().BeTrue();
        pruned[0].Error.Should().Contain("nothing is pruned");
        archive.Reader.FindArticle("gone-article").Should().NotBeNull("nothing is withdrawn on a walk that was not whole");
    }

    [Fact]
    public void TheDiffSaysWhereEveryOldParagraphWentMovedChangedAndRemovedIncluded()
    {
        var older = Article(["Alpha one two three.", "Beta four five six.", "Gamma seven eight nine ten.", "Delta eleven twelve."]);
        var newer = Article(["Gamma seven eight nine ten.", "Alpha one two three.", "Beta four FIVE six seven.", "Epsilon is new here."]);

        var diff = RevisionDiff.Between(older, newer);

        diff.OldParagraphs.Select(p => (p.OldNumber, p.Change, p.NewNumber)).Should().Equal(
            (1, ParagraphChange.Unchanged, 2), (2, ParagraphChange.Changed, 3), (3, ParagraphChange.Moved, 1), (4, ParagraphChange.Removed, (int?)null));
        diff.Paragraphs.Where(p => p.Change == ParagraphChange.Added).Select(p => p.NewNumber).Should().Equal(4);
        diff.Paragraphs.Where(p => p.NewNumber is not null).Select(p => p.NewNumber).Should().Equal(1, 2, 3, 4);
        var words = diff.OldParagraphs[1].Words!;
        words.Should().Contain(new WordRun(WordChange.Deleted, "five")).And.Contain(w => w.Change == WordChange.Inserted && w.Text.Contains("FIVE"));
        string.Concat(words.Where(w => w.Change != WordChange.Inserted).Select(w => w.Text)).Should().Be("Beta four five six.");
        string.Concat(words.Where(w => w.Change != WordChange.Deleted).Select(w => w.Text)).Should().Be("Beta four FIVE six seven.");
    }

    [Fact]
    public void TheLogBeginsWithWhatTheArchiveHeldBeforeItOldestFirst()
    {
        var database = new ArchiveDatabase(archive.PathOf("old.db"));
        Migrations.Apply(database, upTo: 8);
        using (var connection = database.Open())
        {
            connection.Execute(
                """
                INSERT INTO articles (slug, source_name, title, title_source, summary, word_count, content_hash, revision, ingested_at, updated_at)
                VALUES ('later', 'later.txt', 'Later', 'source', '', 0, 'h1', 3, '2025-01-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'),
                       ('earlier', 'earlier.txt', 'Earlier', 'source', '', 0, 'h2', 1, '2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z');
                INSERT INTO article_withdrawals (slug, source_name, title, revision, content_hash, withdrawn_at, text)
                VALUES ('gone', 'gone.txt', 'Gone', 2, 'h3', '2025-02-15T00:00:00.000Z', 'text');
                """);
        }

        Migrations.Apply(database);

        new ChangeLog(database).After(0, 10).Items.Select(c => (c.Slug, c.Kind, c.Revision)).Should().Equal(
            ("earlier", ChangeKind.Created, 1), ("gone", ChangeKind.Withdrawn, 2), ("later", ChangeKind.Created, 3));
    }

    private const string Slug = "korea-policy-vol-3-issue-2-klingner";

    private static ArticleDetail Article(string[] paragraphs) => new(
        new ArticleSummary("x", "X", "source", [], [], null, null, null, "", 0, 1, DateTimeOffset.UnixEpoch),
        null, null, null, null, [],
        [new SectionDetail(1, "lead", null, paragraphs.Select((t, i) => new ParagraphDetail(i + 1, t, [], 1, "lead", null)).ToList())]);
}

using Dapper;
using KoreaPolicy.Model;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Tests;

public sealed class PassageSearchTests : IDisposable
{
    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    private PassageSearch Search => new(archive.Database);

    [Fact]
    public void ScyllaFindsParagraphThreeOfTheKlingnerArticle()
    {
        Ingest(archive.CopyKlingner());

        var hit = Find("Scylla").Items.Should().ContainSingle().Subject;

        hit.ArticleSlug.Should().Be("korea-policy-vol-3-issue-2-klingner");
        hit.ParagraphNumber.Should().Be(3);
        hit.SectionSlug.Should().Be("lead");
        hit.SectionHeading.Should().BeNull();
        hit.Matches.Should().ContainSingle();
        hit.Text.Substring(hit.Matches[0].Start, hit.Matches[0].Length).Should().Be("Scylla");
        hit.Snippet.Text.Should().Contain("Scylla and Charybdis");
        hit.Snippet.Text.Substring(hit.Snippet.Marks[0].Start, hit.Snippet.Marks[0].Length).Should().Be("Scylla");
        hit.Score.Should().BePositive();
    }

    [Fact]
    public void AParagraphWithThePhraseRanksAboveOneWithTheWordsApart()
    {
        // The apart paragraph comes first in the text and is shorter, which bm25 alone would favour.
        Ingest(archive.WritePage("ranking.txt", paragraphs:
        [
            "Security matters to the guarantees of trade.",
            "Allies question the viability of security guarantees and of the commitment to its defense treaties today.",
        ]));

        var hits = Find("security guarantees").Items;

        hits.Select(h => h.ParagraphNumber).Should().Equal(2, 1);
        hits[0].Score.Should().BeGreaterThan(hits[1].Score);
    }

    [Theory]
    [InlineData("\"security guarantees\"", new[] { 2 })]
    [InlineData("tariffs OR sanctions", new[] { 1, 3 })]
    [InlineData("alliance -tariffs", new[] { 2 })]
    [InlineData("alliance NOT tariffs", new[] { 2 })]
    [InlineData("allian*", new[] { 1, 2, 3 })]
    [InlineData("sanction* region", new[] { 3 })]
    [InlineData("alliance", new[] { 1, 2 })]
    [InlineData("alliance tariffs", new[] { 1 })]
    public void EachFormOfTheQueryLanguageFindsWhatItSays(string query, int[] paragraphs)
    {
        Ingest(archive.WritePage("forms.txt", paragraphs:
        [
            "The alliance faces new tariffs this year.",
            "The alliance rests on security guarantees, not on trade.",
            "Sanctions strain the alliances of the region, and guarantees of security are in doubt.",
        ]));

        Find(query).Items.Select(h => h.ParagraphNumber).Should().BeEquivalentTo(paragraphs);
    }

    [Theory]
    [InlineData("administration's")]
    [InlineData("administration’s")]
    [InlineData("ADMINISTRATION’S")]
    public void StraightAndTypographicApostrophesMatchEachOther(string query)
    {
        Ingest(archive.WritePage("apostrophes.txt", paragraphs:
        [
            "The administration’s policy remains bereft of details.",
            "The administration's envoy arrived in Seoul.",
            "An administration spokesman declined to comment on this.",
        ]));

        Find(query).Items.Select(h => h.ParagraphNumber).Should().BeEquivalentTo([1, 2]);
    }

    [Theory]
    [InlineData("seoul")]
    [InlineData("SEOUL")]
    [InlineData("Séoul")]
    public void CaseAndDiacriticsDoNotMatter(string query)
    {
        Ingest(archive.WritePage("accents.txt", paragraphs:
        [
            "Talks were held in Séoul last week.",
            "SEOUL has answered the proposal.",
            "Tokyo has not answered the proposal.",
        ]));

        Find(query).Items.Select(h => h.ParagraphNumber).Should().BeEquivalentTo([1, 2]);
    }

    [Fact]
    public void AQueryCanMatchTheHeadingOrTitleAroundAParagraph()
    {
        Ingest(archive.CopyKlingner());

        // "Tempestuous" is only in a heading; the section's paragraphs are the hits.
        Find("tempestuous").Items.Select(h => h.ParagraphNumber).Should().BeEquivalentTo([11, 12, 13]);
        // "Klingner" is only in the (derived) title; with "Scylla" only one paragraph has both.
        Find("Klingner Scylla").Items.Select(h => h.ParagraphNumber).Should().Equal(3);
    }

    [Fact]
    public void FiltersNarrowTheHitsToTheArticlesThatPass()
    {
        Ingest(archive.WritePage("old.txt", author: "Ann Lee", themes: "Trade, Security", date: "March 1, 2019", issue: "Korea Policy Vol. 1, Issue 1",
            paragraphs: ["Tariffs were the talk of the alliance in 2019."]));
        Ingest(archive.WritePage("new.txt", author: "Bo Kim", themes: "Trade", date: "March 1, 2024", issue: "Korea Policy Vol. 2, Issue 1",
            paragraphs: ["Tariffs were the talk of the alliance in 2024."]));

        Slugs(new ArticleFilter()).Should().BeEquivalentTo("old", "new");
        Slugs(new ArticleFilter { Author = "ann-lee" }).Should().Equal("old");
        Slugs(new ArticleFilter { Themes = ["trade", "security"] }).Should().Equal("old");
        Slugs(new ArticleFilter { Themes = ["trade"] }).Should().BeEquivalentTo("old", "new");
        Slugs(new ArticleFilter { Journal = "korea-policy", Issue = "vol-2-issue-1" }).Should().Equal("new");
        Slugs(new ArticleFilter { Issue = "vol-1-issue-1" }).Should().Equal("old");
        Slugs(new ArticleFilter { Journal = "on-korea" }).Should().BeEmpty();
        Slugs(new ArticleFilter { From = new DateOnly(2020, 1, 1) }).Should().Equal("new");
        Slugs(new ArticleFilter { To = new DateOnly(2019, 3, 1) }).Should().Equal("old");
        Slugs(new ArticleFilter { From = new DateOnly(2019, 3, 2), To = new DateOnly(2024, 2, 29) }).Should().BeEmpty();

        IEnumerable<string> Slugs(ArticleFilter filter) =>
            Search.Search(SearchQuery.Parse("tariffs"), filter, PageRequest.First).Items.Select(h => h.ArticleSlug);
    }

    [Fact]
    public void HitsArePagedWithTheTotalOfAllPages()
    {
        Ingest(archive.WritePage("many.txt", paragraphs: Enumerable.Range(1, 7).Select(i => $"Paragraph {i} is about the alliance.").ToArray()));

        var second = Search.Search(SearchQuery.Parse("alliance"), ArticleFilter.None, new PageRequest(2, 3));
        var beyond = Search.Search(SearchQuery.Parse("alliance"), ArticleFilter.None, new PageRequest(4, 3));

        second.Total.Should().Be(7);
        second.TotalPages.Should().Be(3);
        second.Items.Should().HaveCount(3);
        beyond.Items.Should().BeEmpty();
        beyond.Total.Should().Be(7);
    }

    [Fact]
    public void FilteredHitsAreTheUnfilteredOnesOfThePassingArticlesInTheSameOrder()
    {
        // Six articles, Trade and Security in turn, Ann Lee's two last. Each paragraph has its own
        // length and says "tariffs" one to three times, so no two hits score the same and the
        // articles that pass a filter sit high and low in the ranking.
        for (var article = 1; article <= 6; article++)
        {
            Ingest(archive.WritePage(
                $"a{article}.txt",
                author: article > 4 ? "Ann Lee" : "Bo Kim",
                themes: article % 2 == 0 ? "Trade" : "Security",
                paragraphs: [.. Enumerable.Range(1, 4).Select(paragraph => string.Join(' ',
                    Enumerable.Repeat("tariffs", (article + paragraph) % 3 + 1)
                        .Concat(Enumerable.Repeat("filler", article * 7 + paragraph))) + ".")]));
        }

        var tariffs = SearchQuery.Parse("tariffs");
        var all = Search.Search(tariffs, ArticleFilter.None, new PageRequest(1, 100));
        all.Total.Should().Be(24);
        all.Items.Select(h => h.Score).Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();

        foreach (var (filter, passing) in new (ArticleFilter, string[])[]
        {
            (new ArticleFilter { Themes = ["trade"] }, ["a2", "a4", "a6"]),
            (new ArticleFilter { Author = "ann-lee" }, ["a5", "a6"]),
            (new ArticleFilter { Author = "ann-lee", Themes = ["security"] }, ["a5"]),
        })
        {
            var expected = all.Items.Where(h => passing.Contains(h.ArticleSlug)).ToList();

            var filtered = Search.Search(tariffs, filter, new PageRequest(1, 100));
            filtered.Total.Should().Be(expected.Count);
            filtered.Items.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());

            // Page by page, the same hits in the same order, and the total on every page, even beyond the end.
            var pages = Enumerable.Range(1, 5).Select(number => Search.Search(tariffs, filter, new PageRequest(number, 3))).ToList();
            pages.Should().AllSatisfy(p => p.Total.Should().Be(expected.Count));
            pages.SelectMany(p => p.Items).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void ReingestingAnArticleLeavesNoStaleOrDuplicateHits()
    {
        var path = archive.CopyKlingner();
        Ingest(path);
        Ingest(path);
        Find("Scylla").Total.Should().Be(1, "the same text again adds nothing");

        // The editor changes paragraph 3 and the title line; the old words must go, the new ones come.
        archive.WriteText(Path.GetFileName(path), ArticlePages.Klingner
            .Replace("Scylla and Charybdis", "a rock and a hard place", StringComparison.Ordinal)
            .Replace("Author: Bruce Klingner", "Author: Bruce Klingner and Ellen Kim", StringComparison.Ordinal));
        Ingest(path);

        Find("Scylla").Total.Should().Be(0);
        Find("\"rock and a hard place\"").Items.Should().ContainSingle().Which.ParagraphNumber.Should().Be(3);
        Find("Kim").Total.Should().Be(13, "the new title is indexed with every paragraph");
        Find("Charybdis").Total.Should().Be(0);
        IndexIsConsistent();
    }

    [Fact]
    public void TheIndexHoldsOneRowPerParagraphAfterManyUpdates()
    {
        var path = archive.CopyKlingner();
        for (var i = 0; i < 3; i++)
        {
            archive.WriteText(Path.GetFileName(path), ArticlePages.Klingner + $"\nA closing note, revision {i}.");
            Ingest(path);
        }

        using var connection = archive.Database.Open();
        connection.ExecuteScalar<int>("SELECT COUNT(*) FROM search_index").Should().Be(connection.ExecuteScalar<int>("SELECT COUNT(*) FROM paragraphs"));
        Find("revision").Total.Should().Be(1);
        IndexIsConsistent();
    }

    private Page<PassageHit> Find(string query) => Search.Search(SearchQuery.Parse(query), ArticleFilter.None, PageRequest.First);

    private void Ingest(string path) => archive.Writer.Save(TemporaryArchive.RecordFor(path));

    // FTS5's own check that the index matches its external content, row for row and token for token.
    private void IndexIsConsistent()
    {
        using var connection = archive.Database.Open();
        connection.Execute("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)");
    }
}

using KoreaPolicy.Model;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Tests;

/// <summary>Article lists as the reader builds them: pages in order with their total, and each article as it reads.</summary>
public sealed class ArticleListTests : IDisposable
{
    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    [Fact]
    public void AListShowsAuthorsAndThemesInTheOrderTheArticleNamesThem()
    {
        // The first article adds the authors and themes in one order; the second names them in
        // another, so their rows' order and the order on the article disagree.
        Ingest(archive.WritePage("first.txt", author: "Ann Lee, Bo Kim and Cy Park", themes: "Trade, Security, Energy", paragraphs: ["One."]));
        Ingest(archive.WritePage("second.txt", author: "Cy Park, Ann Lee and Bo Kim", themes: "Energy, Trade, Security", paragraphs: ["Two."]));

        var listed = archive.Reader.ListArticles(ArticleFilter.None, ArticleSort.Title, PageRequest.First).Items;

        listed.Select(a => a.Slug).Should().Equal("first", "second");
        listed[0].Authors.Select(a => a.Name).Should().Equal("Ann Lee", "Bo Kim", "Cy Park");
        listed[1].Authors.Should().Equal(new NamedRef("cy-park", "Cy Park"), new NamedRef("ann-lee", "Ann Lee"), new NamedRef("bo-kim", "Bo Kim"));
        listed[1].Themes.Should().Equal(new NamedRef("energy", "Energy"), new NamedRef("trade", "Trade"), new NamedRef("security", "Security"));
        archive.Reader.FindArticle("second")!.Summary.Should().BeEquivalentTo(listed[1], o => o.WithStrictOrdering());
    }

    [Fact]
    public void EveryPageCarriesTheTotalAndThePagesTogetherHoldTheListOnceInOrder()
    {
        for (var day = 1; day <= 5; day++)
        {
            Ingest(archive.WritePage($"day-{day}.txt", themes: day % 2 == 0 ? "Trade" : "Security", date: $"June {day}, 2025", paragraphs: ["Text."]));
        }

        foreach (var (filter, expected) in new (ArticleFilter, string[])[]
        {
            (ArticleFilter.None, ["day-5", "day-4", "day-3", "day-2", "day-1"]),
            (new ArticleFilter { Themes = ["security"] }, ["day-5", "day-3", "day-1"]),
            (new ArticleFilter { Themes = ["no-such-theme"] }, []),
        })
        {
            var pages = Enumerable.Range(1, 4)
                .Select(number => archive.Reader.ListArticles(filter, ArticleSort.NewestFirst, new PageRequest(number, 2)))
                .ToList();

            pages.Should().AllSatisfy(p => p.Total.Should().Be(expected.Length));
            pages.SelectMany(p => p.Items).Select(a => a.Slug).Should().Equal(expected);
        }
    }

    [Fact]
    public void TitlesSortWithoutRegardToCaseOnEveryPage()
    {
        foreach (var title in new[] { "beta", "Alpha", "gamma", "Delta" })
        {
            Ingest(archive.WritePage($"{title.ToLowerInvariant()}.txt", title: title, paragraphs: ["Text."]));
        }

        // One page of all four puts them in order after the joins; pages of one pick them in order.
        archive.Reader.ListArticles(ArticleFilter.None, ArticleSort.Title, new PageRequest(1, 4)).Items.Select(a => a.Title)
            .Should().Equal("Alpha", "beta", "Delta", "gamma");
        Enumerable.Range(1, 4).Select(number => archive.Reader.ListArticles(ArticleFilter.None, ArticleSort.Title, new PageRequest(number, 1)).Items.Single().Title)
            .Should().Equal("Alpha", "beta", "Delta", "gamma");
    }

    [Theory]
    [InlineData(ArticleSort.NewestFirst, false)]
    [InlineData(ArticleSort.OldestFirst, false)]
    [InlineData(ArticleSort.Title, false)]
    [InlineData(ArticleSort.NewestFirst, true)]
    [InlineData(ArticleSort.OldestFirst, true)]
    public void EverySortWalksAnIndexSoADeepPageNeverSortsTheArchiveOrATheme(ArticleSort sort, bool oneTheme)
    {
        var sql = ArticleFilterSql.For(oneTheme ? new ArticleFilter { Themes = ["security"] } : ArticleFilter.None);
        using var connection = archive.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT {sql.ListedId} FROM {sql.Listed}{ArticleFilterSql.OrderBy(sort).Articles} LIMIT 20 OFFSET 9980";
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        plan.Should().ContainSingle(step => step.StartsWith(oneTheme ? "SEARCH a USING COVERING INDEX article_themes_" : "SCAN a USING COVERING INDEX", StringComparison.Ordinal));
        plan.Should().NotContain(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ArticleSort.NewestFirst)]
    [InlineData(ArticleSort.OldestFirst)]
    [InlineData(ArticleSort.Title)]
    public void AThemesPagesAreTheArchivesListOfItsArticlesAfterAnUpdateChangesADateAndATitle(ArticleSort sort)
    {
        var names = new[] { "Kappa", "alpha", "Delta", "beta", "Gamma", "epsilon" };
        for (var i = 0; i < names.Length; i++)
        {
            Ingest(archive.WritePage($"{i}.txt", title: names[i], themes: i % 3 == 2 ? "Trade" : "Security, Trade", date: $"June {i + 1}, 2025", paragraphs: ["Text."]));
        }

        // The links carry copies of the article's sort keys: an update must move it in the theme's order too.
        Ingest(archive.WritePage("1.txt", title: "Zeta", themes: "Security, Trade", date: "June 30, 2025", paragraphs: ["Text."]));
        Ingest(archive.WritePage("4.txt", title: "Omega", themes: "Security", date: "May 1, 2020", paragraphs: ["Text."]));

        var expected = archive.Reader.ListArticles(ArticleFilter.None, sort, new PageRequest(1, 100)).Items
            .Where(a => a.Themes.Any(t => t.Slug == "security")).Select(a => a.Slug).ToList();
        var pages = Enumerable.Range(1, 4)
            .Select(number => archive.Reader.ListArticles(new ArticleFilter { Themes = ["security"] }, sort, new PageRequest(number, 2)))
            .ToList();

        expected.Should().HaveCount(4);
        pages.Should().AllSatisfy(p => p.Total.Should().Be(expected.Count));
        pages.SelectMany(p => p.Items).Select(a => a.Slug).Should().Equal(expected);
    }

    private void Ingest(string path) => archive.Writer.Save(TemporaryArchive.RecordFor(path));
}

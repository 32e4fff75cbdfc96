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
    [InlineData(ArticleSort.NewestFirst)]
    [InlineData(ArticleSort.OldestFirst)]
    [InlineData(ArticleSort.Title)]
    public void EverySortWalksAnIndexSoADeepPageNeverSortsTheArchive(ArticleSort sort)
    {
        using var connection = archive.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT a.id FROM articles a" + ArticleFilterSql.OrderBy(sort).Articles + " LIMIT 20 OFFSET 9980";
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        plan.Should().ContainSingle(step => step.StartsWith("SCAN a USING COVERING INDEX", StringComparison.Ordinal));
        plan.Should().NotContain(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private void Ingest(string path) => archive.Writer.Save(TemporaryArchive.RecordFor(path));
}

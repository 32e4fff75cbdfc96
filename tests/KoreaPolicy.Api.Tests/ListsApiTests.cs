using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests;

/// <summary>Paging, filters, sorting and sparse fieldsets of the lists, over 46 articles.</summary>
public sealed class ListsApiTests(ArchiveOfManyArticles archive) : IClassFixture<ArchiveOfManyArticles>
{
    private readonly HttpClient client = archive.Application.CreateClient();

    [Fact]
    public async Task TheFirstPageHasTwentyItemsTheTotalAndLinksToItsNeighbours()
    {
        var response = await client.GetAsync("/api/articles");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();

        page.GetProperty("items").GetArrayLength().Should().Be(20);
        page.GetProperty("total").GetInt32().Should().Be(ArchiveOfManyArticles.Total);
        page.GetProperty("page").GetInt32().Should().Be(1);
        page.GetProperty("pageSize").GetInt32().Should().Be(20);
        page.GetProperty("totalPages").GetInt32().Should().Be(3);
        var links = page.GetProperty("links");
        links.GetProperty("prev").ValueKind.Should().Be(JsonValueKind.Null);
        links.GetProperty("next").GetString().Should().Be("/api/articles?page=2");
        links.GetProperty("last").GetString().Should().Be("/api/articles?page=3");
        response.Headers.GetValues("X-Total-Count").Should().Equal("46");
        LinkHeader(response).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["first"] = "/api/articles?page=1",
            ["next"] = "/api/articles?page=2",
            ["last"] = "/api/articles?page=3",
        });
    }

    [Fact]
    public async Task TheLastPageHoldsTheRestAndHasNoNext()
    {
        var response = await client.GetAsync("/api/articles?page=3");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();

        page.GetProperty("items").GetArrayLength().Should().Be(6);
        page.GetProperty("links").GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);
        LinkHeader(response).Keys.Should().BeEquivalentTo("first", "prev", "last");
        LinkHeader(response)["prev"].Should().Be("/api/articles?page=2");
    }

    [Fact]
    public async Task APageBeyondTheEndIsEmptyAndLeadsBackToTheLastPage()
    {
        var response = await client.GetAsync("/api/articles?page=9");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.GetProperty("items").GetArrayLength().Should().Be(0);
        page.GetProperty("total").GetInt32().Should().Be(46);
        LinkHeader(response)["prev"].Should().Be("/api/articles?page=3");
    }

    [Fact]
    public async Task AnEmptyListHasOneEmptyPage()
    {
        var response = await client.GetAsync("/api/articles?author=nobody");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();

        page.GetProperty("total").GetInt32().Should().Be(0);
        page.GetProperty("totalPages").GetInt32().Should().Be(1);
        page.GetProperty("items").GetArrayLength().Should().Be(0);
        response.Headers.GetValues("X-Total-Count").Should().Equal("0");
    }

    [Fact]
    public async Task PagesTogetherHoldEveryArticleOnceInOrder()
    {
        var slugs = new List<string>();
        string? next = "/api/articles?pageSize=7";
        while (next is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next);
            slugs.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()!));
            next = page.GetProperty("links").GetProperty("next").GetString();
        }

        slugs.Should().HaveCount(46).And.OnlyHaveUniqueItems();
        slugs[0].Should().Be(KoreaPolicyApplication.ArticleSlug, "December 2025 is the newest");
        slugs[1].Should().Be("article-45");
        slugs[^1].Should().Be("article-01");
    }

    [Fact]
    public async Task LinksKeepTheOtherParameters()
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/articles?theme=trade&sort=title&pageSize=5");

        page.GetProperty("links").GetProperty("next").GetString().Should().Be("/api/articles?theme=trade&sort=title&pageSize=5&page=2");
    }

    [Theory]
    [InlineData("author=author-a", 15)]
    [InlineData("theme=trade", 22)]
    [InlineData("theme=security", 16)] // 15 generated and the Klingner article
    [InlineData("theme=trade&theme=security", 7)]
    [InlineData("theme=trade,security", 7)]
    [InlineData("journal=korea-policy", 46)]
    [InlineData("issue=vol-9-issue-1", 22)]
    [InlineData("journal=korea-policy&issue=vol-9-issue-2", 23)]
    [InlineData("from=2024-01-10&to=2024-01-19", 10)]
    [InlineData("from=2025-01-01", 1)]
    [InlineData("author=author-b&theme=trade&from=2024-01-20", 4)]
    public async Task ArticleListsFilterByAuthorThemesJournalIssueAndDates(string query, int total)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/articles?{query}&pageSize=100");

        page.GetProperty("total").GetInt32().Should().Be(total);
        page.GetProperty("items").GetArrayLength().Should().Be(total);
    }

    [Fact]
    public async Task SeveralThemesMeanArticlesUnderAllOfThem()
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/articles?theme=trade&theme=security&pageSize=100");

        page.GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("slug").GetString()).ToList())
            .Should().OnlyContain(themes => themes.Contains("trade") && themes.Contains("security"));
    }

    [Theory]
    [InlineData("sort=published", "article-01", "article-02")]
    [InlineData("sort=-published", KoreaPolicyApplication.ArticleSlug, "article-45")]
    [InlineData("", KoreaPolicyApplication.ArticleSlug, "article-45")]
    [InlineData("sort=title", "article-01", "article-10")]
    public async Task ArticleListsSortByDateEitherWayOrByTitle(string query, string first, string second)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/articles?{query}");

        page.GetProperty("items").EnumerateArray().Take(2).Select(a => a.GetProperty("slug").GetString()).Should().Equal(first, second);
    }

    [Fact]
    public async Task FieldsReturnOnlyThoseFieldsOfEachItem()
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/articles?fields=slug,title,published&pageSize=3");

        page.GetProperty("total").GetInt32().Should().Be(46, "the page itself keeps its shape");
        page.GetProperty("items").EnumerateArray().Should().HaveCount(3).And.OnlyContain(item =>
            item.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "slug", "title", "published" }));
    }

    [Fact]
    public async Task FieldsApplyToASingleArticle()
    {
        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{KoreaPolicyApplication.ArticleSlug}?fields=slug,sections");

        article.EnumerateObject().Select(p => p.Name).Should().Equal("slug", "sections");
        article.GetProperty("sections").GetArrayLength().Should().Be(4);
    }

    [Fact]
    public async Task FieldsApplyToAnAuthorsArticles()
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/authors/author-a/articles?fields=slug");

        page.GetProperty("items").EnumerateArray().Should().OnlyContain(item => item.EnumerateObject().Single().Name == "slug");
    }

    [Theory]
    [InlineData("/api/articles?page=0", "page")]
    [InlineData("/api/articles?page=-1", "page")]
    [InlineData("/api/articles?page=two", "page")]
    [InlineData("/api/articles?pageSize=0", "pageSize")]
    [InlineData("/api/articles?pageSize=101", "pageSize")]
    [InlineData("/api/articles?pageSize=ten", "pageSize")]
    [InlineData("/api/articles?sort=author", "sort")]
    [InlineData("/api/articles?from=yesterday", "from")]
    [InlineData("/api/articles?to=2024-02-30", "to")]
    [InlineData("/api/articles?from=2024-02-01&to=2024-01-01", "to")]
    [InlineData("/api/articles?theme=a,b,c,d,e,f,g,h,i,j,k", "theme")]
    [InlineData("/api/authors?page=0", "page")]
    [InlineData("/api/themes?pageSize=1000", "pageSize")]
    [InlineData("/api/authors/author-a/articles?sort=nonsense", "sort")]
    [InlineData("/api/themes/trade/articles?pageSize=-5", "pageSize")]
    [InlineData("/api/search?q=tariffs&page=0", "page")]
    [InlineData("/api/search?q=tariffs&from=2024", "from")]
    public async Task AnOutOfRangeOrMalformedListParameterIsA400NamingIt(string path, string parameter)
    {
        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty(parameter, out _).Should().BeTrue(problem.ToString());
    }

    [Theory]
    [InlineData("/api/articles?fields=slug,bogus", "bogus")]
    [InlineData("/api/articles?fields=", "names no field")]
    [InlineData($"/api/articles/{KoreaPolicyApplication.ArticleSlug}?fields=slug,nope", "nope")]
    public async Task AnUnknownFieldIsA400ListingTheValidOnes(string path, string complaint)
    {
        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var detail = problem.GetProperty("detail").GetString();
        detail.Should().Contain(complaint).And.Contain("valid fields are slug, title, titleSource");
    }

    [Fact]
    public async Task SeveralBadParametersAreAllNamed()
    {
        var problem = await (await client.GetAsync("/api/articles?page=0&pageSize=500&sort=x")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("page", "pageSize", "sort");
    }

    [Fact]
    public async Task AuthorsAndThemesArePagedByName()
    {
        var authors = await client.GetAsync("/api/authors?pageSize=2");
        var page = await authors.Content.ReadFromJsonAsync<JsonElement>();

        page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Equal("Author A", "Author B");
        page.GetProperty("total").GetInt32().Should().Be(4);
        LinkHeader(authors)["next"].Should().Be("/api/authors?pageSize=2&page=2");

        var themes = await client.GetFromJsonAsync<JsonElement>("/api/themes?page=2&pageSize=2");
        themes.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Equal("Geopolitics", "Indo-Pacific");
    }

    [Fact]
    public async Task AThemesArticlesArePaged()
    {
        var response = await client.GetAsync("/api/themes/alliance/articles?page=3");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();

        page.GetProperty("total").GetInt32().Should().Be(45);
        page.GetProperty("items").GetArrayLength().Should().Be(5);
        response.Headers.GetValues("X-Total-Count").Should().Equal("45");
    }

    /// <summary>The RFC 8288 Link header as relation → target.</summary>
    private static Dictionary<string, string> LinkHeader(HttpResponseMessage response) =>
        string.Join(",", response.Headers.GetValues("Link"))
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(link => link.Split(';', StringSplitOptions.TrimEntries))
            .ToDictionary(parts => parts[1]["rel=\"".Length..^1], parts => parts[0][1..^1]);
}

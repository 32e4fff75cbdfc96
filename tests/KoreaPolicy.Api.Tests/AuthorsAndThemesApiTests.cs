using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests;

public sealed class AuthorsAndThemesApiTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task ListingAuthorsGivesBruceKlingnerWithOneArticle()
    {
        var list = await GetJsonAsync("/api/authors");

        var author = list.GetProperty("items").EnumerateArray().Single();
        author.GetProperty("slug").GetString().Should().Be("bruce-klingner");
        author.GetProperty("name").GetString().Should().Be("Bruce Klingner");
        author.GetProperty("articleCount").GetInt32().Should().Be(1);
        author.GetProperty("links").GetProperty("articles").GetString().Should().Be("/api/authors/bruce-klingner/articles");
    }

    [Fact]
    public async Task GettingAnAuthorGivesTheirArticleCountAndLinks()
    {
        var author = await GetJsonAsync("/api/authors/bruce-klingner");

        author.GetProperty("name").GetString().Should().Be("Bruce Klingner");
        author.GetProperty("links").GetProperty("self").GetString().Should().Be("/api/authors/bruce-klingner");
    }

    [Fact]
    public async Task AnAuthorsArticlesAreTheirSummaries()
    {
        var list = await GetJsonAsync("/api/authors/bruce-klingner/articles");

        list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString())
            .Should().Equal(KoreaPolicyApplication.ArticleSlug);
        list.GetProperty("links").GetProperty("self").GetString().Should().Be("/api/authors/bruce-klingner/articles?page=1");
    }

    [Fact]
    public async Task ListingThemesGivesTheFourThemesByName()
    {
        var list = await GetJsonAsync("/api/themes");

        list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString())
            .Should().Equal("Foreign Relations", "Geopolitics", "Indo-Pacific", "Security");
        list.GetProperty("items").EnumerateArray().Should().OnlyContain(t => t.GetProperty("articleCount").GetInt32() == 1);
    }

    [Theory]
    [InlineData("foreign-relations", "Foreign Relations")]
    [InlineData("indo-pacific", "Indo-Pacific")]
    public async Task GettingAThemeGivesItsNameAndLinks(string slug, string name)
    {
        var theme = await GetJsonAsync($"/api/themes/{slug}");

        theme.GetProperty("name").GetString().Should().Be(name);
        theme.GetProperty("links").GetProperty("articles").GetString().Should().Be($"/api/themes/{slug}/articles");
    }

    [Fact]
    public async Task AThemesArticlesAreItsSummaries()
    {
        var list = await GetJsonAsync("/api/themes/security/articles");

        list.GetProperty("total").GetInt32().Should().Be(1);
        list.GetProperty("items")[0].GetProperty("slug").GetString().Should().Be(KoreaPolicyApplication.ArticleSlug);
    }

    [Theory]
    [InlineData("/api/authors/nobody", "nobody")]
    [InlineData("/api/authors/nobody/articles", "nobody")]
    [InlineData("/api/themes/economics", "economics")]
    [InlineData("/api/themes/economics/articles", "economics")]
    public async Task AnUnknownAuthorOrThemeIsA404(string path, string slug)
    {
        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().Should().Contain(slug);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

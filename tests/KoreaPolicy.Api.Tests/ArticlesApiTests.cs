using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests;

public sealed class ArticlesApiTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;
    private const string ArticlePath = $"/api/articles/{Slug}";

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task ListingArticlesGivesTheArticleSummaryWithEveryFact()
    {
        var list = await GetJsonAsync("/api/articles");

        list.GetProperty("total").GetInt32().Should().Be(1);
        list.GetProperty("links").GetProperty("self").GetString().Should().Be("/api/articles?page=1");
        var summary = list.GetProperty("items").EnumerateArray().Single();
        summary.GetProperty("slug").GetString().Should().Be(Slug);
        summary.GetProperty("title").GetString().Should().Be("Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)");
        summary.GetProperty("titleSource").GetString().Should().Be("derived");
        Names(summary.GetProperty("authors")).Should().Equal("Bruce Klingner");
        Names(summary.GetProperty("themes")).Should().Equal("Foreign Relations", "Security", "Indo-Pacific", "Geopolitics");
        summary.GetProperty("journal").GetProperty("name").GetString().Should().Be("Korea Policy");
        summary.GetProperty("journal").GetProperty("publisher").GetString().Should().Be("Korea Economic Institute of America");
        var issue = summary.GetProperty("issue");
        issue.GetProperty("label").GetString().Should().Be("Korea Policy Vol. 3, Issue 2");
        issue.GetProperty("volume").GetInt32().Should().Be(3);
        issue.GetProperty("number").GetInt32().Should().Be(2);
        summary.GetProperty("published").GetString().Should().Be("2025-12-15");
        summary.GetProperty("summary").GetString().Should().StartWith("The U.S.-South Korea partnership is being challenged");
        // Counted independently: the 13 paragraph texts split on whitespace.
        summary.GetProperty("wordCount").GetInt32().Should().Be(792);
        summary.GetProperty("links").GetProperty("self").GetString().Should().Be(ArticlePath);
        summary.TryGetProperty("sections", out _).Should().BeFalse("a summary carries no text");
    }

    [Fact]
    public async Task GettingTheArticleGivesThirteenParagraphsInFourSections()
    {
        var article = await GetJsonAsync(ArticlePath);

        var sections = article.GetProperty("sections").EnumerateArray().ToList();
        sections.Select(s => s.GetProperty("heading").GetString()).Should().Equal(
            null,
            "U.S. Demands More, Promises Less in Alliance",
            "U.S. Stymied on Outreach to North Korea",
            "Tempestuous Time for the Alliance");
        sections.Select(s => s.GetProperty("paragraphs").GetArrayLength()).Should().Equal(5, 3, 2, 3);
        sections.Select(s => s.GetProperty("position").GetInt32()).Should().Equal(1, 2, 3, 4);
        var paragraphs = sections.SelectMany(s => s.GetProperty("paragraphs").EnumerateArray()).ToList();
        paragraphs.Select(p => p.GetProperty("number").GetInt32()).Should().Equal(Enumerable.Range(1, 13));
        paragraphs[5].GetProperty("text").GetString().Should().StartWith("Having browbeaten South Korea");
        paragraphs[12].GetProperty("text").GetString().Should().EndWith("“The only thing worse than fighting with allies is fighting without them.”");
        paragraphs.Should().OnlyContain(p => !p.GetProperty("text").GetString()!.Contains("Download PDF"));
        article.GetProperty("links").GetProperty("sections").GetString().Should().Be($"{ArticlePath}/sections");
    }

    [Fact]
    public async Task ParagraphsKeepTheirExactCharacters()
    {
        var paragraph = await GetJsonAsync($"{ArticlePath}/paragraphs/2");

        paragraph.GetProperty("text").GetString().Should().Be(
            "The election of President Lee Jae Mung brought an end to South Korea’s monthslong political upheaval triggered by "
            + "predecessor Yoon Suk Yeol’s imposition of martial law and subsequent impeachment. However, competing factions within "
            + "the Lee administration advocate conflicting foreign policies, leading to potential ambiguity surrounding the country’s future direction.");
    }

    [Fact]
    public async Task SectionsListInOrderWithLinks()
    {
        var list = await GetJsonAsync($"{ArticlePath}/sections");

        list.GetProperty("total").GetInt32().Should().Be(4);
        var slugs = list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("slug").GetString()).ToList();
        slugs.Should().Equal("lead", "us-demands-more-promises-less-in-alliance", "us-stymied-on-outreach-to-north-korea", "tempestuous-time-for-the-alliance");
        var first = list.GetProperty("items")[0].GetProperty("links");
        first.GetProperty("self").GetString().Should().Be($"{ArticlePath}/sections/lead");
        first.GetProperty("article").GetString().Should().Be(ArticlePath);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("us-demands-more-promises-less-in-alliance")]
    public async Task ASectionIsFoundBySlugOrPosition(string key)
    {
        var section = await GetJsonAsync($"{ArticlePath}/sections/{key}");

        section.GetProperty("position").GetInt32().Should().Be(2);
        section.GetProperty("heading").GetString().Should().Be("U.S. Demands More, Promises Less in Alliance");
        section.GetProperty("paragraphCount").GetInt32().Should().Be(3);
        section.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("number").GetInt32()).Should().Equal(6, 7, 8);
    }

    [Fact]
    public async Task ParagraphsListAcrossTheArticleWithTheirSections()
    {
        var list = await GetJsonAsync($"{ArticlePath}/paragraphs");

        list.GetProperty("total").GetInt32().Should().Be(13);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Select(p => p.GetProperty("section").GetProperty("position").GetInt32())
            .Should().Equal(1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4);
        items.Select(p => p.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task AParagraphCarriesLinksToItselfItsArticleAndItsSection()
    {
        var paragraph = await GetJsonAsync($"{ArticlePath}/paragraphs/7");

        paragraph.GetProperty("number").GetInt32().Should().Be(7);
        paragraph.GetProperty("id").GetString().Should().Be($"{Slug}-p-7");
        paragraph.GetProperty("text").GetString().Should().StartWith("The Trump administration advocates modernizing the alliance");
        paragraph.GetProperty("section").GetProperty("slug").GetString().Should().Be("us-demands-more-promises-less-in-alliance");
        var links = paragraph.GetProperty("links");
        links.GetProperty("self").GetString().Should().Be($"{ArticlePath}/paragraphs/7");
        links.GetProperty("article").GetString().Should().Be(ArticlePath);
        links.GetProperty("section").GetString().Should().Be($"{ArticlePath}/sections/us-demands-more-promises-less-in-alliance");
    }

    [Fact]
    public async Task EveryLinkInTheArticleLeadsToA200()
    {
        var article = await GetJsonAsync(ArticlePath);
        var links = Links(article).Distinct().ToList();

        links.Should().HaveCountGreaterThan(10);
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            response.StatusCode.Should().Be(HttpStatusCode.OK, link);
        }
    }

    [Theory]
    [InlineData("/api/articles/no-such-article", "no-such-article")]
    [InlineData("/api/articles/no-such-article/sections", "no-such-article")]
    [InlineData("/api/articles/no-such-article/sections/1", "no-such-article")]
    [InlineData("/api/articles/no-such-article/paragraphs", "no-such-article")]
    [InlineData("/api/articles/no-such-article/paragraphs/1", "no-such-article")]
    [InlineData($"{ArticlePath}/sections/5", "5")]
    [InlineData($"{ArticlePath}/sections/conclusion", "conclusion")]
    [InlineData($"{ArticlePath}/paragraphs/14", "14")]
    public async Task AnUnknownSlugOrNumberIsA404NamingWhatWasNotFound(string path, string missing)
    {
        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().Should().Contain(missing);
    }

    [Theory]
    [InlineData($"{ArticlePath}/sections/0", "section")]
    [InlineData($"{ArticlePath}/sections/-1", "section")]
    [InlineData($"{ArticlePath}/sections/99999999999", "section")]
    [InlineData($"{ArticlePath}/paragraphs/0", "number")]
    [InlineData($"{ArticlePath}/paragraphs/-3", "number")]
    [InlineData($"{ArticlePath}/paragraphs/seven", "number")]
    [InlineData($"{ArticlePath}/paragraphs/7.5", "number")]
    [InlineData($"{ArticlePath}/paragraphs/99999999999", "number")]
    public async Task AMalformedParameterIsA400SayingWhatIsWrong(string path, string parameter)
    {
        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString().Should().Contain(parameter);
        problem.GetProperty("errors").TryGetProperty(parameter, out _).Should().BeTrue();
    }

    [Fact]
    public async Task ResponsesAreCamelCaseJson()
    {
        var response = await client.GetAsync(ArticlePath);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.EnumerateObject().Select(p => p.Name).Should().OnlyContain(name => char.IsLower(name[0]));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<string?> Names(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetProperty("name").GetString());

    // Every string under a "links" object, anywhere in the document.
    private static IEnumerable<string> Links(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "links"
            ? p.Value.EnumerateObject().Select(l => l.Value.GetString()!)
            : Links(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Links),
        _ => [],
    };
}

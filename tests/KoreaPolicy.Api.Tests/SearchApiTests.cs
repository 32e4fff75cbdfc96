using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests;

public sealed class SearchApiTests(ArchiveOfManyArticles archive) : IClassFixture<ArchiveOfManyArticles>
{
    private readonly HttpClient client = archive.Application.CreateClient();

    [Fact]
    public async Task ScyllaFindsParagraphThreeOfTheKlingnerArticle()
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/search?q=Scylla");

        page.GetProperty("total").GetInt32().Should().Be(1);
        var hit = page.GetProperty("items").EnumerateArray().Single();
        hit.GetProperty("article").GetProperty("slug").GetString().Should().Be(KoreaPolicyApplication.ArticleSlug);
        hit.GetProperty("section").GetProperty("slug").GetString().Should().Be("lead");
        hit.GetProperty("paragraph").GetProperty("number").GetInt32().Should().Be(3);
        hit.GetProperty("paragraph").GetProperty("id").GetString().Should().Be($"{KoreaPolicyApplication.ArticleSlug}-p-3");
        hit.GetProperty("snippet").GetString().Should().Contain("between <mark>Scylla</mark> and Charybdis");
        hit.GetProperty("score").GetDouble().Should().BePositive();
        hit.GetProperty("links").GetProperty("paragraph").GetString().Should().Be($"/api/articles/{KoreaPolicyApplication.ArticleSlug}/paragraphs/3");
    }

    [Fact]
    public async Task MatchOffsetsPointAtTheMatchedWordsInTheText()
    {
        var hit = (await client.GetFromJsonAsync<JsonElement>("/api/search?q=%22security%20guarantees%22")).GetProperty("items")[0];
        var text = hit.GetProperty("text").GetString()!;

        var matches = hit.GetProperty("matches").EnumerateArray()
            .Select(m => text.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()));
        matches.Should().Equal("security guarantees");
    }

    [Fact]
    public async Task AQuotedPhraseOnlyFindsTheWordsTogether()
    {
        var phrase = await client.GetFromJsonAsync<JsonElement>("/api/search?q=%22alliance%20has%22");
        var words = await client.GetFromJsonAsync<JsonElement>("/api/search?q=alliance%20has");

        phrase.GetProperty("total").GetInt32().Should().Be(1);
        words.GetProperty("total").GetInt32().Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task TheApostropheInAQueryMatchesTheTypographicOneInTheText()
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/search?q=administration's%20bereft");

        page.GetProperty("items").EnumerateArray().Single().GetProperty("paragraph").GetProperty("number").GetInt32().Should().Be(4);
    }

    [Theory]
    [InlineData("q=tariffs", 47)] // every generated article and two Klingner paragraphs
    [InlineData("q=tariffs&author=author-c", 15)]
    [InlineData("q=tariffs&theme=trade&theme=security", 7)]
    [InlineData("q=tariffs&issue=vol-9-issue-2", 23)]
    [InlineData("q=tariffs&journal=korea-policy&from=2024-02-01", 16)]
    [InlineData("q=tariffs&to=2024-01-05", 5)]
    [InlineData("q=tariffs%20-alliance", 1)]
    [InlineData("q=number%20OR%20Scylla", 46)]
    [InlineData("q=numb*", 45)]
    public async Task SearchFiltersAndOperatorsNarrowTheHits(string query, int total)
    {
        var response = await client.GetAsync($"/api/search?{query}");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();

        page.GetProperty("total").GetInt32().Should().Be(total);
        response.Headers.GetValues("X-Total-Count").Should().Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SearchResultsArePagedWithLinks()
    {
        var response = await client.GetAsync("/api/search?q=tariffs&pageSize=10&page=5");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();

        page.GetProperty("items").GetArrayLength().Should().Be(7);
        page.GetProperty("links").GetProperty("prev").GetString().Should().Be("/api/search?q=tariffs&pageSize=10&page=4");
        page.GetProperty("links").GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&theme=security")]
    [InlineData("&author=author-c&from=2024-01-10")]
    public async Task HitsAreOrderedByScore(string filter)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/search?q=alliance&pageSize=100{filter}");

        page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("score").GetDouble()).Should().NotBeEmpty().And.BeInDescendingOrder();
    }

    [Theory]
    [InlineData("theme=trade")]
    [InlineData("author=author-c")]
    [InlineData("theme=trade&theme=security")]
    public async Task AFilteredSearchFindsTheUnfilteredHitsOfThePassingArticlesInTheSameOrder(string filter)
    {
        var passing = (await client.GetFromJsonAsync<JsonElement>($"/api/articles?{filter}&pageSize=100")).GetProperty("items")
            .EnumerateArray().Select(a => a.GetProperty("slug").GetString()).ToHashSet();
        var all = await Hits("/api/search?q=tariffs&pageSize=100");

        var filtered = await Hits($"/api/search?q=tariffs&{filter}&pageSize=100");

        filtered.Should().NotBeEmpty().And.Equal(all.Where(h => passing.Contains(h.Article)));

        async Task<List<(string? Article, int Paragraph, double Score)>> Hits(string url) =>
            (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray()
                .Select(h => (
                    h.GetProperty("article").GetProperty("slug").GetString(),
                    h.GetProperty("paragraph").GetProperty("number").GetInt32(),
                    h.GetProperty("score").GetDouble()))
                .ToList();
    }

    [Fact]
    public async Task MarkupInTheTextIsEscapedInTheSnippet()
    {
        // The Klingner text has no markup, so check the snippet is HTML: its only tags are our marks.
        var page = await client.GetFromJsonAsync<JsonElement>("/api/search?q=Churchill");
        var snippet = page.GetProperty("items")[0].GetProperty("snippet").GetString()!;

        snippet.Replace("<mark>", "").Replace("</mark>", "").Should().NotContainAny("<", ">");
        snippet.Should().Contain("Churchill");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("q=", "empty")]
    [InlineData("q=%22unbalanced", "not closed")]
    [InlineData("q=OR", "OR")]
    [InlineData("q=tariffs%20OR", "OR")]
    [InlineData("q=-", "'-'")]
    [InlineData("q=-tariffs", "only excludes")]
    [InlineData("q=*", "'*'")]
    [InlineData("q=a*b", "prefix")]
    [InlineData("q=NOT", "NOT")]
    public async Task AQueryThatCannotBeParsedIsA400SayingWhatIsWrong(string query, string complaint)
    {
        var problem = await (await client.GetAsync($"/api/search?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("q")[0].GetString().Should().Contain(complaint);
    }

    [Theory]
    [InlineData("NEAR(tariffs alliance)")]
    [InlineData("text:tariffs")]
    [InlineData("tariffs^")]
    [InlineData("{text}: tariffs")]
    [InlineData("\"a\" \"\"b")]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("%00")]
    public async Task Fts5SyntaxOrSqlInAQueryIsNeverAServerError(string query)
    {
        var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/articles")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Api.Rendering;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KoreaPolicy.Api.Tests;

public sealed class NinjsTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Base = "https://api.example.org";
    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    /// <summary>The IPTC ninjs 3.1 schema the repository carries (Schemas/README.md), as draft 2020-12.</summary>
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "ninjs-schema_3.1.json")),
        new BuildOptions { Dialect = Dialect.Draft202012 });

    [Fact]
    public void TheArticleAsNinjsIsValidAgainstTheNinjs31Schema()
    {
        var ninjs = Build(Article());

        ShouldBeValid(ninjs);
    }

    [Theory]
    [InlineData("application/ninjs+json", "")]
    [InlineData("application/json", "?format=ninjs")]
    public async Task TheArticleIsServedAsNinjsByAcceptOrFormatAndIsValid(string accept, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{Slug}{query}");
        request.Headers.Accept.ParseAdd(accept);

        var response = await app.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/ninjs+json");
        var ninjs = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ShouldBeValid(ninjs);
        ninjs["headlines"]![0]!["value"]!.GetValue<string>().Should().Be("Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)");
    }

    [Fact]
    public void TheValidatorRejectsWhatTheSchemaForbids()
    {
        // Guards the guard: each of these alone must fail, so that a pass means something.
        // A date that is no date-time fails only if format checks are on.
        Evaluate(With(ninjs => ninjs["firstCreated"] = "15 December 2025")).IsValid.Should().BeFalse("format is validated");
        Evaluate(With(ninjs => ninjs["versioncreated"] = "2025-12-15T00:00:00Z")).IsValid.Should().BeFalse("ninjs 1.x names are unknown properties");
        Evaluate(With(ninjs => ninjs["representationType"] = "complete")).IsValid.Should().BeFalse("representationType is full or partial");
        Evaluate(new JsonObject { ["type"] = "text" }).IsValid.Should().BeFalse("uri is required");
    }

    [Fact]
    public void TheNinjsItemCarriesTheArticlesIdentityDatesAndText()
    {
        var article = Article();
        var ninjs = JsonDocument.Parse(Build(article).ToJsonString()).RootElement;

        ninjs.GetProperty("uri").GetString().Should().Be($"{Base}/api/articles/{Slug}");
        ninjs.GetProperty("standard").GetProperty("version").GetString().Should().Be("3.1");
        ninjs.GetProperty("type").GetString().Should().Be("text");
        ninjs.GetProperty("representationType").GetString().Should().Be("full");
        ninjs.GetProperty("pubStatus").GetString().Should().Be("usable");
        ninjs.GetProperty("language").GetString().Should().Be("en");
        ninjs.GetProperty("version").GetString().Should().Be("1");
        ninjs.GetProperty("firstCreated").GetString().Should().Be("2025-12-15T00:00:00Z");
        ninjs.GetProperty("contentCreated").GetString().Should().Be("2025-12-15T00:00:00Z");
        DateTimeOffset.Parse(ninjs.GetProperty("versionCreated").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(article.Summary.UpdatedAt, TimeSpan.FromSeconds(1));
        ninjs.GetProperty("headlines")[0].GetProperty("value").GetString().Should().Be("Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)");
        ninjs.GetProperty("descriptions")[0].GetProperty("value").GetString().Should().StartWith("The U.S.-South Korea partnership is being challenged");
        ninjs.GetProperty("by").GetString().Should().Be("Bruce Klingner");
        var person = ninjs.GetProperty("people").EnumerateArray().Should().ContainSingle().Subject;
        person.GetProperty("name").GetString().Should().Be("Bruce Klingner");
        person.GetProperty("uri").GetString().Should().Be($"{Base}/api/authors/bruce-klingner");
        ninjs.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .Should().Equal("Foreign Relations", "Security", "Indo-Pacific", "Geopolitics");
        ninjs.GetProperty("subjects")[1].GetProperty("uri").GetString().Should().Be($"{Base}/api/themes/security");
        ninjs.GetProperty("copyrightHolder").GetString().Should().Be("Korea Economic Institute of America");
        ninjs.GetProperty("infoSources")[0].GetProperty("name").GetString().Should().Be("Korea Economic Institute of America");
        ninjs.GetProperty("altIds")[0].GetProperty("value").GetString().Should().Be($"{Base}/articles/{Slug}");
    }

    [Fact]
    public void TheNinjsBodyIsTheArticlesHtmlWithEveryParagraph()
    {
        var article = Article();
        var body = JsonDocument.Parse(Build(article).ToJsonString()).RootElement.GetProperty("bodies").EnumerateArray().Should().ContainSingle().Subject;

        body.GetProperty("contentType").GetString().Should().Be("text/html");
        body.GetProperty("wordCount").GetInt32().Should().Be(792);
        var html = body.GetProperty("value").GetString()!;
        html.Should().Be(ArticleHtml.Article(article));
        Enumerable.Range(1, 13).Should().OnlyContain(n => html.Contains($"<p id=\"p-{n}\">", StringComparison.Ordinal));
        html.Should().Contain("<h2 id=\"section-us-demands-more-promises-less-in-alliance-heading\">U.S. Demands More, Promises Less in Alliance</h2>");
    }

    [Fact]
    public void AnArticleWithADoiLicenceAndCanonicalUrlCarriesThemAndStaysValid()
    {
        var article = Article() with { Doi = "10.1234/kp.2025.3.2", License = "CC BY 4.0", CanonicalUrl = "https://keia.org/publication/example" };

        var ninjs = Build(article);

        ShouldBeValid(ninjs);
        var altIds = ninjs["altIds"]!.AsArray().Select(a => (a!["role"]!.GetValue<string>(), a["value"]!.GetValue<string>()));
        altIds.Should().Equal(("url", "https://keia.org/publication/example"), ("doi", "10.1234/kp.2025.3.2"));
        ninjs["usageTerms"]!.GetValue<string>().Should().Be("CC BY 4.0");
    }

    [Fact]
    public void AnArticleWithoutDateAuthorsOrThemesStaysValid()
    {
        var article = Article();
        var bare = article with { Summary = article.Summary with { Published = null, Authors = [], Themes = [], Journal = article.Summary.Journal! with { Publisher = null } } };

        var ninjs = Build(bare);

        ShouldBeValid(ninjs);
        ninjs.ContainsKey("by").Should().BeFalse();
        ninjs.ContainsKey("firstCreated").Should().BeFalse();
    }

    private ArticleDetail Article()
    {
        // Creating a client starts the host, which ingests the articles folder into its database.
        app.CreateClient().Dispose();
        return app.Services.GetRequiredService<ArchiveReader>().FindArticle(Slug)!;
    }

    private JsonObject With(Action<JsonObject> change)
    {
        var ninjs = Build(Article());
        change(ninjs);
        return ninjs;
    }

    private static JsonObject Build(ArticleDetail article) => ArticleNinjs.Build(article, new PublicUrls(Base));

    internal static EvaluationResults Evaluate(JsonNode ninjs) =>
        Schema.Evaluate(JsonDocument.Parse(ninjs.ToJsonString()).RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            // Draft 2020-12 treats "format" as an annotation unless asked: date-time and uri must be checked.
            RequireFormatValidation = true,
        });

    private static void ShouldBeValid(JsonNode ninjs)
    {
        var results = Evaluate(ninjs);
        results.IsValid.Should().BeTrue(
            "the ninjs must satisfy the 3.1 schema; failures: " + JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
    }
}

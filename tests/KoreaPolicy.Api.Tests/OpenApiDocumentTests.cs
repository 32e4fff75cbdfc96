using System.Net.Http.Json;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests;

public sealed class OpenApiDocumentTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private static readonly string[] Paths =
    [
        "/api/articles",
        "/api/articles/{slug}",
        "/api/articles/{slug}/source",
        "/api/articles/{slug}/sections",
        "/api/articles/{slug}/sections/{section}",
        "/api/articles/{slug}/paragraphs",
        "/api/articles/{slug}/paragraphs/{number}",
        "/api/articles/{slug}/citation",
        "/api/articles/{slug}/sections/{section}/citation",
        "/api/articles/{slug}/paragraphs/{number}/citation",
        "/api/authors",
        "/api/authors/{slug}",
        "/api/authors/{slug}/articles",
        "/api/themes",
        "/api/themes/{slug}",
        "/api/themes/{slug}/articles",
        "/api/journals",
        "/api/journals/{slug}",
        "/api/journals/{slug}/issues/{issue}",
        "/api/search",
        "/oembed",
    ];

    public static TheoryData<string> Endpoints => new(Paths);

    [Fact]
    public async Task TheDocumentListsEveryEndpointAndNoOthers()
    {
        var paths = (await DocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name);

        paths.Should().BeEquivalentTo(Paths);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EachEndpointHasASummaryADescriptionAndASuccessSchema(string path)
    {
        var get = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get");

        get.GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace();
        get.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
        get.GetProperty("operationId").GetString().Should().NotBeNullOrWhiteSpace();
        get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EachParameterIsDescribedAndEachPathParameterHasAnExample(string path)
    {
        var get = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get");
        var parameters = get.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];

        parameters.Count(parameter => parameter.GetProperty("in").GetString() == "path").Should().Be(path.Count(c => c == '{'));
        foreach (var parameter in parameters)
        {
            parameter.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
            if (parameter.GetProperty("in").GetString() == "path")
            {
                parameter.GetProperty("example").ToString().Should().NotBeNullOrWhiteSpace("Swagger UI's Try it out starts from the example");
            }
        }
    }

    [Theory]
    [InlineData("/api/articles", "page", "pageSize", "author", "theme", "journal", "issue", "from", "to", "region", "place", "category", "source", "kind", "sort", "fields")]
    [InlineData("/api/articles/{slug}", "slug", "fields", "format")]
    [InlineData("/api/articles/{slug}/paragraphs/{number}", "slug", "number", "format")]
    [InlineData("/oembed", "url", "maxwidth", "maxheight", "format")]
    [InlineData("/api/articles/{slug}/citation", "slug", "style", "format")]
    [InlineData("/api/authors", "page", "pageSize")]
    [InlineData("/api/themes/{slug}/articles", "slug", "page", "pageSize", "sort", "fields")]
    [InlineData("/api/journals", "page", "pageSize")]
    [InlineData("/api/journals/{slug}/issues/{issue}", "slug", "issue", "page", "pageSize")]
    [InlineData("/api/search", "q", "page", "pageSize", "author", "theme", "journal", "issue", "from", "to", "region", "place", "category", "source", "kind")]
    public async Task ListsDocumentTheirQueryParametersInCamelCase(string path, params string[] names)
    {
        var get = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get");

        get.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString())
            .Should().BeEquivalentTo(names);
    }

    [Theory]
    [InlineData("/api/articles/{slug}", "404")]
    [InlineData("/api/articles/{slug}/sections/{section}", "400")]
    [InlineData("/api/articles/{slug}/paragraphs/{number}", "400")]
    [InlineData("/api/articles/{slug}/citation", "400")]
    [InlineData("/api/articles/{slug}/citation", "406")]
    [InlineData("/api/articles/{slug}/paragraphs/{number}/citation", "404")]
    [InlineData("/api/authors/{slug}", "404")]
    [InlineData("/api/themes/{slug}/articles", "404")]
    [InlineData("/api/journals/{slug}", "404")]
    [InlineData("/api/journals/{slug}/issues/{issue}", "400")]
    [InlineData("/api/journals/{slug}/issues/{issue}", "404")]
    public async Task ErrorResponsesAreDocumentedAsProblemDetails(string path, string status)
    {
        var response = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty(status);

        response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
            .GetProperty("$ref").GetString().Should().EndWith("/ProblemDetails");
    }

    [Theory]
    [InlineData("/api/articles/{slug}", "application/json", "text/html", "text/markdown", "text/plain", "application/ld+json", "application/ninjs+json")]
    [InlineData("/api/articles/{slug}/sections/{section}", "application/json", "text/html", "text/markdown", "text/plain")]
    [InlineData("/api/articles/{slug}/paragraphs/{number}", "application/json", "text/html", "text/markdown", "text/plain")]
    public async Task NegotiatedEndpointsDocumentEachMediaTypeAndThe406(string path, params string[] mediaTypes)
    {
        var responses = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses");

        responses.GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Should().Equal(mediaTypes);
        responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("$ref").GetString().Should().NotBeNullOrEmpty("the JSON keeps its typed schema");
        responses.GetProperty("406").GetProperty("content").GetProperty("application/problem+json").ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public async Task ResponseSchemasCarryExamples()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var article = schemas.GetProperty("ArticleResponse").GetProperty("properties");

        article.GetProperty("slug").GetProperty("example").GetString().Should().Be(KoreaPolicyApplication.ArticleSlug);
        article.GetProperty("published").GetProperty("example").GetString().Should().Be("2025-12-15");
        schemas.GetProperty("ParagraphResponse").GetProperty("properties").GetProperty("number").GetProperty("example").GetInt32().Should().Be(6);
        schemas.GetProperty("IssueSummaryResponse").GetProperty("properties").GetProperty("slug").GetProperty("example").GetString().Should().Be("vol-3-issue-2");
        schemas.GetProperty("IssueDetailResponse").GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Should().Equal("slug", "label", "volume", "number", "year", "journal", "articles", "links");
    }

    [Theory]
    [InlineData("/api/articles", "page", "integer", "int32")]
    [InlineData("/api/articles", "pageSize", "integer", "int32")]
    [InlineData("/api/articles", "from", "string", "date")]
    [InlineData("/api/articles", "to", "string", "date")]
    [InlineData("/api/search", "pageSize", "integer", "int32")]
    [InlineData("/api/search", "from", "string", "date")]
    [InlineData("/api/journals/{slug}/issues/{issue}", "page", "integer", "int32")]
    [InlineData("/api/articles/{slug}/paragraphs/{number}", "number", "integer", "int32")]
    [InlineData("/oembed", "maxwidth", "integer", "int32")]
    public async Task NumbersAndDatesAreDocumentedAsIntegersAndDates(string path, string name, string type, string format)
    {
        var schema = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");

        schema.GetProperty("type").GetString().Should().Be(type);
        schema.GetProperty("format").GetString().Should().Be(format);
        if (type == "integer")
        {
            schema.GetProperty("minimum").GetInt32().Should().Be(1);
        }
    }

    [Fact]
    public async Task PageSizeIsDocumentedWithTheLimitTheApiEnforces()
    {
        var schema = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/authors").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "pageSize").GetProperty("schema");
        var client = app.CreateClient();

        var limit = schema.GetProperty("maximum").GetInt32();

        (await client.GetAsync($"/api/authors?pageSize={limit}")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        await (await client.GetAsync($"/api/authors?pageSize={limit + 1}")).ShouldBeProblemAsync(System.Net.HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheDocumentNamesItsServerItsLicenceThatReadingIsOpenAndWhatEachTagIs()
    {
        var document = await DocumentAsync();

        document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).Should().Equal("http://localhost");
        var license = document.GetProperty("info").GetProperty("license");
        license.GetProperty("name").GetString().Should().Contain("Korea Economic Institute of America");
        Uri.IsWellFormedUriString(license.GetProperty("url").GetString(), UriKind.Absolute).Should().BeTrue();
        // One requirement with no scheme: OpenAPI's "no authentication needed".
        document.GetProperty("security").EnumerateArray().Should().ContainSingle()
            .Which.EnumerateObject().Should().BeEmpty();
        foreach (var tag in document.GetProperty("tags").EnumerateArray())
        {
            tag.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace(tag.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task TheServerInTheDocumentIsTheConfiguredPublicBaseUrl()
    {
        using var behindProxy = new KoreaPolicyApplication { Settings = new Dictionary<string, string?> { ["Site:BaseUrl"] = "https://api.example.org/" } };

        var document = await behindProxy.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        document.GetProperty("servers")[0].GetProperty("url").GetString().Should().Be("https://api.example.org");
    }

    private async Task<JsonElement> DocumentAsync() =>
        await app.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
}

using System.Net;
using System.Text.Json;
using static KoreaPolicy.Api.Tests.RepresentationReader;

namespace KoreaPolicy.Api.Tests;

/// <summary>The article, a section and a paragraph as HTML, Markdown, plain text and JSON-LD, and how a client asks for each.</summary>
public sealed class RepresentationsTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;
    private const string ArticlePath = $"/api/articles/{Slug}";
    private const string Title = "Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)";
    private const string Source = "Korea Policy Vol. 3, Issue 2, Korea Economic Institute of America, December 15, 2025";
    private const string SecondSection = "us-demands-more-promises-less-in-alliance";

    private static readonly string[] Headings =
        ["U.S. Demands More, Promises Less in Alliance", "U.S. Stymied on Outreach to North Korea", "Tempestuous Time for the Alliance"];

    private static readonly string[] SectionSlugs =
        ["lead", SecondSection, "us-stymied-on-outreach-to-north-korea", "tempestuous-time-for-the-alliance"];

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task TheArticleAsMarkdownHasTitleBylineSourceHeadingsAndEveryParagraphInOrder()
    {
        var markdown = await client.GetTextAsync(ArticlePath, "text/markdown", "text/markdown");
        var paragraphs = await ParagraphTextsAsync();

        // The article's text has no Markdown specials, so each paragraph is its text unchanged.
        Blocks(markdown).Should().Equal(
            [
                $"# {Title}", "By Bruce Klingner", Source,
                .. paragraphs[..5], $"## {Headings[0]}", .. paragraphs[5..8], $"## {Headings[1]}", .. paragraphs[8..10], $"## {Headings[2]}", .. paragraphs[10..],
            ]);
    }

    [Fact]
    public async Task TheArticleAsPlainTextHasTitleAndBylineLinesThenHeadingsAndParagraphsSeparatedByBlankLines()
    {
        var text = await client.GetTextAsync(ArticlePath, "text/plain", "text/plain");
        var paragraphs = await ParagraphTextsAsync();

        Blocks(text).Should().Equal(
            [
                $"{Title}\nBy Bruce Klingner\n{Source}",
                .. paragraphs[..5], Headings[0], .. paragraphs[5..8], Headings[1], .. paragraphs[8..10], Headings[2], .. paragraphs[10..],
            ]);
    }

    [Fact]
    public async Task TheArticleAsHtmlHasAnIdOnEverySectionAndParagraph()
    {
        var html = await client.GetHtmlAsync(ArticlePath, "text/html");
        var paragraphs = await ParagraphTextsAsync();

        html.QuerySelectorAll("section").Select(s => s.Id).Should().Equal(SectionSlugs.Select(s => $"section-{s}"));
        var ps = html.QuerySelectorAll("section p").ToList();
        ps.Select(p => p.Id).Should().Equal(Enumerable.Range(1, 13).Select(n => $"p-{n}"));
        ps.Select(p => p.TextContent).Should().Equal(paragraphs);
        html.QuerySelector("article h1")!.TextContent.Should().Be(Title);
        html.QuerySelectorAll("section h2").Select(h => h.TextContent).Should().Equal(Headings);
        html.QuerySelector(".kp-byline")!.TextContent.Should().Be("By Bruce Klingner");
        html.QuerySelector(".kp-source time")!.GetAttribute("datetime").Should().Be("2025-12-15");
    }

    [Theory]
    [InlineData(SecondSection)]
    [InlineData("2")]
    public async Task ASectionComesAsHtmlMarkdownAndTextBySlugOrPosition(string section)
    {
        var path = $"{ArticlePath}/sections/{section}";
        var paragraphs = (await ParagraphTextsAsync())[5..8];

        var html = await client.GetHtmlAsync($"{path}?format=html");
        html.QuerySelector("section")!.Id.Should().Be($"section-{SecondSection}");
        html.QuerySelector("section h2")!.TextContent.Should().Be(Headings[0]);
        html.QuerySelectorAll("section p").Select(p => (p.Id ?? "", p.TextContent)).Should().Equal(paragraphs.Select((t, i) => ($"p-{i + 6}", t)));

        Blocks(await client.GetTextAsync($"{path}?format=markdown", "text/markdown")).Should().Equal([$"## {Headings[0]}", .. paragraphs]);
        Blocks(await client.GetTextAsync(path, "text/plain", "text/plain")).Should().Equal([Headings[0], .. paragraphs]);
    }

    [Fact]
    public async Task TheUntitledLeadHasNoHeadingInAnyFormat()
    {
        var paragraphs = (await ParagraphTextsAsync())[..5];

        (await client.GetHtmlAsync($"{ArticlePath}/sections/lead", "text/html")).QuerySelector("h2").Should().BeNull();
        Blocks(await client.GetTextAsync($"{ArticlePath}/sections/1", "text/markdown", "text/markdown")).Should().Equal(paragraphs);
    }

    [Fact]
    public async Task AParagraphComesAsHtmlMarkdownAndText()
    {
        var path = $"{ArticlePath}/paragraphs/7";
        var text = (await ParagraphTextsAsync())[6];

        var html = await client.GetHtmlAsync(path, "text/html");
        var p = html.Body!.Children.Should().ContainSingle().Subject;
        (p.LocalName, p.Id, p.TextContent).Should().Be(("p", "p-7", text));
        (await client.GetTextAsync(path, "text/markdown", "text/markdown")).Should().Be(text + "\n");
        (await client.GetTextAsync($"{path}?format=text", "text/plain")).Should().Be(text + "\n");
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("text/html", "text/html")]
    [InlineData("application/xhtml+xml", "text/html")]
    [InlineData("text/markdown", "text/markdown")]
    [InlineData("text/plain", "text/plain")]
    [InlineData("application/ld+json", "application/ld+json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/*", "text/html")]
    [InlineData("text/html;q=0.5, text/markdown", "text/markdown")]
    [InlineData("text/plain;q=0.9, application/ld+json;q=0.8, */*;q=0.1", "text/plain")]
    [InlineData("application/pdf, text/markdown;q=0.2", "text/markdown")]
    [InlineData("text/*;q=0.3, text/plain", "text/plain")]
    public async Task TheArticleIsServedInTheFormatAcceptPrefers(string? accept, string expected)
    {
        var response = await client.GetAsync(ArticlePath, accept);

        await response.ShouldBeAsync(expected);
    }

    [Theory]
    [InlineData(ArticlePath, "application/pdf")]
    [InlineData(ArticlePath, "image/png")]
    [InlineData(ArticlePath, "text/html;q=0, application/pdf")]
    [InlineData($"{ArticlePath}/sections/2", "application/ld+json")]
    [InlineData($"{ArticlePath}/paragraphs/7", "image/*")]
    public async Task AnAcceptNothingMatchesIsA406ProblemListingTheFormats(string path, string accept)
    {
        var response = await client.GetAsync(path, accept);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotAcceptable);
        problem.GetProperty("detail").GetString().Should().Contain("text/markdown").And.Contain("format=");
        response.Headers.Vary.Should().Contain("Accept");
    }

    [Theory]
    [InlineData(ArticlePath, "html", "text/html")]
    [InlineData(ArticlePath, "markdown", "text/markdown")]
    [InlineData(ArticlePath, "md", "text/markdown")]
    [InlineData(ArticlePath, "jsonld", "application/ld+json")]
    [InlineData($"{ArticlePath}/sections/2", "text", "text/plain")]
    [InlineData($"{ArticlePath}/paragraphs/7", "json", "application/json")]
    public async Task FormatOverridesAccept(string path, string format, string expected)
    {
        var response = await client.GetAsync($"{path}?format={format}", "application/pdf, text/html;q=0.9");

        await response.ShouldBeAsync(expected);
    }

    [Theory]
    [InlineData(ArticlePath, "pdf")]
    [InlineData($"{ArticlePath}/sections/2", "jsonld")]
    [InlineData($"{ArticlePath}/paragraphs/7", "")]
    public async Task AnUnknownFormatIsA400NamingTheParameter(string path, string format)
    {
        var problem = await (await client.GetAsync($"{path}?format={format}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("format")[0].GetString().Should().Contain("json, html, markdown, text");
    }

    [Theory]
    [InlineData("/api/articles/no-such-article", "text/html")]
    [InlineData($"{ArticlePath}/sections/no-such-section", "text/markdown")]
    [InlineData($"{ArticlePath}/paragraphs/99", "text/plain")]
    public async Task AMissingResourceIsA404ProblemWhateverTheFormat(string path, string accept)
    {
        await (await client.GetAsync(path, accept)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FieldsStillTrimTheJson()
    {
        var article = await client.GetJsonAsync($"{ArticlePath}?fields=slug,title&format=json");

        article.EnumerateObject().Select(p => p.Name).Should().Equal("slug", "title");
    }

    [Fact]
    public async Task TheJsonLdServedOnItsOwnDescribesTheArticleAsAScholarlyArticle()
    {
        var body = await client.GetTextAsync($"{ArticlePath}?format=jsonld", "application/ld+json");

        ArticleJsonLdShouldDescribeKlingner(JsonDocument.Parse(body).RootElement);
    }

    internal static void ArticleJsonLdShouldDescribeKlingner(JsonElement ld)
    {
        var canonical = $"http://localhost/articles/{Slug}";
        ld.GetProperty("@context").GetString().Should().Be("https://schema.org");
        ld.GetProperty("@type").GetString().Should().Be("ScholarlyArticle");
        ld.GetProperty("@id").GetString().Should().Be(canonical);
        ld.GetProperty("url").GetString().Should().Be(canonical);
        ld.GetProperty("headline").GetString().Should().Be(Title);
        ld.GetProperty("author").EnumerateArray().Select(a => (a.GetProperty("@type").GetString(), a.GetProperty("name").GetString()))
            .Should().Equal(("Person", "Bruce Klingner"));
        ld.GetProperty("datePublished").GetString().Should().Be("2025-12-15");
        DateTimeOffset.Parse(ld.GetProperty("dateModified").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        var issue = ld.GetProperty("isPartOf");
        (issue.GetProperty("@type").GetString(), issue.GetProperty("issueNumber").GetString()).Should().Be(("PublicationIssue", "2"));
        var volume = issue.GetProperty("isPartOf");
        (volume.GetProperty("@type").GetString(), volume.GetProperty("volumeNumber").GetString()).Should().Be(("PublicationVolume", "3"));
        var periodical = volume.GetProperty("isPartOf");
        (periodical.GetProperty("@type").GetString(), periodical.GetProperty("name").GetString()).Should().Be(("Periodical", "Korea Policy"));
        ld.GetProperty("publisher").GetProperty("@type").GetString().Should().Be("Organization");
        ld.GetProperty("publisher").GetProperty("name").GetString().Should().Be("Korea Economic Institute of America");
        ld.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).Should().Equal("Foreign Relations", "Security", "Indo-Pacific", "Geopolitics");
        ld.GetProperty("articleSection").EnumerateArray().Select(k => k.GetString()).Should().Equal(Headings);
        ld.GetProperty("wordCount").GetInt32().Should().Be(792);
        ld.GetProperty("inLanguage").GetString().Should().Be("en");
        ld.GetProperty("description").GetString().Should().StartWith("The U.S.-South Korea partnership is being challenged");
        ld.TryGetProperty("identifier", out _).Should().BeFalse("the article has no DOI");
    }

    private async Task<string[]> ParagraphTextsAsync() =>
        [.. Texts((await client.GetJsonAsync($"{ArticlePath}/paragraphs")).GetProperty("items"))];
}

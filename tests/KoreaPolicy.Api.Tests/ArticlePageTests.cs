using System.Net;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests;

/// <summary>The article's page for people: an HTML5 document with what other sites read from its head.</summary>
public sealed class ArticlePageTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;
    private const string PagePath = $"/articles/{Slug}";
    private const string PageUrl = $"http://localhost{PagePath}";

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task ThePageIsAnEnglishHtml5DocumentWithCharsetViewportTitleAndTheArticleInMain()
    {
        var page = await client.GetHtmlAsync(PagePath);

        page.Doctype!.Name.Should().Be("html");
        page.DocumentElement.GetAttribute("lang").Should().Be("en");
        page.QuerySelector("meta[charset]")!.GetAttribute("charset").Should().Be("utf-8");
        page.QuerySelector("meta[name=viewport]")!.GetAttribute("content").Should().Contain("width=device-width");
        page.Title.Should().Be("Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)");
        page.QuerySelector("head style").Should().NotBeNull();
        var article = page.QuerySelector("main > article")!;
        article.QuerySelector("h1")!.TextContent.Should().Be(page.Title);
        article.QuerySelectorAll("p[id^='p-']").Should().HaveCount(13);
        article.QuerySelectorAll("section[id^='section-']").Should().HaveCount(4);
    }

    [Fact]
    public async Task ThePageLinksItsCanonicalUrlItsJsonAndItsOEmbed()
    {
        var page = await client.GetHtmlAsync(PagePath);

        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be(PageUrl);
        page.QuerySelector("link[rel=alternate][type='application/json']")!.GetAttribute("href").Should().Be($"/api/articles/{Slug}");
        var oEmbed = new Uri(page.QuerySelector("link[rel=alternate][type='application/json+oembed']")!.GetAttribute("href")!);
        oEmbed.GetLeftPart(UriPartial.Path).Should().Be("http://localhost/oembed");
        var answer = await client.GetJsonAsync(oEmbed.PathAndQuery);
        answer.GetProperty("type").GetString().Should().Be("rich");
        RepresentationReader.Html(answer.GetProperty("html").GetString()!).QuerySelector("figcaption a")!.GetAttribute("href").Should().Be(PageUrl);
    }

    [Fact]
    public async Task ThePageEmbedsTheArticlesJsonLd()
    {
        var page = await client.GetHtmlAsync(PagePath);

        var script = page.QuerySelectorAll("script").Should().ContainSingle().Subject;
        script.GetAttribute("type").Should().Be("application/ld+json");
        RepresentationsTests.ArticleJsonLdShouldDescribeKlingner(JsonDocument.Parse(script.TextContent).RootElement);
    }

    [Fact]
    public async Task AMissingArticlesPageIsA404Problem()
    {
        await (await client.GetAsync("/articles/no-such-article")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Text.Json;
using AngleSharp.Dom;

namespace KoreaPolicy.Api.Tests;

/// <summary>Section and paragraph embeds, and oEmbed answers for the article's URLs.</summary>
public sealed class EmbedTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;
    private const string PageUrl = $"http://localhost/articles/{Slug}";
    private const string SectionSlug = "us-demands-more-promises-less-in-alliance";

    private readonly HttpClient client = app.CreateClient();

    [Theory]
    [InlineData(SectionSlug)]
    [InlineData("2")]
    public async Task ASectionEmbedQuotesTheSectionWithAttributionAndALinkToItsAnchor(string section)
    {
        var embed = await client.GetHtmlAsync($"/embed/articles/{Slug}/sections/{section}");
        var paragraphs = RepresentationReader.Texts((await client.GetJsonAsync($"/api/articles/{Slug}/sections/2")).GetProperty("paragraphs"));

        var figure = SelfContained(embed);
        figure.QuerySelector("blockquote h2")!.TextContent.Should().Be("U.S. Demands More, Promises Less in Alliance");
        figure.QuerySelectorAll("blockquote p").Select(p => p.TextContent).Should().Equal(paragraphs);
        ShouldAttributeKlingner(figure, $"{PageUrl}#section-{SectionSlug}");
    }

    [Fact]
    public async Task AParagraphEmbedQuotesTheParagraphWithAttributionAndALinkToItsAnchor()
    {
        var embed = await client.GetHtmlAsync($"/embed/articles/{Slug}/paragraphs/7");
        var text = (await client.GetJsonAsync($"/api/articles/{Slug}/paragraphs/7")).GetProperty("text").GetString();

        var figure = SelfContained(embed);
        figure.QuerySelectorAll("blockquote p").Select(p => p.TextContent).Should().Equal(text);
        ShouldAttributeKlingner(figure, $"{PageUrl}#p-7");
    }

    [Theory]
    [InlineData($"/embed/articles/{Slug}/sections/0", HttpStatusCode.BadRequest)]
    [InlineData($"/embed/articles/{Slug}/sections/99", HttpStatusCode.NotFound)]
    [InlineData($"/embed/articles/{Slug}/sections/no-such-section", HttpStatusCode.NotFound)]
    [InlineData($"/embed/articles/{Slug}/paragraphs/seven", HttpStatusCode.BadRequest)]
    [InlineData($"/embed/articles/{Slug}/paragraphs/0", HttpStatusCode.BadRequest)]
    [InlineData($"/embed/articles/{Slug}/paragraphs/14", HttpStatusCode.NotFound)]
    [InlineData("/embed/articles/no-such-article/paragraphs/1", HttpStatusCode.NotFound)]
    [InlineData("/embed/articles/no-such-article/sections/1", HttpStatusCode.NotFound)]
    public async Task EmbedsAnswerMalformedAndMissingPartsLikeTheApi(string path, HttpStatusCode status)
    {
        await (await client.GetAsync(path)).ShouldBeProblemAsync(status);
    }

    [Theory]
    [InlineData(PageUrl, PageUrl, "Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)")]
    [InlineData($"{PageUrl}#p-7", $"{PageUrl}#p-7", "Paragraph 7 of Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)")]
    [InlineData($"{PageUrl}#section-{SectionSlug}", $"{PageUrl}#section-{SectionSlug}",
        "U.S. Demands More, Promises Less in Alliance — Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)")]
    [InlineData($"http://localhost/embed/articles/{Slug}/paragraphs/7", $"{PageUrl}#p-7", "Paragraph 7 of Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)")]
    [InlineData($"http://localhost/embed/articles/{Slug}/sections/2", $"{PageUrl}#section-{SectionSlug}",
        "U.S. Demands More, Promises Less in Alliance — Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)")]
    [InlineData($"{PageUrl}#no-such-anchor", PageUrl, "Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)")]
    public async Task OEmbedAnswersForThePageAndItsAnchorsWithARichEmbed(string url, string link, string title)
    {
        var answer = await client.GetJsonAsync($"/oembed?url={Uri.EscapeDataString(url)}&format=json");

        answer.GetProperty("version").GetString().Should().Be("1.0");
        answer.GetProperty("type").GetString().Should().Be("rich");
        answer.GetProperty("title").GetString().Should().Be(title);
        answer.GetProperty("author_name").GetString().Should().Be("Bruce Klingner");
        answer.GetProperty("provider_name").GetString().Should().Be("Korea Economic Institute of America");
        answer.GetProperty("provider_url").GetString().Should().Be("http://localhost");
        answer.GetProperty("width").GetInt32().Should().Be(560);
        answer.GetProperty("height").GetInt32().Should().BePositive();
        answer.GetProperty("cache_age").GetInt32().Should().BePositive();
        var figure = SelfContained(RepresentationReader.Html(answer.GetProperty("html").GetString()!));
        ShouldAttributeKlingner(figure, link);
    }

    [Fact]
    public async Task OEmbedKeepsWithinMaxWidthAndMaxHeight()
    {
        var answer = await client.GetJsonAsync($"/oembed?url={Uri.EscapeDataString(PageUrl + "#section-lead")}&maxwidth=300&maxheight=200");

        answer.GetProperty("width").GetInt32().Should().Be(300);
        answer.GetProperty("height").GetInt32().Should().BeInRange(1, 200);
        var style = RepresentationReader.Html(answer.GetProperty("html").GetString()!).QuerySelector("figure")!.GetAttribute("style");
        style.Should().Contain("max-width:300px").And.Contain("max-height:200px");
    }

    [Theory]
    [InlineData("/oembed", HttpStatusCode.BadRequest, "url")]
    [InlineData("/oembed?url=", HttpStatusCode.BadRequest, "url")]
    [InlineData($"/oembed?url={PageUrl}&maxwidth=wide", HttpStatusCode.BadRequest, "maxwidth")]
    [InlineData($"/oembed?url={PageUrl}&maxheight=0", HttpStatusCode.BadRequest, "maxheight")]
    [InlineData($"/oembed?url={PageUrl}&format=xml", HttpStatusCode.NotImplemented, null)]
    [InlineData("/oembed?url=https%3A%2F%2Fexample.com%2Farticles%2Fkorea-policy-vol-3-issue-2-klingner", HttpStatusCode.NotFound, null)]
    [InlineData("/oembed?url=http%3A%2F%2Flocalhost%2Fapi%2Farticles%2Fkorea-policy-vol-3-issue-2-klingner", HttpStatusCode.NotFound, null)]
    [InlineData("/oembed?url=http%3A%2F%2Flocalhost%2Farticles%2Fno-such-article", HttpStatusCode.NotFound, null)]
    [InlineData($"/oembed?url=http%3A%2F%2Flocalhost%2Fembed%2Farticles%2F{Slug}%2Fparagraphs%2F99", HttpStatusCode.NotFound, null)]
    [InlineData("/oembed?url=not%20a%20url", HttpStatusCode.NotFound, null)]
    public async Task OEmbedRefusesWhatItCannotAnswerWithProblems(string path, HttpStatusCode status, string? parameter)
    {
        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(status);

        if (parameter is not null)
        {
            problem.GetProperty("errors").TryGetProperty(parameter, out _).Should().BeTrue();
        }
    }

    [Theory]
    [InlineData($"/articles/{Slug}")]
    [InlineData($"/Articles/{Slug}")]
    [InlineData($"/articles/{Slug}/")]
    [InlineData($"//articles/{Slug}")]
    [InlineData($"/articles/{Slug}/sections")]
    [InlineData($"/embed/articles/{Slug}/sections/2")]
    [InlineData($"/EMBED/articles/{Slug}/paragraphs/7")]
    [InlineData($"/embed/articles/{Slug}/paragraphs/7/more")]
    [InlineData($"/embed/articles/{Slug}/paragraphs/0")]
    [InlineData("/articles")]
    public async Task OEmbedAnswersForAPathExactlyWhenTheSiteServesIt(string path)
    {
        // oEmbed reads its URL with the site's own routes, so the two cannot disagree.
        var served = (await client.GetAsync(path)).StatusCode;
        var answered = (await client.GetAsync($"/oembed?url={Uri.EscapeDataString("http://localhost" + path)}")).StatusCode;

        (answered == HttpStatusCode.OK).Should().Be(served == HttpStatusCode.OK, $"GET {path} is {(int)served} and its oEmbed {(int)answered}");
    }

    /// <summary>One figure, nothing to load or run, and no ids to clash with the host page's.</summary>
    internal static IElement SelfContained(AngleSharp.Html.Dom.IHtmlDocument embed)
    {
        var figure = embed.Body!.Children.Should().ContainSingle().Subject;
        figure.LocalName.Should().Be("figure");
        embed.QuerySelectorAll("script, link, style, iframe, img").Should().BeEmpty();
        embed.QuerySelectorAll("[id]").Should().BeEmpty();
        figure.GetAttribute("style").Should().NotBeNullOrWhiteSpace();
        return figure;
    }

    private static void ShouldAttributeKlingner(IElement figure, string link)
    {
        var caption = figure.QuerySelector("figcaption")!;
        caption.TextContent.Should().StartWith("Bruce Klingner, ");
        caption.QuerySelector("cite")!.TextContent.Should().Be("Korea Policy Vol. 3, Issue 2");
        caption.QuerySelector("time")!.GetAttribute("datetime").Should().Be("2025-12-15");
        caption.TextContent.Should().Contain(", Korea Economic Institute of America, December 15, 2025.");
        caption.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().OnlyContain(href => href == link).And.NotBeEmpty();
        figure.QuerySelector("blockquote")!.GetAttribute("cite").Should().Be(link);
    }
}

using System.Text.Json;
using AngleSharp.Html.Dom;

namespace KoreaPolicy.Api.Tests;

/// <summary>An article whose text, heading, author and theme are full of markup and Markdown, on an application of its own.</summary>
public sealed class HostileArticle : IDisposable
{
    public const string Slug = "hostile-escaping";
    public const string Author = "Ann \"<i>\" O'Neil";
    public const string Theme = "Security & <b>Trade</b>";
    public const string Heading = "Fish&Chips X<b>Bold</b> “Quoted” O'Neil's [Bracketed] Alert<script>alert(1)</script> Heading";

    public static readonly string[] Paragraphs =
    [
        "<script>alert(1)</script> opens & closes \"quotes\" and 'apostrophes' with <b>bold</b>, *stars*, _under_, [link](x) and `code`.",
        "# Not a heading & not <b>bold</b> either, just a sentence.",
        "1. Not a list item, and 2) neither is this one.",
        "> Not a quote; a \\ backslash, a | pipe and ~tilde~ too.",
        // "+ ", not "- ": a "- " line is a list item (PageFamilyTests); this one is text whose first character Markdown must escape.
        "+ Not a bullet: the text after the heading keeps its <b>tags</b> & entities like &amp; as typed.",
    ];

    private readonly string folder = Directory.CreateTempSubdirectory("koreapolicy-hostile-").FullName;

    public HostileArticle()
    {
        string[] lines =
        [
            "Korea Policy", "From the Issue", "Korea Policy Vol. 3, Issue 2About Korea Policy",
            $"Author: {Author}", $"Theme: {Theme}", "Published December 16, 2025",
            "Download PDF" + Paragraphs[0], Paragraphs[1], Paragraphs[2], Paragraphs[3], Heading, Paragraphs[4],
        ];
        File.WriteAllLines(Path.Combine(folder, $"{Slug}.txt"), lines);
        App = new KoreaPolicyApplication { ArticlesFolder = folder };
    }

    public KoreaPolicyApplication App { get; }

    public void Dispose()
    {
        App.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>Text is data in every representation: no markup from it survives as markup, and every character survives as itself.</summary>
public sealed class EscapingTests(HostileArticle article) : IClassFixture<HostileArticle>
{
    private const string ArticlePath = $"/api/articles/{HostileArticle.Slug}";
    private const string PageUrl = $"http://localhost/articles/{HostileArticle.Slug}";
    private const string Title = $"{HostileArticle.Author}, Korea Policy Vol. 3, Issue 2 (December 16, 2025)";

    private readonly HttpClient client = article.App.CreateClient();

    [Fact]
    public async Task TheParserKeepsTheHostileCharactersSoTheRestOfTheseTestsMeanSomething()
    {
        var json = await client.GetJsonAsync(ArticlePath);

        json.GetProperty("title").GetString().Should().Be(Title);
        json.GetProperty("authors")[0].GetProperty("name").GetString().Should().Be(HostileArticle.Author);
        json.GetProperty("themes")[0].GetProperty("name").GetString().Should().Be(HostileArticle.Theme);
        var sections = json.GetProperty("sections").EnumerateArray().ToList();
        sections.Select(s => s.GetProperty("heading").GetString()).Should().Equal(null, HostileArticle.Heading);
        RepresentationReader.Texts(sections[0].GetProperty("paragraphs")).Concat(RepresentationReader.Texts(sections[1].GetProperty("paragraphs")))
            .Should().Equal(HostileArticle.Paragraphs);
    }

    [Fact]
    public async Task TheArticleFragmentAndThePageShowEveryCharacterAndNoInjectedElement()
    {
        foreach (var html in new[] { await client.GetHtmlAsync($"{ArticlePath}?format=html"), await client.GetHtmlAsync($"/articles/{HostileArticle.Slug}") })
        {
            ShouldHaveNoInjectedElements(html);
            html.QuerySelector("article h1")!.TextContent.Should().Be(Title);
            html.QuerySelector(".kp-byline")!.TextContent.Should().Be($"By {HostileArticle.Author}");
            html.QuerySelector("section h2")!.TextContent.Should().Be(HostileArticle.Heading);
            html.QuerySelectorAll("section p").Select(p => p.TextContent).Should().Equal(HostileArticle.Paragraphs);
        }
    }

    [Fact]
    public async Task ThePagesTitleAndHeadHoldTheTextAsText()
    {
        var page = await client.GetHtmlAsync($"/articles/{HostileArticle.Slug}");

        page.Title.Should().Be(Title);
        page.QuerySelector("meta[name=description]")!.GetAttribute("content").Should().Be(HostileArticle.Paragraphs[0]);
        page.Head!.QuerySelectorAll("script").Should().ContainSingle();
    }

    [Fact]
    public async Task ThePagesJsonLdCannotCloseItsScriptAndParsesWithTheTextIntact()
    {
        var page = await client.GetHtmlAsync($"/articles/{HostileArticle.Slug}");

        var script = page.QuerySelectorAll("script").Should().ContainSingle().Subject;
        script.TextContent.Should().NotContain("<", "a '<' could start </script> or <!--");
        var ld = JsonDocument.Parse(script.TextContent).RootElement;
        ld.GetProperty("headline").GetString().Should().Be(Title);
        ld.GetProperty("author")[0].GetProperty("name").GetString().Should().Be(HostileArticle.Author);
        ld.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).Should().Equal(HostileArticle.Theme);
        ld.GetProperty("articleSection").EnumerateArray().Select(k => k.GetString()).Should().Equal(HostileArticle.Heading);
        ld.GetProperty("description").GetString().Should().Be(HostileArticle.Paragraphs[0]);
        ld.TryGetProperty("publisher", out _).Should().BeFalse("the page names no publisher");
    }

    [Fact]
    public async Task SectionAndParagraphFragmentsShowEveryCharacterAndNoInjectedElement()
    {
        var section = await client.GetHtmlAsync($"{ArticlePath}/sections/2", "text/html");
        ShouldHaveNoInjectedElements(section);
        section.QuerySelector("h2")!.TextContent.Should().Be(HostileArticle.Heading);
        section.QuerySelectorAll("p").Select(p => p.TextContent).Should().Equal(HostileArticle.Paragraphs[4]);

        var paragraph = await client.GetHtmlAsync($"{ArticlePath}/paragraphs/1?format=html");
        ShouldHaveNoInjectedElements(paragraph);
        paragraph.QuerySelector("p#p-1")!.TextContent.Should().Be(HostileArticle.Paragraphs[0]);
    }

    [Fact]
    public async Task EmbedsAndOEmbedHtmlShowEveryCharacterAndNoInjectedElement()
    {
        var sectionEmbed = await client.GetHtmlAsync($"/embed/articles/{HostileArticle.Slug}/sections/2");
        var paragraphEmbed = await client.GetHtmlAsync($"/embed/articles/{HostileArticle.Slug}/paragraphs/1");
        var oEmbedSection = await OEmbedHtmlAsync($"{PageUrl}#section-{(await SectionSlugAsync())}");
        var oEmbedParagraph = await OEmbedHtmlAsync($"{PageUrl}#p-1");
        var oEmbedArticle = await OEmbedHtmlAsync(PageUrl);

        foreach (var embed in new[] { sectionEmbed, paragraphEmbed, oEmbedSection, oEmbedParagraph, oEmbedArticle })
        {
            ShouldHaveNoInjectedElements(embed);
            EmbedTests.SelfContained(embed);
            embed.QuerySelector("figcaption")!.TextContent.Should().StartWith($"{HostileArticle.Author}, ");
        }

        foreach (var embed in new[] { sectionEmbed, oEmbedSection })
        {
            embed.QuerySelector("blockquote h2")!.TextContent.Should().Be(HostileArticle.Heading);
            embed.QuerySelectorAll("blockquote p").Select(p => p.TextContent).Should().Equal(HostileArticle.Paragraphs[4]);
        }

        foreach (var embed in new[] { paragraphEmbed, oEmbedParagraph })
        {
            embed.QuerySelectorAll("blockquote p").Select(p => p.TextContent).Should().Equal(HostileArticle.Paragraphs[0]);
        }

        oEmbedArticle.QuerySelector("blockquote h2")!.TextContent.Should().Be(Title);
    }

    [Fact]
    public async Task OEmbedsFieldsCarryTheTextAsJsonStrings()
    {
        var answer = await client.GetJsonAsync($"/oembed?url={Uri.EscapeDataString(PageUrl + "#p-1")}");

        answer.GetProperty("author_name").GetString().Should().Be(HostileArticle.Author);
        answer.GetProperty("title").GetString().Should().Be($"Paragraph 1 of {Title}");
        answer.GetProperty("provider_name").GetString().Should().Be("KoreaPolicy", "the page names no publisher");
    }

    [Fact]
    public async Task MarkdownEscapesEverySpecialSoTheTextRendersLiterally()
    {
        var markdown = await client.GetTextAsync($"{ArticlePath}?format=markdown", "text/markdown");

        RepresentationReader.Blocks(markdown).Should().Equal(
            "# Ann \"\\<i\\>\" O'Neil, Korea Policy Vol. 3, Issue 2 (December 16, 2025)",
            "By Ann \"\\<i\\>\" O'Neil",
            "Korea Policy Vol. 3, Issue 2, December 16, 2025",
            "\\<script\\>alert(1)\\</script\\> opens \\& closes \"quotes\" and 'apostrophes' with \\<b\\>bold\\</b\\>, \\*stars\\*, \\_under\\_, \\[link\\](x) and \\`code\\`.",
            "\\# Not a heading \\& not \\<b\\>bold\\</b\\> either, just a sentence.",
            "1\\. Not a list item, and 2) neither is this one.",
            "\\> Not a quote; a \\\\ backslash, a \\| pipe and \\~tilde\\~ too.",
            "## Fish\\&Chips X\\<b\\>Bold\\</b\\> “Quoted” O'Neil's \\[Bracketed\\] Alert\\<script\\>alert(1)\\</script\\> Heading",
            "\\+ Not a bullet: the text after the heading keeps its \\<b\\>tags\\</b\\> \\& entities like \\&amp; as typed.");
        (await client.GetTextAsync($"{ArticlePath}/paragraphs/3", "text/markdown", "text/markdown"))
            .Should().Be("1\\. Not a list item, and 2) neither is this one.\n");
    }

    [Fact]
    public async Task PlainTextKeepsEveryCharacterAsWritten()
    {
        var text = await client.GetTextAsync($"{ArticlePath}?format=text", "text/plain");

        RepresentationReader.Blocks(text).Should().Equal(
            [
                $"{Title}\nBy {HostileArticle.Author}\nKorea Policy Vol. 3, Issue 2, December 16, 2025",
                .. HostileArticle.Paragraphs[..4], HostileArticle.Heading, HostileArticle.Paragraphs[4],
            ]);
    }

    /// <summary>Only the page's own JSON-LD script; no b or i element at all (the renderings use strong/em nowhere either).</summary>
    private static void ShouldHaveNoInjectedElements(IHtmlDocument html)
    {
        html.QuerySelectorAll("script:not([type='application/ld+json'])").Should().BeEmpty();
        html.QuerySelectorAll("b, i").Should().BeEmpty();
    }

    private async Task<IHtmlDocument> OEmbedHtmlAsync(string url) =>
        RepresentationReader.Html((await client.GetJsonAsync($"/oembed?url={Uri.EscapeDataString(url)}")).GetProperty("html").GetString()!);

    private async Task<string> SectionSlugAsync() =>
        (await client.GetJsonAsync($"{ArticlePath}/sections/2")).GetProperty("slug").GetString()!;
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using KoreaPolicy.Api.Rendering.Citations;

namespace KoreaPolicy.Api.Tests;

public sealed partial class CitationTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;
    private const string Citation = $"/api/articles/{Slug}/citation";
    private const string Page = $"http://localhost/articles/{Slug}";
    // The article has no title: the API's is a label derived from author, issue and date, which no
    // style presents as a title. Each puts a description in its place, in its own form.
    private const string Description = "Journal article on Foreign Relations, Security, Indo-Pacific, and Geopolitics";

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task ACitationWithoutStyleOrAcceptIsJsonWithEveryStyle()
    {
        var response = await client.GetAsync(Citation);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.Vary.Should().Contain("Accept");
        var citation = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        citation.GetProperty("article").GetString().Should().Be(Slug);
        citation.GetProperty("url").GetString().Should().Be(Page);
        citation.GetProperty("locator").ValueKind.Should().Be(JsonValueKind.Null);
        citation.GetProperty("apa").GetProperty("text").GetString().Should().Be(
            $"Klingner, B. (2025). [{Description}]. Korea Policy, 3(2). {Page}");
        citation.GetProperty("apa").GetProperty("html").GetString().Should().Be(
            $"Klingner, B. (2025). [{Description}]. <i>Korea Policy, 3</i>(2). <a href=\"{Page}\">{Page}</a>");
        citation.GetProperty("chicago").GetProperty("text").GetString().Should().Be(
            $"Klingner, Bruce. {Description}. Korea Policy 3, no. 2 (December 2025). {Page}.");
        citation.GetProperty("mla").GetProperty("text").GetString().Should().Be(
            $"Klingner, Bruce. {Description}. Korea Policy, vol. 3, no. 2, 15 Dec. 2025. localhost/articles/{Slug}.");
        ParseBibTex(citation.GetProperty("bibtex").GetString()!).Key.Should().Be("klingner2025korea");
        ParseRis(citation.GetProperty("ris").GetString()!).Should().Contain(("TY", "JOUR"));
        citation.GetProperty("cslJson")[0].GetProperty("container-title").GetString().Should().Be("Korea Policy");
        citation.GetProperty("links").GetProperty("self").GetString().Should().Be(Citation);
        citation.GetProperty("links").GetProperty("article").GetString().Should().Be($"/api/articles/{Slug}");
    }

    [Fact]
    public async Task BibTexHasEveryFieldOfTheArticle()
    {
        var (type, key, fields) = ParseBibTex(await GetTextAsync($"{Citation}?style=bibtex", "application/x-bibtex"));

        type.Should().Be("article");
        key.Should().Be("klingner2025korea");
        fields.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            // No title field: the label is not a title. The description is a note.
            ["author"] = "Klingner, Bruce",
            ["journal"] = "Korea Policy",
            ["volume"] = "3",
            ["number"] = "2",
            ["year"] = "2025",
            ["month"] = "dec",
            ["publisher"] = "Korea Economic Institute of America",
            ["note"] = Description,
            ["url"] = Page,
        });
    }

    [Fact]
    public async Task RisHasEveryTagOfTheArticleAndEndsTheRecord()
    {
        var lines = ParseRis(await GetTextAsync($"{Citation}?style=ris", "application/x-research-info-systems"));

        lines.Should().Equal(
            ("TY", "JOUR"), ("AU", "Klingner, Bruce"), ("T2", "Korea Policy"), ("JO", "Korea Policy"),
            ("VL", "3"), ("IS", "2"), ("PY", "2025"), ("DA", "2025/12/15/"), ("PB", "Korea Economic Institute of America"),
            ("LA", "en"), ("N1", Description), ("UR", Page), ("ER", ""));
    }

    [Fact]
    public async Task CslJsonIsAnArrayOfOneJournalArticle()
    {
        var items = JsonDocument.Parse(await GetTextAsync($"{Citation}?style=csl-json", "application/vnd.citationstyles.csl+json")).RootElement;

        var item = items.EnumerateArray().Should().ContainSingle().Subject;
        item.GetProperty("id").GetString().Should().Be("klingner2025korea");
        item.GetProperty("type").GetString().Should().Be("article-journal");
        item.TryGetProperty("title", out _).Should().BeFalse("the derived label is not the work's title");
        item.GetProperty("note").GetString().Should().Be(Description);
        var author = item.GetProperty("author").EnumerateArray().Should().ContainSingle().Subject;
        author.GetProperty("family").GetString().Should().Be("Klingner");
        author.GetProperty("given").GetString().Should().Be("Bruce");
        item.GetProperty("container-title").GetString().Should().Be("Korea Policy");
        item.GetProperty("volume").GetString().Should().Be("3");
        item.GetProperty("issue").GetString().Should().Be("2");
        item.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()).Should().Equal(2025, 12, 15);
        item.GetProperty("publisher").GetString().Should().Be("Korea Economic Institute of America");
        item.GetProperty("URL").GetString().Should().Be(Page);
        item.TryGetProperty("DOI", out _).Should().BeFalse("the article has no DOI");
        item.TryGetProperty("locator", out _).Should().BeFalse("the whole article has no pinpoint");
    }

    [Theory]
    [InlineData("apa", "Klingner, B. (2025).")]
    [InlineData("chicago", "Klingner, Bruce. Journal article on ")]
    [InlineData("mla", "Klingner, Bruce. Journal article on ")]
    public async Task AFormattedStyleIsPlainTextAsABibliography(string style, string start)
    {
        var text = await GetTextAsync($"{Citation}?style={style}", "text/x-bibliography");

        text.Should().StartWith(start).And.NotContain("<i>");
    }

    [Theory]
    [InlineData("application/x-bibtex", "application/x-bibtex", "@article{klingner2025korea,")]
    [InlineData("application/x-research-info-systems", "application/x-research-info-systems", "TY  - JOUR")]
    [InlineData("application/vnd.citationstyles.csl+json", "application/vnd.citationstyles.csl+json", "[")]
    [InlineData("text/x-bibliography", "text/x-bibliography", "Klingner, B. (2025).")]
    [InlineData("text/x-bibliography; style=mla", "text/x-bibliography", "Klingner, Bruce. Journal article on ")]
    [InlineData("text/x-bibliography; style=modern-language-association", "text/x-bibliography", "Klingner, Bruce. Journal article on ")]
    [InlineData("text/x-bibliography; style=chicago", "text/x-bibliography", "Klingner, Bruce. Journal article on ")]
    [InlineData("text/html", "text/html", "Klingner, B. (2025).")]
    [InlineData("application/x-bibtex;q=0.5, application/x-research-info-systems", "application/x-research-info-systems", "TY  - JOUR")]
    [InlineData("*/*", "application/json", "{")]
    public async Task AcceptPicksTheStyleAsDoiResolversDo(string accept, string mediaType, string start)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Citation);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        (await response.Content.ReadAsStringAsync()).Should().StartWith(start);
    }

    [Fact]
    public async Task StyleWinsOverAccept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Citation}?style=ris");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-bibtex"));

        var response = await client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-research-info-systems");
    }

    [Fact]
    public async Task AnUnknownStyleIsABadRequestNamingTheParameter()
    {
        var problem = await (await client.GetAsync($"{Citation}?style=harvard")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("style")[0].GetString().Should().Contain("apa, chicago, mla, bibtex, ris, csl-json");
    }

    [Fact]
    public async Task AnUnknownBibliographyStyleInAcceptIsABadRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Citation);
        request.Headers.TryAddWithoutValidation("Accept", "text/x-bibliography; style=harvard");

        var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString().Should().Contain("harvard");
    }

    [Fact]
    public async Task AnUnacceptableAcceptIsNotAcceptable()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Citation);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));

        var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.NotAcceptable);

        problem.GetProperty("detail").GetString().Should().Contain("application/x-bibtex");
    }

    [Theory]
    [InlineData("/api/articles/no-such-article/citation", HttpStatusCode.NotFound)]
    [InlineData($"/api/articles/{Slug}/sections/no-such-section/citation", HttpStatusCode.NotFound)]
    [InlineData($"/api/articles/{Slug}/sections/5/citation", HttpStatusCode.NotFound)]
    [InlineData($"/api/articles/{Slug}/sections/0/citation", HttpStatusCode.BadRequest)]
    [InlineData($"/api/articles/{Slug}/paragraphs/14/citation", HttpStatusCode.NotFound)]
    [InlineData($"/api/articles/{Slug}/paragraphs/0/citation", HttpStatusCode.BadRequest)]
    [InlineData($"/api/articles/{Slug}/paragraphs/seven/citation", HttpStatusCode.BadRequest)]
    public async Task MissingOrMalformedPassagesAreProblemsAsOnThePassagesOwnEndpoints(string path, HttpStatusCode status)
    {
        await (await client.GetAsync(path)).ShouldBeProblemAsync(status);
        // The passage's own endpoint answers alike.
        var own = path.Replace("/citation", "", StringComparison.Ordinal);
        (await client.GetAsync(own)).StatusCode.Should().Be(status);
    }

    // --- Pinpoints

    [Fact]
    public async Task AParagraphCitationPinpointsTheParagraphInEveryStyle()
    {
        var anchor = $"{Page}#p-7";
        var citation = JsonDocument.Parse(await GetTextAsync($"/api/articles/{Slug}/paragraphs/7/citation", "application/json")).RootElement;

        citation.GetProperty("url").GetString().Should().Be(anchor);
        var locator = citation.GetProperty("locator");
        locator.GetProperty("label").GetString().Should().Be("paragraph");
        locator.GetProperty("number").GetInt32().Should().Be(7);
        locator.GetProperty("heading").GetString().Should().Be("U.S. Demands More, Promises Less in Alliance");
        locator.GetProperty("url").GetString().Should().Be(anchor);
        citation.GetProperty("apa").GetProperty("text").GetString().Should().Be(
            $"Klingner, B. (2025). [{Description}]. Korea Policy, 3(2), para. 7. {anchor}");
        citation.GetProperty("chicago").GetProperty("text").GetString().Should().Be(
            $"Klingner, Bruce. {Description}. Korea Policy 3, no. 2 (December 2025), para. 7. {anchor}.");
        citation.GetProperty("mla").GetProperty("text").GetString().Should().Be(
            $"Klingner, Bruce. {Description}. Korea Policy, vol. 3, no. 2, 15 Dec. 2025, par. 7. localhost/articles/{Slug}#p-7.");

        var (_, _, bibtex) = ParseBibTex(citation.GetProperty("bibtex").GetString()!);
        bibtex["note"].Should().Be($"{Description}; Paragraph 7");
        bibtex["url"].Should().Be(anchor);
        bibtex.Should().NotContainKey("pages");
        var ris = ParseRis(citation.GetProperty("ris").GetString()!);
        ris.Should().Contain(("N1", "Paragraph 7")).And.Contain(("UR", anchor)).And.NotContain(l => l.Tag == "SP");
        var csl = citation.GetProperty("cslJson")[0];
        csl.GetProperty("locator").GetString().Should().Be("7");
        csl.GetProperty("label").GetString().Should().Be("paragraph");
        csl.GetProperty("URL").GetString().Should().Be(anchor);
        citation.GetProperty("links").GetProperty("passage").GetString().Should().Be($"/api/articles/{Slug}/paragraphs/7");
    }

    [Fact]
    public async Task ASectionCitationByPositionOrSlugPinpointsItsHeading()
    {
        var bySlug = JsonDocument.Parse(await GetTextAsync($"/api/articles/{Slug}/sections/us-demands-more-promises-less-in-alliance/citation", "application/json")).RootElement;
        var byPosition = JsonDocument.Parse(await GetTextAsync($"/api/articles/{Slug}/sections/2/citation", "application/json")).RootElement;

        var anchor = $"{Page}#section-us-demands-more-promises-less-in-alliance";
        byPosition.GetProperty("apa").GetProperty("text").GetString().Should().Be(bySlug.GetProperty("apa").GetProperty("text").GetString());
        bySlug.GetProperty("locator").GetProperty("label").GetString().Should().Be("section");
        bySlug.GetProperty("locator").GetProperty("number").GetInt32().Should().Be(2);
        bySlug.GetProperty("apa").GetProperty("text").GetString().Should().Be(
            $"Klingner, B. (2025). [{Description}]. Korea Policy, 3(2), U.S. Demands More, Promises Less in Alliance section. {anchor}");
        bySlug.GetProperty("chicago").GetProperty("text").GetString().Should().Be(
            $"Klingner, Bruce. {Description}. Korea Policy 3, no. 2 (December 2025), under “U.S. Demands More, Promises Less in Alliance.” {anchor}.");
        bySlug.GetProperty("mla").GetProperty("text").GetString().Should().EndWith($"15 Dec. 2025, sec. 2. localhost/articles/{Slug}#section-us-demands-more-promises-less-in-alliance.");
        ParseBibTex(bySlug.GetProperty("bibtex").GetString()!).Fields["note"].Should().Be($"{Description}; Section 2: U.S. Demands More, Promises Less in Alliance");
        var csl = bySlug.GetProperty("cslJson")[0];
        csl.GetProperty("locator").GetString().Should().Be("2");
        csl.GetProperty("label").GetString().Should().Be("section");
        csl.GetProperty("URL").GetString().Should().Be(anchor);
        bySlug.GetProperty("links").GetProperty("self").GetString().Should().Be($"/api/articles/{Slug}/sections/us-demands-more-promises-less-in-alliance/citation");
    }

    [Fact]
    public async Task TheUntitledLeadIsCitedAsSectionOne()
    {
        var citation = JsonDocument.Parse(await GetTextAsync($"/api/articles/{Slug}/sections/1/citation", "application/json")).RootElement;

        citation.GetProperty("locator").GetProperty("heading").ValueKind.Should().Be(JsonValueKind.Null);
        citation.GetProperty("apa").GetProperty("text").GetString().Should().Contain("Korea Policy, 3(2), section 1. ");
        citation.GetProperty("chicago").GetProperty("text").GetString().Should().Contain("(December 2025), section 1. ");
        citation.GetProperty("url").GetString().Should().StartWith($"{Page}#section-");
    }

    [Fact]
    public async Task AParagraphCitationAsBibTexByAcceptCarriesItsPinpoint()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{Slug}/paragraphs/13/citation");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-bibtex"));

        var fields = ParseBibTex(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).Fields;

        fields["note"].Should().Be($"{Description}; Paragraph 13");
        fields["url"].Should().Be($"{Page}#p-13");
    }

    // --- The machine formats on their own

    [Fact]
    public void BibTexEscapesTeXSpecialsButLeavesUrlsVerbatim()
    {
        var work = new CitedWork("key", @"R&D at 50% of $100 #1 in_a ~ ^ \ {x}", [new PersonName("Ann", "O_Neil")], "J&J", null, null, null,
            new IssueDate(2020), null, "https://example.org/a_b#c%20d", "10.1000/a_b");

        var fields = ParseBibTex(BibTexCitation.Format(work)).Fields;

        fields["title"].Should().Be(@"{R\&D at 50\% of \$100 \#1 in\_a \textasciitilde{} \textasciicircum{} \textbackslash{} \{x\}}");
        fields["author"].Should().Be(@"O\_Neil, Ann");
        fields["journal"].Should().Be(@"J\&J");
        fields["url"].Should().Be("https://example.org/a_b#c%20d");
        fields["doi"].Should().Be("10.1000/a_b");
    }

    [Fact]
    public void SeveralAuthorsAreJoinedWithAndInBibTexAndRepeatedInRis()
    {
        var work = new CitedWork("key", "T", [PersonName.Parse("Ludwig van Beethoven"), PersonName.Parse("Martin Luther King Jr.")], "J", null, null, null,
            new IssueDate(2020), null, null, null);

        ParseBibTex(BibTexCitation.Format(work)).Fields["author"].Should().Be("van Beethoven, Ludwig and King, Jr., Martin Luther");
        ParseRis(RisCitation.Format(work)).Where(l => l.Tag == "AU").Select(l => l.Value).Should().Equal("van Beethoven, Ludwig", "King, Martin Luther, Jr.");
        var names = JsonDocument.Parse(CslJsonCitation.Format(work)).RootElement[0].GetProperty("author");
        names[0].GetProperty("non-dropping-particle").GetString().Should().Be("van");
        names[1].GetProperty("suffix").GetString().Should().Be("Jr.");
    }

    [Theory]
    [InlineData("Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)", "klingner2025korea")]
    [InlineData("The Alliance at Seventy", "klingner2025alliance")]
    [InlineData("Ça change: Séoul", "klingner2025ca")]
    public void TheCitationKeyIsFamilyYearAndFirstSignificantTitleWord(string title, string key)
    {
        CitedWork.CitationKey([PersonName.Parse("Bruce Klingner")], 2025, title).Should().Be(key);
    }

    // --- Tiny parsers, so the tests read the formats back rather than match substrings.

    private async Task<string> GetTextAsync(string path, string mediaType)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>One BibTeX entry: type, key and fields (braced values with nested braces, or bare macros like <c>dec</c>).</summary>
    internal static (string Type, string Key, Dictionary<string, string> Fields) ParseBibTex(string entry)
    {
        var head = BibTexHead().Match(entry);
        head.Success.Should().BeTrue($"a BibTeX entry starts @type{{key,: {entry}");
        var fields = new Dictionary<string, string>();
        var i = head.Length;
        while (true)
        {
            var field = BibTexField().Match(entry, i);
            if (!field.Success || field.Index != i)
            {
                break;
            }

            i = field.Index + field.Length;
            string value;
            if (entry[i] == '{')
            {
                var depth = 0;
                var start = i + 1;
                do
                {
                    depth += entry[i] == '{' && (i == 0 || entry[i - 1] != '\\') ? 1 : entry[i] == '}' && entry[i - 1] != '\\' ? -1 : 0;
                    i++;
                }
                while (depth > 0);
                value = entry[start..(i - 1)];
            }
            else
            {
                var end = entry.IndexOfAny([',', '\n', '}'], i);
                value = entry[i..end].Trim();
                i = end;
            }

            fields.Add(field.Groups[1].Value, value);
            i = entry.IndexOf('\n', i) + 1;
        }

        entry[i..].Trim().Should().Be("}", "the entry closes after its last field");
        return (head.Groups[1].Value, head.Groups[2].Value, fields);
    }

    /// <summary>RIS lines as (tag, value); every line must be "TG  - value".</summary>
    internal static List<(string Tag, string Value)> ParseRis(string record)
    {
        var lines = record.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().OnlyContain(l => RisLine().IsMatch(l), "each RIS line is a tag, two spaces, a hyphen and a space");
        return lines.Select(l => (l[..2], l[6..].TrimEnd())).ToList();
    }

    [GeneratedRegex(@"^@(\w+)\{([^,\s]+),\n")]
    private static partial Regex BibTexHead();

    [GeneratedRegex(@"\G  (\w+) = ")]
    private static partial Regex BibTexField();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]  - ")]
    private static partial Regex RisLine();
}

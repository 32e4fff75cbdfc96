using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// An archive of pages of every layout of the publisher's page family (the engine tests'
/// fixtures), ingested at start-up: articles with no journal, no author or no date, a policy
/// brief, blog posts, a cut-off text, list items, a bare text titled by its sidecar, and the
/// same post crawled twice.
/// </summary>
public sealed class PageFamilyArchive : IDisposable
{
    public const string Untitled = "a-korea-policy-issue-cut-mid-word";      // A, no author or date, truncated
    public const string NoJournal = "c-publication-source-cut-in-footer";    // C: title, Region, Published, KIEP
    public const string Places = "c-region-location-footer";                 // C: Korea, North and Korea, South
    public const string Metadata = "a-korea-policy-full-metadata";           // A, every metadata line
    public const string Brief = "d-policy-brief";                            // D, [Policy Brief]
    public const string Series = "d-korea-policy-series";                    // D, Korea Policy Series:
    public const string Post = "d-blog-post";                                // D, crawled twice
    public const string Bullets = "e-recommendations-bullets";               // E, titled by its sidecar
    public const string OldSite = "e-old-site-title";                        // E: no date, author or journal
    public const string YearIssue = "a-joint-us-korea-year-label";           // A, JUSKAS 2015
    public const string SecondCrawl = "z-blog-post-crawled-again";           // d-blog-post again: a duplicate

    private readonly string folder = Directory.CreateTempSubdirectory("koreapolicy-page-family-").FullName;

    public PageFamilyArchive()
    {
        foreach (var slug in new[] { Untitled, NoJournal, Places, Metadata, Brief, Series, Post, Bullets, OldSite, YearIssue })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "PageFamily", $"{slug}.txt"), Path.Combine(folder, $"{slug}.txt"));
        }

        // The post's second crawl, under a name ingested after the first (a folder goes in name order).
        File.Copy(Path.Combine(AppContext.BaseDirectory, "PageFamily", "d-blog-post-second-crawl.txt"), Path.Combine(folder, $"{SecondCrawl}.txt"));

        File.WriteAllText(Path.Combine(folder, $"{Bullets}.meta.json"), """{ "title": "North Korea’s Growing Arsenal" }""");
        App = new KoreaPolicyApplication { ArticlesFolder = folder };
    }

    public KoreaPolicyApplication App { get; }

    public void Dispose()
    {
        App.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>The page family through the API: JSON, filters, every rendering, JSON-LD, ninjs, feeds, citations and the source report.</summary>
public sealed class PageFamilyApiTests(PageFamilyArchive archive) : IClassFixture<PageFamilyArchive>
{
    private readonly HttpClient client = archive.App.CreateClient();

    private static string Article(string slug) => $"/api/articles/{slug}";

    private async Task<IReadOnlyList<string>> SlugsAsync(string query) =>
        (await client.GetJsonAsync($"/api/articles?{query}&pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("slug").GetString()!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task AnArticleWithoutAJournalHasANullJournalAndItsFactsAsNamedFields()
    {
        var article = await client.GetJsonAsync(Article(PageFamilyArchive.NoJournal));

        article.GetProperty("journal").ValueKind.Should().Be(JsonValueKind.Null);
        article.GetProperty("issue").ValueKind.Should().Be(JsonValueKind.Null);
        article.GetProperty("kind").ValueKind.Should().Be(JsonValueKind.Null);
        article.GetProperty("authors").GetArrayLength().Should().Be(0);
        article.GetProperty("titleSource").GetString().Should().Be("source");
        article.GetProperty("truncated").GetBoolean().Should().BeFalse();
        article.GetProperty("region").GetProperty("slug").GetString().Should().Be("asia");
        article.GetProperty("region").GetProperty("links").GetProperty("articles").GetString().Should().Be("/api/articles?region=asia");
        article.GetProperty("sourceOrganisation").GetProperty("name").GetString().Should().Be("KIEP");
        article.GetProperty("places").GetArrayLength().Should().Be(0);
        article.GetProperty("category").ValueKind.Should().Be(JsonValueKind.Null);
        article.GetProperty("metadata").EnumerateArray().Select(m => $"{m.GetProperty("name").GetString()}: {m.GetProperty("value").GetString()}")
            .Should().Equal("Region: Asia", "Publication Source: KIEP");
        article.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should().ContainSingle()
            .Which.Should().Contain("cut off inside the PDF viewer's footer");
        article.GetProperty("links").GetProperty("source").GetString().Should().Be($"{Article(PageFamilyArchive.NoJournal)}/source");
    }

    [Fact]
    public async Task ACutOffArticleSaysSoAndItsLastParagraphIsMarked()
    {
        var article = await client.GetJsonAsync(Article(PageFamilyArchive.Untitled));

        article.GetProperty("truncated").GetBoolean().Should().BeTrue();
        article.GetProperty("kind").GetString().Should().Be("journal-article");
        article.GetProperty("titleSource").GetString().Should().Be("derived");
        article.GetProperty("title").GetString().Should().Be("Korea Policy Vol. 1, Issue 3");
        article.GetProperty("published").ValueKind.Should().Be(JsonValueKind.Null);
        var paragraphs = article.GetProperty("sections")[0].GetProperty("paragraphs").EnumerateArray().ToList();
        paragraphs.Select(p => p.GetProperty("truncated").GetBoolean()).Should().Equal(false, false, true);
        (await client.GetJsonAsync($"{Article(PageFamilyArchive.Untitled)}/paragraphs/3")).GetProperty("truncated").GetBoolean().Should().BeTrue();
        var hits = (await client.GetJsonAsync("/api/search?q=announcem")).GetProperty("items").EnumerateArray().ToList();
        hits.Should().ContainSingle().Which.GetProperty("truncated").GetBoolean().Should().BeTrue("the hit is the paragraph the page's cut stopped in");
        (await client.GetJsonAsync("/api/search?q=Moscow")).GetProperty("items")[0].GetProperty("truncated").GetBoolean().Should().BeFalse();
        var summary = (await client.GetJsonAsync("/api/articles?kind=journal-article&pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("slug").GetString() == PageFamilyArchive.Untitled);
        summary.GetProperty("truncated").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task TheKnownFactsAndTheKindFilterArticleListsAndSearch()
    {
        (await SlugsAsync("region=asia")).Should().Equal(PageFamilyArchive.Metadata, PageFamilyArchive.NoJournal, PageFamilyArchive.Places);
        (await SlugsAsync("place=korea-south")).Should().Equal(PageFamilyArchive.Metadata, PageFamilyArchive.Places);
        (await SlugsAsync("place=korea-north&journal=korea-policy")).Should().Equal(PageFamilyArchive.Metadata);
        (await SlugsAsync("category=security")).Should().Equal(PageFamilyArchive.Brief);
        (await SlugsAsync("category=politics")).Should().Equal(PageFamilyArchive.Post);
        (await SlugsAsync("source=kiep")).Should().Equal(PageFamilyArchive.NoJournal);
        (await SlugsAsync("kind=policy-brief")).Should().Equal(PageFamilyArchive.Brief);
        (await SlugsAsync("kind=blog-post")).Should().Equal(PageFamilyArchive.Post);
        (await SlugsAsync("kind=journal-article")).Should().Equal(
            PageFamilyArchive.YearIssue, PageFamilyArchive.Metadata, PageFamilyArchive.Untitled, PageFamilyArchive.Series);
        var hits = (await client.GetJsonAsync("/api/search?q=trade&source=kiep")).GetProperty("items").EnumerateArray().ToList();
        hits.Should().NotBeEmpty().And.OnlyContain(h => h.GetProperty("article").GetProperty("slug").GetString() == PageFamilyArchive.NoJournal);
        var asia = (await client.GetJsonAsync("/api/search?q=trade&region=asia")).GetProperty("items").EnumerateArray()
            .Select(h => h.GetProperty("article").GetProperty("slug").GetString()).Distinct().Order(StringComparer.Ordinal);
        asia.Should().Equal(PageFamilyArchive.NoJournal, PageFamilyArchive.Places);
    }

    [Fact]
    public async Task AnUnknownKindIsAProblemNamingTheParameter()
    {
        var problem = await (await client.GetAsync("/api/articles?kind=essay")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("kind")[0].GetString().Should().Be("must be journal-article, policy-brief or blog-post; got 'essay'");
    }

    [Fact]
    public async Task TheSamePostCrawledTwiceIsOneArticle()
    {
        (await SlugsAsync("category=politics")).Should().Equal(PageFamilyArchive.Post);
        (await client.GetAsync(Article(PageFamilyArchive.SecondCrawl))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListItemsAreListsInHtmlMarkdownAndText()
    {
        var path = Article(PageFamilyArchive.Bullets);
        var json = await client.GetJsonAsync(path);
        json.GetProperty("sections")[1].GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("kind").GetString())
            .Should().Equal("list-item", "list-item", "list-item");

        var html = await client.GetHtmlAsync($"{path}?format=html");
        var list = html.QuerySelectorAll("section ul").Should().ContainSingle().Subject;
        list.Children.Select(li => (li.LocalName, li.Id)).Should().Equal(("li", "p-2"), ("li", "p-3"), ("li", "p-4"));
        list.Children[0].TextContent.Should().Be("Deterrence: Washington and Seoul should make the Nuclear Consultative Group a standing body with its own staff.");
        html.QuerySelector("#p-1")!.LocalName.Should().Be("p");

        var markdown = await client.GetTextAsync($"{path}?format=markdown", "text/markdown");
        RepresentationReader.Blocks(markdown).Should().Contain(
            "- Deterrence: Washington and Seoul should make the Nuclear Consultative Group a standing body with its own staff.\n"
            + "- Diplomacy: The allies should keep an offer of talks without preconditions on the table, even if Pyongyang rejects it.\n"
            + "- Sanctions: Enforcement should focus on the networks that move North Korean workers and cryptocurrency.");
        var text = await client.GetTextAsync($"{path}?format=text", "text/plain");
        text.Should().EndWith("\n- Sanctions: Enforcement should focus on the networks that move North Korean workers and cryptocurrency.\n");
        (await client.GetTextAsync($"{path}/paragraphs/2?format=markdown", "text/markdown")).Should().StartWith("- Deterrence: ");
    }

    [Fact]
    public async Task EveryRenderingOfACutOffTextEndsWithTheNotice()
    {
        var path = Article(PageFamilyArchive.Untitled);
        const string Notice = "The source page was cut off here: the rest of this text is missing.";

        var html = await client.GetHtmlAsync($"{path}?format=html");
        var note = html.QuerySelector(".kp-truncated")!;
        note.TextContent.Should().Be(Notice);
        note.GetAttribute("role").Should().Be("note");
        note.PreviousElementSibling!.Id.Should().Be("p-3");
        RepresentationReader.Blocks(await client.GetTextAsync($"{path}?format=markdown", "text/markdown")).Last().Should().Be($"*{Notice}*");
        RepresentationReader.Blocks(await client.GetTextAsync($"{path}?format=text", "text/plain")).Last().Should().Be($"[{Notice}]");
        var page = await client.GetHtmlAsync($"/articles/{PageFamilyArchive.Untitled}");
        page.QuerySelector(".kp-truncated")!.TextContent.Should().Be(Notice);
        var embed = await client.GetHtmlAsync($"/embed/articles/{PageFamilyArchive.Untitled}/paragraphs/3");
        embed.QuerySelector("blockquote em")!.TextContent.Should().Be(Notice);
        var ld = JsonNode.Parse(await client.GetTextAsync($"{path}?format=jsonld", "application/ld+json"))!;
        ld["creativeWorkStatus"]!.GetValue<string>().Should().Be("Incomplete");
    }

    [Fact]
    public async Task JsonLdLeavesOutWhatThePageDoesNotGiveAndTypesTheKind()
    {
        var noJournal = JsonNode.Parse(await client.GetTextAsync($"{Article(PageFamilyArchive.OldSite)}?format=jsonld", "application/ld+json"))!.AsObject();
        noJournal["@type"]!.GetValue<string>().Should().Be("ScholarlyArticle");
        noJournal["headline"]!.GetValue<string>().Should().Be("The Six-Party Talks and the Limits of Multilateralism");
        noJournal.ContainsKey("isPartOf").Should().BeFalse();
        noJournal.ContainsKey("author").Should().BeFalse();
        noJournal.ContainsKey("publisher").Should().BeFalse();
        noJournal.ContainsKey("datePublished").Should().BeFalse();
        noJournal.ContainsKey("creativeWorkStatus").Should().BeFalse();

        var brief = JsonNode.Parse(await client.GetTextAsync($"{Article(PageFamilyArchive.Brief)}?format=jsonld", "application/ld+json"))!;
        brief["@type"]!.GetValue<string>().Should().Be("Report");
        brief["headline"]!.GetValue<string>().Should().Be("[Policy Brief] Rebuilding Trust in U.S. Extended Deterrence");
        var post = JsonNode.Parse(await client.GetTextAsync($"{Article(PageFamilyArchive.Post)}?format=jsonld", "application/ld+json"))!;
        post["@type"]!.GetValue<string>().Should().Be("BlogPosting");
        post["isPartOf"]!["@type"]!.GetValue<string>().Should().Be("Blog");
        post["isPartOf"]!["name"]!.GetValue<string>().Should().Be("The Peninsula");
        var year = JsonNode.Parse(await client.GetTextAsync($"{Article(PageFamilyArchive.YearIssue)}?format=jsonld", "application/ld+json"))!;
        year["isPartOf"]!["@type"]!.GetValue<string>().Should().Be("PublicationIssue");
        year["isPartOf"]!["datePublished"]!.GetValue<string>().Should().Be("2015");
        year["isPartOf"]!["isPartOf"]!["name"]!.GetValue<string>().Should().Be("Joint U.S. Korea Academic Studies");
    }

    [Theory]
    [InlineData(PageFamilyArchive.OldSite)]
    [InlineData(PageFamilyArchive.NoJournal)]
    [InlineData(PageFamilyArchive.Untitled)]
    [InlineData(PageFamilyArchive.Bullets)]
    public async Task NinjsStaysValidWithoutJournalAuthorOrDateAndNotesACutOffText(string slug)
    {
        var ninjs = JsonNode.Parse(await client.GetTextAsync($"{Article(slug)}?format=ninjs", "application/ninjs+json"))!.AsObject();

        var results = NinjsTests.Evaluate(ninjs);
        results.IsValid.Should().BeTrue(JsonSerializer.Serialize(results));
        ninjs.ContainsKey("edNote").Should().Be(slug == PageFamilyArchive.Untitled);
        ninjs.ContainsKey("by").Should().Be(slug == PageFamilyArchive.Brief);
    }

    [Fact]
    public async Task FeedsStayValidForEntriesWithoutAuthorDateOrJournal()
    {
        var atom = FeedReading.LoadSyndication(await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml"));
        var oldSite = atom.Items.Single(i => i.Id.EndsWith(PageFamilyArchive.OldSite, StringComparison.Ordinal));
        oldSite.PublishDate.Should().Be(default, "the page gives no date, and none is made up");
        oldSite.Authors.Should().BeEmpty();
        atom.Authors.Select(a => a.Name).Should().Equal("Korea Policy archive");
        atom.Items.Single(i => i.Id.EndsWith(PageFamilyArchive.Brief, StringComparison.Ordinal)).Authors.Select(a => a.Name).Should().Equal("Sang Hyun Lee");

        var xml = FeedReading.LoadXml(await client.GetFeedBytesAsync("/feeds/articles.atom", "application/atom+xml"));
        var entries = xml.Root!.Elements(FeedReading.Atom + "entry").ToList();
        entries.Should().HaveCount(10);
        entries.Should().OnlyContain(e => e.Element(FeedReading.Atom + "author") != null || xml.Root.Element(FeedReading.Atom + "author") != null);
        var cut = entries.Single(e => e.Element(FeedReading.Atom + "id")!.Value.EndsWith(PageFamilyArchive.Untitled, StringComparison.Ordinal));
        RepresentationReader.Html(cut.Element(FeedReading.Atom + "content")!.Value).QuerySelector(".kp-truncated").Should().NotBeNull();

        var rss = FeedReading.LoadSyndication(await client.GetFeedBytesAsync("/feeds/articles.rss", "application/rss+xml"));
        rss.Items.Should().HaveCount(10);
        var json = FeedReading.LoadJson(await client.GetFeedBytesAsync("/feeds/articles.json", "application/feed+json"));
        var item = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString()!.EndsWith(PageFamilyArchive.OldSite, StringComparison.Ordinal));
        item.TryGetProperty("date_published", out _).Should().BeFalse();
    }

    [Fact]
    public async Task AWorkWithNoAuthorDateOrJournalIsCitedByItsTitleWithNoDate()
    {
        var citation = await client.GetJsonAsync($"{Article(PageFamilyArchive.OldSite)}/citation");
        var url = $"http://localhost/articles/{PageFamilyArchive.OldSite}";

        // APA §9.12 and §10.16: the title, in italics, in the author's place; n.d.; no periodical.
        citation.GetProperty("apa").GetProperty("text").GetString().Should().Be($"The Six-Party Talks and the Limits of Multilateralism. (n.d.). {url}");
        citation.GetProperty("apa").GetProperty("html").GetString().Should().StartWith("<i>The Six-Party Talks and the Limits of Multilateralism.</i> (n.d.).");
        // Chicago §14.206 (a web page) with §14.145's n.d.; MLA §5.25 (a work on its own is in italics).
        citation.GetProperty("chicago").GetProperty("text").GetString().Should().Be($"“The Six-Party Talks and the Limits of Multilateralism.” n.d. {url}.");
        citation.GetProperty("mla").GetProperty("text").GetString().Should().Be($"The Six-Party Talks and the Limits of Multilateralism. localhost/articles/{PageFamilyArchive.OldSite}.");
        var (type, key, fields) = CitationTests.ParseBibTex(citation.GetProperty("bibtex").GetString()!);
        (type, key).Should().Be(("misc", "anonymousndsixparty"));
        fields.Keys.Should().BeEquivalentTo("title", "url");
        CitationTests.ParseRis(citation.GetProperty("ris").GetString()!).Select(l => l.Tag).Should().Equal("TY", "TI", "LA", "UR", "ER");
        CitationTests.ParseRis(citation.GetProperty("ris").GetString()!)[0].Value.Should().Be("ELEC");
        var csl = citation.GetProperty("cslJson")[0];
        csl.GetProperty("type").GetString().Should().Be("webpage");
        csl.TryGetProperty("container-title", out _).Should().BeFalse();
        csl.TryGetProperty("issued", out _).Should().BeFalse();
        csl.GetProperty("author").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task AnUntitledWorkWithNoAuthorOrDateIsDescribedInEachManualsForm()
    {
        var citation = await client.GetJsonAsync($"{Article(PageFamilyArchive.Untitled)}/citation");
        var url = $"http://localhost/articles/{PageFamilyArchive.Untitled}";

        // APA Table 9.1 (author, date and title missing): "[Description of work]. (n.d.). Source."
        citation.GetProperty("apa").GetProperty("text").GetString().Should().Be($"[Journal article]. (n.d.). Korea Policy, 1(3). {url}");
        // Chicago §14.64: a description, sentence-style, roman, no quotation marks; MLA §5.29 the same, capitalized.
        citation.GetProperty("chicago").GetProperty("text").GetString().Should().Be($"Journal article. Korea Policy 1, no. 3 (n.d.). {url}.");
        citation.GetProperty("mla").GetProperty("text").GetString().Should().Be($"Journal article. Korea Policy, vol. 1, no. 3. localhost/articles/{PageFamilyArchive.Untitled}.");
        var (_, _, fields) = CitationTests.ParseBibTex(citation.GetProperty("bibtex").GetString()!);
        fields.Should().NotContainKey("title").And.NotContainKey("author");
        fields["note"].Should().Be("Journal article");
        CitationTests.ParseRis(citation.GetProperty("ris").GetString()!).Should().NotContain(l => l.Tag == "TI").And.Contain(("N1", "Journal article"));
        citation.GetProperty("cslJson")[0].TryGetProperty("title", out _).Should().BeFalse();
    }

    [Fact]
    public async Task APostIsCitedAsABlogPostAndAPolicyBriefOfTheBlogKeepsItsTitle()
    {
        var post = await client.GetJsonAsync($"{Article(PageFamilyArchive.Post)}/citation");

        // APA §10.1 (blog post): the exact date, the blog's name in italics.
        post.GetProperty("apa").GetProperty("html").GetString().Should().StartWith(
            "Tokola, M. (2026, June 4). What South Korea’s Local Elections Mean for Its Foreign Policy. <i>The Peninsula</i>.");
        // Chicago §14.208: Blog Name (blog), Month Day, Year.
        post.GetProperty("chicago").GetProperty("text").GetString().Should().StartWith(
            "Tokola, Mark. “What South Korea’s Local Elections Mean for Its Foreign Policy.” The Peninsula (blog), June 4, 2026. ");
        post.GetProperty("mla").GetProperty("text").GetString().Should().StartWith(
            "Tokola, Mark. “What South Korea’s Local Elections Mean for Its Foreign Policy.” The Peninsula, 4 June 2026. ");
        CitationTests.ParseRis(post.GetProperty("ris").GetString()!)[0].Should().Be(("TY", "BLOG"));
        post.GetProperty("cslJson")[0].GetProperty("type").GetString().Should().Be("post-weblog");
        CitationTests.ParseBibTex(post.GetProperty("bibtex").GetString()!).Fields["howpublished"].Should().Be("The Peninsula");

        var brief = await client.GetJsonAsync($"{Article(PageFamilyArchive.Brief)}/citation");
        brief.GetProperty("apa").GetProperty("text").GetString().Should().StartWith(
            "Lee, S. H. (2024). [Policy Brief] Rebuilding Trust in U.S. Extended Deterrence. The Peninsula.");
    }

    [Fact]
    public async Task TheSourceShowsTheStoredTextAndWhatTheParserRecognisedInIt()
    {
        var source = await client.GetJsonAsync($"{Article(PageFamilyArchive.Brief)}/source");

        source.GetProperty("fileName").GetString().Should().Be($"{PageFamilyArchive.Brief}.txt");
        source.GetProperty("text").GetString().Should().Be(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PageFamily", $"{PageFamilyArchive.Brief}.txt")));
        source.GetProperty("sidecar").ValueKind.Should().Be(JsonValueKind.Null);
        var report = source.GetProperty("report");
        report.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
        report.GetProperty("layout").GetString().Should().Be("D");
        report.GetProperty("journal").GetProperty("name").GetString().Should().Be("The Peninsula");
        report.GetProperty("title").GetString().Should().Be("[Policy Brief] Rebuilding Trust in U.S. Extended Deterrence");
        report.GetProperty("titleSource").GetString().Should().Be("source");
        report.GetProperty("kind").GetString().Should().Be("policy-brief");
        report.GetProperty("authors").EnumerateArray().Select(a => a.GetString()).Should().Equal("Sang Hyun Lee");
        report.GetProperty("published").GetString().Should().Be("2024-05-14");
        report.GetProperty("category").GetString().Should().Be("Security");
        report.GetProperty("sections").EnumerateArray().Select(s => (s.GetProperty("heading").GetString(), s.GetProperty("paragraphs").GetInt32()))
            .Should().Equal((null, 1), ("Executive Summary", 1), ("Background", 1));
        report.GetProperty("paragraphCount").GetInt32().Should().Be(3);
        source.GetProperty("links").GetProperty("article").GetString().Should().Be(Article(PageFamilyArchive.Brief));

        var bare = await client.GetJsonAsync($"{Article(PageFamilyArchive.Bullets)}/source");
        bare.GetProperty("sidecar").GetString().Should().Be("""{ "title": "North Korea’s Growing Arsenal" }""");
        bare.GetProperty("report").GetProperty("titleSource").GetString().Should().Be("editor");
        bare.GetProperty("report").GetProperty("sections")[1].GetProperty("listItems").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task TheSourceOfAnUnknownArticleIsANotFoundProblem()
    {
        var problem = await (await client.GetAsync("/api/articles/no-such-article/source")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().Should().Contain("no-such-article");
    }
}

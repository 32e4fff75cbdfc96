using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests;

public sealed class JournalsApiTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    private const string JournalPath = "/api/journals/korea-policy";
    private const string IssuePath = $"{JournalPath}/issues/vol-3-issue-2";

    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task ListingJournalsGivesKoreaPolicyWithItsPublisherDescriptionAndCounts()
    {
        var list = await GetJsonAsync("/api/journals");

        list.GetProperty("total").GetInt32().Should().Be(1);
        var journal = list.GetProperty("items").EnumerateArray().Single();
        journal.GetProperty("slug").GetString().Should().Be("korea-policy");
        journal.GetProperty("name").GetString().Should().Be("Korea Policy");
        journal.GetProperty("publisher").GetString().Should().Be("Korea Economic Institute of America");
        journal.GetProperty("description").GetString().Should().StartWith("Korea Policy is the premier journal");
        journal.GetProperty("issueCount").GetInt32().Should().Be(1);
        journal.GetProperty("articleCount").GetInt32().Should().Be(1);
        journal.GetProperty("links").GetProperty("self").GetString().Should().Be(JournalPath);
        journal.GetProperty("links").GetProperty("articles").GetString().Should().Be("/api/articles?journal=korea-policy");
    }

    [Fact]
    public async Task ListingJournalsSendsTheLinkAndTotalCountHeaders()
    {
        var response = await client.GetAsync("/api/journals");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("X-Total-Count").Single().Should().Be("1");
        response.Headers.GetValues("Link").Single().Should().Be(
            "</api/journals?page=1>; rel=\"first\", </api/journals?page=1>; rel=\"last\"");
    }

    [Fact]
    public async Task GettingTheJournalGivesItsIssueWithItsArticleCountAndLinks()
    {
        var journal = await GetJsonAsync(JournalPath);

        journal.GetProperty("name").GetString().Should().Be("Korea Policy");
        journal.GetProperty("publisher").GetString().Should().Be("Korea Economic Institute of America");
        journal.GetProperty("description").GetString().Should().StartWith("Korea Policy is the premier journal");
        var issue = journal.GetProperty("issues").EnumerateArray().Single();
        issue.GetProperty("slug").GetString().Should().Be("vol-3-issue-2");
        issue.GetProperty("label").GetString().Should().Be("Korea Policy Vol. 3, Issue 2");
        issue.GetProperty("volume").GetInt32().Should().Be(3);
        issue.GetProperty("number").GetInt32().Should().Be(2);
        issue.GetProperty("articleCount").GetInt32().Should().Be(1);
        issue.GetProperty("links").GetProperty("self").GetString().Should().Be(IssuePath);
        journal.GetProperty("links").GetProperty("self").GetString().Should().Be(JournalPath);
    }

    [Fact]
    public async Task GettingTheIssueGivesItsJournalAndItsOneArticle()
    {
        var issue = await GetJsonAsync(IssuePath);

        issue.EnumerateObject().Select(p => p.Name).Should().Equal(
            ["slug", "label", "volume", "number", "year", "journal", "articles", "links"], "the paging headers' view of the issue stays out of its JSON");
        issue.GetProperty("slug").GetString().Should().Be("vol-3-issue-2");
        issue.GetProperty("label").GetString().Should().Be("Korea Policy Vol. 3, Issue 2");
        issue.GetProperty("volume").GetInt32().Should().Be(3);
        issue.GetProperty("number").GetInt32().Should().Be(2);
        var journal = issue.GetProperty("journal");
        journal.GetProperty("slug").GetString().Should().Be("korea-policy");
        journal.GetProperty("name").GetString().Should().Be("Korea Policy");
        journal.GetProperty("links").GetProperty("self").GetString().Should().Be(JournalPath);
        var articles = issue.GetProperty("articles");
        articles.GetProperty("total").GetInt32().Should().Be(1);
        articles.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString())
            .Should().Equal(KoreaPolicyApplication.ArticleSlug);
        articles.GetProperty("links").GetProperty("self").GetString().Should().Be($"{IssuePath}?page=1");
        var links = issue.GetProperty("links");
        links.GetProperty("self").GetString().Should().Be(IssuePath);
        links.GetProperty("journal").GetString().Should().Be(JournalPath);
        links.GetProperty("articles").GetString().Should().Be("/api/articles?journal=korea-policy&issue=vol-3-issue-2");
    }

    [Fact]
    public async Task TheIssuesArticlesArePagedWithLinkHeaders()
    {
        var response = await client.GetAsync($"{IssuePath}?page=2&pageSize=1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var articles = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles");
        articles.GetProperty("items").GetArrayLength().Should().Be(0, "page 2 of a one-article issue is empty");
        articles.GetProperty("page").GetInt32().Should().Be(2);
        articles.GetProperty("pageSize").GetInt32().Should().Be(1);
        response.Headers.GetValues("X-Total-Count").Single().Should().Be("1");
        response.Headers.GetValues("Link").Single().Should().Be(
            $"<{IssuePath}?page=1&pageSize=1>; rel=\"first\", <{IssuePath}?page=1&pageSize=1>; rel=\"prev\", <{IssuePath}?page=1&pageSize=1>; rel=\"last\"");
    }

    [Fact]
    public async Task TheArticlesJournalAndIssueLinksLeadToTheJournalAndTheIssue()
    {
        var article = await GetJsonAsync($"/api/articles/{KoreaPolicyApplication.ArticleSlug}");
        var journalLink = article.GetProperty("journal").GetProperty("links").GetProperty("self").GetString()!;
        var issueLink = article.GetProperty("issue").GetProperty("links").GetProperty("self").GetString()!;

        journalLink.Should().Be(JournalPath);
        issueLink.Should().Be(IssuePath);
        (await GetJsonAsync(journalLink)).GetProperty("name").GetString().Should().Be("Korea Policy");
        (await GetJsonAsync(issueLink)).GetProperty("articles").GetProperty("items")[0].GetProperty("slug").GetString()
            .Should().Be(KoreaPolicyApplication.ArticleSlug);
    }

    [Fact]
    public async Task EveryLinkOfTheJournalAndTheIssueLeadsToA200()
    {
        var links = Links(await GetJsonAsync(JournalPath)).Concat(Links(await GetJsonAsync(IssuePath))).Distinct().ToList();

        links.Should().Contain(["/api/articles?journal=korea-policy", "/api/articles?journal=korea-policy&issue=vol-3-issue-2"]);
        foreach (var link in links)
        {
            (await client.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK, link);
        }
    }

    [Fact]
    public async Task TheIssuesArticlesLinkListsTheSameArticles()
    {
        var list = await GetJsonAsync("/api/articles?journal=korea-policy&issue=vol-3-issue-2");

        list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString())
            .Should().Equal(KoreaPolicyApplication.ArticleSlug);
    }

    [Theory]
    [InlineData("/api/journals/on-korea", "No journal has the slug 'on-korea'")]
    [InlineData("/api/journals/on-korea/issues/vol-3-issue-2", "No journal has the slug 'on-korea'")]
    [InlineData($"{JournalPath}/issues/vol-3-issue-9", "Journal 'korea-policy' has no issue 'vol-3-issue-9'")]
    public async Task AnUnknownJournalOrIssueIsA404NamingWhichIsUnknown(string path, string detail)
    {
        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().Should().StartWith(detail);
    }

    [Theory]
    [InlineData("/api/journals?page=0", "page")]
    [InlineData("/api/journals?pageSize=101", "pageSize")]
    [InlineData($"{IssuePath}?page=first", "page")]
    [InlineData($"{IssuePath}?pageSize=0", "pageSize")]
    public async Task ABadPageIsA400NamingTheParameter(string path, string parameter)
    {
        var problem = await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(parameter);
    }

    [Fact]
    public async Task ASecondJournalIsListedByNameWithItsIssuesHighestVolumeFirst()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-journals-").FullName;
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Articles", $"{KoreaPolicyApplication.ArticleSlug}.txt"), Path.Combine(folder, "klingner.txt"));
            foreach (var variant in new[] { "on-korea-volume-only.txt", "many-authors-bare-date.txt" })
            {
                File.Copy(Path.Combine(AppContext.BaseDirectory, "Variants", variant), Path.Combine(folder, variant));
            }

            using var twoJournals = new KoreaPolicyApplication { ArticlesFolder = folder };
            var other = twoJournals.CreateClient();

            var firstPage = await other.GetAsync("/api/journals?pageSize=1");
            firstPage.Headers.GetValues("X-Total-Count").Single().Should().Be("2");
            firstPage.Headers.GetValues("Link").Single().Should().Be(
                "</api/journals?pageSize=1&page=1>; rel=\"first\", </api/journals?pageSize=1&page=2>; rel=\"next\", </api/journals?pageSize=1&page=2>; rel=\"last\"");
            var list = await other.GetFromJsonAsync<JsonElement>("/api/journals");
            list.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("name").GetString()).Should().Equal("Korea Policy", "On Korea");
            var onKorea = list.GetProperty("items")[1];
            onKorea.GetProperty("publisher").ValueKind.Should().Be(JsonValueKind.Null, "the On Korea pages name no publisher");
            onKorea.GetProperty("issueCount").GetInt32().Should().Be(2);
            onKorea.GetProperty("articleCount").GetInt32().Should().Be(2);

            var journal = await other.GetFromJsonAsync<JsonElement>("/api/journals/on-korea");
            journal.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).Should().Equal("vol-31", "vol-30");
            var issue = await other.GetFromJsonAsync<JsonElement>("/api/journals/on-korea/issues/vol-30");
            issue.GetProperty("label").GetString().Should().Be("On Korea Volume 30");
            issue.GetProperty("number").ValueKind.Should().Be(JsonValueKind.Null);
            issue.GetProperty("articles").GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString())
                .Should().Equal("on-korea-volume-only");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Every string under a "links" object, anywhere in the document; null links (no next page) are not links.
    private static IEnumerable<string> Links(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "links"
            ? p.Value.EnumerateObject().Select(l => l.Value.GetString()).OfType<string>()
            : Links(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Links),
        _ => [],
    };
}

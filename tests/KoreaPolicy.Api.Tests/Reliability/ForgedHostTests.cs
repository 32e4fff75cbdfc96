using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;

namespace KoreaPolicy.Api.Tests.Reliability;

/// <summary>
/// Issue 10, item 8: with <c>Site:BaseUrl</c> unset, the <c>Host</c> header flowed into the absolute
/// links of feeds and citations, which were then stored and marked public without <c>Vary: Host</c>.
/// A forged host is now refused with a problem unless it is a name the server is configured to
/// answer for; with a base URL, the host changes nothing in an answer.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ForgedHostTests
{
    private const string Feed = "/feeds/articles.atom";

    [Fact]
    public async Task WithoutABaseUrlAForgedHostIsA400ProblemAndNothingIsBuiltForIt()
    {
        using var app = new KoreaPolicyApplication();

        var forged = await app.CreateClient(new() { BaseAddress = new Uri("http://evil.example") }).GetAsync(Feed);
        var local = await app.CreateClient(new() { BaseAddress = new Uri("http://localhost:5000") }).GetAsync(Feed);

        var problem = await forged.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().Should().Be("Host not allowed");
        problem.GetProperty("detail").GetString().Should().Contain("Site:BaseUrl").And.Contain("AllowedHosts");
        local.StatusCode.Should().Be(HttpStatusCode.OK);
        Links(await local.Content.ReadAsStringAsync()).Should().NotBeEmpty().And.AllSatisfy(l => l.Should().StartWith("http://localhost:5000/"));
    }

    [Fact]
    public async Task WithABaseUrlAnyHostGetsTheSameStoredAnswerWithTheBaseUrlsLinks()
    {
        using var factory = new KoreaPolicyApplication();
        using var app = factory.WithWebHostBuilder(host => host.UseSetting("Site:BaseUrl", "https://api.example.org"));

        var forged = await app.CreateClient(new() { BaseAddress = new Uri("http://evil.example") }).GetAsync(Feed);
        var proxied = await app.CreateClient(new() { BaseAddress = new Uri("http://koreapolicy:8080") }).GetAsync(Feed);

        forged.StatusCode.Should().Be(HttpStatusCode.OK);
        Links(await forged.Content.ReadAsStringAsync()).Should().NotBeEmpty().And.AllSatisfy(l => l.Should().StartWith("https://api.example.org/"));
        proxied.Headers.ETag.Should().Be(forged.Headers.ETag, "the host is no part of the answer, nor of its key");
    }

    [Fact]
    public async Task ConfiguredAllowedHostsAreTheOnlyNamesAnswered()
    {
        using var factory = new KoreaPolicyApplication();
        using var app = factory.WithWebHostBuilder(host => host.UseSetting("AllowedHosts", "news.example.org"));

        var named = await app.CreateClient(new() { BaseAddress = new Uri("https://news.example.org") }).GetAsync(Feed);
        var local = await app.CreateClient(new() { BaseAddress = new Uri("http://localhost") }).GetAsync(Feed);

        named.StatusCode.Should().Be(HttpStatusCode.OK);
        Links(await named.Content.ReadAsStringAsync()).Should().AllSatisfy(l => l.Should().StartWith("https://news.example.org/"));
        await local.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static List<string> Links(string atom) =>
        XDocument.Parse(atom).Descendants(XName.Get("link", "http://www.w3.org/2005/Atom"))
            .Select(l => l.Attribute("href")!.Value).Where(h => h.StartsWith("http", StringComparison.Ordinal)).ToList();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests.Reliability;

/// <summary>
/// Issue 10, item 7: a NUL in the search query was a 500 (SQLite: "unterminated string"). A
/// control character in any query parameter of any endpoint is a 400 problem naming it.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ControlCharacterTests(KoreaPolicyApplication app) : IClassFixture<KoreaPolicyApplication>
{
    // What the probe sent (q=a%00b, a quoted phrase, a prefix) and the other kinds of control character.
    private static readonly string[] Values = ["a%00b", "%22a%00b%22", "a%00*", "%01", "%1F", "%7F", "%C2%85"];

    [Fact]
    public async Task AControlCharacterInAnyQueryParameterOfAnyDocumentedEndpointIsA400NamingIt()
    {
        var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var tried = 0;
        foreach (var (path, get) in document.GetProperty("paths").EnumerateObject().Select(p => (p.Name, p.Value.GetProperty("get"))))
        {
            var parameters = get.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            // Path parameters take their documented examples, which name real resources.
            var url = parameters.Where(x => x.GetProperty("in").GetString() == "path")
                .Aggregate(path, (u, x) => u.Replace($"{{{x.GetProperty("name").GetString()}}}", Example(x.GetProperty("example")), StringComparison.Ordinal));
            foreach (var name in parameters.Where(x => x.GetProperty("in").GetString() == "query").Select(x => x.GetProperty("name").GetString()!))
            {
                foreach (var value in Values)
                {
                    var response = await client.GetAsync($"{url}?{name}={value}");

                    var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
                    problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal([name], $"{url}?{name}={value}");
                    tried++;
                }
            }
        }

        tried.Should().BeGreaterThan(100, "every query parameter of every endpoint was tried");
    }

    // A path parameter's example as it goes in a URL: a string's text, a number's digits.
    private static string Example(JsonElement example) => example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();

    [Theory]
    [InlineData("/api/search?q=alliance&x%00y=1")]
    [InlineData("/feeds/articles.atom?q=%00")]
    [InlineData("/articles/korea-policy-vol-3-issue-2-klingner?q=%00")]
    public async Task AControlCharacterInAnUndocumentedParameterOrItsNameIsA400Too(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task APercentThatIsNotAControlCharacterStillSearches()
    {
        var search = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=Scylla%20%C3%A9");

        search.GetProperty("total").GetInt32().Should().Be(0, "\"é\" is not in the article; the query was read, not refused");
    }
}

namespace KoreaPolicy.Bench;

/// <summary>One kind of request: a name for the report and a URL template whose {placeholders} rotate.</summary>
internal sealed record Scenario(string Name, string Template);

/// <summary>
/// The HTTP scenarios, in one table. The API keeps built responses in memory per content version,
/// so a repeated URL measures the cache; the "uncached" scenarios add a query parameter the API
/// ignores but the cache keys on ({n}, the request's number), so every request is built afresh.
/// </summary>
internal static class Scenarios
{
    public const int PageSize = 20;

    public static readonly IReadOnlyList<Scenario> All =
    [
        new("search: one word", "/api/search?q={word}"),
        new("search: two words", "/api/search?q={twoWords}"),
        new("search: phrase", "/api/search?q=%22{phrase}%22"),
        new("search: prefix", "/api/search?q={prefix}*"),
        new("search: word + theme", "/api/search?q={word}&theme=security"),
        new("search: word + date range", "/api/search?q={word}&from=2020-01-01&to=2021-12-31"),
        new("search, uncached: one word", "/api/search?q={word}&uncached={n}"),
        new("search, uncached: phrase", "/api/search?q=%22{phrase}%22&uncached={n}"),
        new("search, uncached: two words", "/api/search?q={twoWords}&uncached={n}"),
        new("search, uncached: prefix", "/api/search?q={prefix}*&uncached={n}"),
        new("search, uncached: word + theme", "/api/search?q={word}&theme=security&uncached={n}"),
        new("list: first page", "/api/articles?page=1&pageSize=20"),
        new("list: middle page", "/api/articles?page={middlePage}&pageSize=20"),
        new("list: last page", "/api/articles?page={lastPage}&pageSize=20"),
        new("list: by title, page at 80 %", "/api/articles?page={titlePage}&pageSize=20&sort=title"),
        new("list: theme security, page 50", "/api/articles?theme=security&page=50"),
        new("list: authors, page 10", "/api/authors?page=10"),
        new("list, uncached: last page", "/api/articles?page={lastPage}&pageSize=20&uncached={n}"),
        new("list, uncached: middle page by title", "/api/articles?page={middlePage}&pageSize=20&sort=title&uncached={n}"),
        new("list, uncached: oldest first, page at 80 %", "/api/articles?page={titlePage}&pageSize=20&sort=published&uncached={n}"),
        new("list, uncached: first page", "/api/articles?page=1&pageSize=20&uncached={n}"),
        new("list, uncached: theme security, page 50", "/api/articles?theme=security&page=50&uncached={n}"),
        new("list, uncached: authors, page 10", "/api/authors?page=10&uncached={n}"),
        new("read: article", "/api/articles/{slug}"),
        new("read: paragraph 7", "/api/articles/{slug}/paragraphs/7"),
        new("read, uncached: article", "/api/articles/{slug}?uncached={n}"),
    ];

    /// <summary>
    /// What each placeholder rotates over: request i takes value i mod n, so a scenario is a small
    /// mix of queries rather than one repeated (which any cache would flatter). The words are the
    /// source article's, so every one of them occurs in the corpus.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Values(IReadOnlyList<string> slugs)
    {
        var lastPage = (slugs.Count + PageSize - 1) / PageSize;
        return new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["word"] = ["Scylla", "tariffs", "Churchill", "Taiwan", "sanctions"],
            ["twoWords"] = ["alliance%20tariffs", "Seoul%20Washington", "Russia%20sanctions", "Taiwan%20scenarios", "trade%20deal"],
            ["phrase"] = ["security%20guarantees", "strategic%20flexibility", "martial%20law", "trade%20deal", "Korean%20Peninsula"],
            ["prefix"] = ["allian", "secur", "Tai", "econom", "deploy"],
            ["middlePage"] = [Math.Max(1, lastPage / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["lastPage"] = [Math.Max(1, lastPage).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["titlePage"] = [Math.Max(1, lastPage * 4 / 5).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            // Fifty articles spread over the corpus, so reads are not all served from one hot page.
            ["slug"] = [.. Enumerable.Range(0, 50).Select(i => slugs[(int)((long)i * slugs.Count / 50)]).Distinct()],
        };
    }

    public static string Expand(string template, IReadOnlyDictionary<string, string[]> values, int request)
    {
        var url = template.Replace("{n}", request.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var (name, options) in values)
        {
            url = url.Replace("{" + name + "}", options[request % options.Length], StringComparison.Ordinal);
        }

        return url;
    }
}

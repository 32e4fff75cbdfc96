namespace KoreaPolicy.LoadBench;

/// <summary>A URL under load. A conditional scenario sends <c>If-None-Match</c> with the URL's own ETag and expects 304.</summary>
internal sealed record LoadScenario(string Name, string PathAndQuery, bool Conditional = false)
{
    /// <summary>A read endpoint, held to the throughput target against the floor.</summary>
    public bool IsRead => !Conditional;
}

internal static class LoadScenarios
{
    /// <summary>Connection counts each scenario runs at: one client in turn, then many at once.</summary>
    public static readonly int[] Connections = [1, 64];

    /// <summary>The scenarios over one article, <paramref name="slug"/>, taken from the API's own list.</summary>
    public static IReadOnlyList<LoadScenario> For(string slug) =>
    [
        new("article", $"/api/articles/{slug}"),
        new("section 2", $"/api/articles/{slug}/sections/2"),
        new("paragraph 7", $"/api/articles/{slug}/paragraphs/7"),
        new("article list", "/api/articles"),
        new("Atom feed", "/feeds/articles.atom"),
        new("search", "/api/search?q=alliance"),
        new("article, If-None-Match → 304", $"/api/articles/{slug}", Conditional: true),
    ];
}

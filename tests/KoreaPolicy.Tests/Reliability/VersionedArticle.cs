using KoreaPolicy.Model;
using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Tests.Reliability;

/// <summary>
/// An article of which every version says which it is, in its title and in each of its 40
/// paragraphs: an answer mixing two versions shows it. Shared with the HTTP tests (linked there).
/// </summary>
internal static class VersionedArticle
{
    public const string Slug = "versioned";

    public const int Paragraphs = 40;

    /// <summary>The record of version <paramref name="v"/>: title "Version v", paragraphs "Version v: ...".</summary>
    public static ArticleRecord Version(int v)
    {
        var paragraphs = Enumerable.Range(1, Paragraphs).Select(i => $"Version {v}: paragraph {i} of the article, in its {v}th revision.");
        var text = $"Korea Policy\nKorea Policy Vol. 1, Issue 1\nTitle: Version {v}\nAuthor: Ann Lee\nTheme: Security\nPublished June 1, 2025\n{string.Join('\n', paragraphs)}\n";
        return ArticleRecords.Create(new ArticleFile($"/archive/{Slug}.txt", text, null, null), ArticleParser.Parse(text));
    }

    /// <summary>The version a text of it says it is: "Version 7: ..." or "Version 7" gives "Version 7".</summary>
    public static string VersionOf(string text) => text.Split(':')[0];
}

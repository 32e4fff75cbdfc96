using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// The prefixes the publisher puts before some titles, kept in the title as written and read
/// as what kind of work the page presents: "[Policy Brief] Rebuilding Trust ..." is a policy
/// brief; "Korea Policy Series: Economic Security ..." presents a paper of the journal's series.
/// </summary>
internal static class TitlePrefix
{
    private static readonly (string Prefix, ArticleKind Kind)[] Prefixes =
    [
        ("[Policy Brief]", ArticleKind.PolicyBrief),
        ("Korea Policy Series:", ArticleKind.JournalArticle),
    ];

    public static ArticleKind? KindOf(string? title)
    {
        foreach (var (prefix, kind) in Prefixes)
        {
            if (title is not null && title.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}

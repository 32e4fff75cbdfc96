namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// Every URL the API hands out, built here and nowhere else, so a client can follow links
/// instead of building URLs. Links are root-relative: they hold behind any host name or proxy.
/// </summary>
public static class ApiLinks
{
    public const string Articles = "/api/articles";
    public const string Authors = "/api/authors";
    public const string Themes = "/api/themes";

    public static string Article(string slug) => $"{Articles}/{Escape(slug)}";

    public static string Sections(string articleSlug) => $"{Article(articleSlug)}/sections";

    public static string Section(string articleSlug, string sectionSlug) => $"{Sections(articleSlug)}/{Escape(sectionSlug)}";

    public static string Paragraphs(string articleSlug) => $"{Article(articleSlug)}/paragraphs";

    public static string Paragraph(string articleSlug, int number) => $"{Paragraphs(articleSlug)}/{number}";

    /// <summary>A paragraph's stable id: its article's slug and its number.</summary>
    public static string ParagraphId(string articleSlug, int number) => $"{articleSlug}-p-{number}";

    public static string Author(string slug) => $"{Authors}/{Escape(slug)}";

    public static string AuthorArticles(string slug) => $"{Author(slug)}/articles";

    public static string Theme(string slug) => $"{Themes}/{Escape(slug)}";

    public static string ThemeArticles(string slug) => $"{Theme(slug)}/articles";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}

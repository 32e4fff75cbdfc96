namespace KoreaPolicy.Api.Http;

/// <summary>
/// Every URL the API hands out, built here and nowhere else, so a client can follow links
/// instead of building URLs. Links are root-relative: they hold behind any host name or proxy.
/// </summary>
public static class ApiLinks
{
    public const string Articles = "/api/articles";
    public const string Authors = "/api/authors";
    public const string Themes = "/api/themes";
    public const string Journals = "/api/journals";

    /// <summary>Feeds are documents for feed readers, not API resources: they live beside /api, not under it.</summary>
    public const string Feeds = "/feeds";

    public static string Article(string slug) => $"{Articles}/{Escape(slug)}";

    /// <summary>The article as a readable HTML page (not under /api: it is for people).</summary>
    public static string ArticlePage(string slug) => $"/articles/{Escape(slug)}";

    /// <summary>A section as a snippet for other sites' pages.</summary>
    public static string SectionEmbed(string articleSlug, string sectionSlug) => $"/embed{ArticlePage(articleSlug)}/sections/{Escape(sectionSlug)}";

    /// <summary>A paragraph as a snippet for other sites' pages.</summary>
    public static string ParagraphEmbed(string articleSlug, int number) => $"/embed{ArticlePage(articleSlug)}/paragraphs/{number}";

    /// <summary>The oEmbed endpoint.</summary>
    public const string OEmbedEndpoint = "/oembed";

    /// <summary>The oEmbed answer for one of this site's URLs (the page's discovery link).</summary>
    public static string OEmbed(string url) => $"{OEmbedEndpoint}?url={Escape(url)}&format=json";

    /// <summary>The text an article was parsed from, with the parser's report.</summary>
    public static string ArticleSource(string slug) => $"{Article(slug)}/source";

    /// <summary>The articles of a region, place, category or source organisation: the article list, filtered.</summary>
    public static string RegionArticles(string slug) => $"{Articles}?region={Escape(slug)}";

    public static string PlaceArticles(string slug) => $"{Articles}?place={Escape(slug)}";

    public static string CategoryArticles(string slug) => $"{Articles}?category={Escape(slug)}";

    public static string SourceArticles(string slug) => $"{Articles}?source={Escape(slug)}";

    public static string Sections(string articleSlug) => $"{Article(articleSlug)}/sections";

    public static string Section(string articleSlug, string sectionSlug) => $"{Sections(articleSlug)}/{Escape(sectionSlug)}";

    public static string Paragraphs(string articleSlug) => $"{Article(articleSlug)}/paragraphs";

    public static string Paragraph(string articleSlug, int number) => $"{Paragraphs(articleSlug)}/{number}";

    /// <summary>A paragraph's stable id: its article's slug and its number.</summary>
    public static string ParagraphId(string articleSlug, int number) => $"{articleSlug}-p-{number}";

    /// <summary>How to cite the article (and, below, one of its sections or paragraphs).</summary>
    public static string ArticleCitation(string slug) => $"{Article(slug)}/citation";

    public static string SectionCitation(string articleSlug, string sectionSlug) => $"{Section(articleSlug, sectionSlug)}/citation";

    public static string ParagraphCitation(string articleSlug, int number) => $"{Paragraph(articleSlug, number)}/citation";

    public static string Author(string slug) => $"{Authors}/{Escape(slug)}";

    public static string AuthorArticles(string slug) => $"{Author(slug)}/articles";

    public static string Theme(string slug) => $"{Themes}/{Escape(slug)}";

    public static string ThemeArticles(string slug) => $"{Theme(slug)}/articles";

    public static string Journal(string slug) => $"{Journals}/{Escape(slug)}";

    public static string Issue(string journalSlug, string issueSlug) => $"{Journal(journalSlug)}/issues/{Escape(issueSlug)}";

    /// <summary>The journal's articles: the article list, filtered.</summary>
    public static string JournalArticles(string slug) => $"{Articles}?journal={Escape(slug)}";

    /// <summary>The issue's articles: the article list, filtered by journal and issue (an issue slug is unique only within its journal).</summary>
    public static string IssueArticles(string journalSlug, string issueSlug) =>
        $"{Articles}?journal={Escape(journalSlug)}&issue={Escape(issueSlug)}";

    // Feeds: one path per subject, the format named by the extension (atom, rss, json).

    public static string ArticlesFeed(string extension) => $"{Feeds}/articles.{extension}";

    public static string AuthorFeed(string slug, string extension) => $"{Feeds}/authors/{Escape(slug)}.{extension}";

    public static string ThemeFeed(string slug, string extension) => $"{Feeds}/themes/{Escape(slug)}.{extension}";

    public static string JournalFeed(string slug, string extension) => $"{Feeds}/journals/{Escape(slug)}.{extension}";

    public static string IssueFeed(string journalSlug, string issueSlug, string extension) =>
        $"{Feeds}/journals/{Escape(journalSlug)}/issues/{Escape(issueSlug)}.{extension}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}

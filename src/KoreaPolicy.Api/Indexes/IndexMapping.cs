using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Indexes;

/// <summary>Index entries (authors, themes) as responses with their links.</summary>
public static class IndexMapping
{
    public static IndexEntryResponse ToAuthorResponse(this IndexEntry e) =>
        ToResponse(e, ApiLinks.Author(e.Slug), ApiLinks.AuthorArticles(e.Slug));

    public static IndexEntryResponse ToThemeResponse(this IndexEntry e) =>
        ToResponse(e, ApiLinks.Theme(e.Slug), ApiLinks.ThemeArticles(e.Slug));

    private static IndexEntryResponse ToResponse(IndexEntry e, string self, string articles) => new()
    {
        Slug = e.Slug,
        Name = e.Name,
        ArticleCount = e.ArticleCount,
        Links = new NamedLinks { Self = self, Articles = articles },
    };
}

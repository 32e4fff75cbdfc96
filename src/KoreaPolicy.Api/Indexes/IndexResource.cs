using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Indexes;

/// <summary>
/// One of the archive's two indexes, authors and themes: the same resource shape (an entry with
/// its article count, a page of them, an entry's articles), told apart by this table row: where it
/// lives, how its entries link, which articles are an entry's, and its words for documentation
/// and problems.
/// </summary>
public sealed record IndexResource(
    string Path,
    string Tag,
    string Noun,
    Func<string, string> EntryLink,
    Func<string, string> ArticlesLink,
    Func<string, ArticleFilter> ArticlesOf,
    Func<ArchiveReader, PageRequest, Page<IndexEntry>> List,
    Func<ArchiveReader, string, IndexEntry?> Find)
{
    public static readonly IndexResource Authors = new(
        ApiLinks.Authors, "Authors", "author", ApiLinks.Author, ApiLinks.AuthorArticles, slug => new ArticleFilter { Author = slug },
        (archive, page) => archive.ListAuthors(page), (archive, slug) => archive.FindAuthor(slug));

    public static readonly IndexResource Themes = new(
        ApiLinks.Themes, "Themes", "theme", ApiLinks.Theme, ApiLinks.ThemeArticles, slug => new ArticleFilter { Themes = [slug] },
        (archive, page) => archive.ListThemes(page), (archive, slug) => archive.FindTheme(slug));

    public IndexEntryResponse ToResponse(IndexEntry e) => new()
    {
        Slug = e.Slug,
        Name = e.Name,
        ArticleCount = e.ArticleCount,
        Links = new NamedLinks { Self = EntryLink(e.Slug), Articles = ArticlesLink(e.Slug) },
    };

    public ProblemHttpResult NotFound(string slug) =>
        Problems.NotFound($"No {Noun} has the slug '{slug}' (see {Path}).");
}

/// <summary>An author or theme in an index, with how many articles it has.</summary>
public sealed record IndexEntryResponse
{
    /// <summary>Its slug, stable across ingestions.</summary>
    /// <example>bruce-klingner</example>
    public required string Slug { get; init; }

    /// <summary>Its name as written.</summary>
    /// <example>Bruce Klingner</example>
    public required string Name { get; init; }

    /// <summary>How many articles it has in the archive.</summary>
    /// <example>1</example>
    public required int ArticleCount { get; init; }

    public required NamedLinks Links { get; init; }
}

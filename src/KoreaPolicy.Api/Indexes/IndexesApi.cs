using System.ComponentModel;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Indexes;

/// <summary>
/// The archive's authors and the themes articles are filed under, and their articles: two
/// resources of one shape (<see cref="IndexResource"/>), mapped and answered by the same code.
/// Each keeps handlers of its own, one line each, because the OpenAPI document takes operation
/// names, parameter descriptions and examples from them.
/// </summary>
public static class IndexesApi
{
    public static IEndpointRouteBuilder MapIndexes(this IEndpointRouteBuilder routes)
    {
        routes.MapIndex(
            IndexResource.Authors,
            (ListAuthors, nameof(ListAuthors), "List authors", "Every author with at least one article, by name, with their article counts."),
            (GetAuthor, nameof(GetAuthor), "Get an author", "One author and their article count."),
            (ListAuthorArticles, nameof(ListAuthorArticles), "List an author's articles", "The author's article summaries, newest first."));

        routes.MapIndex(
            IndexResource.Themes,
            (ListThemes, nameof(ListThemes), "List themes", "Every theme with at least one article, by name, with their article counts."),
            (GetTheme, nameof(GetTheme), "Get a theme", "One theme and its article count."),
            (ListThemeArticles, nameof(ListThemeArticles), "List a theme's articles", "The theme's article summaries, newest first."));

        return routes;
    }

    public static Results<Ok<PagedResponse<IndexEntryResponse>>, ProblemHttpResult> ListAuthors(
        [AsParameters] PageParameters paging,
        ArchiveReader archive,
        HttpRequest request) =>
        List(IndexResource.Authors, paging, archive, request);

    /// <param name="slug" example="bruce-klingner">The author's slug.</param>
    public static Results<Ok<IndexEntryResponse>, ProblemHttpResult> GetAuthor(
        [Description("The author's slug, e.g. bruce-klingner.")] string slug,
        ArchiveReader archive) =>
        Get(IndexResource.Authors, slug, archive);

    /// <param name="slug" example="bruce-klingner">The author's slug.</param>
    public static Results<Ok<PagedResponse<ArticleSummaryResponse>>, ProblemHttpResult> ListAuthorArticles(
        [Description("The author's slug.")] string slug,
        [AsParameters] PageParameters paging,
        [AsParameters] ArticleListParameters list,
        ArchiveReader archive,
        HttpRequest request) =>
        ListArticles(IndexResource.Authors, slug, paging, list, archive, request);

    public static Results<Ok<PagedResponse<IndexEntryResponse>>, ProblemHttpResult> ListThemes(
        [AsParameters] PageParameters paging,
        ArchiveReader archive,
        HttpRequest request) =>
        List(IndexResource.Themes, paging, archive, request);

    /// <param name="slug" example="security">The theme's slug.</param>
    public static Results<Ok<IndexEntryResponse>, ProblemHttpResult> GetTheme(
        [Description("The theme's slug, e.g. security.")] string slug,
        ArchiveReader archive) =>
        Get(IndexResource.Themes, slug, archive);

    /// <param name="slug" example="security">The theme's slug.</param>
    public static Results<Ok<PagedResponse<ArticleSummaryResponse>>, ProblemHttpResult> ListThemeArticles(
        [Description("The theme's slug.")] string slug,
        [AsParameters] PageParameters paging,
        [AsParameters] ArticleListParameters list,
        ArchiveReader archive,
        HttpRequest request) =>
        ListArticles(IndexResource.Themes, slug, paging, list, archive, request);

    /// <summary>An index's three routes, documented in its words.</summary>
    private static void MapIndex(
        this IEndpointRouteBuilder routes,
        IndexResource index,
        (Delegate Handler, string Name, string Summary, string Description) list,
        (Delegate Handler, string Name, string Summary, string Description) get,
        (Delegate Handler, string Name, string Summary, string Description) articles)
    {
        var group = routes.MapGroup(index.Path).WithTags(index.Tag);

        group.MapGet("/", list.Handler)
            .WithName(list.Name)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithPagingHeaders()
            .WithSummary(list.Summary)
            .WithDescription(list.Description);

        group.MapGet("/{slug}", get.Handler)
            .WithName(get.Name)
            .WithSummary(get.Summary)
            .WithDescription(get.Description)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/articles", articles.Handler)
            .WithName(articles.Name)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithFieldSelection<RouteHandlerBuilder, ArticleSummaryResponse>()
            .WithPagingHeaders()
            .WithSummary(articles.Summary)
            .WithDescription(articles.Description)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Results<Ok<PagedResponse<IndexEntryResponse>>, ProblemHttpResult> List(
        IndexResource index, PageParameters paging, ArchiveReader archive, HttpRequest request)
    {
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(index.List(archive, page).ToResponse(index.ToResponse, request));
    }

    private static Results<Ok<IndexEntryResponse>, ProblemHttpResult> Get(IndexResource index, string slug, ArchiveReader archive) =>
        index.Find(archive, slug) is { } entry ? TypedResults.Ok(index.ToResponse(entry)) : index.NotFound(slug);

    private static Results<Ok<PagedResponse<ArticleSummaryResponse>>, ProblemHttpResult> ListArticles(
        IndexResource index, string slug, PageParameters paging, ArticleListParameters list, ArchiveReader archive, HttpRequest request)
    {
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        var sort = list.Parse(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return index.Find(archive, slug) is null
            ? index.NotFound(slug)
            : TypedResults.Ok(archive.ListArticles(index.ArticlesOf(slug), sort, page).ToResponse(a => a.ToResponse(), request));
    }
}

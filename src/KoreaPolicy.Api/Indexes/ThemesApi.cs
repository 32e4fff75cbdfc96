using System.ComponentModel;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Indexes;

/// <summary>The themes articles are filed under, and their articles.</summary>
public static class ThemesApi
{
    public static RouteGroupBuilder MapThemes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ApiLinks.Themes).WithTags("Themes");

        group.MapGet("/", ListThemes)
            .WithName(nameof(ListThemes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithPagingHeaders()
            .WithSummary("List themes")
            .WithDescription("Every theme with at least one article, by name, with their article counts.");

        group.MapGet("/{slug}", GetTheme)
            .WithName(nameof(GetTheme))
            .WithSummary("Get a theme")
            .WithDescription("One theme and its article count.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/articles", ListThemeArticles)
            .WithName(nameof(ListThemeArticles))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithFieldSelection<RouteHandlerBuilder, ArticleSummaryResponse>()
            .WithPagingHeaders()
            .WithSummary("List a theme's articles")
            .WithDescription("The theme's article summaries, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    public static Results<Ok<PagedResponse<IndexEntryResponse>>, ProblemHttpResult> ListThemes(
        [AsParameters] PageParameters paging,
        ArchiveReader archive,
        HttpRequest request)
    {
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(archive.ListThemes(page).ToResponse(IndexMapping.ToThemeResponse, request));
    }

    /// <param name="slug" example="security">The theme's slug.</param>
    public static Results<Ok<IndexEntryResponse>, ProblemHttpResult> GetTheme(
        [Description("The theme's slug, e.g. security.")] string slug,
        ArchiveReader archive) =>
        archive.FindTheme(slug) is { } theme ? TypedResults.Ok(theme.ToThemeResponse()) : ThemeNotFound(slug);

    /// <param name="slug" example="security">The theme's slug.</param>
    public static Results<Ok<PagedResponse<ArticleSummaryResponse>>, ProblemHttpResult> ListThemeArticles(
        [Description("The theme's slug.")] string slug,
        [AsParameters] PageParameters paging,
        [AsParameters] ArticleListParameters list,
        ArchiveReader archive,
        HttpRequest request)
    {
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        var sort = list.Parse(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var filter = new ArticleFilter { Themes = [slug] };
        return archive.FindTheme(slug) is null
            ? ThemeNotFound(slug)
            : TypedResults.Ok(archive.ListArticles(filter, sort, page).ToResponse(a => a.ToResponse(), request));
    }

    private static ProblemHttpResult ThemeNotFound(string slug) =>
        Problems.NotFound($"No theme has the slug '{slug}' (see {ApiLinks.Themes}).");
}

using System.ComponentModel;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Hosting;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Themes;

/// <summary>The themes articles are filed under, and their articles.</summary>
public static class ThemesApi
{
    public static RouteGroupBuilder MapThemes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ApiLinks.Themes).WithTags("Themes");

        group.MapGet("/", ListThemes)
            .WithName(nameof(ListThemes))
            .WithSummary("List themes")
            .WithDescription("Every theme with at least one article, by name, with their article counts.");

        group.MapGet("/{slug}", GetTheme)
            .WithName(nameof(GetTheme))
            .WithSummary("Get a theme")
            .WithDescription("One theme and its article count.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/articles", ListThemeArticles)
            .WithName(nameof(ListThemeArticles))
            .WithSummary("List a theme's articles")
            .WithDescription("The theme's article summaries, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    public static Ok<ListResponse<IndexEntryResponse>> ListThemes(ArchiveReader archive) =>
        TypedResults.Ok(archive.ListThemes().Select(IndexMapping.ToThemeResponse).ToList().ToList(ApiLinks.Themes));

    /// <param name="slug" example="security">The theme's slug.</param>
    public static Results<Ok<IndexEntryResponse>, ProblemHttpResult> GetTheme(
        [Description("The theme's slug, e.g. security.")] string slug,
        ArchiveReader archive) =>
        archive.FindTheme(slug) is { } theme ? TypedResults.Ok(theme.ToThemeResponse()) : ThemeNotFound(slug);

    /// <param name="slug" example="security">The theme's slug.</param>
    public static Results<Ok<ListResponse<ArticleSummaryResponse>>, ProblemHttpResult> ListThemeArticles(
        [Description("The theme's slug, e.g. security.")] string slug,
        ArchiveReader archive) =>
        archive.FindTheme(slug) is null
            ? ThemeNotFound(slug)
            : TypedResults.Ok(archive.ArticlesByTheme(slug).Select(a => a.ToResponse()).ToList().ToList(ApiLinks.ThemeArticles(slug)));

    private static ProblemHttpResult ThemeNotFound(string slug) =>
        Problems.NotFound($"No theme has the slug '{slug}' (see {ApiLinks.Themes}).");
}

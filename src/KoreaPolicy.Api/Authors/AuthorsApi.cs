using System.ComponentModel;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Hosting;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Authors;

/// <summary>The archive's authors and their articles.</summary>
public static class AuthorsApi
{
    public static RouteGroupBuilder MapAuthors(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ApiLinks.Authors).WithTags("Authors");

        group.MapGet("/", ListAuthors)
            .WithName(nameof(ListAuthors))
            .WithSummary("List authors")
            .WithDescription("Every author with at least one article, by name, with their article counts.");

        group.MapGet("/{slug}", GetAuthor)
            .WithName(nameof(GetAuthor))
            .WithSummary("Get an author")
            .WithDescription("One author and their article count.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/articles", ListAuthorArticles)
            .WithName(nameof(ListAuthorArticles))
            .WithSummary("List an author's articles")
            .WithDescription("The author's article summaries, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    public static Ok<ListResponse<IndexEntryResponse>> ListAuthors(ArchiveReader archive) =>
        TypedResults.Ok(archive.ListAuthors().Select(IndexMapping.ToAuthorResponse).ToList().ToList(ApiLinks.Authors));

    /// <param name="slug" example="bruce-klingner">The author's slug.</param>
    public static Results<Ok<IndexEntryResponse>, ProblemHttpResult> GetAuthor(
        [Description("The author's slug, e.g. bruce-klingner.")] string slug,
        ArchiveReader archive) =>
        archive.FindAuthor(slug) is { } author ? TypedResults.Ok(author.ToAuthorResponse()) : AuthorNotFound(slug);

    /// <param name="slug" example="bruce-klingner">The author's slug.</param>
    public static Results<Ok<ListResponse<ArticleSummaryResponse>>, ProblemHttpResult> ListAuthorArticles(
        [Description("The author's slug, e.g. bruce-klingner.")] string slug,
        ArchiveReader archive) =>
        archive.FindAuthor(slug) is null
            ? AuthorNotFound(slug)
            : TypedResults.Ok(archive.ArticlesByAuthor(slug).Select(a => a.ToResponse()).ToList().ToList(ApiLinks.AuthorArticles(slug)));

    private static ProblemHttpResult AuthorNotFound(string slug) =>
        Problems.NotFound($"No author has the slug '{slug}' (see {ApiLinks.Authors}).");
}

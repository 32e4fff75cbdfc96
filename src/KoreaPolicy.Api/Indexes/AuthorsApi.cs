using System.ComponentModel;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Indexes;

/// <summary>The archive's authors and their articles.</summary>
public static class AuthorsApi
{
    public static RouteGroupBuilder MapAuthors(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ApiLinks.Authors).WithTags("Authors");

        group.MapGet("/", ListAuthors)
            .WithName(nameof(ListAuthors))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithPagingHeaders()
            .WithSummary("List authors")
            .WithDescription("Every author with at least one article, by name, with their article counts.");

        group.MapGet("/{slug}", GetAuthor)
            .WithName(nameof(GetAuthor))
            .WithSummary("Get an author")
            .WithDescription("One author and their article count.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/articles", ListAuthorArticles)
            .WithName(nameof(ListAuthorArticles))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithFieldSelection<RouteHandlerBuilder, ArticleSummaryResponse>()
            .WithPagingHeaders()
            .WithSummary("List an author's articles")
            .WithDescription("The author's article summaries, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    public static Results<Ok<PagedResponse<IndexEntryResponse>>, ProblemHttpResult> ListAuthors(
        [AsParameters] PageParameters paging,
        ArchiveReader archive,
        HttpRequest request)
    {
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(archive.ListAuthors(page).ToResponse(IndexMapping.ToAuthorResponse, request));
    }

    /// <param name="slug" example="bruce-klingner">The author's slug.</param>
    public static Results<Ok<IndexEntryResponse>, ProblemHttpResult> GetAuthor(
        [Description("The author's slug, e.g. bruce-klingner.")] string slug,
        ArchiveReader archive) =>
        archive.FindAuthor(slug) is { } author ? TypedResults.Ok(author.ToAuthorResponse()) : AuthorNotFound(slug);

    /// <param name="slug" example="bruce-klingner">The author's slug.</param>
    public static Results<Ok<PagedResponse<ArticleSummaryResponse>>, ProblemHttpResult> ListAuthorArticles(
        [Description("The author's slug.")] string slug,
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

        var filter = new ArticleFilter { Author = slug };
        return archive.FindAuthor(slug) is null
            ? AuthorNotFound(slug)
            : TypedResults.Ok(archive.ListArticles(filter, sort, page).ToResponse(a => a.ToResponse(), request));
    }

    private static ProblemHttpResult AuthorNotFound(string slug) =>
        Problems.NotFound($"No author has the slug '{slug}' (see {ApiLinks.Authors}).");
}

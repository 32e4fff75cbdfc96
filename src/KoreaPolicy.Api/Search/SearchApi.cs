using System.ComponentModel;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KoreaPolicy.Api.Search;

/// <summary>Passage-level full-text search.</summary>
public static class SearchApi
{
    public const string Path = "/api/search";

    public static RouteHandlerBuilder MapSearch(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, SearchPassages)
            .WithTags("Search")
            .WithName(nameof(SearchPassages))
            .WithSummary("Search passages")
            .WithDescription(
                "Every paragraph, with its section heading and article title, ranked by relevance (bm25). Query language: "
                + "words (all must match), \"quoted phrases\", OR between two terms, -excluded, prefix*. Case, accents and "
                + "typographic quotes do not matter. Filters as for article lists. A query that cannot be parsed is a 400 saying why.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithPagingHeaders();

    /// <param name="q" example="Scylla">The query, e.g. alliance "security guarantees" -china, or tariff* OR sanctions.</param>
    public static Results<Ok<PagedResponse<SearchHitResponse>>, ProblemHttpResult> SearchPassages(
        [FromQuery(Name = "q")] string? q,
        [AsParameters] PageParameters paging,
        [AsParameters] ArticleFilterParameters filter,
        PassageSearch search,
        HttpRequest request)
    {
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        var articleFilter = filter.Parse(errors);
        SearchQuery? query = null;
        try
        {
            query = SearchQuery.Parse(q);
        }
        catch (SearchQueryException e)
        {
            errors.Add("q", e.Message);
        }

        return errors.Any || query is null
            ? errors.ToProblem()
            : TypedResults.Ok(search.Search(query, articleFilter, page).ToResponse(h => h.ToResponse(), request));
    }
}

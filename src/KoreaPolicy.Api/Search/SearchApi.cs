using System.ComponentModel;
using System.Diagnostics;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

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
                + "typographic quotes do not matter. Filters as for article lists. A query that cannot be parsed is a 400 saying why; "
                + "one that takes longer than the search's time budget (5 s unless configured) is stopped and answered with a 503 problem.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithPagingHeaders();

    /// <param name="q" example="Scylla">The query, e.g. alliance "security guarantees" -china, or tariff* OR sanctions.</param>
    public static Results<Ok<PagedResponse<SearchHitResponse>>, ProblemHttpResult> SearchPassages(
        [FromQuery(Name = "q")] string? q,
        [AsParameters] PageParameters paging,
        [AsParameters] ArticleFilterParameters filter,
        PassageSearch search,
        IOptions<SearchOptions> options,
        ILoggerFactory logs,
        HttpRequest request,
        CancellationToken requestAborted)
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

        if (errors.Any || query is null)
        {
            return errors.ToProblem();
        }

        // Stopped when the client goes away (the exception then ends the request unanswered, as
        // nobody is there) or when the budget is spent (a 503 saying so).
        var budget = TimeSpan.FromMilliseconds(options.Value.TimeBudgetMilliseconds);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        stop.CancelAfter(budget);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return TypedResults.Ok(search.Search(query, articleFilter, page, stop.Token).ToResponse(h => h.ToResponse(), request));
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            logs.CreateLogger(typeof(SearchApi)).LogInformation(
                "Search stopped after {Milliseconds:0} ms: the client went away ({Query})", Stopwatch.GetElapsedTime(started).TotalMilliseconds, query.Expression);
            throw;
        }
        catch (OperationCanceledException)
        {
            // An operator wants to hear of the queries that cost this much.
            logs.CreateLogger(typeof(SearchApi)).LogWarning(
                "Search stopped at its time budget of {Milliseconds} ms ({Query})", options.Value.TimeBudgetMilliseconds, query.Expression);
            return TypedResults.Problem(
                title: "Search took too long",
                detail: $"The search was stopped after its time budget of {budget.TotalSeconds:0.###} s. "
                    + "Common words repeated in a long phrase are the costly kind; a shorter phrase, fewer terms or a filter will answer.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

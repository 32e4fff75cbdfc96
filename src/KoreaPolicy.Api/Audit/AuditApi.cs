using KoreaPolicy.Api.Http;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Audit;

/// <summary>The write audit, for keys with the <c>admin</c> scope.</summary>
public static class AuditApi
{
    public static RouteHandlerBuilder MapAudit(this IEndpointRouteBuilder routes) =>
        routes.MapGet(ApiLinks.Audit, ListAudit)
            .WithTags("Audit")
            .WithName(nameof(ListAudit))
            .WithSummary("List the write audit")
            .WithDescription("Every write over HTTP (each attempt, with its outcome and status) and every change from the files, "
                + "newest first, a page at a time: the key, the time, the article, the revision and the outcome. Needs a key with the admin scope.")
            .RequireAuthorization(ApiScopePolicies.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithPagingHeaders();

    public static Results<Ok<PagedResponse<AuditEntryResponse>>, ProblemHttpResult> ListAudit(
        [AsParameters] PageParameters paging,
        WriteAudit audit,
        HttpRequest request)
    {
        // Only for the key that asked: no one may keep it, this server included.
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        return errors.Any
            ? errors.ToProblem()
            : TypedResults.Ok(audit.List(page).ToResponse(e => e.ToResponse(), request));
    }
}

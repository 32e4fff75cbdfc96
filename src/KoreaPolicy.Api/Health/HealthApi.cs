using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KoreaPolicy.Api.Health;

/// <summary>
/// <c>GET /health</c> for the Dockerfile's HEALTHCHECK and load balancers: 200 when the database
/// answers with the current schema, 503 otherwise. Mapped as an ordinary endpoint over ASP.NET's
/// health check service so that it appears in the OpenAPI document.
/// </summary>
public static class HealthApi
{
    public static RouteHandlerBuilder MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", GetHealth)
            .WithTags("Health")
            .WithName(nameof(GetHealth))
            .WithSummary("Check health")
            .WithDescription("200 when the database answers and its schema is current; 503 otherwise.");

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealth(HealthCheckService health, HttpResponse http, CancellationToken cancellationToken)
    {
        // A probe's answer is only true now: no one may store it, this server included (StoredResponses).
        http.Headers.CacheControl = "no-store";
        var report = await health.CheckHealthAsync(cancellationToken);
        var response = new HealthResponse { Status = report.Status.ToString(), SchemaVersion = Migrations.Latest };
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The archive's health.</summary>
public sealed record HealthResponse
{
    /// <summary>"Healthy" or "Unhealthy".</summary>
    /// <example>Healthy</example>
    public required string Status { get; init; }

    /// <summary>The schema version this program expects.</summary>
    /// <example>1</example>
    public required int SchemaVersion { get; init; }
}

/// <summary>The database answers and its schema is the one this program was built for.</summary>
public sealed class ArchiveHealthCheck(ArchiveReader archive) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(archive.IsHealthy()
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The database does not answer or its schema is not version {Migrations.Latest}."));
}

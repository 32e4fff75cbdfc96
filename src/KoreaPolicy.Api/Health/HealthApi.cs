using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KoreaPolicy.Api.Health;

/// <summary>
/// Probes, through ASP.NET Core's health checks: <c>/health/live</c> (the process answers: restart
/// it if not), <c>/health/ready</c> (the database answers with the current schema and the start-up
/// ingestion has finished: send it traffic), and <c>/health</c>, the same checks as ready, which the
/// Dockerfile's HEALTHCHECK and load balancers probe. 200 when healthy, else 503, never stored.
/// They are for machines, not partners, so they stay out of the OpenAPI document.
/// </summary>
public static class HealthApi
{
    /// <summary>The tag of the checks a ready server passes.</summary>
    public const string Ready = "ready";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync, ResultStatusCodes = NotReadyIs503 });
        routes.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync, ResultStatusCodes = NotReadyIs503 });
        return routes;
    }

    // Degraded (still ingesting) is not ready either: no traffic until the archive is whole.
    private static readonly Dictionary<HealthStatus, int> NotReadyIs503 = new()
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    };

    /// <summary>The checks every probe but liveness runs.</summary>
    public static IHealthChecksBuilder AddArchiveHealthChecks(this IServiceCollection services) =>
        services.AddSingleton<StartUpIngestionState>().AddHealthChecks()
            .AddCheck<ArchiveHealthCheck>("archive", tags: [Ready])
            .AddCheck<StartUpIngestionHealthCheck>("ingestion", tags: [Ready]);

    // Written with the API's JSON options (camelCase, its generated serializers).
    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new HealthResponse
        {
            Status = report.Status.ToString(),
            SchemaVersion = Migrations.Latest,
            Checks = report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(e.Value.Status.ToString(), e.Value.Description)),
        }, context.RequestAborted);
}

/// <summary>A probe's answer.</summary>
public sealed record HealthResponse
{
    /// <summary>"Healthy" or "Unhealthy".</summary>
    public required string Status { get; init; }

    /// <summary>The schema version this program expects.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>Each check the probe ran, by name: archive (the database and its schema), ingestion (start-up ingestion finished).</summary>
    public required IReadOnlyDictionary<string, HealthCheckResponse> Checks { get; init; }
}

/// <summary>One check's status and, when it is not healthy, why.</summary>
public sealed record HealthCheckResponse(string Status, string? Description);

/// <summary>The database answers and its schema is the one this program was built for.</summary>
public sealed class ArchiveHealthCheck(ArchiveReader archive) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(archive.IsHealthy()
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The database does not answer or its schema is not version {Migrations.Latest}."));
}

/// <summary>
/// Whether the start-up ingestion has run: completed by the host's start-up ingestion, read by
/// the readiness check (and by tests that wait for the whole archive).
/// </summary>
public sealed class StartUpIngestionState
{
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up ingestion has run (or had nothing to do); faults if it threw.</summary>
    public Task Finished => finished.Task;

    public void Succeeded() => finished.TrySetResult();

    public void Failed(Exception error) => finished.TrySetException(error);
}

/// <summary>
/// The articles folder has been ingested since the process started (or there was none to ingest).
/// Degraded while it runs, a passing state (logged as a warning, not an error); Unhealthy if it failed.
/// </summary>
public sealed class StartUpIngestionHealthCheck(StartUpIngestionState ingestion) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ingestion.Finished.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy(),
            TaskStatus.Faulted or TaskStatus.Canceled => HealthCheckResult.Unhealthy("The start-up ingestion failed; see the log."),
            _ => HealthCheckResult.Degraded("The start-up ingestion is running."),
        });
}

using Microsoft.AspNetCore.Mvc;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// One log line per error response, at the level it deserves: a client's mistake (4xx: an unknown
/// slug, a malformed parameter) is Information, for the operator to see what partners get wrong;
/// a failure of the server (5xx) is an Error. The line names the method, the path (never the
/// query, which may carry a key), the status, the problem's title and detail, and the trace id the
/// problem body carries. Health probes are left out: their 503 is their answer, not an error.
/// Outermost, so it sees the status the exception handler and the status-code pages leave.
/// </summary>
public sealed partial class ProblemLogging(RequestDelegate next, ILogger<ProblemLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var status = context.Response.StatusCode;
        if (status < StatusCodes.Status400BadRequest || context.Request.Path.StartsWithSegments("/health"))
        {
            return;
        }

        var problem = context.Items[typeof(ProblemDetails)] as ProblemDetails;
        var level = status >= StatusCodes.Status500InternalServerError ? LogLevel.Error : LogLevel.Information;
        // The trace id as the problem body gives it (the current activity's, when there is one).
        var traceId = problem?.Extensions.TryGetValue("traceId", out var id) == true ? id?.ToString() : context.TraceIdentifier;
        Answered(logger, level, context.Request.Method, context.Request.Path.Value, status, problem?.Title, problem?.Detail, traceId);
    }

    /// <summary>For <c>AddProblemDetails</c>: keeps the problem written, so that its line can say what it was.</summary>
    public static void Keep(ProblemDetailsContext context) => context.HttpContext.Items[typeof(ProblemDetails)] = context.ProblemDetails;

    [LoggerMessage(EventId = 20, Message = "{Method} {Path} answered {StatusCode} {Title}: {Detail} (trace {TraceId})")]
    private static partial void Answered(ILogger logger, LogLevel level, string method, string? path, int statusCode, string? title, string? detail, string? traceId);
}

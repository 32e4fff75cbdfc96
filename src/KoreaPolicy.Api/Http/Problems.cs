using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// The API's RFC 9457 problems, built in one place so every 404 and 400 reads alike.
/// The problem details service adds the trace id and the request's instance.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>A malformed parameter: names it and says what is wrong.</summary>
    public static ProblemHttpResult InvalidParameter(string parameter, string reason) =>
        InvalidParameters(new Dictionary<string, string[]> { [parameter] = [reason] });

    /// <summary>Malformed parameters: each named with what is wrong, in <c>detail</c> and in <c>errors</c>.</summary>
    public static ProblemHttpResult InvalidParameters(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(
            title: errors.Count == 1 ? "Invalid parameter" : "Invalid parameters",
            detail: string.Join("; ", errors.SelectMany(e => e.Value.Select(reason => $"Parameter '{e.Key}': {reason}"))),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}

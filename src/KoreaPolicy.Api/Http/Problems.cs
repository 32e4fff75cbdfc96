using KoreaPolicy.Model;
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

    /// <summary>A withdrawn article: 410, with when it was withdrawn and the revision its withdrawal is.</summary>
    public static ProblemHttpResult Gone(ArticleWithdrawal withdrawal) =>
        TypedResults.Problem(
            title: "Gone",
            detail: $"The article '{withdrawal.Slug}' (\"{withdrawal.Title}\") was withdrawn on {withdrawal.WithdrawnAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.",
            statusCode: StatusCodes.Status410Gone,
            extensions: new Dictionary<string, object?>
            {
                ["slug"] = withdrawal.Slug,
                ["withdrawnAt"] = withdrawal.WithdrawnAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["revision"] = withdrawal.Revision,
            });

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

    /// <summary>A request body that is not what the endpoint reads (malformed JSON, a missing part).</summary>
    public static ProblemHttpResult InvalidBody(string reason) =>
        TypedResults.Problem(title: "Invalid body", detail: $"The request body cannot be read: {reason}. Nothing was saved.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A malformed request header: names it and says what is wrong.</summary>
    public static ProblemHttpResult InvalidHeader(string header, string reason) =>
        TypedResults.Problem(
            title: "Invalid header",
            detail: $"Header '{header}' {reason}.",
            statusCode: StatusCodes.Status400BadRequest);
}

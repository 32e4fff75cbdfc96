using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Http;

/// <summary>A representation a resource can be fetched in, by <c>Accept</c> or by <c>format=</c>.</summary>
/// <param name="Name">The <c>format=</c> value.</param>
/// <param name="MediaType">What it is served as (with charset for text).</param>
/// <param name="Aliases">Other media types and format names that ask for it.</param>
public sealed record ContentFormat(string Name, string MediaType, params string[] Aliases)
{
    public static readonly ContentFormat Json = new("json", "application/json", "text/json");
    public static readonly ContentFormat Html = new("html", "text/html", "application/xhtml+xml");
    public static readonly ContentFormat Markdown = new("markdown", "text/markdown", "md", "text/x-markdown");
    public static readonly ContentFormat Text = new("text", "text/plain", "txt");
    public static readonly ContentFormat JsonLd = new("jsonld", "application/ld+json");
    public static readonly ContentFormat Ninjs = new("ninjs", "application/ninjs+json");

    /// <summary>The <c>Content-Type</c>: text formats say they are UTF-8.</summary>
    public string ContentType => MediaType.StartsWith("text/", StringComparison.Ordinal) ? $"{MediaType}; charset=utf-8" : MediaType;

    public bool Answers(string mediaTypeOrName) =>
        string.Equals(MediaType, mediaTypeOrName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Name, mediaTypeOrName, StringComparison.OrdinalIgnoreCase)
        || Aliases.Contains(mediaTypeOrName, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Picks the representation of a response: the <c>format</c> query parameter when given (it wins,
/// so a link can name a format; the handler binds it, documented, and passes it in), else the best
/// match of <c>Accept</c> by quality, else the first supported (JSON). Null when nothing fits, and
/// then <see cref="Refusal"/> is the problem to answer: an unknown <c>format</c> is a 400, an
/// <c>Accept</c> nothing matches a 406 listing what is on offer.
/// </summary>
public static class Negotiation
{
    public const string FormatParameter = "format";

    /// <summary>Picks the representation and records how (<see cref="FormatChoice"/>), so the response store keys the answer by what was chosen.</summary>
    public static ContentFormat? Choose(string? format, HttpRequest request, IReadOnlyList<ContentFormat> supported)
    {
        FormatChoice.Among(supported).Record(request);
        return Pick(format, request, supported);
    }

    /// <summary>Picks the representation; records nothing (an endpoint with a choice of its own records that).</summary>
    public static ContentFormat? Pick(string? format, HttpRequest request, IReadOnlyList<ContentFormat> supported)
    {
        if (format is not null)
        {
            return supported.FirstOrDefault(f => f.Answers(format));
        }

        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return supported[0];
        }

        // Highest quality first; among equals, the more specific range (text/html over text/*, over */*).
        foreach (var range in accept.Where(a => (a.Quality ?? 1) > 0)
                     .OrderByDescending(a => a.Quality ?? 1)
                     .ThenBy(a => a.MatchesAllTypes ? 2 : a.MatchesAllSubTypes ? 1 : 0))
        {
            var match = supported.FirstOrDefault(f => Matches(range, f));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>The problem when <see cref="Choose"/> found nothing: 400 for an unknown <c>format</c>, else 406.</summary>
    public static ProblemHttpResult Refusal(string? format, IReadOnlyList<ContentFormat> supported) =>
        format is not null
            ? Problems.InvalidParameter(FormatParameter, $"must be one of {string.Join(", ", supported.Select(f => f.Name))}; got '{format}'")
            : TypedResults.Problem(
                title: "Not acceptable",
                detail: $"This resource is available as {string.Join(", ", supported.Select(f => f.MediaType))}; "
                    + $"ask with Accept or with {FormatParameter}= ({string.Join(", ", supported.Select(f => f.Name))}).",
                statusCode: StatusCodes.Status406NotAcceptable);

    private static bool Matches(MediaTypeHeaderValue range, ContentFormat format)
    {
        if (range.MatchesAllTypes)
        {
            return true;
        }

        var type = range.MediaType.Value ?? "";
        if (range.MatchesAllSubTypes)
        {
            return format.MediaType.StartsWith(type[..^1], StringComparison.OrdinalIgnoreCase);
        }

        return format.Answers(type);
    }
}

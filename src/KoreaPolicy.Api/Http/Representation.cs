using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// Serving one resource in the format negotiation chose: the typed JSON record (so OpenAPI and
/// sparse fieldsets see it), or a rendering as text of the chosen media type.
/// </summary>
public static class Representation
{
    public static Results<Ok<T>, ContentHttpResult, ProblemHttpResult> Of<T>(ContentFormat format, Func<T> json, Func<ContentFormat, string> render) =>
        format == ContentFormat.Json
            ? TypedResults.Ok(json())
            : TypedResults.Content(render(format), format.ContentType);

    /// <summary>
    /// Declares the formats beyond JSON in OpenAPI and sends <c>Vary: Accept</c> on every answer,
    /// so caches keep the representations of one URL apart.
    /// </summary>
    public static RouteHandlerBuilder WithRepresentations(this RouteHandlerBuilder builder, IReadOnlyList<ContentFormat> formats)
    {
        // Produces(200, ...) would replace the typed JSON response in the document rather than add
        // to it, so the other media types travel as metadata that ApiDocumentation adds to the 200.
        return builder
            .WithMetadata(new RepresentationsMetadata(formats.Where(f => f != ContentFormat.Json).Select(f => f.MediaType).ToList()))
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
                return await next(context);
            });
    }
}

/// <summary>The media types besides JSON that an endpoint's 200 response comes in.</summary>
public sealed record RepresentationsMetadata(IReadOnlyList<string> MediaTypes);

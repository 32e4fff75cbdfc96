using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Hosting;

/// <summary>How long partners may reuse a response: configuration keys <c>Http:MaxAgeSeconds</c> and <c>Http:StaleWhileRevalidateSeconds</c>.</summary>
public sealed class HttpCachingOptions
{
    public const string Section = "Http";

    public int MaxAgeSeconds { get; set; } = 60;

    public int StaleWhileRevalidateSeconds { get; set; } = 600;
}

/// <summary>
/// Strong ETags from the bytes of each representation, <c>If-None-Match</c> answered with 304,
/// and <c>Cache-Control</c> for every successful GET and HEAD. The tag is a hash of exactly what
/// is sent, so it changes when and only when the response would (content, parameters, format).
/// It runs inside the output cache, which stores the tag with the response and answers
/// <c>If-None-Match</c> itself for stored responses.
/// </summary>
public sealed class ConditionalRequests(RequestDelegate next, IOptions<HttpCachingOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.CacheControl.Any())
        {
            var caching = options.Value;
            response.Headers.CacheControl = $"public, max-age={caching.MaxAgeSeconds}, stale-while-revalidate={caching.StaleWhileRevalidateSeconds}";
        }

        if (response.StatusCode == StatusCodes.Status200OK && string.IsNullOrEmpty(response.Headers.ETag))
        {
            buffer.Position = 0;
            var hash = await SHA256.HashDataAsync(buffer, context.RequestAborted);
            response.Headers.ETag = $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
        }

        if (response.StatusCode == StatusCodes.Status200OK && (Matches(request, response.Headers.ETag.ToString()) || Unmodified(request, response)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            response.Headers.ContentType = default;
            return;
        }

        // The length of the bytes as sent (compressed, if they are) is known: say it, rather than
        // chunk. Not for an empty error, whose problem body the status-code pages write later.
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// <c>If-Modified-Since</c> counts only without <c>If-None-Match</c> (RFC 9110 §13.1.3) and
    /// where the response has a date (an article and its parts).
    /// </summary>
    private static bool Unmodified(HttpRequest request, HttpResponse response)
    {
        var headers = request.GetTypedHeaders();
        return headers.IfNoneMatch.Count == 0
            && headers.IfModifiedSince is { } since
            && response.GetTypedHeaders().LastModified is { } modified
            && modified <= since;
    }

    private static bool Matches(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Count > 0
            && EntityTagHeaderValue.TryParse(etag, out var current)
            && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}

public static class LastModified
{
    /// <summary>
    /// Sends <c>Last-Modified</c> for a response built from content last changed at
    /// <paramref name="updatedAt"/>, in whole seconds as HTTP dates are.
    /// </summary>
    public static void MarkModified(this HttpRequest request, DateTimeOffset updatedAt) =>
        request.HttpContext.Response.GetTypedHeaders().LastModified =
            new DateTimeOffset(updatedAt.UtcTicks - (updatedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}

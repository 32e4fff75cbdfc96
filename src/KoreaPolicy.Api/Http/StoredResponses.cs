using System.Security.Cryptography;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Http;

/// <summary>How long partners may reuse a response: configuration keys <c>Http:MaxAgeSeconds</c> and <c>Http:StaleWhileRevalidateSeconds</c>.</summary>
public sealed class HttpCachingOptions
{
    public const string Section = "Http";

    public int MaxAgeSeconds { get; set; } = 60;

    public int StaleWhileRevalidateSeconds { get; set; } = 600;

    /// <summary>Memory for finished responses (bodies and headers), <c>Http:StoredResponsesMegabytes</c>.</summary>
    public int StoredResponsesMegabytes { get; set; } = 64;
}

/// <summary>
/// Every successful GET is built once per content version and then answered from memory, with
/// a strong ETag, <c>Cache-Control</c>, and 304 for <c>If-None-Match</c> or <c>If-Modified-Since</c>.
/// <para>
/// The ETag is a hash of exactly the bytes sent (compressed, when they are), so it changes when
/// and only when the response would: content, parameters, format, encoding. A response is stored
/// under its URL and the outcome of its negotiation, the representation chosen
/// (<see cref="RepresentationChoice"/>) and the content coding (<see cref="ContentCoding"/>),
/// never under the text of <c>Accept</c> or <c>Accept-Encoding</c>: a client sending a new 30 KB
/// header with each request once grew this store by the header's size every time, uncounted.
/// The scheme and host are part of the URL only where links are built from the request's host
/// (no <c>Site:BaseUrl</c>). Every byte an entry holds is counted against the store's size: the
/// body, the header names and values, the key's text, and a fixed amount for the objects around
/// them. Stores are per archive version: when an ingestion raises the version (in this process
/// or another, see <see cref="ArchiveVersion"/>), the next request starts a new store and the
/// old one is dropped whole, so nothing is served stale.
/// </para>
/// <para>
/// This is ASP.NET Core's output caching reduced to what this API needs. Measured under load, the
/// output-cache middleware spent most of a stored answer's time rebuilding it: it keeps responses
/// serialized and deserializes the headers and body of each hit. Here a stored response is the
/// finished header list and body bytes, written as they are. Eviction is
/// <see cref="MemoryCache"/>'s, by size and least recent use.
/// </para>
/// </summary>
public sealed class StoredResponses(
    RequestDelegate next, ArchiveVersion archive, IOptions<HttpCachingOptions> options, IOptions<SiteOptions> site, ApiMetrics metrics)
{
    /// <summary>
    /// What an entry costs beyond the bytes of its strings and body: the cache's entry, the
    /// response record, its header array and parsed ETag, the boxed key. Rounded up from their
    /// sizes on 64-bit .NET, so that a store of small answers is not undercounted.
    /// </summary>
    internal const int EntryOverheadBytes = 512;

    private const int HeaderOverheadBytes = 64;

    private readonly string cacheControl =
        $"public, max-age={options.Value.MaxAgeSeconds}, stale-while-revalidate={options.Value.StaleWhileRevalidateSeconds}";

    private readonly bool linksFromRequest = string.IsNullOrWhiteSpace(site.Value.BaseUrl);

    private volatile Generation current = new(-1, options.Value.StoredResponsesMegabytes);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if ((!isGet && !HttpMethods.IsHead(request.Method)) || request.Headers.Range.Count > 0)
        {
            await next(context);
            return;
        }

        // The store of the version seen now: what is built below is at least that new, so it
        // may be stored there, even if a newer version has replaced that store meanwhile.
        var generation = GenerationFor(archive.Current);

        var resource = ResourceOf(request);
        var coding = ContentCoding.Choose(request.Headers.AcceptEncoding);
        // The compression below sees only the coding chosen here: what is built is what the key says.
        request.Headers.AcceptEncoding = coding == ContentCoding.Identity ? default : coding;

        // A URL seen before says how it picks its representation; that gives this request's variant.
        if (generation.Responses.TryGetValue(resource, out RepresentationChoice? known)
            && known!.For(request) is { } representation
            && generation.Responses.TryGetValue(new Variant(resource, representation, coding), out StoredResponse? stored))
        {
            metrics.StoredResponse(StoredResponseLookup.Hit);
            await Answer(context, stored!);
            return;
        }

        var built = await Build(context);
        if (built is null)
        {
            metrics.StoredResponse(StoredResponseLookup.Uncacheable);
            return;
        }

        // Stored from GET only: a HEAD may be answered without its body (static files are), and
        // a stored body must be whole. A HEAD is answered from what a GET stored. Never what an
        // endpoint answers only with a key (the audit): it would be served here, before
        // authorization runs, to whoever asks for the same URL.
        var choice = RepresentationChoice.Of(context);
        var storable = isGet && Storable(context.Response) && context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is null;
        var chosen = storable ? choice.For(request) : null;
        metrics.StoredResponse(chosen is not null ? StoredResponseLookup.Miss : StoredResponseLookup.Uncacheable);
        if (chosen is not null)
        {
            var keyBytes = 2L * resource.Length;
            generation.Responses.Set(resource, choice, new MemoryCacheEntryOptions { Size = keyBytes + EntryOverheadBytes });
            generation.Responses.Set(new Variant(resource, chosen, coding), built, new MemoryCacheEntryOptions { Size = keyBytes + built.Size });
        }

        await Answer(context, built);
    }

    /// <summary>
    /// The URL a response is built from. Links in a response are absolute: without a configured
    /// base URL they come from the request's scheme and host, which are then part of the key (and
    /// the host is one that host filtering allows); with one, the host changes nothing and is left out.
    /// </summary>
    private string ResourceOf(HttpRequest request) => linksFromRequest
        ? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{request.Path.Value}{request.QueryString.Value}"
        : $"{request.PathBase.Value}{request.Path.Value}{request.QueryString.Value}";

    /// <summary>The store for the archive's version: the current one, or a new one that replaces it.</summary>
    private Generation GenerationFor(long version)
    {
        var generation = current;
        if (generation.Version == version)
        {
            return generation;
        }

        // A request that saw the version just before another saw a newer one gets a store of its
        // own that nobody else reads. Two requests that see a change at once may both start a
        // store; one wins, and the other's response costs a rebuild: never a stale answer.
        var fresh = new Generation(version, options.Value.StoredResponsesMegabytes);
        if (version > generation.Version)
        {
            current = fresh;
            generation.Responses.Clear();
        }

        return fresh;
    }

    /// <summary>
    /// Runs the endpoint into a buffer. A 200 comes back as a response to store or send; anything
    /// else has been sent as it was (an error keeps its status, and its problem body, if empty,
    /// is written later by the status-code pages).
    /// </summary>
    private async Task<StoredResponse?> Build(HttpContext context)
    {
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
            // The response is built: end its read of the archive now, not once a slow client has it all.
            context.RequestServices.GetService<ArchiveSnapshot>()?.Dispose();
        }

        if (response.StatusCode != StatusCodes.Status200OK)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
            return null;
        }

        var bytes = buffer.ToArray();
        if (!response.Headers.ContainsKey(HeaderNames.CacheControl))
        {
            response.Headers.CacheControl = cacheControl;
        }

        if (string.IsNullOrEmpty(response.Headers.ETag))
        {
            // A representation of an article version starts with that version (Preconditions).
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
            response.Headers.ETag = context.Features.Get<ResourceVersion>() is { } version
                ? $"\"{version.Tag}.{hash}\""
                : $"\"{hash}\"";
        }

        return StoredResponse.From(response, bytes);
    }

    /// <summary>A response the next request for the same representation may have: public, whole, and not per user.</summary>
    private static bool Storable(HttpResponse response)
    {
        if (response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            return false;
        }

        var cacheControl = response.Headers.CacheControl.ToString();
        return !cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            && !cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase)
            && !cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase);
    }

    private static Task Answer(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        var headers = response.Headers;
        foreach (var (name, value) in stored.Headers)
        {
            headers[name] = value;
        }

        if (NotModified(context.Request, stored))
        {
            // RFC 9110 §15.4.5: the headers a 200 would have had, less those that describe a body.
            response.StatusCode = StatusCodes.Status304NotModified;
            headers.ContentType = default;
            headers.ContentLength = null;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentLength = stored.Body.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(stored.Body, context.RequestAborted).AsTask();
    }

    /// <summary>
    /// <c>If-None-Match</c> (weak comparison, RFC 9110 §13.1.2) or, only without it and where
    /// the response has a date, <c>If-Modified-Since</c> (§13.1.3).
    /// </summary>
    private static bool NotModified(HttpRequest request, StoredResponse stored)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // A partner sends back the tag it was given: compare the text before parsing a list.
            if (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], stored.ETagText, StringComparison.Ordinal))
            {
                return true;
            }

            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(stored.ETag, useStrongComparison: false));
        }

        return stored.LastModified is { } modified
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && modified <= since;
    }

    /// <summary>One content version's responses; replaced whole when the version changes.</summary>
    private sealed class Generation(long version, int megabytes)
    {
        public long Version { get; } = version;

        public MemoryCache Responses { get; } = new(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L });
    }

    /// <summary>One representation of a URL in one content coding: the key of a stored response.</summary>
    private readonly record struct Variant(string Resource, string Representation, string Coding);

    /// <summary>A finished 200: its headers as they were sent (not the length, which is the body's) and its bytes.</summary>
    private sealed record StoredResponse(KeyValuePair<string, StringValues>[] Headers, byte[] Body, string ETagText, DateTimeOffset? LastModified)
    {
        public EntityTagHeaderValue ETag { get; } = EntityTagHeaderValue.Parse(ETagText);

        /// <summary>
        /// What it holds in memory: the body, every header name and value (two bytes a character,
        /// and the string and array slots around each), the ETag again as text, and the fixed overhead.
        /// </summary>
        public long Size { get; } = Body.Length
            + Headers.Sum(h => HeaderOverheadBytes + (2L * h.Key.Length) + h.Value.Sum(v => HeaderOverheadBytes + (2L * (v?.Length ?? 0))))
            + (2L * ETagText.Length) + EntryOverheadBytes;

        public static StoredResponse From(HttpResponse response, byte[] body) => new(
            response.Headers.Where(h => !string.Equals(h.Key, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)).ToArray(),
            body,
            response.Headers.ETag.ToString(),
            response.GetTypedHeaders().LastModified);
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

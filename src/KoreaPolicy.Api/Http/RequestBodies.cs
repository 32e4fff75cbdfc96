using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// Request bodies read whole, within a limit: past it the answer is 413 and nothing is kept. The
/// limit is also given to Kestrel for the request (<see cref="IHttpMaxRequestBodySizeFeature"/>),
/// so a body with no length, or one that lies about it, is cut off by the server at the limit.
/// </summary>
public static class RequestBodies
{
    /// <summary>The parts of a multipart body beyond their content: headers of one part, at most this many bytes.</summary>
    private const int PartHeadersLimit = 16 * 1024;

    /// <summary>Raises or lowers the server's body limit for this request to <paramref name="limit"/> bytes.</summary>
    public static void LimitBody(this HttpRequest request, long limit)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
    }

    /// <summary>The whole body; null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        request.LimitBody(limit);
        try
        {
            return await ReadBounded(request.Body, limit, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    /// <summary>
    /// The named parts of a <c>multipart/form-data</c> body, each read whole within its own limit.
    /// The outcome says which rule a body broke, if any, so the endpoint can answer with the right status.
    /// </summary>
    public static async Task<MultipartBody> ReadMultipartAsync(HttpRequest request, IReadOnlyDictionary<string, int> partLimits)
    {
        var total = partLimits.Values.Sum() + PartHeadersLimit * (partLimits.Count + 1);
        if (request.ContentLength > total)
        {
            return MultipartBody.Refused(MultipartProblem.TooLarge, "the body is over its size limit");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return MultipartBody.Refused(MultipartProblem.Malformed, "a multipart/form-data body needs a boundary of at most 200 characters");
        }

        request.LimitBody(total);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = PartHeadersLimit, BodyLengthLimit = total };
        var parts = new Dictionary<string, MultipartPart>(StringComparer.Ordinal);
        try
        {
            while (await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFormDisposition()
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { } name)
                {
                    return MultipartBody.Refused(MultipartProblem.Malformed, "every part needs 'Content-Disposition: form-data; name=...'");
                }

                if (!partLimits.TryGetValue(name, out var limit))
                {
                    return MultipartBody.Refused(MultipartProblem.Malformed, $"a part named '{name}' is not expected; the parts are {string.Join(" and ", partLimits.Keys.Select(k => $"'{k}'"))}");
                }

                if (parts.ContainsKey(name))
                {
                    return MultipartBody.Refused(MultipartProblem.Malformed, $"the part '{name}' is sent twice");
                }

                if (await ReadBounded(section.Body, limit, request.HttpContext.RequestAborted) is not { } bytes)
                {
                    return MultipartBody.Refused(MultipartProblem.TooLarge, $"the part '{name}' is over its limit of {limit:N0} bytes");
                }

                parts[name] = new MultipartPart(section.ContentType, bytes);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return MultipartBody.Refused(MultipartProblem.TooLarge, "the body is over its size limit");
        }
        catch (InvalidDataException e)
        {
            // MultipartReader's word for a body past its limits or not multipart at all.
            return e.Message.Contains("exceeded", StringComparison.OrdinalIgnoreCase)
                ? MultipartBody.Refused(MultipartProblem.TooLarge, "the body is over its size limit")
                : MultipartBody.Refused(MultipartProblem.Malformed, "the body is not well-formed multipart/form-data");
        }
        catch (IOException)
        {
            return MultipartBody.Refused(MultipartProblem.Malformed, "the body ended before its closing boundary");
        }

        return new MultipartBody(parts, null, null);
    }

    private static async Task<byte[]?> ReadBounded(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>One part of a multipart body: its declared content type and its bytes.</summary>
public sealed record MultipartPart(string? ContentType, byte[] Bytes);

public enum MultipartProblem
{
    Malformed,
    TooLarge,
}

/// <summary>The parts read, or why they could not be.</summary>
public sealed record MultipartBody(IReadOnlyDictionary<string, MultipartPart> Parts, MultipartProblem? Problem, string? Reason)
{
    public static MultipartBody Refused(MultipartProblem problem, string reason) => new(new Dictionary<string, MultipartPart>(), problem, reason);
}

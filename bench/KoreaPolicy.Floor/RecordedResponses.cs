using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace KoreaPolicy.Floor;

/// <summary>One recorded answer: what the API sent for a path and query, and what it sends when the tag matches.</summary>
/// <param name="PathAndQuery">The request target, e.g. <c>/api/search?q=alliance</c>.</param>
/// <param name="Headers">The headers that describe the body (Content-Type, ETag, Cache-Control, Vary, Link...); not Date, Server or framing.</param>
/// <param name="BodyFile">The body's bytes, a file in the same folder.</param>
/// <param name="NotModifiedHeaders">The headers of the API's 304 for <c>If-None-Match: ETag</c>; null when it sends no ETag.</param>
public sealed record RecordedResponse(
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string BodyFile,
    IReadOnlyDictionary<string, string>? NotModifiedHeaders);

/// <summary>
/// The recorded answers, keyed by path and query and held in memory, and the one request
/// delegate that serves them. The folder holds <see cref="ManifestFile"/> and one file per body.
/// </summary>
public sealed class RecordedResponses
{
    public const string ManifestFile = "responses.json";

    private readonly Dictionary<string, Entry> byTarget;

    private RecordedResponses(Dictionary<string, Entry> byTarget) => this.byTarget = byTarget;

    public static void Save(string folder, IReadOnlyList<(RecordedResponse Response, byte[] Body)> responses)
    {
        Directory.CreateDirectory(folder);
        foreach (var (response, body) in responses)
        {
            File.WriteAllBytes(Path.Combine(folder, response.BodyFile), body);
        }

        File.WriteAllText(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(responses.Select(r => r.Response).ToList()));
    }

    public static RecordedResponses Load(string folder)
    {
        var manifest = JsonSerializer.Deserialize<List<RecordedResponse>>(File.ReadAllText(Path.Combine(folder, ManifestFile)))
            ?? throw new InvalidOperationException($"{ManifestFile} in {folder} is empty.");
        return new RecordedResponses(manifest.ToDictionary(
            r => r.PathAndQuery,
            r => new Entry(
                Headers(r.Headers),
                File.ReadAllBytes(Path.Combine(folder, r.BodyFile)),
                r.Headers.TryGetValue("ETag", out var tag) ? tag : null,
                r.NotModifiedHeaders is null ? [] : Headers(r.NotModifiedHeaders)),
            StringComparer.Ordinal));
    }

    public Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!byTarget.TryGetValue(request.Path.Value + request.QueryString.Value, out var entry))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        // The same exact-tag comparison the benchmark's conditional request needs; a full
        // If-None-Match parser would only make the floor slower.
        if (entry.ETag is not null && request.Headers.IfNoneMatch == entry.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            Copy(entry.NotModifiedHeaders, response.Headers);
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        Copy(entry.Headers, response.Headers);
        response.ContentLength = entry.Body.Length;
        return response.Body.WriteAsync(entry.Body).AsTask();
    }

    private static void Copy(KeyValuePair<string, StringValues>[] from, IHeaderDictionary to)
    {
        foreach (var (name, value) in from)
        {
            to[name] = value;
        }
    }

    // Header values become StringValues once, at start-up, so a request allocates nothing for them.
    private static KeyValuePair<string, StringValues>[] Headers(IReadOnlyDictionary<string, string> headers) =>
        [.. headers.Select(h => new KeyValuePair<string, StringValues>(h.Key, new StringValues(h.Value)))];

    private sealed record Entry(KeyValuePair<string, StringValues>[] Headers, byte[] Body, string? ETag, KeyValuePair<string, StringValues>[] NotModifiedHeaders);
}

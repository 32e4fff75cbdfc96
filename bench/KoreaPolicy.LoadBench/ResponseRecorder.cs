using System.Net;
using KoreaPolicy.Floor;

namespace KoreaPolicy.LoadBench;

/// <summary>What the API answered for one scenario: the bytes the floor will replay, and the tag the conditional request sends.</summary>
internal sealed record Recorded(LoadScenario Scenario, int Status, byte[] Body, string? ETag, string ContentType);

/// <summary>
/// Asks the API for every scenario's URL once and writes the answers where the floor loads them
/// from: the body, the headers that describe it (everything except Date, Server and framing, so
/// Content-Type, ETag, Cache-Control, Vary, Link and X-Total-Count go over) and the API's 304.
/// </summary>
internal static class ResponseRecorder
{
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Transfer-Encoding", "Content-Length", "Connection", "Keep-Alive",
    };

    public static async Task<IReadOnlyList<Recorded>> RecordAsync(HttpClient client, Uri api, IReadOnlyList<LoadScenario> scenarios, string folder)
    {
        var recorded = new List<Recorded>();
        var files = new Dictionary<string, (RecordedResponse, byte[])>(StringComparer.Ordinal);
        foreach (var scenario in scenarios)
        {
            using var response = await client.GetAsync(new Uri(api, scenario.PathAndQuery));
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The API answered {scenario.PathAndQuery} with {(int)response.StatusCode}, not 200.");
            }

            var headers = Replayed(response);
            var etag = headers.GetValueOrDefault("ETag");
            Dictionary<string, string>? notModified = null;
            var status = 200;
            if (scenario.Conditional)
            {
                if (etag is null)
                {
                    throw new InvalidOperationException($"The API sent no ETag for {scenario.PathAndQuery}: nothing to make conditional.");
                }

                using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(api, scenario.PathAndQuery));
                conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
                using var answer = await client.SendAsync(conditional);
                if (answer.StatusCode != HttpStatusCode.NotModified)
                {
                    throw new InvalidOperationException($"The API answered {scenario.PathAndQuery} with If-None-Match: {etag} with {(int)answer.StatusCode}, not 304.");
                }

                notModified = Replayed(answer);
                status = 304;
            }

            // The plain and the conditional scenario share a URL: one entry holds both answers.
            var entry = new RecordedResponse(scenario.PathAndQuery, headers, $"body-{files.Count}.bin", notModified);
            files[scenario.PathAndQuery] = files.TryGetValue(scenario.PathAndQuery, out var existing)
                ? (existing.Item1 with { NotModifiedHeaders = existing.Item1.NotModifiedHeaders ?? notModified }, existing.Item2)
                : (entry, body);
            recorded.Add(new Recorded(scenario, status, body, etag, headers.GetValueOrDefault("Content-Type") ?? "?"));
        }

        RecordedResponses.Save(folder, [.. files.Values]);
        return recorded;
    }

    /// <summary>Asks the floor for every URL and checks it answers exactly as the API did: the comparison is only fair if it does.</summary>
    public static async Task CheckFloorAsync(HttpClient client, Uri floor, IReadOnlyList<Recorded> recorded)
    {
        foreach (var r in recorded)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(floor, r.Scenario.PathAndQuery));
            if (r.Scenario.Conditional)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", r.ETag);
            }

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var expectedBody = r.Status == 304 ? [] : r.Body;
            if ((int)response.StatusCode != r.Status || !body.AsSpan().SequenceEqual(expectedBody)
                || (r.Status == 200 && response.Content.Headers.ContentType?.ToString() != r.ContentType))
            {
                throw new InvalidOperationException($"The floor answers {r.Scenario.Name} ({r.Scenario.PathAndQuery}) with {(int)response.StatusCode} and {body.Length} bytes, not as the API did ({r.Status}, {r.Body.Length} bytes).");
            }
        }
    }

    private static Dictionary<string, string> Replayed(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => !NotReplayed.Contains(h.Key))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
}

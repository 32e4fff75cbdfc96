using System.Diagnostics.Metrics;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// What only the HTTP layer knows, on the meter <see cref="MeterName"/>: whether a read was
/// answered from the stored responses, and which rate limit refused a request. ASP.NET Core's own
/// meters count and time the requests.
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = "KoreaPolicy.Api";

    private static readonly KeyValuePair<string, object?>[] Results =
    [
        new("result", "hit"),
        new("result", "miss"),
        new("result", "uncacheable"),
    ];

    private readonly Counter<long> storedResponses;
    private readonly Counter<long> rateLimitRejections;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        storedResponses = meter.CreateCounter<long>(
            "koreapolicy.stored_responses.lookups", "{lookup}",
            "GET and HEAD requests looked up in the stored responses of the current content version: hit (answered from memory), "
            + "miss (built, then stored) or uncacheable (built and not stored: an error, a probe, a scrape, a HEAD not stored yet).");
        rateLimitRejections = meter.CreateCounter<long>(
            "koreapolicy.rate_limit.rejections", "{request}",
            "Requests refused with 429 because their bucket was empty, by policy: anonymous, keyed-reads or writes.");
    }

    public void StoredResponse(StoredResponseLookup result) => storedResponses.Add(1, Results[(int)result]);

    /// <summary>
    /// Recorded only when a request is refused, in place of ASP.NET Core's rate-limiting meter,
    /// which records four measurements on every request (not observed: see Telemetry) and, for a
    /// global limiter, names no policy.
    /// </summary>
    public void RateLimitRejected(string policy) => rateLimitRejections.Add(1, new KeyValuePair<string, object?>("policy", policy));
}

/// <summary>What became of a request at the stored responses.</summary>
public enum StoredResponseLookup
{
    Hit,
    Miss,
    Uncacheable,
}

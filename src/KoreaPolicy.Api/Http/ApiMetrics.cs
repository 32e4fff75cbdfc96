using System.Diagnostics.Metrics;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// What only the HTTP layer knows, on the meter <see cref="MeterName"/>: whether a read was
/// answered from the stored responses. ASP.NET Core's own meters count and time the requests.
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = "KoreaPolicy.Api";

    private static readonly KeyValuePair<string, object?> Hit = new("result", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("result", "miss");

    private readonly Counter<long> storedResponses;

    public ApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        storedResponses = meter.CreateCounter<long>(
            "koreapolicy.stored_responses.lookups", "{lookup}",
            "GET and HEAD requests looked up in the stored responses of the current content version: hit (answered from memory) or miss (built, and stored if it may be).");
    }

    public void StoredResponseLookup(bool hit) => storedResponses.Add(1, hit ? Hit : Miss);
}

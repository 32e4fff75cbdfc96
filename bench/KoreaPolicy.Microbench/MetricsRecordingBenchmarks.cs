using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace KoreaPolicy.Microbench;

/// <summary>
/// What metrics add to one request answered from the stored responses, in nanoseconds: the
/// measurements ASP.NET Core's hosting records for every request (http.server.active_requests up
/// and down, http.server.request.duration with its scheme, method, protocol and status tags; a
/// stored answer has no route), the archive's stored-response counter, and the other meters
/// AddAspNetCoreInstrumentation observes that a stored answer also records (seen on the shipped
/// API's /metrics): authentication's duration, the rate limiter's four measurements, and Kestrel's
/// memory pool, per 4 KiB block rented and returned. With an OpenTelemetry MeterProvider and a
/// Prometheus reader listening as in the shipped configuration, or nobody. The same shapes and tags
/// as the real instruments, on meters of this benchmark's own.
/// </summary>
[MemoryDiagnoser]
public class MetricsRecordingBenchmarks
{
    private static readonly object Status200 = 200;

    private Meter hosting = null!;
    private Meter archive = null!;
    private Histogram<double> duration = null!;
    private UpDownCounter<long> active = null!;
    private Counter<long> lookups = null!;
    private Meter aspNetCore = null!;
    private Histogram<double> authenticate = null!;
    private UpDownCounter<long> leases = null!;
    private Histogram<double> leaseDuration = null!;
    private Counter<long> limiterRequests = null!;
    private UpDownCounter<long> pooled = null!;
    private Counter<long> rented = null!;
    private MeterProvider? provider;

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        hosting = new Meter("KoreaPolicy.Microbench.Hosting");
        archive = new Meter("KoreaPolicy.Microbench.Archive");
        duration = hosting.CreateHistogram<double>("http.server.request.duration", "s", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
        });
        active = hosting.CreateUpDownCounter<long>("http.server.active_requests");
        lookups = archive.CreateCounter<long>("koreapolicy.stored_responses.lookups");
        aspNetCore = new Meter("KoreaPolicy.Microbench.AspNetCore");
        authenticate = aspNetCore.CreateHistogram<double>("aspnetcore.authentication.authenticate.duration", "s");
        leases = aspNetCore.CreateUpDownCounter<long>("aspnetcore.rate_limiting.active_request_leases");
        leaseDuration = aspNetCore.CreateHistogram<double>("aspnetcore.rate_limiting.request_lease.duration", "s");
        limiterRequests = aspNetCore.CreateCounter<long>("aspnetcore.rate_limiting.requests");
        pooled = aspNetCore.CreateUpDownCounter<long>("aspnetcore.memory_pool.pooled", "By");
        rented = aspNetCore.CreateCounter<long>("aspnetcore.memory_pool.rented", "By");
        if (Listening)
        {
            provider = Sdk.CreateMeterProviderBuilder().AddMeter(hosting.Name, archive.Name, aspNetCore.Name).AddPrometheusExporter().Build();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        provider?.Dispose();
        hosting.Dispose();
        archive.Dispose();
        aspNetCore.Dispose();
    }

    [Benchmark(Description = "hosting: active requests up and down, request duration")]
    public void Hosting()
    {
        if (active.Enabled)
        {
            active.Add(1, new KeyValuePair<string, object?>("url.scheme", "http"), new KeyValuePair<string, object?>("http.request.method", "GET"));
        }

        if (duration.Enabled)
        {
            var tags = new System.Diagnostics.TagList
            {
                { "url.scheme", "http" },
                { "http.request.method", "GET" },
                { "network.protocol.version", "1.1" },
                { "http.response.status_code", Status200 },
            };
            duration.Record(0.0002, in tags);
        }

        if (active.Enabled)
        {
            active.Add(-1, new KeyValuePair<string, object?>("url.scheme", "http"), new KeyValuePair<string, object?>("http.request.method", "GET"));
        }
    }

    [Benchmark(Description = "hosting: request duration only")]
    public void DurationOnly()
    {
        if (duration.Enabled)
        {
            var tags = new System.Diagnostics.TagList
            {
                { "url.scheme", "http" },
                { "http.request.method", "GET" },
                { "network.protocol.version", "1.1" },
                { "http.response.status_code", Status200 },
            };
            duration.Record(0.0002, in tags);
        }
    }

    [Benchmark(Description = "stored-response lookup counted, one tag")]
    public void StoredResponseLookup() => lookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));

    [Benchmark(Description = "authentication: authenticate duration (scheme, result)")]
    public void Authenticate()
    {
        if (authenticate.Enabled)
        {
            authenticate.Record(0.000002, new KeyValuePair<string, object?>("aspnetcore.authentication.scheme", "ApiKey"), new KeyValuePair<string, object?>("aspnetcore.authentication.result", "none"));
        }
    }

    [Benchmark(Description = "rate limiter: lease up, requests acquired, lease down, lease duration")]
    public void RateLimiter()
    {
        if (leases.Enabled)
        {
            leases.Add(1);
        }

        limiterRequests.Add(1, new KeyValuePair<string, object?>("aspnetcore.rate_limiting.result", "acquired"));
        if (leases.Enabled)
        {
            leases.Add(-1);
        }

        if (leaseDuration.Enabled)
        {
            leaseDuration.Record(0.0002);
        }
    }

    [Benchmark(Description = "memory pool: one 4 KiB block rented and returned")]
    public void MemoryPoolBlock()
    {
        var owner = new KeyValuePair<string, object?>("aspnetcore.memory_pool.owner", "kestrel");
        rented.Add(4096, owner);
        pooled.Add(-4096, owner);
        pooled.Add(4096, owner);
    }
}

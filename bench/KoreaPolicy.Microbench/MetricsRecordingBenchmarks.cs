using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace KoreaPolicy.Microbench;

/// <summary>
/// What metrics add to one request answered from the stored responses, in nanoseconds: the
/// measurements ASP.NET Core's hosting records for every request (http.server.active_requests up
/// and down, http.server.request.duration with its scheme, method, protocol and status tags; a
/// stored answer has no route) and the archive's stored-response counter, with an OpenTelemetry
/// MeterProvider and a Prometheus reader listening as in the shipped configuration, or nobody.
/// The same shapes and tags as the real instruments, on meters of this benchmark's own.
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
        if (Listening)
        {
            provider = Sdk.CreateMeterProviderBuilder().AddMeter(hosting.Name, archive.Name).AddPrometheusExporter().Build();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        provider?.Dispose();
        hosting.Dispose();
        archive.Dispose();
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
}

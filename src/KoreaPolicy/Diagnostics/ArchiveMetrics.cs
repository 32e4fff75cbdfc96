using System.Diagnostics;
using System.Diagnostics.Metrics;
using KoreaPolicy.Model;

namespace KoreaPolicy.Diagnostics;

/// <summary>
/// What only the engine knows, as System.Diagnostics.Metrics instruments on the meter
/// <see cref="MeterName"/>: articles ingested by outcome, the time to answer a search, and the
/// time each read of the archive takes. The host exports them (OpenTelemetry: Prometheus, OTLP);
/// the engine stays free of any exporter. An instrument no one listens to costs a field read:
/// the timings below take no clock reading then.
/// </summary>
public sealed class ArchiveMetrics
{
    public const string MeterName = "KoreaPolicy.Archive";

    // Seconds, from 100 µs (a stored list page) to 10 s (a search across a big archive): the
    // default OpenTelemetry buckets (0 to 10,000) suit milliseconds, not seconds.
    private static readonly IReadOnlyList<double> DurationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> articles;

    public ArchiveMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        articles = meter.CreateCounter<long>(
            "koreapolicy.ingestion.articles", "{article}",
            "Article files ingested, by outcome: ingested (new), updated, unchanged or failed.");
        Search = meter.CreateHistogram(
            "koreapolicy.search.duration", "s",
            "Time to answer a search from the archive: the count of matching passages and one ranked page.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        DatabaseRead = meter.CreateHistogram(
            "koreapolicy.database.read.duration", "s",
            "Time of one read of the archive (a list page, an article, an author...), by operation.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    internal Histogram<double> Search { get; }

    internal Histogram<double> DatabaseRead { get; }

    /// <summary>One article file ingested: its outcome, or null when it failed.</summary>
    internal void Ingested(SaveOutcome? outcome)
    {
        if (articles.Enabled)
        {
            articles.Add(1, new KeyValuePair<string, object?>("outcome", outcome?.ToString().ToLowerInvariant() ?? "failed"));
        }
    }
}

/// <summary>
/// Times the block it is declared in (<c>using var timing = metrics.TimeRead("find_article");</c>)
/// into a histogram, when there is one and someone listens; a struct, so timing allocates nothing.
/// </summary>
internal readonly struct Timing : IDisposable
{
    private readonly Histogram<double>? histogram;
    private readonly string? operation;
    private readonly long started;

    public Timing(Histogram<double>? histogram, string? operation = null)
    {
        this.histogram = histogram;
        this.operation = operation;
        started = histogram is { Enabled: true } ? Stopwatch.GetTimestamp() : 0;
    }

    public void Dispose()
    {
        if (started == 0)
        {
            return;
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (operation is null)
        {
            histogram!.Record(seconds);
        }
        else
        {
            histogram!.Record(seconds, new KeyValuePair<string, object?>("operation", operation));
        }
    }
}

/// <summary>Timings on metrics that may be absent (an engine used without a host measures nothing).</summary>
internal static class ArchiveMetricsTiming
{
    public static Timing TimeRead(this ArchiveMetrics? metrics, string operation) => new(metrics?.DatabaseRead, operation);

    public static Timing TimeSearch(this ArchiveMetrics? metrics) => new(metrics?.Search);
}

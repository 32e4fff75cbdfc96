using System.Diagnostics.Metrics;
using KoreaPolicy.Diagnostics;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Search;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Tests;

/// <summary>The engine's instruments, read by a plain MeterListener as any exporter would read them.</summary>
public sealed class ArchiveMetricsTests : IDisposable
{
    private readonly TemporaryArchive archive = new();
    private readonly MeterFactory factory = new();
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> measured = [];

    public ArchiveMetricsTests()
    {
        // Only this test's meters: other tests running at once have meters of the same name.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        Metrics = new ArchiveMetrics(factory);
    }

    private ArchiveMetrics Metrics { get; }

    public void Dispose()
    {
        listener.Dispose();
        factory.Dispose();
        archive.Dispose();
    }

    [Fact]
    public void EachFileIngestedIsCountedByItsOutcome()
    {
        var run = new IngestRun(archive.Writer, Metrics);
        var good = archive.WritePage("good.txt", ["The alliance endures."]);
        var bad = archive.WriteText("empty.txt", "");

        run.Ingest([good, bad]);
        File.AppendAllText(good, "\nA paragraph added later.");
        run.Ingest([good]);
        run.Ingest([good]);

        Outcomes().Should().Equal("ingested", "failed", "updated", "unchanged");
    }

    [Fact]
    public void ReadsAndSearchesAreTimedInSeconds()
    {
        new IngestRun(archive.Writer).Ingest([archive.WritePage("note.txt", ["The alliance endures."])]);
        var reader = new ArchiveReader(archive.Database, Metrics);
        var search = new PassageSearch(archive.Database, Metrics);

        reader.FindArticle("note");
        reader.ListAuthors(PageRequest.First);
        search.Search(SearchQuery.Parse("alliance"), ArticleFilter.None, PageRequest.First);

        measured.Where(m => m.Instrument == "koreapolicy.database.read.duration").Select(m => m.Tags["operation"])
            .Should().Equal("find_article", "list_authors");
        measured.Should().ContainSingle(m => m.Instrument == "koreapolicy.search.duration");
        measured.Where(m => m.Instrument != "koreapolicy.ingestion.articles").Should()
            .OnlyContain(m => m.Value > 0 && m.Value < 5, "a duration in seconds, not ticks or milliseconds");
    }

    private List<object?> Outcomes() =>
        measured.Where(m => m.Instrument == "koreapolicy.ingestion.articles").Select(m => m.Tags["outcome"]).ToList();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (measured)
        {
            measured.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
    }

    /// <summary>Meters scoped to this test, as the host's factory scopes them to its container.</summary>
    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            meters.Add(meter);
            return meter;
        }

        public void Dispose() => meters.ForEach(m => m.Dispose());
    }
}

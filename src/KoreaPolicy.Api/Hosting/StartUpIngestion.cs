using System.Diagnostics;
using KoreaPolicy.Api.Health;
using KoreaPolicy.Model;
using Microsoft.Extensions.Options;

namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// Ingests the configured folder (<c>Ingestion:Path</c>) once the server listens, so that a large
/// archive does not keep the process from answering its liveness probe; <c>/health/ready</c> stays
/// 503 until it has finished (<see cref="StartUpIngestionState"/>). One log line per article that changed (unchanged ones at
/// Debug), one per file that failed, and a summary. A bad file is skipped; the server still serves.
/// </summary>
public sealed partial class StartUpIngestion(IngestRun ingest, StartUpIngestionState state, IOptions<IngestionOptions> options, ILogger<StartUpIngestion> logger) : BackgroundService
{
    // Off the start-up path: hosted services start before Kestrel does, and ingesting is blocking work.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            Ingest();
            state.Succeeded();
        }
        catch (Exception e)
        {
            state.Failed(e);
            throw;
        }
    }, stoppingToken);

    private void Ingest()
    {
        var folder = options.Value.Path;
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        if (!Directory.Exists(folder))
        {
            FolderMissing(logger, Path.GetFullPath(folder));
            return;
        }

        var clock = Stopwatch.StartNew();
        var counts = new Dictionary<SaveOutcome, int>();
        var failed = 0;
        // Each file logged as it is done (a long start-up shows its progress), its name escaped to
        // one line; with pruning on, then the articles whose files are gone from the folder are withdrawn.
        foreach (var result in ingest.IngestEach([folder]).Concat(options.Value.Prune ? ingest.Prune([folder]) : []))
        {
            switch (result.Outcome)
            {
                case null:
                    failed++;
                    ArticleFailed(logger, DisplayPath.Of(result.Path), result.Error);
                    break;
                case SaveOutcome.Unchanged:
                    ArticleUnchanged(logger, result.ArticleSlug, DisplayPath.Of(result.Path));
                    break;
                case { } outcome:
                    ArticleSaved(logger, result.ArticleSlug, Describe(outcome), DisplayPath.Of(result.Path));
                    break;
            }

            if (result.Outcome is { } saved)
            {
                counts[saved] = counts.GetValueOrDefault(saved) + 1;
            }
        }

        Summary(logger, Path.GetFullPath(folder), (long)clock.Elapsed.TotalMilliseconds,
            counts.GetValueOrDefault(SaveOutcome.Ingested), counts.GetValueOrDefault(SaveOutcome.Updated),
            counts.GetValueOrDefault(SaveOutcome.Unchanged), failed);
    }

    private static string Describe(SaveOutcome outcome) => outcome.ToString().ToLowerInvariant();

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "The ingestion folder {Folder} does not exist; serving the database as it is.")]
    private static partial void FolderMissing(ILogger logger, string folder);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Article {Slug} {Outcome} from {File}")]
    private static partial void ArticleSaved(ILogger logger, string? slug, string outcome, string file);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Article {Slug} unchanged in {File}")]
    private static partial void ArticleUnchanged(ILogger logger, string? slug, string file);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Could not ingest {File}: {Error}")]
    private static partial void ArticleFailed(ILogger logger, string file, string? error);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information,
        Message = "Start-up ingestion of {Folder} finished in {ElapsedMs} ms: {Ingested} ingested, {Updated} updated, {Unchanged} unchanged, {Failed} failed")]
    private static partial void Summary(ILogger logger, string folder, long elapsedMs, int ingested, int updated, int unchanged, int failed);
}

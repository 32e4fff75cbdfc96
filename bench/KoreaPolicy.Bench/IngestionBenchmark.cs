using System.Diagnostics;
using Dapper;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Bench;

/// <summary>The ingest run's figures, and where its time went.</summary>
internal sealed record IngestionResult(
    string DatabasePath,
    int Files,
    int Failures,
    IReadOnlyList<string> FirstErrors,
    long ArticlesStored,
    long ParagraphsStored,
    TimeSpan Elapsed,
    long DatabaseBytes,
    long WalBytes,
    TimeSpan ReadAndParse,
    TimeSpan WriteOnly)
{
    public double ArticlesPerSecond => Files / Elapsed.TotalSeconds;
}

/// <summary>
/// Ingests the corpus into a fresh database with the engine's <see cref="IngestRun"/>, the code the
/// <c>ingest</c> command runs. Then, to say where the time goes, it times the two halves apart:
/// read + parse + record over the same files, and saving those records into a second fresh database.
/// </summary>
internal static class IngestionBenchmark
{
    private const int ErrorsShown = 5;

    public static IngestionResult Run(string corpusFolder, string workFolder)
    {
        var databasePath = Path.Combine(workFolder, "bench.db");
        var database = new ArchiveDatabase(databasePath);
        Migrations.Apply(database);

        var started = Stopwatch.StartNew();
        var results = new IngestRun(new ArticleWriter(database, TimeProvider.System)).Ingest([corpusFolder]);
        var elapsed = started.Elapsed;

        var failures = results.Where(r => r.Failed).ToList();
        var (articles, paragraphs) = Count(database);
        var (main, wal) = Sizes(database);
        var (readAndParse, records) = TimeReadAndParse(results.Select(r => r.Path).ToList());
        var writeOnly = TimeWriteOnly(records, Path.Combine(workFolder, "write-only.db"));

        return new IngestionResult(databasePath, results.Count, failures.Count, failures.Take(ErrorsShown).Select(f => f.Error!).ToList(),
            articles, paragraphs, elapsed, main, wal, readAndParse, writeOnly);
    }

    private static (long Articles, long Paragraphs) Count(ArchiveDatabase database)
    {
        using var connection = database.Open();
        return (connection.ExecuteScalar<long>("SELECT count(*) FROM articles"),
                connection.ExecuteScalar<long>("SELECT count(*) FROM paragraphs"));
    }

    /// <summary>The size a copy of the database takes: the main file, plus a WAL that a checkpoint has emptied.</summary>
    private static (long Main, long Wal) Sizes(ArchiveDatabase database)
    {
        using (var connection = database.Open())
        {
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        var wal = new FileInfo(database.FilePath + "-wal");
        return (new FileInfo(database.FilePath).Length, wal.Exists ? wal.Length : 0);
    }

    private static (TimeSpan Elapsed, List<ArticleRecord> Records) TimeReadAndParse(IReadOnlyList<string> paths)
    {
        var records = new List<ArticleRecord>(paths.Count);
        var started = Stopwatch.StartNew();
        foreach (var path in paths)
        {
            var file = ArticleFile.Read(path);
            records.Add(ArticleRecords.Create(file, ArticleParser.Parse(file.Text)));
        }

        return (started.Elapsed, records);
    }

    private static TimeSpan TimeWriteOnly(IReadOnlyList<ArticleRecord> records, string databasePath)
    {
        var database = new ArchiveDatabase(databasePath);
        Migrations.Apply(database);
        var writer = new ArticleWriter(database, TimeProvider.System);
        var started = Stopwatch.StartNew();
        foreach (var record in records)
        {
            writer.Save(record);
        }

        var elapsed = started.Elapsed;
        // Only the timing is wanted; the copy would double the disk the temp folder takes.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }

        return elapsed;
    }
}

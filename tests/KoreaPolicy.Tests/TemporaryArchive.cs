using System.Globalization;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Tests;

/// <summary>
/// A folder of its own for one test: article files written into it and, on demand, a migrated
/// archive database inside it. Deleted with everything in it when the test ends.
/// </summary>
internal sealed class TemporaryArchive : IDisposable
{
    private ArchiveDatabase? database;

    public TemporaryArchive()
    {
        Folder = Path.Combine(Path.GetTempPath(), "koreapolicy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>A migrated database in the folder, created the first time it is asked for.</summary>
    public ArchiveDatabase Database
    {
        get
        {
            if (database is null)
            {
                database = new ArchiveDatabase(Path.Combine(Folder, "archive.db"));
                Migrations.Apply(database);
            }

            return database;
        }
    }

    /// <summary>A clock that stands still unless a test moves it, so timestamps are predictable.</summary>
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public ArticleWriter Writer => new(Database, Clock);

    public ArchiveReader Reader => new(Database);

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string WriteText(string name, string text)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>
    /// A short Korea Policy article page under the given name, its slug the name without ".txt":
    /// the facts a test cares about, and paragraphs of its own.
    /// </summary>
    public string WritePage(
        string name,
        string[] paragraphs,
        string author = "Ann Lee",
        string themes = "Security",
        string date = "June 1, 2025",
        string issue = "Korea Policy Vol. 1, Issue 1",
        string? title = null) =>
        WriteText(name, string.Join('\n',
        [
            "Korea Policy",
            $"{issue}About Korea Policy",
            "Korea Policy is a journal published by the Korea Economic Institute of America in Washington, D.C.",
            .. title is null ? Array.Empty<string>() : [$"Title: {title}"],
            $"Author: {author}",
            $"Theme: {themes}",
            $"Published {date}",
            .. paragraphs,
        ]));

    /// <summary>The given article, byte for byte, under the given name in this folder.</summary>
    public string CopyKlingner(string name = "korea-policy-vol-3-issue-2-klingner.txt") =>
        WriteText(name, ArticlePages.Klingner);

    /// <summary>
    /// The given article again under another name, as an article of its own: its sidecar says so
    /// (<c>keepDuplicate</c>), since the same text under another name is otherwise a duplicate.
    /// </summary>
    public string CopyKlingnerAsItsOwnArticle(string name)
    {
        WriteText(ArticleFile.SidecarPathFor(name), """{ "keepDuplicate": true }""");
        return CopyKlingner(name);
    }

    /// <summary>Reads, parses and builds the record for a file, as an ingest run does.</summary>
    public static ArticleRecord RecordFor(string path)
    {
        var file = ArticleFile.Read(path);
        return ArticleRecords.Create(file, ArticleParser.Parse(file));
    }

    /// <summary>Every row of every table, ordered, one string per row, keyed by table name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Dump(params string[] skipColumns)
    {
        using var connection = Database.Open();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            // Table names come from sqlite_master, not from input; the rows are sorted below so the dump is stable.
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var cells = Enumerable.Range(0, reader.FieldCount)
                    .Where(i => !skipColumns.Contains(reader.GetName(i)))
                    .Select(i => $"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}");
                rows.Add(string.Join(" | ", cells));
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }

        return dump;
    }

    public long Count(string table)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; on some systems that blocks the delete.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would hide its real result.
        }
    }
}

/// <summary>A <see cref="TimeProvider"/> whose time only moves when told to.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

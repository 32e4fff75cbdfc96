using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>
/// Creates and upgrades the schema from the numbered scripts in Storage/Sql (NNN_name.sql),
/// embedded in this assembly. The number of the last script applied is the database's
/// <c>PRAGMA user_version</c>, so each script runs once, in order, in its own transaction.
/// </summary>
public static class Migrations
{
    private const string ResourcePrefix = "KoreaPolicy.Storage.Sql.";

    // The first line of a script that must run with foreign keys off (it rebuilds a table).
    private const string ForeignKeysOff = "-- migration: foreign keys off";

    private static readonly IReadOnlyList<Migration> All = Load();

    /// <summary>The schema version a database has once every script has run.</summary>
    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>Brings the database up to <see cref="Latest"/> (or to <paramref name="upTo"/>, for tests of an
    /// upgrade); returns the scripts it ran.</summary>
    public static IReadOnlyList<string> Apply(ArchiveDatabase database, int? upTo = null)
    {
        using var connection = database.Open();
        // WAL lets readers (the API) go on while a writer (an ingest run) commits; it is
        // a property of the file, so setting it once here covers every later connection.
        connection.Execute("PRAGMA journal_mode = WAL;");

        var current = CurrentVersion(connection);
        if (current > Latest)
        {
            throw new InvalidOperationException(
                $"The database {database.FilePath} has schema version {current}, newer than this program's {Latest}.");
        }

        var applied = new List<string>();
        foreach (var migration in All.Where(m => m.Version > current && m.Version <= (upTo ?? Latest)))
        {
            Run(connection, migration);
            applied.Add(migration.Name);
        }

        return applied;
    }

    private static void Run(SqliteConnection connection, Migration migration)
    {
        // A script that rebuilds a table needs foreign keys off (SQLite's ALTER TABLE procedure,
        // step 1): dropping the old table would otherwise cascade to its children. The pragma is
        // a no-op inside a transaction, so it is set around it, and set back even on failure,
        // as the connection goes back to the pool.
        var keysOff = migration.Sql.StartsWith(ForeignKeysOff, StringComparison.Ordinal);
        if (keysOff)
        {
            connection.Execute("PRAGMA foreign_keys = OFF;");
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(migration.Sql, transaction: transaction);
            if (keysOff && connection.Query("PRAGMA foreign_key_check;", transaction: transaction).Any())
            {
                // Rolled back by the using: the file stays at the version before.
                throw new InvalidOperationException($"Migration {migration.Name} would leave rows whose foreign keys point at nothing.");
            }

            // PRAGMA takes no parameters; the version is a number read from our own resource name.
            connection.Execute($"PRAGMA user_version = {migration.Version};", transaction: transaction);
            transaction.Commit();
        }
        finally
        {
            if (keysOff)
            {
                connection.Execute("PRAGMA foreign_keys = ON;");
            }
        }
    }

    public static int CurrentVersion(SqliteConnection connection) =>
        connection.ExecuteScalar<int>("PRAGMA user_version;");

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(Migrations).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(m => m.Version)
            .ToList();

        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts must be numbered 001, 002, ... without gaps; found {migrations[i].Name}.");
            }
        }

        return migrations;
    }

    private static Migration Read(Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..];
        var underscore = name.IndexOf('_');
        if (underscore <= 0 || !int.TryParse(name[..underscore], out var version))
        {
            throw new InvalidOperationException($"Migration script {name} is not named NNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }

    private sealed record Migration(int Version, string Name, string Sql);
}

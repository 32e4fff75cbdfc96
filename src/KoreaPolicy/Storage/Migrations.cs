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

    private static readonly IReadOnlyList<Migration> All = Load();

    /// <summary>The schema version a database has once every script has run.</summary>
    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>Brings the database up to <see cref="Latest"/>; returns the scripts it ran.</summary>
    public static IReadOnlyList<string> Apply(ArchiveDatabase database)
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
        foreach (var migration in All.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(migration.Sql, transaction: transaction);
            // PRAGMA takes no parameters; the version is a number read from our own resource name.
            connection.Execute($"PRAGMA user_version = {migration.Version};", transaction: transaction);
            transaction.Commit();
            applied.Add(migration.Name);
        }

        return applied;
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

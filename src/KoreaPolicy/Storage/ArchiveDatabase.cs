using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>
/// Opens connections to the archive's SQLite file. One instance per application:
/// each operation opens its own connection, which Microsoft.Data.Sqlite takes from its pool.
/// </summary>
public sealed class ArchiveDatabase
{
    private readonly string connectionString;

    public ArchiveDatabase(string path)
    {
        FilePath = Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            // Another process (the ingest command) may hold the write lock for a moment.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    public SqliteConnection Open()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}

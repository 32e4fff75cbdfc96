using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>
/// Opens connections to the archive's SQLite file. One instance per application:
/// each operation opens its own connection, which Microsoft.Data.Sqlite takes from its pool.
/// </summary>
public sealed class ArchiveDatabase
{
    // 1 GiB of address space, not of memory: the OS pages the file in as it is read and can drop it again.
    private const string MemoryMap = "PRAGMA mmap_size = 1073741824";

    private readonly string connectionString;
    private readonly string pragmas;

    /// <param name="path">The SQLite file.</param>
    /// <param name="maxSizeMegabytes">
    /// A ceiling on the file (0: none): past it a write fails as on a full disk (SQLITE_FULL) and
    /// changes nothing, while reads go on. It keeps writers (a key with the write scope, an ingest
    /// of a runaway folder) from filling the disk the server and its logs share.
    /// </param>
    public ArchiveDatabase(string path, int maxSizeMegabytes = 0)
    {
        FilePath = Path.GetFullPath(path);
        // SQLite's default page size is 4 KiB, and the archive never changes it.
        pragmas = maxSizeMegabytes > 0
            ? $"{MemoryMap}; PRAGMA max_page_count = {maxSizeMegabytes * 256L}"
            : MemoryMap;
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
        // Reads go through a memory map of the file instead of a read() into each connection's
        // page cache. The cache is 2 MB a connection and the archive's hot tables are bigger (at
        // 10,000 articles: articles 5 MB, paragraphs 100 MB, the search index 45 MB), so lists
        // by theme and filtered searches missed it on most pages and paid a system call each.
        // What it trades: an I/O error on the file surfaces as a signal, not an error code.
        // Connections are pooled and keep the setting; setting it again to the same size is a no-op.
        // The ceiling, like the map, is a setting of the connection, not of the file.
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        return connection;
    }
}

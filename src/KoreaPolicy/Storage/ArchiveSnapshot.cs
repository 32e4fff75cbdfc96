using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>
/// One consistent view of the archive: a connection holding a read transaction, begun at the
/// first read. With WAL, every statement in it sees the database as of that first read, whatever
/// an ingest run commits meanwhile, so an answer assembled from several statements (an article
/// and its paragraphs; a feed's list and its articles; a count and a page of hits) is one
/// version of the archive, never one version's metadata with the next one's text.
/// <para>
/// The host keeps one per request, so everything a response reads comes from one version. Used
/// without one, <see cref="ArchiveReader"/> and <see cref="PassageSearch"/> take a snapshot per call.
/// </para>
/// </summary>
public sealed class ArchiveSnapshot(ArchiveDatabase database) : IDisposable
{
    private SqliteConnection? connection;
    private SqliteTransaction? transaction;

    public ArchiveDatabase Database { get; } = database;

    /// <summary>Ends the read transaction and gives the connection back to the pool; the next read starts a new snapshot.</summary>
    public void Dispose()
    {
        transaction?.Dispose();
        connection?.Dispose();
        transaction = null;
        connection = null;
    }

    /// <summary>The snapshot's connection and transaction, opened at the first call.</summary>
    internal Read Begin()
    {
        if (connection is null)
        {
            connection = Database.Open();
            // Deferred: a read lock only, taken by the first statement; writers go on (WAL).
            transaction = connection.BeginTransaction(deferred: true);
        }

        return new Read(connection, transaction!, null);
    }

    /// <summary>A snapshot for one call only, ended when the read is disposed.</summary>
    internal static Read Once(ArchiveDatabase database)
    {
        var once = new ArchiveSnapshot(database);
        var read = once.Begin();
        return read with { Owner = once };
    }

    /// <summary>What a read runs on. Disposing it ends the snapshot only when the read owns it.</summary>
    internal readonly record struct Read(SqliteConnection Connection, SqliteTransaction Transaction, ArchiveSnapshot? Owner) : IDisposable
    {
        public void Dispose() => Owner?.Dispose();
    }

    /// <summary>Where a reader's calls read: each its own snapshot, or all one shared snapshot.</summary>
    internal readonly struct Source
    {
        private readonly ArchiveDatabase database;
        private readonly ArchiveSnapshot? shared;

        private Source(ArchiveDatabase database, ArchiveSnapshot? shared) => (this.database, this.shared) = (database, shared);

        public static Source PerCall(ArchiveDatabase database) => new(database, null);

        public static Source Shared(ArchiveSnapshot snapshot) => new(snapshot.Database, snapshot);

        public Read Begin() => shared?.Begin() ?? Once(database);
    }
}

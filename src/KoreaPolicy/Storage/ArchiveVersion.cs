using System.Globalization;
using Dapper;

namespace KoreaPolicy.Storage;

/// <summary>
/// The archive's content version (Sql/003_archive_version.sql), as cheap to ask for as a field:
/// the number is read from the database at most once per <see cref="MaxAge"/>, so a change
/// committed by another process (the ingest command) is seen within that time, and requests in
/// between cost one volatile read. It is asked on every request (it is part of every cache key).
/// </summary>
public sealed class ArchiveVersion(ArchiveDatabase database, TimeProvider clock)
{
    /// <summary>How stale the answer may be: well inside the one second a partner may wait to see a change.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(250);

    private volatile Snapshot? latest;

    public long Current => Latest().Version;

    /// <summary>The version as invariant text, formatted once per read rather than once per request.</summary>
    public string CurrentText => Latest().Text;

    /// <summary>Forgets the version read last, so that the next request reads it again: after a write in this process.</summary>
    public void Forget() => latest = null;

    private Snapshot Latest()
    {
        var now = clock.GetTimestamp();
        var snapshot = latest;
        if (snapshot is not null && clock.GetElapsedTime(snapshot.ReadAt, now) < MaxAge)
        {
            return snapshot;
        }

        // Two requests may both find it stale and both read: harmless, and no request ever waits on a lock.
        var version = Read();
        snapshot = new Snapshot(version, version.ToString(CultureInfo.InvariantCulture), now);
        latest = snapshot;
        return snapshot;
    }

    private long Read()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT version FROM archive_state WHERE id = 1");
    }

    private sealed record Snapshot(long Version, string Text, long ReadAt);
}

using Dapper;

namespace KoreaPolicy.Storage;

/// <summary>
/// The archive's content version (Sql/003_archive_version.sql), as cheap to ask for as a field:
/// the number is read from the database at most once per <see cref="MaxAge"/>, so a change
/// committed by another process (the ingest command) is seen within that time, and requests in
/// between cost nothing.
/// </summary>
public sealed class ArchiveVersion(ArchiveDatabase database, TimeProvider clock)
{
    /// <summary>How stale the answer may be: well inside the one second a partner may wait to see a change.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(250);

    private readonly Lock gate = new();
    private long version;
    private long readAt = long.MinValue;

    public long Current
    {
        get
        {
            var now = clock.GetTimestamp();
            lock (gate)
            {
                if (readAt != long.MinValue && clock.GetElapsedTime(readAt, now) < MaxAge)
                {
                    return version;
                }
            }

            // Read outside the lock: a slow read must not queue every request behind it.
            var fresh = Read();
            lock (gate)
            {
                version = fresh;
                readAt = now;
                return fresh;
            }
        }
    }

    private long Read()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT version FROM archive_state WHERE id = 1");
    }
}

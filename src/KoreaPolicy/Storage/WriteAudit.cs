using System.Globalization;
using Dapper;
using KoreaPolicy.Model;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>
/// The record of every write (Sql/008_write_api.sql). A change is recorded by
/// <see cref="ArticleWriter"/> in the transaction that makes it, so there is never a change
/// without its record; a refused write (a failed condition, a text that does not parse, a key
/// without the scope) changes nothing and is recorded here, on its own.
/// </summary>
public sealed class WriteAudit(ArchiveDatabase database)
{
    public void Record(AuditRecord record)
    {
        using var connection = database.Open();
        Insert(connection, null, record);
    }

    /// <summary>A page of the audit, newest first.</summary>
    public Page<AuditEntry> List(PageRequest page)
    {
        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM write_audit");
        var rows = connection.Query<AuditRow>(
            """
            SELECT w.id AS Id, w.at AS At, w.key_id AS KeyId, w.action AS Action, w.slug AS Slug, w.revision AS Revision,
                   w.outcome AS Outcome, w.status AS Status, w.detail AS Detail, k.prefix AS KeyPrefix, k.name AS KeyName
            FROM write_audit w LEFT JOIN api_keys k ON k.id = w.key_id
            ORDER BY w.id DESC LIMIT @Size OFFSET @Offset
            """, new { page.Size, page.Offset });
        return new Page<AuditEntry>(rows.Select(r => r.ToEntry()).ToList(), total, page);
    }

    internal static void Insert(SqliteConnection connection, SqliteTransaction? transaction, AuditRecord record) =>
        connection.Execute(
            """
            INSERT INTO write_audit (at, key_id, action, slug, revision, outcome, status, detail)
            VALUES (@At, @KeyId, @Action, @Slug, @Revision, @Outcome, @Status, @Detail)
            """,
            new
            {
                At = ArticleWriter.Timestamp(record.At),
                record.KeyId,
                record.Action,
                record.Slug,
                record.Revision,
                record.Outcome,
                record.Status,
                record.Detail,
            },
            transaction);

    private sealed class AuditRow
    {
        public long Id { get; init; }
        public string At { get; init; } = "";
        public long? KeyId { get; init; }
        public string Action { get; init; } = "";
        public string Slug { get; init; } = "";
        public int? Revision { get; init; }
        public string Outcome { get; init; } = "";
        public int? Status { get; init; }
        public string? Detail { get; init; }
        public string? KeyPrefix { get; init; }
        public string? KeyName { get; init; }

        public AuditEntry ToEntry() => new(
            Id,
            new AuditRecord(
                DateTimeOffset.Parse(At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                KeyId, Action, Slug, Revision, Outcome, Status, Detail),
            KeyPrefix,
            KeyName);
    }
}

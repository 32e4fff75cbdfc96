using System.Globalization;
using Dapper;
using KoreaPolicy.Model;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>
/// The change log (Sql/009_sync.sql): every created, updated, corrected and withdrawn article in
/// commit order, the revisions each change replaced, and the webhook outbox. <see cref="ArticleWriter"/>
/// writes all three in the transaction of the change itself, whichever process makes it (the
/// ingest command, start-up ingestion, a write over HTTP), so a committed change always has its
/// log row and its deliveries, and a rolled-back one has neither.
/// <para>
/// The log's id is the change feed's cursor, and it is in commit order: ids are allocated inside
/// the writing transaction, and SQLite has one writer at a time (every write takes the lock up
/// front, <c>BEGIN IMMEDIATE</c>), so a transaction that took id n has committed before the next
/// one can take n + 1. A database with concurrent writers (PostgreSQL, say) would break this: an
/// id allocated early may commit late, and a reader past it would skip it for ever.
/// </para>
/// </summary>
public sealed class ChangeLog(ArchiveDatabase database)
{
    private const string ChangeColumns =
        """
        SELECT id AS Id, slug AS Slug, revision AS Revision, previous_revision AS PreviousRevision, kind AS Kind, at AS At,
               title AS Title, correction_note AS CorrectionNote, correction_date AS CorrectionDate
        FROM article_changes
        """;

    /// <summary>Up to <paramref name="limit"/> changes after the change <paramref name="after"/> (0: from the start), oldest first.</summary>
    public ChangePage After(long after, int limit)
    {
        using var connection = database.Open();
        var rows = connection.Query<ChangeRow>(ChangeColumns + " WHERE id > @after ORDER BY id LIMIT @take", new { after, take = limit + 1 }).AsList();
        return new ChangePage(rows.Take(limit).Select(r => r.ToEntry()).ToList(), rows.Count > limit);
    }

    /// <summary>The id of the newest change; 0 when there is none.</summary>
    public long LatestId()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long?>("SELECT MAX(id) FROM article_changes") ?? 0;
    }

    /// <summary>Every change of one slug, oldest first: its revisions, a withdrawal and a publishing again included.</summary>
    public IReadOnlyList<ArticleChangeEntry> OfArticle(string slug)
    {
        using var connection = database.Open();
        return connection.Query<ChangeRow>(ChangeColumns + " WHERE slug = @slug ORDER BY id", new { slug }).Select(r => r.ToEntry()).ToList();
    }

    /// <summary>The revisions of a slug that are kept whole (the live one is read from the live tables).</summary>
    public IReadOnlySet<int> KeptRevisions(string slug)
    {
        using var connection = database.Open();
        return connection.Query<int>(
            "SELECT revision FROM article_revisions WHERE slug = @slug UNION SELECT revision FROM articles WHERE slug = @slug",
            new { slug }).ToHashSet();
    }

    /// <summary>The newest corrections of articles still in the archive, newest first.</summary>
    public IReadOnlyList<ArticleChangeEntry> Corrections(int limit)
    {
        using var connection = database.Open();
        return connection.Query<ChangeRow>(
            ChangeColumns + " WHERE kind = 'corrected' AND slug IN (SELECT slug FROM articles) ORDER BY id DESC LIMIT @limit",
            new { limit }).Select(r => r.ToEntry()).ToList();
    }

    /// <summary>
    /// The article at a revision: the live one from the live tables, an earlier one as it was kept;
    /// null when the slug never had that revision or it was not kept (it predates the log).
    /// <paramref name="includeWithdrawn"/> lets a withdrawn article's revisions be read.
    /// </summary>
    public ArticleRevision? FindRevision(string slug, int revision, bool includeWithdrawn)
    {
        using var connection = database.Open();
        // One read transaction, as FindArticle reads: a change committed between the statements
        // must not give the live article of one revision and the log or the kept copy of another.
        using var snapshot = connection.BeginTransaction(deferred: true);
        var change = connection.QuerySingleOrDefault<ChangeRow>(
            ChangeColumns + " WHERE slug = @slug AND revision = @revision AND kind <> 'withdrawn' ORDER BY id DESC LIMIT 1",
            new { slug, revision }, snapshot)?.ToEntry();
        var live = ArchiveReader.ReadArticle(connection, snapshot, slug);
        if (live is null && !includeWithdrawn)
        {
            return null;
        }

        if (live?.Summary.Revision == revision)
        {
            return new ArticleRevision(live, change);
        }

        var kept = connection.QuerySingleOrDefault<string>(
            "SELECT snapshot FROM article_revisions WHERE slug = @slug AND revision = @revision", new { slug, revision }, snapshot);
        return kept is null ? null : new ArticleRevision(ArticleSnapshots.Deserialize(kept), change);
    }

    /// <summary>Keeps the live article's current revision whole, before a change replaces it (once per revision).</summary>
    internal static void KeepRevision(SqliteConnection connection, SqliteTransaction transaction, string slug)
    {
        if (ArchiveReader.ReadArticle(connection, transaction, slug) is { } live)
        {
            connection.Execute(
                "INSERT OR IGNORE INTO article_revisions (slug, revision, snapshot) VALUES (@slug, @revision, @snapshot)",
                new { slug, revision = live.Summary.Revision, snapshot = ArticleSnapshots.Serialize(live) },
                transaction);
        }
    }

    /// <summary>
    /// Logs a change and puts in the outbox one delivery for each active subscription that wants
    /// it: its event, and its author, theme and journal filters met by the article's rows as they
    /// are now (so a withdrawal is logged before its rows go).
    /// </summary>
    internal static long Record(SqliteConnection connection, SqliteTransaction transaction, long articleId, ArticleChangeEntry change)
    {
        var at = ArticleWriter.Timestamp(change.At);
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO article_changes (slug, revision, previous_revision, kind, at, title, correction_note, correction_date)
            VALUES (@Slug, @Revision, @PreviousRevision, @Kind, @At, @Title, @Note, @Date)
            RETURNING id
            """,
            new
            {
                change.Slug,
                change.Revision,
                change.PreviousRevision,
                Kind = change.Kind.Name(),
                At = at,
                change.Title,
                change.Correction?.Note,
                Date = change.Correction?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            transaction);
        connection.Execute(
            """
            INSERT INTO webhook_deliveries (subscription_id, change_id, message_id, created_at)
            SELECT s.id, @id, 'msg_' || lower(hex(randomblob(16))), @at
            FROM webhook_subscriptions s
            WHERE s.disabled_at IS NULL
              AND instr(',' || s.events || ',', ',' || @event || ',') > 0
              AND (s.author IS NULL OR EXISTS (SELECT 1 FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                                               WHERE aa.article_id = @articleId AND au.slug = s.author))
              AND (s.theme IS NULL OR EXISTS (SELECT 1 FROM article_themes at JOIN themes t ON t.id = at.theme_id
                                              WHERE at.article_id = @articleId AND t.slug = s.theme))
              AND (s.journal IS NULL OR EXISTS (SELECT 1 FROM articles a JOIN journals j ON j.id = a.journal_id
                                                WHERE a.id = @articleId AND j.slug = s.journal))
            ORDER BY s.id
            """,
            new { id, at, @event = change.Kind.EventName(), articleId },
            transaction);
        return id;
    }

    internal sealed class ChangeRow
    {
        public long Id { get; init; }
        public string Slug { get; init; } = "";
        public int Revision { get; init; }
        public int? PreviousRevision { get; init; }
        public string Kind { get; init; } = "";
        public string At { get; init; } = "";
        public string Title { get; init; } = "";
        public string? CorrectionNote { get; init; }
        public string? CorrectionDate { get; init; }

        public ArticleChangeEntry ToEntry() => new(
            Id,
            Slug,
            Revision,
            PreviousRevision,
            ChangeKinds.Parse(Kind),
            DateTimeOffset.Parse(At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Title,
            CorrectionNote is null ? null : new ArticleCorrection(
                CorrectionNote,
                CorrectionDate is null ? null : DateOnly.ParseExact(CorrectionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}

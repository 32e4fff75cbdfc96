using System.Globalization;
using System.Text.Json;
using Dapper;
using KoreaPolicy.Model;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>
/// Writes one article, with everything that hangs off it, in one transaction: either the whole
/// article is in the archive as parsed, or nothing changed. An article is identified by its
/// source file name, so a changed file updates its article in place.
/// </summary>
public sealed class ArticleWriter(ArchiveDatabase database, TimeProvider clock)
{
    /// <summary>Saves an article read from its file (the ingest command, start-up ingestion).</summary>
    public SaveOutcome Save(ArticleRecord article) => Save(article, ArticleChange.Ingest).Outcome;

    /// <summary>
    /// Saves an article, found by its source name, as the change says. A new article whose text
    /// another article already has (the same article under another URL or rendering) is not
    /// stored, from a file or over HTTP alike: the result is <see cref="SaveOutcome.Duplicate"/>
    /// and names that one, unless the editor said it is an article of its own.
    /// </summary>
    public WriteResult Save(ArticleRecord article, ArticleChange change) =>
        Write(change, BySourceName, article.SourceName, _ => article);

    /// <summary>
    /// Saves the article at <paramref name="slug"/> (over HTTP, where the URL names it), built by
    /// <paramref name="revise"/> from what is stored now (null when nothing is), under the write
    /// lock: a change that keeps part of the article (the facts of a new text, the text of new
    /// facts) cannot undo another writer's change that committed in between. The condition is
    /// checked under the same lock, so two writers can never both pass it.
    /// </summary>
    public WriteResult Save(string slug, ArticleChange change, Func<EditableArticle?, ArticleRecord?> revise) =>
        Write(change, BySlug, slug, revise);

    /// <summary><paramref name="build"/> returns null when there is nothing to save (a change to an article that is not there).</summary>
    private WriteResult Write(ArticleChange change, string findBy, string key, Func<EditableArticle?, ArticleRecord?> build)
    {
        using var connection = database.Open();
        SetDurability(connection, change);
        // IMMEDIATE takes the write lock up front, so two writers (two ingest runs, the API and
        // an ingest run) queue up instead of failing half-way with SQLITE_BUSY on the first write,
        // and what is read below is still true at the commit.
        using var transaction = BeginImmediate(connection);

        var existing = connection.QuerySingleOrDefault<ExistingArticle>(findBy, new { key }, transaction);
        if (!change.Condition.HoldsFor(existing?.Version))
        {
            return new WriteResult(SaveOutcome.PreconditionFailed, existing?.Slug ?? key, existing?.Version,
                existing is null ? FindWithdrawal(connection, transaction, key)?.ToWithdrawal(key) : null);
        }

        if (build(existing?.ToEditable()) is not { } article)
        {
            return new WriteResult(SaveOutcome.NotFound, key, null, FindWithdrawal(connection, transaction, key)?.ToWithdrawal(key));
        }

        if (findBy == BySlug && article.Slug != key)
        {
            throw new InvalidOperationException($"The article built for '{key}' has the slug '{article.Slug}'.");
        }

        var withdrawal = existing is null ? FindWithdrawal(connection, transaction, article.Slug) : null;
        // Over HTTP the URL names the article; it keeps the source name it was first saved under.
        article = article with { SourceName = existing?.SourceName ?? withdrawal?.SourceName ?? article.SourceName };

        // Where the text came from: the file a run read. Over HTTP there is no file, so the path of
        // the file it last came from (if any) stays.
        var sourcePath = change.Source == ChangeSource.File ? Path.GetFullPath(article.SourcePath) : existing?.SourcePath;
        if (IsUnchanged(change, existing, withdrawal, article))
        {
            if (existing is not null && existing.SourcePath != sourcePath)
            {
                // The file may have moved to another folder: remember where it is now (no new
                // version, as nothing served changes).
                connection.Execute("UPDATE article_sources SET path = @sourcePath WHERE article_id = @Id", new { sourcePath, existing.Id }, transaction);
                transaction.Commit();
            }

            return new WriteResult(SaveOutcome.Unchanged, article.Slug, existing?.Version, existing is null ? withdrawal?.ToWithdrawal(article.Slug) : null);
        }

        // Changing an article over HTTP must name the version it changes (If-Match): two writers
        // never overwrite each other unawares. Creating one needs no condition: had another
        // writer created it first, it would exist here.
        if (existing is not null && change.Source == ChangeSource.Http && change.Condition.IsNone)
        {
            return new WriteResult(SaveOutcome.PreconditionRequired, existing.Slug, existing.Version);
        }

        var slugOwner = connection.QuerySingleOrDefault<SlugOwner>(
            """
            SELECT a.source_name AS SourceName, s.path AS Path
            FROM articles a LEFT JOIN article_sources s ON s.article_id = a.id
            WHERE a.slug = @Slug AND a.source_name <> @SourceName
            """,
            new { article.Slug, article.SourceName }, transaction);
        if (slugOwner is not null)
        {
            // Named with its folder: the two files may sit in different folders, or have been ingested on different runs.
            throw new IngestionException(article.SourcePath, null,
                $"its slug \"{article.Slug}\" is already taken by {DisplayPath.Of(slugOwner.Path ?? slugOwner.SourceName)}; rename one of the two files");
        }

        if (existing is null && !article.KeepDuplicate && FindOriginal(connection, transaction, article) is { } first)
        {
            return new WriteResult(SaveOutcome.Duplicate, article.Slug, null, withdrawal?.ToWithdrawal(article.Slug)) { Original = first };
        }

        var now = Now();
        var revision = (existing?.Revision ?? withdrawal?.Revision ?? 0) + 1;
        var journalId = SaveJournal(connection, transaction, article);
        var issueId = journalId is { } id ? SaveIssue(connection, transaction, article, id) : null;
        var row = new
        {
            article.Slug,
            article.SourceName,
            article.Title,
            TitleSource = article.TitleSource.ToString().ToLowerInvariant(),
            JournalId = journalId,
            IssueId = issueId,
            Published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            article.Summary,
            article.WordCount,
            article.CanonicalUrl,
            article.Doi,
            article.License,
            article.ContentHash,
            // A file's hash is what it was ingested from; a change over HTTP keeps the file's.
            FileHash = change.Source == ChangeSource.File ? article.ContentHash : existing?.FileHash ?? withdrawal?.FileHash,
            CorrectionNote = article.Correction?.Note,
            CorrectionDate = article.Correction?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Revision = revision,
            Now = Timestamp(now),
            Kind = article.Kind?.Name(),
            Layout = article.Layout.Letter(),
            Truncated = article.Truncated ? 1 : 0,
            Warnings = JsonSerializer.Serialize(article.Warnings),
            article.BodyKey,
        };

        long articleId;
        if (existing is null)
        {
            articleId = connection.ExecuteScalar<long>(
                """
                INSERT INTO articles (slug, source_name, title, title_source, journal_id, issue_id, published, summary,
                                      word_count, canonical_url, doi, license, content_hash, revision, ingested_at, updated_at,
                                      kind, layout, truncated, warnings, body_key, file_hash, correction_note, correction_date)
                VALUES (@Slug, @SourceName, @Title, @TitleSource, @JournalId, @IssueId, @Published, @Summary,
                        @WordCount, @CanonicalUrl, @Doi, @License, @ContentHash, @Revision, @Now, @Now,
                        @Kind, @Layout, @Truncated, @Warnings, @BodyKey, @FileHash, @CorrectionNote, @CorrectionDate)
                RETURNING id
                """, row, transaction);
            if (withdrawal is not null)
            {
                connection.Execute("DELETE FROM article_withdrawals WHERE slug = @Slug", new { article.Slug }, transaction);
            }
        }
        else
        {
            articleId = existing.Id;
            ChangeLog.KeepRevision(connection, transaction, existing.Slug);
            // First, while the rows still hold what was indexed: external-content FTS5 forgets a
            // row only when told its old values exactly.
            RemoveFromSearch(connection, transaction, articleId);
            connection.Execute(
                """
                UPDATE articles
                SET slug = @Slug, title = @Title, title_source = @TitleSource, journal_id = @JournalId, issue_id = @IssueId,
                    published = @Published, summary = @Summary, word_count = @WordCount, canonical_url = @CanonicalUrl,
                    doi = @Doi, license = @License, content_hash = @ContentHash, revision = @Revision, updated_at = @Now,
                    kind = @Kind, layout = @Layout, truncated = @Truncated, warnings = @Warnings, body_key = @BodyKey,
                    file_hash = @FileHash, correction_note = @CorrectionNote, correction_date = @CorrectionDate
                WHERE source_name = @SourceName
                """, row, transaction);
            // Children are rewritten whole: simpler and no slower than diffing a dozen rows.
            connection.Execute(
                """
                DELETE FROM paragraphs WHERE article_id = @articleId;
                DELETE FROM sections WHERE article_id = @articleId;
                DELETE FROM article_authors WHERE article_id = @articleId;
                DELETE FROM article_themes WHERE article_id = @articleId;
                DELETE FROM article_metadata WHERE article_id = @articleId;
                DELETE FROM article_facets WHERE article_id = @articleId;
                DELETE FROM article_sources WHERE article_id = @articleId;
                """, new { articleId }, transaction);
        }

        SaveChildren(connection, transaction, articleId, article, sourcePath);
        AddToSearch(connection, transaction, articleId);
        if (existing is not null)
        {
            RemoveOrphans(connection, transaction);
        }

        var outcome = existing is null ? SaveOutcome.Ingested : SaveOutcome.Updated;
        var kind = existing is null ? ChangeKind.Created
            : existing.CorrectionDiffers(article.Correction) ? ChangeKind.Corrected
            : ChangeKind.Updated;
        ChangeLog.Record(connection, transaction, articleId, new ArticleChangeEntry(
            0, article.Slug, revision, existing?.Revision, kind, now, article.Title, kind == ChangeKind.Corrected ? article.Correction : null));
        WriteAudit.Insert(connection, transaction, new AuditRecord(now, change.KeyId, change.Action, article.Slug, revision, AuditRecord.OutcomeOf(outcome), null, null));
        RaiseArchiveVersion(connection, transaction);
        transaction.Commit();
        return new WriteResult(outcome, article.Slug, new ArticleVersion(revision, article.ContentHash));
    }

    /// <summary>
    /// Withdraws the article at <paramref name="slug"/>: its tombstone (with its last text and
    /// sidecar, whole) replaces it, in one transaction, under the same conditions as a save.
    /// </summary>
    public WriteResult Withdraw(string slug, ArticleChange change)
    {
        using var connection = database.Open();
        SetDurability(connection, change);
        using var transaction = BeginImmediate(connection);

        var existing = connection.QuerySingleOrDefault<ExistingArticle>(BySlug, new { key = slug }, transaction);
        if (existing is null || !change.Condition.HoldsFor(existing.Version))
        {
            var outcome = existing is null && change.Condition.IsNone ? SaveOutcome.NotFound : SaveOutcome.PreconditionFailed;
            return new WriteResult(outcome, slug, existing?.Version, existing is null ? FindWithdrawal(connection, transaction, slug)?.ToWithdrawal(slug) : null);
        }

        if (change.Source == ChangeSource.Http && change.Condition.IsNone)
        {
            return new WriteResult(SaveOutcome.PreconditionRequired, slug, existing.Version);
        }

        var now = Now();
        var revision = existing.Revision + 1;
        connection.Execute(
            """
            INSERT INTO article_withdrawals (slug, source_name, title, revision, content_hash, file_hash, withdrawn_at, text, sidecar)
            SELECT a.slug, a.source_name, a.title, @revision, a.content_hash, a.file_hash, @now, s.text, s.sidecar
            FROM articles a JOIN article_sources s ON s.article_id = a.id
            WHERE a.id = @Id
            """, new { existing.Id, revision, now = Timestamp(now) }, transaction);
        // Before its rows go: the revision kept reads them, and the subscriptions' filters match them.
        ChangeLog.KeepRevision(connection, transaction, slug);
        ChangeLog.Record(connection, transaction, existing.Id, new ArticleChangeEntry(
            0, slug, revision, existing.Revision, ChangeKind.Withdrawn, now, existing.Title, null));
        RemoveFromSearch(connection, transaction, existing.Id);
        // Every child row goes with it (ON DELETE CASCADE); the tombstone keeps the text.
        connection.Execute("DELETE FROM articles WHERE id = @Id", new { existing.Id }, transaction);
        RemoveOrphans(connection, transaction);
        WriteAudit.Insert(connection, transaction, new AuditRecord(now, change.KeyId, change.Action, slug, revision, AuditRecord.OutcomeOf(SaveOutcome.Withdrawn), null, null));
        RaiseArchiveVersion(connection, transaction);
        transaction.Commit();
        return new WriteResult(SaveOutcome.Withdrawn, slug, null, new ArticleWithdrawal(slug, existing.Title, revision, now));
    }

    /// <summary>The live articles that came from a file (ingested from one at least once), with the file's name.</summary>
    public IReadOnlyList<FileArticle> FileArticles()
    {
        using var connection = database.Open();
        return connection.Query<FileArticle>(
            "SELECT slug AS Slug, source_name AS SourceName FROM articles WHERE file_hash IS NOT NULL ORDER BY source_name").AsList();
    }

    private const string ExistingColumns =
        """
        SELECT a.id AS Id, a.slug AS Slug, a.source_name AS SourceName, a.title AS Title, a.content_hash AS ContentHash,
               a.file_hash AS FileHash, a.revision AS Revision, a.correction_note AS CorrectionNote, a.correction_date AS CorrectionDate,
               s.text AS Text, s.sidecar AS Sidecar, s.path AS SourcePath
        FROM articles a JOIN article_sources s ON s.article_id = a.id
        """;

    // A file's save builds its record before the lock and only compares hashes: it needs no stored text.
    private const string BySourceName =
        """
        SELECT a.id AS Id, a.slug AS Slug, a.source_name AS SourceName, a.content_hash AS ContentHash,
               a.file_hash AS FileHash, a.revision AS Revision, a.correction_note AS CorrectionNote, a.correction_date AS CorrectionDate,
               (SELECT s.path FROM article_sources s WHERE s.article_id = a.id) AS SourcePath
        FROM articles a WHERE a.source_name = @key
        """;

    private const string BySlug = ExistingColumns + " WHERE a.slug = @key";

    /// <summary>
    /// Whether saving would change nothing. A file is unchanged when it is the one last ingested,
    /// even if the article was changed over HTTP since (the file did not change; the correction
    /// stands), or when it holds what the article holds now; a file still as it was when its
    /// article was withdrawn does not bring it back. Over HTTP, when the article holds the same.
    /// </summary>
    private static bool IsUnchanged(ArticleChange change, ExistingArticle? existing, ArticleWithdrawalRow? withdrawal, ArticleRecord article) =>
        (existing, withdrawal, change.Source) switch
        {
            ({ } live, _, ChangeSource.File) => live.ContentHash == article.ContentHash || live.FileHash == article.ContentHash,
            ({ } live, _, _) => live.ContentHash == article.ContentHash,
            (null, { } gone, ChangeSource.File) => gone.FileHash == article.ContentHash,
            _ => false,
        };

    /// <summary>
    /// With WAL, NORMAL syncs at checkpoints rather than at every commit: still safe from
    /// corruption, and at worst a power cut loses the last commits, which the next run
    /// re-ingests from the source texts. It makes a 10,000-article run I/O-cheap. A write over
    /// HTTP has no file to come back from, and its client is told it is saved: FULL syncs the
    /// WAL at its commit, before the answer.
    /// </summary>
    private static void SetDurability(SqliteConnection connection, ArticleChange change) =>
        connection.Execute(change.Source == ChangeSource.Http ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");

    private static ArticleWithdrawalRow? FindWithdrawal(SqliteConnection connection, SqliteTransaction transaction, string slug) =>
        connection.QuerySingleOrDefault<ArticleWithdrawalRow>(
            "SELECT source_name AS SourceName, title AS Title, revision AS Revision, file_hash AS FileHash, withdrawn_at AS WithdrawnAtText FROM article_withdrawals WHERE slug = @slug",
            new { slug }, transaction);

    private static void RaiseArchiveVersion(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute("UPDATE archive_state SET version = version + 1", transaction: transaction);

    // Stored to the millisecond, so what a write answers is what is read back.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
    }

    internal static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static SqliteTransaction BeginImmediate(SqliteConnection connection) =>
        connection.BeginTransaction(deferred: false);

    private static long? SaveJournal(SqliteConnection connection, SqliteTransaction transaction, ArticleRecord article) =>
        // A page without the blurb must not erase what an earlier page said about the journal.
        article.Journal is null ? null : connection.ExecuteScalar<long>(
            """
            INSERT INTO journals (slug, name, description, publisher) VALUES (@Slug, @Name, @Description, @Publisher)
            ON CONFLICT (slug) DO UPDATE SET
                name = excluded.name,
                description = COALESCE(excluded.description, journals.description),
                publisher = COALESCE(excluded.publisher, journals.publisher)
            RETURNING id
            """,
            new { Slug = article.JournalSlug, article.Journal.Name, article.Journal.Description, article.Journal.Publisher },
            transaction);

    private static long? SaveIssue(SqliteConnection connection, SqliteTransaction transaction, ArticleRecord article, long journalId) =>
        article.Issue is not { } issue
            ? null
            : connection.ExecuteScalar<long>(
                """
                INSERT INTO issues (journal_id, slug, label, volume, number, year) VALUES (@JournalId, @Slug, @Label, @Volume, @Number, @Year)
                ON CONFLICT (journal_id, slug) DO UPDATE SET label = excluded.label, volume = excluded.volume, number = excluded.number, year = excluded.year
                RETURNING id
                """,
                new { JournalId = journalId, Slug = article.IssueSlug, issue.Label, issue.Volume, issue.Number, issue.Year },
                transaction);

    private static void SaveChildren(SqliteConnection connection, SqliteTransaction transaction, long articleId, ArticleRecord article, string? sourcePath)
    {
        connection.Execute(
            "INSERT INTO article_sources (article_id, file_name, path, sha256, text, sidecar) VALUES (@ArticleId, @FileName, @Path, @Sha256, @Text, @Sidecar)",
            new
            {
                ArticleId = articleId,
                FileName = article.SourceName,
                Path = sourcePath,
                Sha256 = article.ContentHash,
                Text = article.SourceText,
                Sidecar = article.SidecarJson,
            },
            transaction);

        LinkNamed(connection, transaction, articleId, article.Authors,
            "INSERT INTO authors (slug, name) VALUES (@Slug, @Name) ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id",
            "INSERT INTO article_authors (article_id, author_id, position) VALUES (@ArticleId, @Id, @Position)");
        LinkNamed(connection, transaction, articleId, article.Themes,
            "INSERT INTO themes (slug, name) VALUES (@Slug, @Name) ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id",
            // With the article's sort keys, saved above in this transaction (Sql/005_theme_order.sql).
            """
            INSERT INTO article_themes (article_id, theme_id, position, published, title, slug)
            SELECT @ArticleId, @Id, @Position, published, title, slug FROM articles WHERE id = @ArticleId
            """);

        connection.Execute(
            "INSERT INTO article_metadata (article_id, position, name, value) VALUES (@ArticleId, @Position, @Name, @Value)",
            article.Metadata.Select((m, i) => new { ArticleId = articleId, Position = i + 1, m.Name, m.Value }),
            transaction);
        connection.Execute(
            "INSERT INTO article_facets (article_id, facet, position, slug, name) VALUES (@ArticleId, @Facet, @Position, @Slug, @Name)",
            article.Facets.Select((f, i) => new { ArticleId = articleId, f.Facet, Position = i + 1, f.Slug, f.Name }),
            transaction);

        foreach (var section in article.Sections)
        {
            var sectionId = connection.ExecuteScalar<long>(
                "INSERT INTO sections (article_id, position, slug, heading) VALUES (@ArticleId, @Position, @Slug, @Heading) RETURNING id",
                new { ArticleId = articleId, section.Position, section.Slug, section.Heading },
                transaction);
            connection.Execute(
                "INSERT INTO paragraphs (article_id, section_id, number, text, footnotes, kind) VALUES (@ArticleId, @SectionId, @Number, @Text, @Footnotes, @Kind)",
                section.Paragraphs.Select(p => new
                {
                    ArticleId = articleId,
                    SectionId = sectionId,
                    p.Number,
                    p.Text,
                    Footnotes = JsonSerializer.Serialize(p.Footnotes),
                    Kind = p.Kind.Name(),
                }),
                transaction);
        }
    }

    private static void RemoveFromSearch(SqliteConnection connection, SqliteTransaction transaction, long articleId) =>
        connection.Execute(
            """
            INSERT INTO search_index (search_index, rowid, text, heading, title)
            SELECT 'delete', id, text, heading, title FROM search_passages WHERE article_id = @articleId
            """, new { articleId }, transaction);

    private static void AddToSearch(SqliteConnection connection, SqliteTransaction transaction, long articleId) =>
        connection.Execute(
            """
            INSERT INTO search_index (rowid, text, heading, title)
            SELECT id, text, heading, title FROM search_passages WHERE article_id = @articleId
            """, new { articleId }, transaction);

    private static void LinkNamed(
        SqliteConnection connection, SqliteTransaction transaction, long articleId, IReadOnlyList<NamedRecord> names, string upsertSql, string linkSql)
    {
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
        {
            var id = connection.ExecuteScalar<long>(upsertSql, name, transaction);
            connection.Execute(linkSql, new { ArticleId = articleId, Id = id, Position = index + 1 }, transaction);
        }
    }

    // An update can drop the last article of an author, theme, issue or journal; the lists
    // must not go on showing them.
    private static void RemoveOrphans(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute(
            """
            DELETE FROM authors WHERE id NOT IN (SELECT author_id FROM article_authors);
            DELETE FROM themes WHERE id NOT IN (SELECT theme_id FROM article_themes);
            DELETE FROM issues WHERE id NOT IN (SELECT issue_id FROM articles WHERE issue_id IS NOT NULL);
            DELETE FROM journals WHERE id NOT IN (SELECT journal_id FROM articles WHERE journal_id IS NOT NULL);
            """, transaction: transaction);

    /// <summary>
    /// The article already in the archive that this one repeats: one whose text opens the same
    /// (the body key), is the same text or the cut-off start of it (<see cref="ArticleText.AreSame"/>),
    /// and whose title, date and authors do not contradict this one's where both carry them.
    /// </summary>
    private static DuplicateOf? FindOriginal(SqliteConnection connection, SqliteTransaction transaction, ArticleRecord article)
    {
        if (article.BodyKey.Length == 0)
        {
            return null;
        }

        var candidates = connection.Query<StoredText>(
            """
            SELECT a.id AS Id, a.slug AS Slug, a.source_name AS SourceName, a.truncated AS Truncated, a.title AS Title,
                   a.title_source AS TitleSource, a.published AS Published,
                   (SELECT json_group_array(au.slug) FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                    WHERE aa.article_id = a.id) AS Authors
            FROM articles a WHERE a.body_key = @BodyKey ORDER BY a.id
            """, new { article.BodyKey }, transaction);
        var text = ArticleText.Normalize(article.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text));
        var published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var authors = article.Authors.Select(a => a.Slug).Order(StringComparer.Ordinal).ToList();
        foreach (var candidate in candidates)
        {
            var storedAuthors = (JsonSerializer.Deserialize<List<string>>(candidate.Authors) ?? []).Order(StringComparer.Ordinal).ToList();
            var contradicts =
                (candidate.Published is not null && published is not null && candidate.Published != published)
                || (storedAuthors.Count > 0 && authors.Count > 0 && !storedAuthors.SequenceEqual(authors))
                || (candidate.TitleSource == "source" && article.TitleSource == TitleSource.Source
                    && !string.Equals(candidate.Title, article.Title, StringComparison.OrdinalIgnoreCase));
            if (contradicts)
            {
                continue;
            }

            var stored = ArticleText.Normalize(connection.Query<string>(
                "SELECT text FROM paragraphs WHERE article_id = @Id ORDER BY number", new { candidate.Id }, transaction));
            if (ArticleText.AreSame(stored, candidate.Truncated, text, article.Truncated))
            {
                return new DuplicateOf(candidate.Slug, candidate.SourceName);
            }
        }

        return null;
    }

    private sealed record SlugOwner(string SourceName, string? Path);

    private sealed class StoredText
    {
        public long Id { get; init; }
        public string Slug { get; init; } = "";
        public string SourceName { get; init; } = "";
        public bool Truncated { get; init; }
        public string Title { get; init; } = "";
        public string TitleSource { get; init; } = "";
        public string? Published { get; init; }
        public string Authors { get; init; } = "[]";
    }

    private sealed class ExistingArticle
    {
        public long Id { get; init; }
        public string Slug { get; init; } = "";
        public string SourceName { get; init; } = "";
        public string Title { get; init; } = "";
        public string ContentHash { get; init; } = "";
        public string? FileHash { get; init; }
        public int Revision { get; init; }
        public string? CorrectionNote { get; init; }
        public string? CorrectionDate { get; init; }
        public string Text { get; init; } = "";
        public string? Sidecar { get; init; }
        public string? SourcePath { get; init; }

        public ArticleVersion Version => new(Revision, ContentHash);

        /// <summary>Whether the article's correction note would change to <paramref name="correction"/>.</summary>
        public bool CorrectionDiffers(ArticleCorrection? correction) =>
            correction is not null
            && (correction.Note != CorrectionNote
                || correction.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) != CorrectionDate);

        public EditableArticle ToEditable() => new(Slug, SourceName, Text, Sidecar, Version);
    }

    private sealed class ArticleWithdrawalRow
    {
        public string SourceName { get; init; } = "";
        public int Revision { get; init; }
        public string? FileHash { get; init; }
        public string Title { get; init; } = "";
        public string WithdrawnAtText { get; init; } = "";

        public ArticleWithdrawal ToWithdrawal(string slug) =>
            new(slug, Title, Revision, DateTimeOffset.Parse(WithdrawnAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }
}

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
    public SaveOutcome Save(ArticleRecord article) => Save(article, out _);

    /// <summary>
    /// Saves the article; when it is new and its text is one another file already brought in
    /// (the same article under another URL or rendering), stores nothing and names that one,
    /// unless the editor said it is an article of its own.
    /// </summary>
    public SaveOutcome Save(ArticleRecord article, out DuplicateOf? original)
    {
        original = null;
        using var connection = database.Open();
        // With WAL, NORMAL syncs at checkpoints rather than at every commit: still safe from
        // corruption, and at worst a power cut loses the last commits, which the next run
        // re-ingests from the source texts. It makes a 10,000-article run I/O-cheap.
        connection.Execute("PRAGMA synchronous = NORMAL;");
        // IMMEDIATE takes the write lock up front, so two ingest runs on one file queue up
        // instead of failing half-way with SQLITE_BUSY on the first write.
        using var transaction = BeginImmediate(connection);

        var sourcePath = Path.GetFullPath(article.SourcePath);
        var existing = connection.QuerySingleOrDefault<ExistingArticle>(
            "SELECT id, content_hash AS ContentHash FROM articles WHERE source_name = @SourceName",
            new { article.SourceName }, transaction);
        if (existing is not null && existing.ContentHash == article.ContentHash)
        {
            // The text may have moved to another folder: remember where it is now (no new version,
            // as nothing served changes).
            connection.Execute(
                "UPDATE article_sources SET path = @sourcePath WHERE article_id = @Id AND path IS NOT @sourcePath",
                new { sourcePath, existing.Id }, transaction);
            transaction.Commit();
            return SaveOutcome.Unchanged;
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
            original = first;
            return SaveOutcome.Duplicate;
        }

        var now = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
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
            Now = now,
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
                                      kind, layout, truncated, warnings, body_key)
                VALUES (@Slug, @SourceName, @Title, @TitleSource, @JournalId, @IssueId, @Published, @Summary,
                        @WordCount, @CanonicalUrl, @Doi, @License, @ContentHash, 1, @Now, @Now,
                        @Kind, @Layout, @Truncated, @Warnings, @BodyKey)
                RETURNING id
                """, row, transaction);
        }
        else
        {
            articleId = existing.Id;
            // First, while the rows still hold what was indexed: external-content FTS5 forgets a
            // row only when told its old values exactly.
            RemoveFromSearch(connection, transaction, articleId);
            connection.Execute(
                """
                UPDATE articles
                SET slug = @Slug, title = @Title, title_source = @TitleSource, journal_id = @JournalId, issue_id = @IssueId,
                    published = @Published, summary = @Summary, word_count = @WordCount, canonical_url = @CanonicalUrl,
                    doi = @Doi, license = @License, content_hash = @ContentHash, revision = revision + 1, updated_at = @Now,
                    kind = @Kind, layout = @Layout, truncated = @Truncated, warnings = @Warnings, body_key = @BodyKey
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

        SaveChildren(connection, transaction, articleId, article);
        AddToSearch(connection, transaction, articleId);
        if (existing is not null)
        {
            RemoveOrphans(connection, transaction);
        }

        connection.Execute("UPDATE archive_state SET version = version + 1", transaction: transaction);
        transaction.Commit();
        return existing is null ? SaveOutcome.Ingested : SaveOutcome.Updated;
    }

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

    private static void SaveChildren(SqliteConnection connection, SqliteTransaction transaction, long articleId, ArticleRecord article)
    {
        connection.Execute(
            "INSERT INTO article_sources (article_id, file_name, path, sha256, text, sidecar) VALUES (@ArticleId, @FileName, @Path, @Sha256, @Text, @Sidecar)",
            new
            {
                ArticleId = articleId,
                FileName = article.SourceName,
                Path = Path.GetFullPath(article.SourcePath),
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

    private sealed record ExistingArticle(long Id, string ContentHash);

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
}

using System.Globalization;
using System.Text.Json;
using Dapper;
using KoreaPolicy.Model;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>
/// Reads the archive. "Not found" is a null (or empty) result, never an exception: the caller
/// decides what a missing article means. Every statement is a constant, parameterised string.
/// </summary>
public sealed class ArchiveReader(ArchiveDatabase database)
{
    private const string SummarySelect =
        """
        SELECT a.id AS Id, a.slug AS Slug, a.title AS Title, a.title_source AS TitleSource, a.published AS Published,
               a.summary AS Summary, a.word_count AS WordCount, a.revision AS Revision, a.updated_at AS UpdatedAt,
               a.canonical_url AS CanonicalUrl, a.doi AS Doi, a.license AS License,
               j.slug AS JournalSlug, j.name AS JournalName, j.publisher AS JournalPublisher, j.description AS JournalDescription,
               i.slug AS IssueSlug, i.label AS IssueLabel, i.volume AS IssueVolume, i.number AS IssueNumber
        FROM articles a
        JOIN journals j ON j.id = a.journal_id
        LEFT JOIN issues i ON i.id = a.issue_id
        """;

    /// <summary>A page of the articles that pass the filter, in the order asked for.</summary>
    public Page<ArticleSummary> ListArticles(ArticleFilter filter, ArticleSort sort, PageRequest page)
    {
        var sql = ArticleFilterSql.For(filter);
        sql.Parameters.Add("Size", page.Size);
        sql.Parameters.Add("Offset", page.Offset);
        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM articles a WHERE 1 = 1" + sql.Conditions, sql.Parameters);
        // The page's ids first, from the ordering index alone; the joins then run for one page,
        // not for every row skipped on the way to a deep page.
        var ids = connection.Query<long>(
            "SELECT a.id FROM articles a WHERE 1 = 1" + sql.Conditions + ArticleFilterSql.OrderBy(sort) + " LIMIT @Size OFFSET @Offset",
            sql.Parameters).AsList();
        var rows = ids.Count == 0
            ? []
            : connection.Query<ArticleRow>(SummarySelect + " WHERE a.id IN @ids", new { ids }).OrderBy(r => ids.IndexOf(r.Id)).ToList();
        return new Page<ArticleSummary>(Summaries(connection, rows), total, page);
    }

    public ArticleDetail? FindArticle(string slug)
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<ArticleRow>(SummarySelect + " WHERE a.slug = @slug", new { slug });
        if (row is null)
        {
            return null;
        }

        var summary = Summaries(connection, [row])[0];
        using var results = connection.QueryMultiple(
            """
            SELECT position AS Position, name AS Name, value AS Value FROM article_metadata WHERE article_id = @Id ORDER BY position;
            SELECT s.position AS SectionPosition, s.slug AS SectionSlug, s.heading AS SectionHeading,
                   p.number AS Number, p.text AS Text, p.footnotes AS Footnotes
            FROM sections s LEFT JOIN paragraphs p ON p.section_id = s.id
            WHERE s.article_id = @Id
            ORDER BY s.position, p.number;
            """, new { row.Id });
        var metadata = results.Read<MetadataRow>().Select(m => new MetadataEntry(m.Name, m.Value)).ToList();
        var sections = results.Read<ParagraphRow>()
            .GroupBy(p => (p.SectionPosition, p.SectionSlug, p.SectionHeading))
            .Select(g => new SectionDetail(
                g.Key.SectionPosition,
                g.Key.SectionSlug,
                g.Key.SectionHeading,
                g.Where(p => p.Number is not null).Select(p => p.ToDetail()).ToList()))
            .ToList();

        return new ArticleDetail(summary, row.JournalDescription, row.CanonicalUrl, row.Doi, row.License, metadata, sections);
    }

    public Page<IndexEntry> ListAuthors(PageRequest page)
    {
        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM authors");
        var rows = connection.Query<IndexRow>(
            """
            SELECT au.slug AS Slug, au.name AS Name,
                   (SELECT COUNT(*) FROM article_authors aa WHERE aa.author_id = au.id) AS ArticleCount
            FROM authors au ORDER BY au.name COLLATE NOCASE, au.slug LIMIT @Size OFFSET @Offset
            """, new { page.Size, page.Offset });
        return new Page<IndexEntry>(rows.Select(r => r.ToEntry()).ToList(), total, page);
    }

    public IndexEntry? FindAuthor(string slug)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<IndexRow>(
            """
            SELECT au.slug AS Slug, au.name AS Name,
                   (SELECT COUNT(*) FROM article_authors aa WHERE aa.author_id = au.id) AS ArticleCount
            FROM authors au WHERE au.slug = @slug
            """, new { slug })?.ToEntry();
    }

    public Page<IndexEntry> ListThemes(PageRequest page)
    {
        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM themes");
        var rows = connection.Query<IndexRow>(
            """
            SELECT t.slug AS Slug, t.name AS Name,
                   (SELECT COUNT(*) FROM article_themes at WHERE at.theme_id = t.id) AS ArticleCount
            FROM themes t ORDER BY t.name COLLATE NOCASE, t.slug LIMIT @Size OFFSET @Offset
            """, new { page.Size, page.Offset });
        return new Page<IndexEntry>(rows.Select(r => r.ToEntry()).ToList(), total, page);
    }

    public IndexEntry? FindTheme(string slug)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<IndexRow>(
            """
            SELECT t.slug AS Slug, t.name AS Name,
                   (SELECT COUNT(*) FROM article_themes at WHERE at.theme_id = t.id) AS ArticleCount
            FROM themes t WHERE t.slug = @slug
            """, new { slug })?.ToEntry();
    }

    private const string JournalSelect =
        """
        SELECT j.slug AS Slug, j.name AS Name, j.description AS Description, j.publisher AS Publisher,
               (SELECT COUNT(*) FROM issues i WHERE i.journal_id = j.id) AS IssueCount,
               (SELECT COUNT(*) FROM articles a WHERE a.journal_id = j.id) AS ArticleCount
        FROM journals j
        """;

    /// <summary>A page of the journals, by name, with their issue and article counts.</summary>
    public Page<JournalSummary> ListJournals(PageRequest page)
    {
        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM journals");
        // No index on journals.name: the archive holds a handful of journals, and sorting them is cheaper than keeping one.
        var rows = connection.Query<JournalRow>(
            JournalSelect + " ORDER BY j.name COLLATE NOCASE, j.slug LIMIT @Size OFFSET @Offset", new { page.Size, page.Offset });
        return new Page<JournalSummary>(rows.Select(r => r.ToSummary()).ToList(), total, page);
    }

    /// <summary>
    /// The journal and all its issues (not paged: a journal has tens of issues, not thousands), highest
    /// volume and number first; SQLite sorts NULL lowest, so unnumbered issues come last. Null for an unknown slug.
    /// </summary>
    public JournalDetail? FindJournal(string slug)
    {
        using var connection = database.Open();
        using var results = connection.QueryMultiple(
            JournalSelect + " WHERE j.slug = @slug;" +
            """

            SELECT i.slug AS Slug, i.label AS Label, i.volume AS Volume, i.number AS Number,
                   (SELECT COUNT(*) FROM articles a WHERE a.issue_id = i.id) AS ArticleCount
            FROM issues i JOIN journals j ON j.id = i.journal_id
            WHERE j.slug = @slug
            ORDER BY i.volume DESC, i.number DESC, i.label, i.slug;
            """, new { slug });
        var journal = results.ReadSingleOrDefault<JournalRow>();
        return journal is null ? null : new JournalDetail(journal.ToSummary(), results.Read<IssueRow>().Select(r => r.ToSummary()).ToList());
    }

    /// <summary>One issue of one journal, with the journal; null when either slug is unknown.</summary>
    public IssueDetail? FindIssue(string journalSlug, string issueSlug)
    {
        using var connection = database.Open();
        // journals.slug is UNIQUE and issues has UNIQUE (journal_id, slug): two index lookups.
        var row = connection.QuerySingleOrDefault<IssueRow>(
            """
            SELECT i.slug AS Slug, i.label AS Label, i.volume AS Volume, i.number AS Number,
                   (SELECT COUNT(*) FROM articles a WHERE a.issue_id = i.id) AS ArticleCount,
                   j.slug AS JournalSlug, j.name AS JournalName, j.publisher AS JournalPublisher
            FROM issues i JOIN journals j ON j.id = i.journal_id
            WHERE j.slug = @journalSlug AND i.slug = @issueSlug
            """, new { journalSlug, issueSlug });
        return row is null ? null : new IssueDetail(new JournalRef(row.JournalSlug, row.JournalName, row.JournalPublisher), row.ToSummary());
    }

    /// <summary>True when the database answers and its schema is the one this program expects.</summary>
    public bool IsHealthy()
    {
        try
        {
            using var connection = database.Open();
            return Migrations.CurrentVersion(connection) == Migrations.Latest;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    // Authors and themes for a page of articles in two queries, not two per article.
    private static List<ArticleSummary> Summaries(SqliteConnection connection, IReadOnlyList<ArticleRow> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var authors = connection.Query<LinkRow>(
            """
            SELECT aa.article_id AS ArticleId, au.slug AS Slug, au.name AS Name
            FROM article_authors aa JOIN authors au ON au.id = aa.author_id
            WHERE aa.article_id IN @ids ORDER BY aa.article_id, aa.position
            """, new { ids }).ToLookup(l => l.ArticleId, l => new NamedRef(l.Slug, l.Name));
        var themes = connection.Query<LinkRow>(
            """
            SELECT at.article_id AS ArticleId, t.slug AS Slug, t.name AS Name
            FROM article_themes at JOIN themes t ON t.id = at.theme_id
            WHERE at.article_id IN @ids ORDER BY at.article_id, at.position
            """, new { ids }).ToLookup(l => l.ArticleId, l => new NamedRef(l.Slug, l.Name));

        return rows.Select(r => r.ToSummary(authors[r.Id].ToList(), themes[r.Id].ToList())).ToList();
    }

    private sealed class ArticleRow
    {
        public long Id { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string TitleSource { get; init; } = "";
        public string? Published { get; init; }
        public string Summary { get; init; } = "";
        public int WordCount { get; init; }
        public int Revision { get; init; }
        public string UpdatedAt { get; init; } = "";
        public string? CanonicalUrl { get; init; }
        public string? Doi { get; init; }
        public string? License { get; init; }
        public string JournalSlug { get; init; } = "";
        public string JournalName { get; init; } = "";
        public string? JournalPublisher { get; init; }
        public string? JournalDescription { get; init; }
        public string? IssueSlug { get; init; }
        public string? IssueLabel { get; init; }
        public int? IssueVolume { get; init; }
        public int? IssueNumber { get; init; }

        public ArticleSummary ToSummary(IReadOnlyList<NamedRef> authors, IReadOnlyList<NamedRef> themes) => new(
            Slug,
            Title,
            TitleSource,
            authors,
            themes,
            new JournalRef(JournalSlug, JournalName, JournalPublisher),
            IssueSlug is null ? null : new IssueRef(IssueSlug, IssueLabel!, IssueVolume, IssueNumber),
            Published is null ? null : DateOnly.ParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Summary,
            WordCount,
            Revision,
            DateTimeOffset.Parse(UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    private sealed class ParagraphRow
    {
        public int SectionPosition { get; init; }
        public string SectionSlug { get; init; } = "";
        public string? SectionHeading { get; init; }
        public int? Number { get; init; }
        public string Text { get; init; } = "";
        public string Footnotes { get; init; } = "[]";

        public ParagraphDetail ToDetail() => new(
            Number!.Value, Text, JsonSerializer.Deserialize<int[]>(Footnotes) ?? [], SectionPosition, SectionSlug, SectionHeading);
    }

    private sealed class MetadataRow
    {
        public int Position { get; init; }
        public string Name { get; init; } = "";
        public string Value { get; init; } = "";
    }

    // SQLite's COUNT is a 64-bit integer; Dapper converts it for a property, not for a constructor.
    private sealed class IndexRow
    {
        public string Slug { get; init; } = "";
        public string Name { get; init; } = "";
        public int ArticleCount { get; init; }

        public IndexEntry ToEntry() => new(Slug, Name, ArticleCount);
    }

    private sealed class JournalRow
    {
        public string Slug { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public string? Publisher { get; init; }
        public int IssueCount { get; init; }
        public int ArticleCount { get; init; }

        public JournalSummary ToSummary() => new(Slug, Name, Description, Publisher, IssueCount, ArticleCount);
    }

    private sealed class IssueRow
    {
        public string Slug { get; init; } = "";
        public string Label { get; init; } = "";
        public int? Volume { get; init; }
        public int? Number { get; init; }
        public int ArticleCount { get; init; }

        // Set only by FindIssue, which reads the journal in the same row.
        public string JournalSlug { get; init; } = "";
        public string JournalName { get; init; } = "";
        public string? JournalPublisher { get; init; }

        public IssueSummary ToSummary() => new(Slug, Label, Volume, Number, ArticleCount);
    }

    private sealed class LinkRow
    {
        public long ArticleId { get; init; }
        public string Slug { get; init; } = "";
        public string Name { get; init; } = "";
    }
}

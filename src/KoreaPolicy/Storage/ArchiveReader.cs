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

    private sealed class LinkRow
    {
        public long ArticleId { get; init; }
        public string Slug { get; init; } = "";
        public string Name { get; init; } = "";
    }
}

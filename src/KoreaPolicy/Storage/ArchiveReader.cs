using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using KoreaPolicy.Diagnostics;
using KoreaPolicy.Model;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>
/// Reads the archive. "Not found" is a null (or empty) result, never an exception: the caller
/// decides what a missing article means. Every statement is a constant, parameterised string.
/// Every call reads one snapshot (<see cref="ArchiveSnapshot"/>): its own, or, when the reader is
/// made over a shared one, the same as every other call on it.
/// </summary>
public sealed class ArchiveReader
{
    private readonly ArchiveSnapshot.Source reads;

    private readonly ArchiveMetrics? metrics;

    /// <summary>Each call reads a snapshot of its own: its statements agree with each other.</summary>
    public ArchiveReader(ArchiveDatabase database, ArchiveMetrics? metrics = null) =>
        (reads, this.metrics) = (ArchiveSnapshot.Source.PerCall(database), metrics);

    /// <summary>Every call reads <paramref name="snapshot"/>: all of them agree, as one response needs.</summary>
    public ArchiveReader(ArchiveSnapshot snapshot, ArchiveMetrics? metrics = null) =>
        (reads, this.metrics) = (ArchiveSnapshot.Source.Shared(snapshot), metrics);

    private ArchiveSnapshot.Read Begin() => reads.Begin();

    // An article's authors and themes ride in its own row, each a JSON array of [position, slug,
    // name], so that a page of summaries is one statement rather than one per kind of row: each
    // statement costs Microsoft.Data.Sqlite a prepare, and the IN list Dapper expands a parameter.
    // The aggregates take no ORDER BY, which would cost a temporary b-tree per article and per
    // list; the position in each entry restores the article's order (ReadPositioned).
    private const string SummaryColumns =
        """
        SELECT a.id AS Id, a.slug AS Slug, a.title AS Title, a.title_source AS TitleSource, a.published AS Published,
               a.summary AS Summary, a.word_count AS WordCount, a.revision AS Revision, a.updated_at AS UpdatedAt,
               a.kind AS Kind, a.truncated AS Truncated,
               j.slug AS JournalSlug, j.name AS JournalName, j.publisher AS JournalPublisher,
               i.slug AS IssueSlug, i.label AS IssueLabel, i.volume AS IssueVolume, i.number AS IssueNumber, i.year AS IssueYear,
               (SELECT json_group_array(json_array(aa.position, au.slug, au.name))
                FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id) AS Authors,
               (SELECT json_group_array(json_array(at.position, t.slug, t.name))
                FROM article_themes at JOIN themes t ON t.id = at.theme_id WHERE at.article_id = a.id) AS Themes
        """;

    // An article of a page without a series block has no journal.
    private const string SummaryJoins =
        """

        LEFT JOIN journals j ON j.id = a.journal_id
        LEFT JOIN issues i ON i.id = a.issue_id
        """;

    /// <summary>A page of the articles that pass the filter, in the order asked for.</summary>
    public Page<ArticleSummary> ListArticles(ArticleFilter filter, ArticleSort sort, PageRequest page)
    {
        using var timing = metrics.TimeRead("list_articles");
        var sql = ArticleFilterSql.For(filter);
        sql.Parameters.Add("Size", page.Size);
        sql.Parameters.Add("Offset", page.Offset);
        var order = ArticleFilterSql.OrderBy(sort);
        var count = "SELECT COUNT(*) FROM " + sql.Listed;
        using var read = Begin();
        var (connection, transaction, _) = read;
        // The page's ids (and sort keys) come from the ordering index alone, so the joins and the
        // authors and themes run for one page, not for every row skipped on the way to a deep page;
        // the outer ORDER BY keeps the page in order after the joins (SQLite promises no order
        // without one). The total is an uncorrelated subquery, evaluated once, in every row.
        var rows = connection.Query<ArticleRow>(
            SummaryColumns + ", (" + count + ") AS Total"
            + " FROM (SELECT " + sql.ListedId + " AS id" + order.Keys + " FROM " + sql.Listed + order.Articles + " LIMIT @Size OFFSET @Offset) page"
            + " JOIN articles a ON a.id = page.id" + SummaryJoins + order.Page,
            sql.Parameters, transaction).AsList();
        // An empty page carries no total: a first page is empty only when nothing passes, and
        // only a page beyond the end needs the count on its own.
        var total = rows.Count > 0 ? rows[0].Total
            : page.Offset == 0 ? 0
            : connection.ExecuteScalar<int>(count, sql.Parameters, transaction);
        return new Page<ArticleSummary>(rows.Select(r => r.ToSummary()).ToList(), total, page);
    }

    /// <summary>The whole article, null for an unknown slug. Two statements, in one snapshot: the
    /// article with its authors, themes and metadata, then its sections and paragraphs.</summary>
    public ArticleDetail? FindArticle(string slug)
    {
        using var timing = metrics.TimeRead("find_article");
        using var read = Begin();
        var (connection, transaction, _) = read;
        return ReadArticle(connection, transaction, slug);
    }

    /// <summary>
    /// <see cref="FindArticle"/> on a given connection and transaction: inside a writer's
    /// transaction it reads what the transaction sees, which is how a revision is kept before a
    /// change replaces it.
    /// </summary>
    internal static ArticleDetail? ReadArticle(SqliteConnection connection, SqliteTransaction transaction, string slug)
    {
        var row = connection.QuerySingleOrDefault<ArticleRow>(
            SummaryColumns + """
            ,
                   a.canonical_url AS CanonicalUrl, a.doi AS Doi, a.license AS License, j.description AS JournalDescription,
                   a.content_hash AS ContentHash, a.correction_note AS CorrectionNote, a.correction_date AS CorrectionDate,
                   a.layout AS Layout, a.warnings AS Warnings,
                   (SELECT json_group_array(json_array(m.position, m.name, m.value))
                    FROM article_metadata m WHERE m.article_id = a.id) AS Metadata,
                   (SELECT json_group_array(json_array(f.position, f.facet, f.slug, f.name))
                    FROM article_facets f WHERE f.article_id = a.id) AS Facets
            FROM articles a
            """ + SummaryJoins + " WHERE a.slug = @slug", new { slug }, transaction);
        if (row is null)
        {
            return null;
        }

        var sections = connection.Query<ParagraphRow>(
            """
            SELECT s.position AS SectionPosition, s.slug AS SectionSlug, s.heading AS SectionHeading,
                   p.number AS Number, p.text AS Text, p.footnotes AS Footnotes, p.kind AS Kind
            FROM sections s LEFT JOIN paragraphs p ON p.section_id = s.id
            WHERE s.article_id = @Id
            ORDER BY s.position, p.number
            """, new { row.Id }, transaction)
            .GroupBy(p => (p.SectionPosition, p.SectionSlug, p.SectionHeading))
            .Select(g => new SectionDetail(
                g.Key.SectionPosition,
                g.Key.SectionSlug,
                g.Key.SectionHeading,
                g.Where(p => p.Number is not null).Select(p => p.ToDetail()).ToList()))
            .ToList();
        var metadata = ReadPositioned(row.Metadata, (name, value) => new MetadataEntry(name, value));
        if (row.Truncated && sections.Count > 0 && sections[^1].Paragraphs.Count > 0)
        {
            // The text stops where the source page was cut off: inside its last paragraph.
            var last = sections[^1];
            sections[^1] = last with { Paragraphs = [.. last.Paragraphs.SkipLast(1), last.Paragraphs[^1] with { Truncated = true }] };
        }

        return new ArticleDetail(row.ToSummary(), row.JournalDescription, row.CanonicalUrl, row.Doi, row.License, metadata, sections)
        {
            Version = new ArticleVersion(row.Revision, row.ContentHash),
            Correction = row.CorrectionNote is null ? null : new ArticleCorrection(
                row.CorrectionNote,
                row.CorrectionDate is null ? null : DateOnly.ParseExact(row.CorrectionDate, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Facts = ReadFacts(row.Facets),
            Layout = row.Layout,
            Warnings = JsonSerializer.Deserialize<string[]>(row.Warnings) ?? [],
        };
    }

    /// <summary>The tombstone of a withdrawn article; null when the slug names none.</summary>
    public ArticleWithdrawal? FindWithdrawal(string slug)
    {
        using var read = Begin();
        var (connection, transaction, _) = read;
        return connection.QuerySingleOrDefault<WithdrawalRow>(
            "SELECT slug AS Slug, title AS Title, revision AS Revision, withdrawn_at AS WithdrawnAt FROM article_withdrawals WHERE slug = @slug",
            new { slug }, transaction)?.ToWithdrawal();
    }

    /// <summary>The text and sidecar a live article was last saved from, with its version; null for an unknown slug.</summary>
    public EditableArticle? FindEditable(string slug)
    {
        using var read = Begin();
        var (connection, transaction, _) = read;
        return connection.QuerySingleOrDefault<EditableRow>(
            """
            SELECT a.slug AS Slug, a.source_name AS SourceName, s.text AS Text, s.sidecar AS Sidecar,
                   a.revision AS Revision, a.content_hash AS ContentHash
            FROM articles a JOIN article_sources s ON s.article_id = a.id WHERE a.slug = @slug
            """, new { slug }, transaction)?.ToEditable();
    }

    /// <summary>The text and sidecar an article was parsed from; null for an unknown slug.</summary>
    public ArticleSource? FindSource(string slug)
    {
        using var read = Begin();
        var (connection, transaction, _) = read;
        return connection.QuerySingleOrDefault<ArticleSource>(
            """
            SELECT a.slug AS Slug, s.file_name AS FileName, s.text AS Text, s.sidecar AS Sidecar
            FROM articles a JOIN article_sources s ON s.article_id = a.id WHERE a.slug = @slug
            """, new { slug }, transaction);
    }

    // [[position, facet, slug, name], ...] in the page's order: one region, category and source, any number of places.
    private static ArticleFactRefs ReadFacts(string json)
    {
        var facets = new List<(int Position, string Facet, NamedRef Value)>();
        using (var document = JsonDocument.Parse(json))
        {
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                facets.Add((entry[0].GetInt32(), entry[1].GetString()!, new NamedRef(entry[2].GetString()!, entry[3].GetString()!)));
            }
        }

        facets.Sort((x, y) => x.Position.CompareTo(y.Position));
        NamedRef? One(string facet) => facets.FirstOrDefault(f => f.Facet == facet).Value;
        return new ArticleFactRefs(
            One("region"),
            facets.Where(f => f.Facet == "place").Select(f => f.Value).ToList(),
            One("category"),
            One("source"));
    }

    // A part's article: the summary and the links a citation or an embed needs, without its text.
    private const string PartArticle =
        SummaryColumns + ", a.canonical_url AS CanonicalUrl, a.doi AS Doi FROM articles a" + SummaryJoins + " WHERE a.slug = @slug";

    // IsLast: the article's last paragraph, where a cut-off source page stopped (an index lookup
    // on the (article_id, number) key).
    private const string PartParagraphColumns =
        """
        SELECT s.position AS SectionPosition, s.slug AS SectionSlug, s.heading AS SectionHeading,
               p.number AS Number, p.text AS Text, p.footnotes AS Footnotes, p.kind AS Kind,
               p.number = (SELECT MAX(last.number) FROM paragraphs last WHERE last.article_id = p.article_id) AS IsLast
        """;

    /// <summary>
    /// One section of an article, by position or slug, with its paragraphs and the article's
    /// summary; null when the article or the section is not there. Reads that section's
    /// paragraphs only, through the (article, position) and (article, slug) unique indexes.
    /// </summary>
    public ArticlePart<SectionDetail>? FindSection(string articleSlug, SectionKey key)
    {
        using var timing = metrics.TimeRead("find_section");
        using var read = Begin();
        var (connection, transaction, _) = read;
        if (connection.QuerySingleOrDefault<ArticleRow>(PartArticle, new { slug = articleSlug }, transaction) is not { } article)
        {
            return null;
        }

        const string Section = PartParagraphColumns + "\n" + """
            FROM sections s LEFT JOIN paragraphs p ON p.section_id = s.id
            WHERE s.article_id = @Id AND (s.position = @Position OR s.slug = @Slug)
            ORDER BY p.number
            """;
        var rows = connection.Query<ParagraphRow>(Section, new { article.Id, key.Position, key.Slug }, transaction).AsList();
        if (rows.Count == 0)
        {
            return null;
        }

        var section = new SectionDetail(
            rows[0].SectionPosition,
            rows[0].SectionSlug,
            rows[0].SectionHeading,
            rows.Where(p => p.Number is not null).Select(p => p.ToDetail(article.Truncated)).ToList());
        return new ArticlePart<SectionDetail>(article.ToSummary(), article.CanonicalUrl, article.Doi, section);
    }

    /// <summary>
    /// One paragraph of an article by its number, with its section's position, slug and heading
    /// and the article's summary; null when the article or the paragraph is not there.
    /// </summary>
    public ArticlePart<ParagraphDetail>? FindParagraph(string articleSlug, int number)
    {
        using var timing = metrics.TimeRead("find_paragraph");
        using var read = Begin();
        var (connection, transaction, _) = read;
        if (connection.QuerySingleOrDefault<ArticleRow>(PartArticle, new { slug = articleSlug }, transaction) is not { } article)
        {
            return null;
        }

        const string Paragraph = PartParagraphColumns + "\n" + """
            FROM paragraphs p JOIN sections s ON s.id = p.section_id
            WHERE p.article_id = @Id AND p.number = @number
            """;
        return connection.QuerySingleOrDefault<ParagraphRow>(Paragraph, new { article.Id, number }, transaction) is { } paragraph
            ? new ArticlePart<ParagraphDetail>(article.ToSummary(), article.CanonicalUrl, article.Doi, paragraph.ToDetail(article.Truncated))
            : null;
    }

    public Page<IndexEntry> ListAuthors(PageRequest page) => ListIndex(IndexQueries.Authors, page);

    public IndexEntry? FindAuthor(string slug) => FindInIndex(IndexQueries.Authors, slug);

    public Page<IndexEntry> ListThemes(PageRequest page) => ListIndex(IndexQueries.Themes, page);

    public IndexEntry? FindTheme(string slug) => FindInIndex(IndexQueries.Themes, slug);

    /// <summary>A page of an index (authors or themes), by name, with each entry's article count.</summary>
    private Page<IndexEntry> ListIndex(IndexQueries index, PageRequest page)
    {
        using var timing = metrics.TimeRead(index.ListOperation);
        using var read = Begin();
        var (connection, transaction, _) = read;
        var total = connection.ExecuteScalar<int>(index.Count, transaction: transaction);
        var rows = connection.Query<IndexRow>(index.Page, new { page.Size, page.Offset }, transaction);
        return new Page<IndexEntry>(rows.Select(r => r.ToEntry()).ToList(), total, page);
    }

    private IndexEntry? FindInIndex(IndexQueries index, string slug)
    {
        using var timing = metrics.TimeRead(index.FindOperation);
        using var read = Begin();
        var (connection, transaction, _) = read;
        return connection.QuerySingleOrDefault<IndexRow>(index.Find, new { slug }, transaction)?.ToEntry();
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
        using var timing = metrics.TimeRead("list_journals");
        using var read = Begin();
        var (connection, transaction, _) = read;
        var total = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM journals", transaction: transaction);
        // No index on journals.name: the archive holds a handful of journals, and sorting them is cheaper than keeping one.
        var rows = connection.Query<JournalRow>(
            JournalSelect + " ORDER BY j.name COLLATE NOCASE, j.slug LIMIT @Size OFFSET @Offset", new { page.Size, page.Offset }, transaction);
        return new Page<JournalSummary>(rows.Select(r => r.ToSummary()).ToList(), total, page);
    }

    /// <summary>
    /// The journal and all its issues (not paged: a journal has tens of issues, not thousands), highest
    /// volume and number first; SQLite sorts NULL lowest, so unnumbered issues come last. Null for an unknown slug.
    /// </summary>
    public JournalDetail? FindJournal(string slug)
    {
        using var timing = metrics.TimeRead("find_journal");
        using var read = Begin();
        var (connection, transaction, _) = read;
        using var results = connection.QueryMultiple(
            JournalSelect + " WHERE j.slug = @slug;" +
            """

            SELECT i.slug AS Slug, i.label AS Label, i.volume AS Volume, i.number AS Number, i.year AS Year,
                   (SELECT COUNT(*) FROM articles a WHERE a.issue_id = i.id) AS ArticleCount
            FROM issues i JOIN journals j ON j.id = i.journal_id
            WHERE j.slug = @slug
            ORDER BY i.volume DESC, i.number DESC, i.year DESC, i.label, i.slug;
            """, new { slug }, transaction);
        var journal = results.ReadSingleOrDefault<JournalRow>();
        return journal is null ? null : new JournalDetail(journal.ToSummary(), results.Read<IssueRow>().Select(r => r.ToSummary()).ToList());
    }

    /// <summary>One issue of one journal, with the journal; null when either slug is unknown.</summary>
    public IssueDetail? FindIssue(string journalSlug, string issueSlug)
    {
        using var timing = metrics.TimeRead("find_issue");
        using var read = Begin();
        var (connection, transaction, _) = read;
        // journals.slug is UNIQUE and issues has UNIQUE (journal_id, slug): two index lookups.
        var row = connection.QuerySingleOrDefault<IssueRow>(
            """
            SELECT i.slug AS Slug, i.label AS Label, i.volume AS Volume, i.number AS Number, i.year AS Year,
                   (SELECT COUNT(*) FROM articles a WHERE a.issue_id = i.id) AS ArticleCount,
                   j.slug AS JournalSlug, j.name AS JournalName, j.publisher AS JournalPublisher
            FROM issues i JOIN journals j ON j.id = i.journal_id
            WHERE j.slug = @journalSlug AND i.slug = @issueSlug
            """, new { journalSlug, issueSlug }, transaction);
        return row is null ? null : new IssueDetail(new JournalRef(row.JournalSlug, row.JournalName, row.JournalPublisher), row.ToSummary());
    }

    /// <summary>True when the database answers and its schema is the one this program expects.</summary>
    public bool IsHealthy()
    {
        try
        {
            using var read = Begin();
            return read.Connection.ExecuteScalar<int>("PRAGMA user_version;", transaction: read.Transaction) == Migrations.Latest;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    // Reads what json_group_array(json_array(position, x, y)) builds, [[position, "x", "y"], ...],
    // in the order of position: an aggregate's input order is not defined without an ORDER BY.
    private static List<T> ReadPositioned<T>(string json, Func<string, string, T> create)
    {
        var entries = new List<(int Position, string First, string Second)>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var position = reader.GetInt32();
            reader.Read();
            var first = reader.GetString()!;
            reader.Read();
            entries.Add((position, first, reader.GetString()!));
            reader.Read();
        }

        // Positions are unique within an article (ArticleWriter numbers them), so the unstable sort is exact.
        entries.Sort((x, y) => x.Position.CompareTo(y.Position));
        return entries.ConvertAll(e => create(e.First, e.Second));
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
        public string? Kind { get; init; }
        public bool Truncated { get; init; }
        public string? JournalSlug { get; init; }
        public string? JournalName { get; init; }
        public string? JournalPublisher { get; init; }
        public string? IssueSlug { get; init; }
        public string? IssueLabel { get; init; }
        public int? IssueVolume { get; init; }
        public int? IssueNumber { get; init; }
        public int? IssueYear { get; init; }
        public string Authors { get; init; } = "[]";
        public string Themes { get; init; } = "[]";

        // Set only by ListArticles: the size of the whole list, the same in every row.
        public int Total { get; init; }

        // Set only by FindArticle: what the whole article shows and a list does not.
        public string? CanonicalUrl { get; init; }
        public string? Doi { get; init; }
        public string? License { get; init; }
        public string? JournalDescription { get; init; }
        public string Metadata { get; init; } = "[]";
        public string ContentHash { get; init; } = "";
        public string? CorrectionNote { get; init; }
        public string? CorrectionDate { get; init; }
        public string Facets { get; init; } = "[]";
        public string? Layout { get; init; }
        public string Warnings { get; init; } = "[]";

        public ArticleSummary ToSummary() => new(
            Slug,
            Title,
            TitleSource,
            ReadPositioned(Authors, (slug, name) => new NamedRef(slug, name)),
            ReadPositioned(Themes, (slug, name) => new NamedRef(slug, name)),
            JournalSlug is null ? null : new JournalRef(JournalSlug, JournalName!, JournalPublisher),
            IssueSlug is null ? null : new IssueRef(IssueSlug, IssueLabel!, IssueVolume, IssueNumber) { Year = IssueYear },
            Published is null ? null : DateOnly.ParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Summary,
            WordCount,
            Revision,
            DateTimeOffset.Parse(UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
        {
            Kind = PageLayouts.ParseKind(Kind),
            Truncated = Truncated,
        };
    }

    private sealed class WithdrawalRow
    {
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public int Revision { get; init; }
        public string WithdrawnAt { get; init; } = "";

        public ArticleWithdrawal ToWithdrawal() =>
            new(Slug, Title, Revision, DateTimeOffset.Parse(WithdrawnAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    private sealed class EditableRow
    {
        public string Slug { get; init; } = "";
        public string SourceName { get; init; } = "";
        public string Text { get; init; } = "";
        public string? Sidecar { get; init; }
        public int Revision { get; init; }
        public string ContentHash { get; init; } = "";

        public EditableArticle ToEditable() => new(Slug, SourceName, Text, Sidecar, new ArticleVersion(Revision, ContentHash));
    }

    private sealed class ParagraphRow
    {
        public int SectionPosition { get; init; }
        public string SectionSlug { get; init; } = "";
        public string? SectionHeading { get; init; }
        public int? Number { get; init; }
        public string Text { get; init; } = "";
        public string Footnotes { get; init; } = "[]";
        public string? Kind { get; init; }

        // Set only by the part readers: whether it is its article's last paragraph.
        public bool IsLast { get; init; }

        /// <param name="articleTruncated">The article was cut off: its last paragraph is incomplete.</param>
        public ParagraphDetail ToDetail(bool articleTruncated = false) => new(
            Number!.Value, Text, JsonSerializer.Deserialize<int[]>(Footnotes) ?? [], SectionPosition, SectionSlug, SectionHeading)
        {
            Kind = PageLayouts.ParseParagraphKind(Kind),
            Truncated = articleTruncated && IsLast,
        };
    }

    /// <summary>
    /// The statements of one index: authors and themes are the same shape (a table of names, a
    /// link table to articles), so they are read by the same code. The strings are built once per
    /// index when the type is first used, never per request: Dapper caches a plan per distinct string.
    /// </summary>
    private sealed record IndexQueries(string Count, string Page, string Find, string ListOperation, string FindOperation)
    {
        public static readonly IndexQueries Authors = For("authors", "article_authors", "author_id");

        public static readonly IndexQueries Themes = For("themes", "article_themes", "theme_id");

        private static IndexQueries For(string table, string links, string key)
        {
            var select = $"""
                SELECT x.slug AS Slug, x.name AS Name,
                       (SELECT COUNT(*) FROM {links} l WHERE l.{key} = x.id) AS ArticleCount
                FROM {table} x
                """;
            return new IndexQueries(
                $"SELECT COUNT(*) FROM {table}",
                select + " ORDER BY x.name COLLATE NOCASE, x.slug LIMIT @Size OFFSET @Offset",
                select + " WHERE x.slug = @slug",
                $"list_{table}",
                $"find_{table.TrimEnd('s')}");
        }
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
        public int? Year { get; init; }
        public int ArticleCount { get; init; }

        // Set only by FindIssue, which reads the journal in the same row.
        public string JournalSlug { get; init; } = "";
        public string JournalName { get; init; } = "";
        public string? JournalPublisher { get; init; }

        public IssueSummary ToSummary() => new(Slug, Label, Volume, Number, ArticleCount) { Year = Year };
    }
}

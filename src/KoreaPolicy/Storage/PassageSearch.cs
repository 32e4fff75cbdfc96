using Dapper;
using KoreaPolicy.Diagnostics;
using KoreaPolicy.Model;
using KoreaPolicy.Search;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Storage;

/// <summary>A paragraph that matches a search, with where the matches are.</summary>
/// <param name="Score">bm25 relevance, higher is better.</param>
/// <param name="Snippet">A window of the paragraph around its best match, with the matches marked.</param>
/// <param name="Matches">Where the matched terms are in <see cref="Text"/>: the first <see cref="PassageMarks.MaxMarks"/>.</param>
/// <param name="MoreMatches">True when the paragraph has matches beyond <see cref="Matches"/>.</param>
public sealed record PassageHit(
    string ArticleSlug,
    string ArticleTitle,
    int SectionPosition,
    string SectionSlug,
    string? SectionHeading,
    int ParagraphNumber,
    string Text,
    MarkedText Snippet,
    IReadOnlyList<TextSpan> Matches,
    bool MoreMatches,
    double Score)
{
    /// <summary>The paragraph where its article's cut-off source page stopped: its text is incomplete.</summary>
    public bool Truncated { get; init; }
}

/// <summary>A span of a text, in UTF-16 code units (the indices of JavaScript and .NET strings).</summary>
public sealed record TextSpan(int Start, int Length);

/// <summary>A text with marked spans, e.g. the matches in a snippet.</summary>
public sealed record MarkedText(string Text, IReadOnlyList<TextSpan> Marks);

/// <summary>
/// Searches the passage index (FTS5, see Sql/002_search.sql), ranked by bm25, with the same
/// filters as article lists. The count, the ranked page and its passages come from one snapshot
/// (<see cref="ArchiveSnapshot"/>), so the total and the hits agree.
/// </summary>
public sealed class PassageSearch
{
    private readonly ArchiveSnapshot.Source reads;

    private readonly ArchiveMetrics? metrics;

    /// <summary>Each search reads a snapshot of its own.</summary>
    public PassageSearch(ArchiveDatabase database, ArchiveMetrics? metrics = null) =>
        (reads, this.metrics) = (ArchiveSnapshot.Source.PerCall(database), metrics);

    /// <summary>Every search reads <paramref name="snapshot"/>, with whatever else the response reads.</summary>
    public PassageSearch(ArchiveSnapshot snapshot, ArchiveMetrics? metrics = null) =>
        (reads, this.metrics) = (ArchiveSnapshot.Source.Shared(snapshot), metrics);

    // Ranking happens inside FTS5 (ORDER BY rank is its own, so no sort of all matches in SQL).
    // A filter joins just enough to test the paragraph's article against a set computed once.
    // The page's paragraphs, sections and articles are read afterwards, for at most a page of
    // ids, and marked by PassageMarks: FTS5's highlight() and snippet() cost more than linear
    // time in a paragraph's matches, which one long repetitive paragraph turned into minutes.
    //
    // A filter's join is a CROSS JOIN, which SQLite never reorders: FTS5 keeps its own ranked
    // order only while search_index is the outer loop, and led by the filter instead SQLite would
    // look up each passing paragraph in FTS5, which evaluates the whole MATCH once per lookup
    // (about 0.5 ms each on the benchmark database). The planner picks the right order today;
    // this keeps it so when statistics or the filter's selectivity change.
    private const string RankedPage =
        """
        SELECT rowid AS Id, rank AS Rank
        FROM search_index
        WHERE search_index MATCH @Expression
        ORDER BY rank LIMIT @Size OFFSET @Offset
        """;

    private const string FilteredRankedPagePrefix =
        """
        SELECT f.rowid AS Id, f.rank AS Rank
        FROM search_index f CROSS JOIN paragraphs p ON p.id = f.rowid
        WHERE search_index MATCH @Expression AND p.article_id IN (SELECT a.id FROM articles a
        """;

    private const string Count = "SELECT COUNT(*) FROM search_index WHERE search_index MATCH @Expression";

    private const string FilteredCountPrefix =
        """
        SELECT COUNT(*) FROM search_index f CROSS JOIN paragraphs p ON p.id = f.rowid
        WHERE search_index MATCH @Expression AND p.article_id IN (SELECT a.id FROM articles a
        """;

    private const string Passages =
        """
        SELECT p.id AS Id, p.number AS ParagraphNumber, p.text AS Text,
               s.position AS SectionPosition, s.slug AS SectionSlug, s.heading AS SectionHeading,
               a.slug AS ArticleSlug, a.title AS ArticleTitle,
               a.truncated AND p.number = (SELECT MAX(last.number) FROM paragraphs last WHERE last.article_id = a.id) AS Truncated
        FROM paragraphs p
        JOIN sections s ON s.id = p.section_id
        JOIN articles a ON a.id = p.article_id
        WHERE p.id IN @ids
        """;

    /// <summary>
    /// A page of the passages that match, best first. Stops with <see cref="OperationCanceledException"/>
    /// as soon as <paramref name="cancellationToken"/> is cancelled (the client went away, or the
    /// search's time is up), in the middle of a statement too: SQLite is interrupted, so a costly
    /// query does not run on for nobody.
    /// </summary>
    public Page<PassageHit> Search(SearchQuery query, ArticleFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        using var timing = metrics.TimeSearch();
        cancellationToken.ThrowIfCancellationRequested();
        var sql = ArticleFilterSql.For(filter);
        sql.Parameters.Add("Expression", query.Expression);
        sql.Parameters.Add("Size", page.Size);
        sql.Parameters.Add("Offset", page.Offset);
        var filtered = sql.Where.Length > 0;

        using var read = reads.Begin();
        var (connection, transaction, _) = read;
        // sqlite3_interrupt may be called from any thread; it ends the statement running on the
        // connection with SQLITE_INTERRUPT, which SQLite checks between the VM's steps over the rows.
        using var interrupt = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        try
        {
            var total = connection.ExecuteScalar<int>(filtered ? FilteredCountPrefix + sql.Where + ")" : Count, sql.Parameters, transaction);
            cancellationToken.ThrowIfCancellationRequested();
            if (total <= page.Offset)
            {
                return new Page<PassageHit>([], total, page);
            }

            var ranked = connection.Query<RankedRow>(
                filtered ? FilteredRankedPagePrefix + sql.Where + ") ORDER BY f.rank LIMIT @Size OFFSET @Offset" : RankedPage,
                sql.Parameters, transaction).AsList();
            cancellationToken.ThrowIfCancellationRequested();
            var ids = ranked.Select(r => r.Id).ToArray();
            var passages = connection.Query<PassageRow>(Passages, new { ids }, transaction).ToDictionary(p => p.Id);
            var hits = ranked.Select(r => passages[r.Id].ToHit(r, query)).ToList();
            return new Page<PassageHit>(hits, total, page);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The search was stopped.", e, cancellationToken);
        }
    }

    private sealed class RankedRow
    {
        public long Id { get; init; }
        public double Rank { get; init; }
    }

    private sealed class PassageRow
    {
        public long Id { get; init; }
        public int ParagraphNumber { get; init; }
        public string Text { get; init; } = "";
        public int SectionPosition { get; init; }
        public string SectionSlug { get; init; } = "";
        public string? SectionHeading { get; init; }
        public string ArticleSlug { get; init; } = "";
        public string ArticleTitle { get; init; } = "";
        public bool Truncated { get; init; }

        public PassageHit ToHit(RankedRow ranked, SearchQuery query)
        {
            var (marks, more) = PassageMarks.Find(Text, query);
            return new(
                ArticleSlug,
                ArticleTitle,
                SectionPosition,
                SectionSlug,
                SectionHeading,
                ParagraphNumber,
                Text,
                PassageMarks.Snippet(Text, marks),
                marks,
                more,
                // FTS5's bm25 is negative, lower is better; readers expect higher to be better.
                -ranked.Rank)
            {
                Truncated = Truncated,
            };
        }
    }
}

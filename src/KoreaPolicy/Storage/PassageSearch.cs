using System.Text;
using Dapper;
using KoreaPolicy.Model;
using KoreaPolicy.Search;

namespace KoreaPolicy.Storage;

/// <summary>A paragraph that matches a search, with where the matches are.</summary>
/// <param name="Score">bm25 relevance, higher is better.</param>
/// <param name="Snippet">A window of the paragraph around its best match, with the matches marked.</param>
/// <param name="Matches">Where the matched terms are in <see cref="Text"/>.</param>
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
    double Score);

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

    /// <summary>Each search reads a snapshot of its own.</summary>
    public PassageSearch(ArchiveDatabase database) => reads = ArchiveSnapshot.Source.PerCall(database);

    /// <summary>Every search reads <paramref name="snapshot"/>, with whatever else the response reads.</summary>
    public PassageSearch(ArchiveSnapshot snapshot) => reads = ArchiveSnapshot.Source.Shared(snapshot);

    // Control characters never occur in an ingested text (ArticleFile refuses them), so they
    // can mark the matches FTS5 finds without clashing with anything in the text.
    private const char MarkStart = '\u0001';
    private const char MarkEnd = '\u0002';

    // Ranking happens inside FTS5 (ORDER BY rank is its own, so no sort of all matches in SQL),
    // and highlight/snippet run for the page's rows only. A filter joins just enough to test the
    // paragraph's article against a set computed once. The page's paragraphs, sections and
    // articles are read afterwards, for at most a page of ids.
    //
    // A filter's join is a CROSS JOIN, which SQLite never reorders: FTS5 keeps its own ranked
    // order only while search_index is the outer loop, and led by the filter instead SQLite would
    // look up each passing paragraph in FTS5, which evaluates the whole MATCH once per lookup
    // (about 0.5 ms each on the benchmark database). The planner picks the right order today;
    // this keeps it so when statistics or the filter's selectivity change.
    private const string RankedPage =
        """
        SELECT rowid AS Id, rank AS Rank,
               highlight(search_index, 0, char(1), char(2)) AS Highlighted,
               snippet(search_index, 0, char(1), char(2), '…', 32) AS Snippet
        FROM search_index
        WHERE search_index MATCH @Expression
        ORDER BY rank LIMIT @Size OFFSET @Offset
        """;

    private const string FilteredRankedPagePrefix =
        """
        SELECT f.rowid AS Id, f.rank AS Rank,
               highlight(search_index, 0, char(1), char(2)) AS Highlighted,
               snippet(search_index, 0, char(1), char(2), '…', 32) AS Snippet
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
               a.slug AS ArticleSlug, a.title AS ArticleTitle
        FROM paragraphs p
        JOIN sections s ON s.id = p.section_id
        JOIN articles a ON a.id = p.article_id
        WHERE p.id IN @ids
        """;

    public Page<PassageHit> Search(SearchQuery query, ArticleFilter filter, PageRequest page)
    {
        var sql = ArticleFilterSql.For(filter);
        sql.Parameters.Add("Expression", query.Expression);
        sql.Parameters.Add("Size", page.Size);
        sql.Parameters.Add("Offset", page.Offset);
        var filtered = sql.Where.Length > 0;

        using var read = reads.Begin();
        var (connection, transaction, _) = read;
        var total = connection.ExecuteScalar<int>(filtered ? FilteredCountPrefix + sql.Where + ")" : Count, sql.Parameters, transaction);
        if (total <= page.Offset)
        {
            return new Page<PassageHit>([], total, page);
        }

        var ranked = connection.Query<RankedRow>(
            filtered ? FilteredRankedPagePrefix + sql.Where + ") ORDER BY f.rank LIMIT @Size OFFSET @Offset" : RankedPage,
            sql.Parameters, transaction).AsList();
        var ids = ranked.Select(r => r.Id).ToArray();
        var passages = connection.Query<PassageRow>(Passages, new { ids }, transaction).ToDictionary(p => p.Id);
        var hits = ranked.Select(r => passages[r.Id].ToHit(r)).ToList();
        return new Page<PassageHit>(hits, total, page);
    }

    /// <summary>Takes FTS5's marks out of a text and says where they were.</summary>
    internal static MarkedText Unmark(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var spans = new List<TextSpan>();
        var start = -1;
        foreach (var c in marked)
        {
            switch (c)
            {
                case MarkStart:
                    start = text.Length;
                    break;
                case MarkEnd when start >= 0:
                    spans.Add(new TextSpan(start, text.Length - start));
                    start = -1;
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return new MarkedText(text.ToString(), spans);
    }

    private sealed class RankedRow
    {
        public long Id { get; init; }
        public double Rank { get; init; }
        public string Highlighted { get; init; } = "";
        public string Snippet { get; init; } = "";
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

        public PassageHit ToHit(RankedRow ranked) => new(
            ArticleSlug,
            ArticleTitle,
            SectionPosition,
            SectionSlug,
            SectionHeading,
            ParagraphNumber,
            Text,
            Unmark(ranked.Snippet),
            Unmark(ranked.Highlighted).Marks,
            // FTS5's bm25 is negative, lower is better; readers expect higher to be better.
            -ranked.Rank);
    }
}

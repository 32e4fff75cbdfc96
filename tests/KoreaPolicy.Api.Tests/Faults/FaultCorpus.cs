using System.Globalization;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Article pages made for the fault tests: every paragraph names its article and its revision,
/// so a reader can tell at a glance whether an answer mixes two revisions, and a check can tell
/// which revision the archive holds. Each is parsed back by the engine, as the ingest command does,
/// to know exactly what the archive must hold for it.
/// </summary>
internal static class FaultCorpus
{
    public const int ParagraphsPerArticle = 12;

    public static string Slug(int article) => $"fault-{article:D4}";

    /// <summary>A Korea Policy page of three sections; each paragraph says "article N, revision R".</summary>
    public static string Page(int article, int revision)
    {
        var lines = new List<string>
        {
            "Korea Policy",
            "Korea Policy Vol. 2, Issue 1About Korea Policy",
            "Korea Policy is a journal published by the Korea Economic Institute of America in Washington, D.C.",
            $"Title: Fault Article {article} Revision {revision}",
            $"Author: Author {(char)('A' + (article % 26))} Writer",
            "Theme: Security, Trade",
            "Published June 1, 2025",
        };
        for (var p = 1; p <= ParagraphsPerArticle; p++)
        {
            if (p is 5 or 9)
            {
                lines.Add(p == 5 ? "The Middle Section" : "The Last Section");
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"In paragraph {p} of article {article}, revision {revision}, the partners weigh their commitments, the costs of deterrence and the politics of trade, and they find that no single answer holds for long."));
        }

        return string.Join('\n', lines) + "\n";
    }

    // Parsed once per text: the checks after each kill compare every stored article with every text it was sent.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Slug, string Text), IReadOnlyList<string>> Parsed = new();

    /// <summary>The archive's paragraphs for a page, in order, with their section headings: what the engine makes of it.</summary>
    public static IReadOnlyList<string> Expected(string slug, string text) => Parsed.GetOrAdd((slug, text), key => Parse(key.Slug, key.Text));

    private static IReadOnlyList<string> Parse(string slug, string text)
    {
        var record = IngestRun.Record(ArticleFile.FromSubmission($"{slug}.txt", System.Text.Encoding.UTF8.GetBytes(text), null));
        return Flatten(record.Title, record.Sections.SelectMany(s => s.Paragraphs.Select(p => (s.Heading, p.Number, p.Text))));
    }

    /// <summary>Every live article in the file, as <see cref="Expected"/> lists them, by slug; read in one transaction.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Stored(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT a.slug, a.title, s.heading, p.number, p.text
            FROM articles a JOIN sections s ON s.article_id = a.id LEFT JOIN paragraphs p ON p.section_id = s.id
            ORDER BY a.slug, s.position, p.number
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<(string Slug, string Title, string? Heading, int? Number, string? Text)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows.GroupBy(r => r.Slug).ToDictionary(
            g => g.Key,
            g => Flatten(g.First().Title, g.Select(r => (r.Heading, r.Number ?? 0, r.Text ?? "<section without paragraphs>"))));
    }

    /// <summary>
    /// Where the change log disagrees with the live articles, empty when it does not: every change
    /// is logged in its own transaction (ArticleWriter), so whatever a kill leaves, each live
    /// article's logged revisions are 1 to its own, in commit order, and every revision a change
    /// replaced is kept whole. Read in one transaction.
    /// </summary>
    public static List<string> ChangeLogDisagreements(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var snapshot = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        var live = Rows(command, "SELECT slug, revision, NULL FROM articles").ToDictionary(r => r.Slug, r => r.Revision);
        var logged = Rows(command, "SELECT slug, revision, previous_revision FROM article_changes ORDER BY id").ToList();
        var kept = Rows(command, "SELECT slug, revision, NULL FROM article_revisions").Select(r => (r.Slug, r.Revision)).ToHashSet();

        var problems = new List<string>();
        foreach (var (slug, revision) in live)
        {
            var revisions = logged.Where(c => c.Slug == slug).Select(c => c.Revision).ToList();
            if (!revisions.SequenceEqual(Enumerable.Range(1, revision)))
            {
                problems.Add($"{slug} is at revision {revision}, its change log has [{string.Join(", ", revisions)}]");
            }
        }

        problems.AddRange(logged
            .Where(c => c.Previous is { } previous && !kept.Contains((c.Slug, previous)))
            .Select(c => $"{c.Slug}'s revision {c.Previous}, which revision {c.Revision} replaced, is not kept"));
        return problems;
    }

    private static IEnumerable<(string Slug, int Revision, int? Previous)> Rows(SqliteCommand command, string sql)
    {
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, int, int?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2)));
        }

        return rows;
    }

    /// <summary>PRAGMA integrity_check and FTS5's own check of the search index against the paragraphs.</summary>
    public static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = string.Join("; ", Read(command));
        command.CommandText = "INSERT INTO search_index (search_index) VALUES ('integrity-check')";
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            result += $"; search index: {e.Message}";
        }

        return result;
    }

    private static List<string> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static IReadOnlyList<string> Flatten(string title, IEnumerable<(string? Heading, int Number, string Text)> paragraphs) =>
        [$"title: {title}", .. paragraphs.Select(p => $"{p.Heading ?? "(lead)"} | {p.Number} | {p.Text}")];
}

using Microsoft.Data.Sqlite;
using static KoreaPolicy.Api.Tests.WriteSupport;

namespace KoreaPolicy.Api.Tests;

/// <summary><c>ingest --prune</c> as its own process: the articles whose files are gone are withdrawn, and logged.</summary>
public sealed class PruneCommandTests
{
    [Fact]
    public async Task IngestWithPruneWithdrawsTheArticlesWhoseFilesAreGoneFromTheFolderAndNeedsAFolder()
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-prune-").FullName;
        var articles = Directory.CreateDirectory(Path.Combine(folder, "articles")).FullName;
        var database = $"--Database:Path={Path.Combine(folder, "archive.db")}";
        await File.WriteAllTextAsync(Path.Combine(articles, $"{Slug}.txt"), ArticleText);
        await File.WriteAllTextAsync(Path.Combine(articles, "second-copy.txt"), Variant("second"));
        await File.WriteAllTextAsync(Path.Combine(articles, "second-copy.meta.json"), """{ "keepDuplicate": true }""");
        (await ProgramProcess.RunAsync("ingest", articles, database)).ExitCode.Should().Be(0);
        File.Delete(Path.Combine(articles, "second-copy.txt"));

        var (exit, output, errors) = await ProgramProcess.RunAsync("ingest", "--prune", articles, database);

        exit.Should().Be(0, errors);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"unchanged {Path.Combine(articles, $"{Slug}.txt")} → {Slug}",
            "withdrawn second-copy.txt → second-copy");
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "archive.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT slug || ' ' || kind FROM article_changes ORDER BY id DESC LIMIT 1";
            command.ExecuteScalar().Should().Be("second-copy withdrawn");
        }

        (await ProgramProcess.RunAsync("ingest", "--prune", articles, database)).Output.Should().NotContain("withdrawn", "what is gone is withdrawn once");
        var (fileOnly, _, usage) = await ProgramProcess.RunAsync("ingest", "--prune", Path.Combine(articles, $"{Slug}.txt"), database);
        fileOnly.Should().Be(2);
        usage.Should().Contain("--prune needs at least one folder");
    }
}

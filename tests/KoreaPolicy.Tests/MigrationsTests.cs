using Dapper;
using KoreaPolicy.Storage;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Tests;

/// <summary>The schema scripts: applied once, in order, on a WAL file with foreign keys enforced.</summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    [Fact]
    public void AFreshFileIsBroughtToTheLatestVersionByEveryScript()
    {
        var database = new ArchiveDatabase(archive.PathOf("fresh.db"));

        var applied = Migrations.Apply(database);

        Migrations.Latest.Should().BeGreaterThanOrEqualTo(1);
        applied.Should().HaveCount(Migrations.Latest);
        applied[0].Should().Be("001_initial.sql");
        using var connection = database.Open();
        Migrations.CurrentVersion(connection).Should().Be(Migrations.Latest);
        connection.ExecuteScalar<int>("PRAGMA user_version;").Should().Be(Migrations.Latest);
    }

    [Fact]
    public void AMigratedFileIsInWalMode()
    {
        var database = new ArchiveDatabase(archive.PathOf("wal.db"));

        Migrations.Apply(database);

        using var connection = database.Open();
        connection.ExecuteScalar<string>("PRAGMA journal_mode;").Should().Be("wal");
    }

    [Fact]
    public void AMigratedFileHasEveryTableOfTheArchive()
    {
        var database = new ArchiveDatabase(archive.PathOf("tables.db"));

        Migrations.Apply(database);

        using var connection = database.Open();
        connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").Should().Equal(
            "archive_state", "article_authors", "article_facets", "article_metadata", "article_sources", "article_themes", "articles",
            "authors", "issues", "journals", "paragraphs",
            "search_index", "search_index_config", "search_index_data", "search_index_docsize", "search_index_idx",
            "sections", "themes");
    }

    [Fact]
    public void ConnectionsFromTheArchiveDatabaseEnforceForeignKeys()
    {
        var database = archive.Database;
        using var connection = database.Open();

        connection.ExecuteScalar<int>("PRAGMA foreign_keys;").Should().Be(1);
        var orphanIssue = () => connection.Execute(
            "INSERT INTO issues (journal_id, slug, label) VALUES (4242, 'vol-1', 'Vol. 1')");
        orphanIssue.Should().Throw<SqliteException>()
            .Which.Message.Should().Contain("FOREIGN KEY constraint failed");
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM issues").Should().Be(0);
    }

    [Fact]
    public void ApplyingTwiceRunsNothingTheSecondTime()
    {
        var database = new ArchiveDatabase(archive.PathOf("twice.db"));
        Migrations.Apply(database);
        using (var connection = database.Open())
        {
            // A row the second run would lose if it re-ran the scripts (CREATE TABLE would fail first anyway).
            connection.Execute("INSERT INTO journals (slug, name) VALUES ('korea-policy', 'Korea Policy')");
        }

        var second = Migrations.Apply(database);

        second.Should().BeEmpty();
        using var again = database.Open();
        Migrations.CurrentVersion(again).Should().Be(Migrations.Latest);
        again.ExecuteScalar<string>("SELECT name FROM journals WHERE slug = 'korea-policy'").Should().Be("Korea Policy");
    }

    [Fact]
    public void ADatabaseNewerThanTheProgramIsRefusedAndLeftAlone()
    {
        var database = new ArchiveDatabase(archive.PathOf("future.db"));
        var future = Migrations.Latest + 1;
        using (var connection = database.Open())
        {
            connection.Execute($"PRAGMA user_version = {future};");
        }

        var apply = () => Migrations.Apply(database);

        apply.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            $"The database {database.FilePath} has schema version {future}, newer than this program's {Migrations.Latest}.");
        using var after = database.Open();
        Migrations.CurrentVersion(after).Should().Be(future);
        after.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").Should().Be(0, "no script may run on it");
    }

    [Fact]
    public void TheArchiveReportsHealthyOnlyAtTheLatestVersion()
    {
        var migrated = new ArchiveReader(archive.Database);
        var unmigrated = new ArchiveReader(new ArchiveDatabase(archive.PathOf("empty.db")));

        migrated.IsHealthy().Should().BeTrue();
        unmigrated.IsHealthy().Should().BeFalse();
    }
}

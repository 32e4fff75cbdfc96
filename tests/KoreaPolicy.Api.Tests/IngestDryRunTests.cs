using System.Text.Json;
using KoreaPolicy.Api.Hosting;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// <c>ingest --dry-run [--json]</c> as users run it: the real program in its own process, over
/// pages of the family and a page that is no article. It reports every file and writes nothing.
/// </summary>
public sealed class IngestDryRunTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("koreapolicy-dry-run-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Page(string name) => Path.Combine(AppContext.BaseDirectory, "PageFamily", name);

    [Fact]
    public async Task ADryRunInJsonGivesOneReportALineAndWritesNoDatabase()
    {
        var database = Path.Combine(folder, "never.db");

        var (exitCode, output, errors) = await RunAsync(
            "ingest", "--dry-run", "--json", Page("c-region-location-footer.txt"), Page("x-taxonomy-page.txt"), Page("e-old-site-title.txt"),
            $"--Database:Path={database}");

        exitCode.Should().Be(1, "one file is not an article");
        errors.Should().BeEmpty();
        File.Exists(database).Should().BeFalse("a dry run writes nothing, not even an empty database");
        var reports = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        reports.Select(r => r.GetProperty("path").GetString()).Should().Equal(
            Page("c-region-location-footer.txt"), Page("x-taxonomy-page.txt"), Page("e-old-site-title.txt"));

        var publication = reports[0];
        publication.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
        publication.GetProperty("layout").GetString().Should().Be("C");
        publication.GetProperty("journal").ValueKind.Should().Be(JsonValueKind.Null);
        publication.GetProperty("title").GetString().Should().Be("North Korea’s Economy Under Sanctions: Evidence from Market Prices");
        publication.GetProperty("titleSource").GetString().Should().Be("source");
        publication.GetProperty("published").GetString().Should().Be("2019-10-07");
        publication.GetProperty("places").EnumerateArray().Select(p => p.GetString()).Should().Equal("Korea, North", "Korea, South");
        publication.GetProperty("paragraphCount").GetInt32().Should().Be(2);
        publication.GetProperty("warnings").EnumerateArray().Should().ContainSingle()
            .Which.GetString().Should().StartWith("line 21: Joined a paragraph broken in mid-sentence");

        reports[1].GetProperty("error").GetString().Should().Be(
            $"{Page("x-taxonomy-page.txt")}:7: The page is a taxonomy listing (it ends with its feed link, \"Syndicate content\"), not an article.");
        reports[1].GetProperty("layout").ValueKind.Should().Be(JsonValueKind.Null);
        reports[2].GetProperty("layout").GetString().Should().Be("E");
        reports[2].GetProperty("published").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task ADryRunForPeopleNamesTheLayoutFactsSectionsAndWarningsOfEachFile()
    {
        var (exitCode, output, _) = await RunAsync("ingest", "--dry-run", Page("a-korea-policy-issue-cut-mid-word.txt"), $"--Database:Path={Path.Combine(folder, "x.db")}");

        exitCode.Should().Be(0);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        lines[0].Should().Be($"{Page("a-korea-policy-issue-cut-mid-word.txt")} → a-korea-policy-issue-cut-mid-word");
        lines.Should().Contain("  layout:       A (compact journal header)")
            .And.Contain("  journal:      Korea Policy (Korea Economic Institute of America)")
            .And.Contain("  issue:        Korea Policy Vol. 1, Issue 3 [volume 1, number 3, year -]")
            .And.Contain("  title:        Korea Policy Vol. 1, Issue 3 (derived)")
            .And.Contain("  authors:      (none)")
            .And.Contain("  published:    (none)")
            .And.Contain("  text:         1 section(s), 3 paragraph(s), truncated")
            .And.Contain("    (lead): 3 paragraph(s)");
        lines.Should().ContainSingle(l => l.StartsWith("  warning:      line 8: The text stops in mid-sentence", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "ingest", "--dry-run", "--json", "a.txt", "--Database:Path", "x.db" }, true, true, new[] { "a.txt" }, new[] { "--Database:Path=x.db" })]
    [InlineData(new[] { "ingest", "a.txt", "--dry-run", "b.txt" }, true, false, new[] { "a.txt", "b.txt" }, new string[0])]
    [InlineData(new[] { "ingest", "a.txt" }, false, false, new[] { "a.txt" }, new string[0])]
    public void TheDryRunFlagsAreTheCommandsNotTheHosts(string[] args, bool dryRun, bool json, string[] paths, string[] hostArgs)
    {
        var commandLine = CommandLine.Parse(args);

        commandLine.Should().Match<CommandLine>(c => c.DryRun == dryRun && c.Json == json && c.Command == CommandLine.Ingest);
        commandLine.Paths.Should().Equal(paths);
        commandLine.HostArgs.Should().Equal(hostArgs);
    }

    private static Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) => ProgramProcess.RunAsync(arguments);
}

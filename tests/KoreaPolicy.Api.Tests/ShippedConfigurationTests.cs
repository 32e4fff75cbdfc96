using System.Net;
using System.Text.Json;
using KoreaPolicy.Api.Hosting;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Storage;
using Microsoft.Extensions.Configuration;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The program with the configuration it ships, started as its own process the way an operator
/// starts it (<see cref="ServedProgram"/>), its console logs read back as JSON lines.
/// </summary>
public sealed class ShippedConfigurationTests(ShippedConfigurationTests.Program program) : IClassFixture<ShippedConfigurationTests.Program>
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    private HttpClient Client => program.Client;

    [Fact]
    public void TheBuildShipsTheSettingsFileOfTheSource()
    {
        foreach (var name in new[] { "appsettings.json", "appsettings.Development.json" })
        {
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, name))
                .Should().Be(File.ReadAllText(Path.Combine(Repository.Root, "src", "KoreaPolicy.Api", name)), name);
        }
    }

    [Fact]
    public void TheProgramReadsItsSettingsFromBesideItAndRunsAsProductionWhenNoEnvironmentIsSet()
    {
        var lifetime = program.Process.Entries.Where(e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime").ToList();

        // Started in a scratch folder that has no appsettings.json: the content root is the program's own folder.
        State(lifetime, "ContentRoot").TrimEnd('/').Should().Be(AppContext.BaseDirectory.TrimEnd('/'));
        State(lifetime, "EnvName").Should().Be("Production");
    }

    [Fact]
    public void EachStartUpStepWritesOneStructuredLine()
    {
        var entries = program.Process.Entries;

        var database = entries.Single(e => e.GetProperty("EventId").GetInt32() == 2 && Category(e) == "KoreaPolicy.Api");
        database.GetProperty("LogLevel").GetString().Should().Be("Information");
        database.GetProperty("State").GetProperty("FromVersion").GetInt32().Should().Be(0);
        database.GetProperty("State").GetProperty("SchemaVersion").GetInt32().Should().Be(Migrations.Latest);

        var listening = entries.Single(e => Category(e) == "Microsoft.Hosting.Lifetime" && e.GetProperty("EventId").GetInt32() == 14);
        new Uri(listening.GetProperty("State").GetProperty("address").GetString()!).Should().Be(program.Process.BaseAddress);

        var ingestion = entries.Where(e => Category(e) == "KoreaPolicy.Api.Hosting.StartUpIngestion").ToList();
        var article = ingestion.Single(e => e.GetProperty("EventId").GetInt32() == 11).GetProperty("State");
        article.GetProperty("Slug").GetString().Should().Be(Slug);
        article.GetProperty("Outcome").GetString().Should().Be("ingested");
        var summary = ingestion.Single(e => e.GetProperty("EventId").GetInt32() == 14).GetProperty("State");
        summary.GetProperty("Ingested").GetInt32().Should().Be(1);
        summary.GetProperty("Failed").GetInt32().Should().Be(0);
        summary.GetProperty("ElapsedMs").GetInt64().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task UnderLoadARequestAtTheDefaultLevelsWritesNoLogLineAndAnErrorAnswerWritesOne()
    {
        var before = program.Process.Lines.Count;
        string[] paths =
        [
            "/api/articles", $"/api/articles/{Slug}", $"/api/articles/{Slug}/sections/2", $"/api/articles/{Slug}/paragraphs/7",
            $"/api/articles/{Slug}/citation?style=apa", "/api/authors", "/api/themes/security/articles", "/api/journals/korea-policy",
            "/api/search?q=alliance", "/feeds/articles.atom", "/feeds/articles.rss", "/feeds/articles.json", $"/articles/{Slug}",
            $"/embed/articles/{Slug}/paragraphs/7", "/swagger/v1/swagger.json", "/health/ready", "/metrics",
        ];

        // 8 clients at once, each through every path 40 times: 5,440 requests, GET and HEAD.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var round = 0; round < 40; round++)
            {
                foreach (var path in paths)
                {
                    var method = (round + worker) % 4 == 0 ? HttpMethod.Head : HttpMethod.Get;
                    using var response = await Client.SendAsync(new HttpRequestMessage(method, path));
                    response.StatusCode.Should().Be(HttpStatusCode.OK, $"{method} {path}");
                }
            }
        }));
        using var notFound = await Client.GetAsync("/api/articles/no-such-article");

        // The console writes in order: once the 404's line is there, any line a request wrote is too.
        var problem = await program.Process.WaitForEntryAsync(e => Category(e) == "KoreaPolicy.Api.Http.ProblemLogging");
        var written = program.Process.Entries.Skip(before).ToList();
        written.Should().ContainSingle("only the error answer writes a line: {0}", string.Join('\n', program.Process.Lines.Skip(before)));
        problem.GetProperty("LogLevel").GetString().Should().Be("Information", "a 404 is the client's mistake, not a warning");
        var state = problem.GetProperty("State");
        state.GetProperty("StatusCode").GetInt32().Should().Be(404);
        state.GetProperty("Path").GetString().Should().Be("/api/articles/no-such-article");
        state.GetProperty("Title").GetString().Should().Be("Not found");
        state.GetProperty("TraceId").GetString().Should().NotBeNullOrEmpty();
    }

    private static string? Category(JsonElement entry) => entry.GetProperty("Category").GetString();

    private static string State(IEnumerable<JsonElement> entries, string property) =>
        entries.Select(e => e.GetProperty("State")).Single(s => s.TryGetProperty(property, out _)).GetProperty(property).GetString()!;

    /// <summary>One program for the class, started once and ready.</summary>
    public sealed class Program : IAsyncLifetime
    {
        public ServedProgram Process { get; } = ServedProgram.Start();

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Client = new HttpClient { BaseAddress = Process.BaseAddress };
            await Process.WaitForOkAsync(Client);
            await Process.WaitForEntryAsync(e => e.GetProperty("EventId").GetInt32() == 14 && e.GetProperty("Category").GetString()!.EndsWith("StartUpIngestion", StringComparison.Ordinal));
        }

        public Task DisposeAsync()
        {
            Client.Dispose();
            Process.Dispose();
            return Task.CompletedTask;
        }
    }
}

/// <summary>The shipped settings file against the README's table and the options' own defaults.</summary>
public sealed partial class SettingsFileTests
{
    private static readonly string SettingsPath = Path.Combine(Repository.Root, "src", "KoreaPolicy.Api", "appsettings.json");

    [Fact]
    public void EveryKeyTheReadmeDocumentsIsInTheSettingsFileWithTheDefaultTheReadmeGives()
    {
        var settings = new ConfigurationBuilder().AddJsonFile(SettingsPath).Build();
        var rows = ReadmeConfigurationRows();

        rows.Should().HaveCountGreaterThan(10);
        foreach (var (keys, defaults) in rows)
        {
            keys.Count.Should().Be(defaults.Count, string.Join(", ", keys));
            foreach (var (key, value) in keys.Zip(defaults))
            {
                settings.GetSection(key).Exists().Should().BeTrue($"{key} is in the README, so it is in appsettings.json");
                (settings[key] ?? "").Should().BeEquivalentTo(value, key);
            }
        }
    }

    [Fact]
    public void EverySettingOfTheArchiveIsInTheReadme()
    {
        var documented = ReadmeConfigurationRows().SelectMany(r => r.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = new ConfigurationBuilder().AddJsonFile(SettingsPath).Build();

        settings.AsEnumerable().Where(p => p.Value is not null).Select(p => p.Key).Should().OnlyContain(key => documented.Contains(key));
    }

    [Fact]
    public void TheSettingsFileHoldsTheDefaultsTheCodeHasWithoutIt()
    {
        var settings = new ConfigurationBuilder().AddJsonFile(SettingsPath).Build();

        Bound<DatabaseOptions>(settings, DatabaseOptions.Section).Should().BeEquivalentTo(new DatabaseOptions());
        Bound<IngestionOptions>(settings, IngestionOptions.Section).Should().BeEquivalentTo(new IngestionOptions());
        Bound<HttpCachingOptions>(settings, HttpCachingOptions.Section).Should().BeEquivalentTo(new HttpCachingOptions());
        Bound<SiteOptions>(settings, SiteOptions.Section).Should().BeEquivalentTo(new SiteOptions());
        Bound<MetricsOptions>(settings, MetricsOptions.Section).Should().BeEquivalentTo(new MetricsOptions());
        Bound<OtlpOptions>(settings, OtlpOptions.Section).Should().BeEquivalentTo(new OtlpOptions());
    }

    private static T Bound<T>(IConfiguration settings, string section)
        where T : new()
    {
        settings.GetSection(section).Exists().Should().BeTrue(section);
        var bound = new T();
        settings.GetSection(section).Bind(bound, options => options.ErrorOnUnknownConfiguration = true);
        return bound;
    }

    /// <summary>The README's configuration table: each row's keys and defaults, as the backticked values of its first two cells.</summary>
    private static List<(List<string> Keys, List<string> Defaults)> ReadmeConfigurationRows()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return section.Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Backticked(cells[1]), Backticked(cells[2]).Select(v => v == "\"\"" ? "" : v).ToList()))
            .ToList();
    }

    private static List<string> Backticked(string cell) => Code().Matches(cell).Select(m => m.Groups[1].Value).ToList();

    [System.Text.RegularExpressions.GeneratedRegex("`([^`]*)`")]
    private static partial System.Text.RegularExpressions.Regex Code();
}

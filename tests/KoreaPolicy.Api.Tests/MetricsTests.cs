using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Instruments are named process-wide (every test application's "KoreaPolicy.Archive" meter has the
/// same name), so the tests that count them run alone, after the tests that run in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}

/// <summary>The Prometheus scrape endpoint, read back in the text format Prometheus parses.</summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests
{
    private const string Slug = KoreaPolicyApplication.ArticleSlug;

    /// <summary>The exporter answers scrapes within 300 ms of one another from its copy of the first (its default).</summary>
    private static readonly TimeSpan ScrapeCacheWait = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task TheArchivesOwnMetricsAreExposedAndCount()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();

        var before = await ScrapeAsync(client);
        (await client.GetAsync($"/api/articles/{Slug}")).EnsureSuccessStatusCode();
        (await client.GetAsync($"/api/articles/{Slug}")).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/search?q=alliance")).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/articles/no-such-article")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await Task.Delay(ScrapeCacheWait);
        var after = await ScrapeAsync(client);

        after.Value("koreapolicy_ingestion_articles_total", ("outcome", "ingested")).Should().Be(1, "the start-up ingestion saved the one article");
        after.Delta(before, "koreapolicy_stored_responses_lookups_total", ("result", "miss")).Should().Be(2, "the article and the search were built and stored");
        after.Delta(before, "koreapolicy_stored_responses_lookups_total", ("result", "hit")).Should().Be(1, "the second read of the article came from memory");
        after.Delta(before, "koreapolicy_database_read_duration_seconds_count", ("operation", "find_article")).Should().Be(2, "the article once, and the unknown slug");
        after.Delta(before, "koreapolicy_search_duration_seconds_count").Should().Be(1);
        after.Value("koreapolicy_search_duration_seconds_sum").Should().BeInRange(0.000_001, 5, "seconds");
        after.Delta(before, "http_server_request_duration_seconds_count", ("http_route", "/api/articles/{slug}"), ("http_response_status_code", "404")).Should().Be(1);
    }

    [Fact]
    public async Task TheRuntimeAndTheServerAreMeasuredAndAScrapeIsNeverStored()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();

        var first = await client.GetAsync("/metrics");
        (await client.GetAsync("/api/authors")).EnsureSuccessStatusCode();
        await Task.Delay(ScrapeCacheWait);
        var second = await ScrapeAsync(client);

        first.Headers.CacheControl!.NoStore.Should().BeTrue();
        second.Names.Should().Contain(["dotnet_gc_collections_total", "dotnet_process_memory_working_set_bytes", "http_server_request_duration_seconds_count"]);
        second.Value("http_server_request_duration_seconds_count", ("http_route", "/api/authors/"), ("http_response_status_code", "200"))
            .Should().Be(1, "the second scrape is built anew, not the first one stored");
    }

    [Fact]
    public async Task ThePerRequestInstrumentsLeftUnobservedAreAbsentAndRefusalsAreCountedByPolicy()
    {
        // On Kestrel (its memory pool and connections are measured there, not in the test server),
        // with an anonymous bucket of three tokens that does not refill during the test.
        using var app = new KoreaPolicyApplication
        {
            Settings = new Dictionary<string, string?>
            {
                ["RateLimits:Anonymous:TokenLimit"] = "3",
                ["RateLimits:Anonymous:TokensPerPeriod"] = "1",
                ["RateLimits:Anonymous:PeriodSeconds"] = "60",
            },
        };
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync($"/api/articles/{Slug}")).StatusCode);
        }

        // The scrape goes through the limiter like any request: with a reader's key, from its own bucket.
        await Task.Delay(ScrapeCacheWait);
        var scrape = await ScrapeAsync(app.ClientWithKey(app.AddKey("read")));

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
        scrape.Names.Should().Contain(["http_server_request_duration_seconds_count", "kestrel_active_connections"], "what an operator reads is still measured");
        scrape.Value("http_server_request_duration_seconds_count", ("http_response_status_code", "429")).Should().Be(2);
        scrape.Value("koreapolicy_rate_limit_rejections_total", ("policy", "anonymous")).Should().Be(2);
        scrape.Names.Should().NotContain(name =>
            name.StartsWith("aspnetcore_memory_pool_", StringComparison.Ordinal)
            || name.StartsWith("aspnetcore_rate_limiting_", StringComparison.Ordinal)
            || name.StartsWith("aspnetcore_authentication_authenticate_duration", StringComparison.Ordinal)
            || name.StartsWith("http_server_active_requests", StringComparison.Ordinal),
            "these record on every request and are not observed (Telemetry.NotObserved; their cost is in bench/README.md)");
    }

    [Fact]
    public async Task MetricsTurnedOffLeaveNoScrapeEndpoint()
    {
        using var app = new KoreaPolicyApplication { Settings = new Dictionary<string, string?> { ["Metrics:Prometheus"] = "false" } };

        await (await app.CreateClient().GetAsync("/metrics")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OnAManagementPortTheMetricsAnswerThereAndNowhereElse()
    {
        var management = ServedProgram.FreePort();
        using var program = ServedProgram.Start($"--Metrics:Port={management}");
        using var client = new HttpClient();
        await program.WaitForOkAsync(client);
        var api = program.BaseAddress;
        var port = new Uri($"http://127.0.0.1:{management}");

        (await client.GetAsync(new Uri(port, "/metrics"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri(api, "/metrics"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri(port, $"/api/articles/{Slug}"))).StatusCode.Should().Be(HttpStatusCode.NotFound, "the management port serves the metrics alone");
        (await client.GetAsync(new Uri(api, $"/api/articles/{Slug}"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<Scrape> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        return Scrape.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The samples of one scrape in Prometheus's text format: name, labels, value.</summary>
    private sealed partial record Scrape(IReadOnlyList<(string Name, Dictionary<string, string> Labels, double Value)> Samples)
    {
        public IEnumerable<string> Names => Samples.Select(s => s.Name).Distinct();

        public static Scrape Parse(string text) => new(text.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => Sample().Match(line))
            .Select(m => (
                m.Groups["name"].Value,
                Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value),
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList());

        /// <summary>The sum over the samples of a name whose labels include all those given (0 when none).</summary>
        public double Value(string name, params (string Name, string Value)[] labels) =>
            Samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value)).Sum(s => s.Value);

        public double Delta(Scrape before, string name, params (string Name, string Value)[] labels) =>
            Value(name, labels) - before.Value(name, labels);

        [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?<labels>.*)\\})?\\s+(?<value>\\S+)")]
        private static partial Regex Sample();

        [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
        private static partial Regex Label();
    }
}

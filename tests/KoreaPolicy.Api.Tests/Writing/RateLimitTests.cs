using System.Net;
using System.Net.Http.Headers;
using static KoreaPolicy.Api.Tests.WriteSupport;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Rate limits over real HTTP on loopback (Kestrel, so each request has a client address), with
/// small buckets that do not refill during a test: a minute per token.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task AnonymousReadsPastTheirLimitGet429WithRetryAfterAndTheDraftsHeaders()
    {
        using var app = Served(("RateLimits:Anonymous:TokenLimit", "5"));
        var client = app.CreateClient();

        // The same URL every time: from the second request on, the answer comes from the stored responses.
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(ArticlePath)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await client.GetAsync(ArticlePath);

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("detail").GetString().Should().Contain("'anonymous'");
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        retryAfter.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(60));
        refused.Headers.GetValues("RateLimit-Policy").Single().Should().Be("\"anonymous\";q=5;w=300");
        refused.Headers.GetValues("RateLimit").Single().Should().Be($"\"anonymous\";r=0;t={(int)retryAfter.TotalSeconds}");
        refused.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await client.GetAsync("/api/themes")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the bucket is the client's, not the URL's");
    }

    [Fact]
    public async Task AKeyedReaderReadsUnderItsOwnLimit()
    {
        using var app = Served(("RateLimits:Anonymous:TokenLimit", "2"), ("RateLimits:KeyedReads:TokenLimit", "4"));
        var anonymous = app.CreateClient();
        while ((await anonymous.GetAsync(ArticlePath)).StatusCode == HttpStatusCode.OK)
        {
        }

        var reader = KeyedClient(app, app.AddKey("read"));
        for (var i = 0; i < 4; i++)
        {
            (await reader.GetAsync(ArticlePath)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await reader.GetAsync(ArticlePath);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.GetValues("RateLimit-Policy").Single().Should().StartWith("\"keyed-reads\";q=4;");

        // A key without the read scope reads as anyone from its address does.
        (await KeyedClient(app, app.AddKey("write")).GetAsync(ArticlePath)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task WritesAreLimitedPerKey()
    {
        using var app = Served(("RateLimits:Writes:TokenLimit", "2"));
        var first = KeyedClient(app, app.AddKey("write"));
        (await first.PublishAsync("limited-1", Text(Variant("1")))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await first.PublishAsync("limited-2", Text(Variant("2")))).StatusCode.Should().Be(HttpStatusCode.Created);

        using var refused = await first.PublishAsync("limited-3", Text(Variant("3")));

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.GetValues("RateLimit-Policy").Single().Should().StartWith("\"writes\";q=2;");
        (await first.GetAsync("/api/articles/limited-3")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a refused write writes nothing");
        (await KeyedClient(app, app.AddKey("write")).PublishAsync("limited-3", Text(Variant("3")))).StatusCode
            .Should().Be(HttpStatusCode.Created, "another key has a bucket of its own");
    }

    [Fact]
    public async Task XForwardedForIsIgnoredUnlessItsProxyIsConfigured()
    {
        using var app = Served(("RateLimits:Anonymous:TokenLimit", "2"));
        var client = app.CreateClient();
        await client.GetAsync(ArticlePath);
        await client.GetAsync(ArticlePath);

        // A client cannot name another address to escape its bucket.
        (await Get(client, "203.0.113.7")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await Get(client, "198.51.100.9")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task BehindAConfiguredProxyEachForwardedClientHasItsOwnBucket()
    {
        using var app = Served(("RateLimits:Anonymous:TokenLimit", "2"), ("ForwardedHeaders:KnownProxies:0", "127.0.0.1"));
        var client = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            (await Get(client, "203.0.113.7")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await Get(client, "203.0.113.7")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await Get(client, "198.51.100.9")).StatusCode.Should().Be(HttpStatusCode.OK);
        // IPv6 clients count per /64: another address in the same block shares its bucket.
        (await Get(client, "2001:db8:1:2::1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Get(client, "2001:db8:1:2::ffff")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Get(client, "2001:db8:1:2:abcd::1")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task RateLimitsCanBeTurnedOffForAGatewayThatLimitsInstead()
    {
        using var app = Served(("RateLimits:Anonymous:TokenLimit", "1"), ("RateLimits:Enabled", "false"));
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(ArticlePath)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    /// <summary>The application on Kestrel, loopback, a free port, with buckets that refill one token a minute.</summary>
    private static KoreaPolicyApplication Served(params (string Key, string Value)[] settings) =>
        KoreaPolicyApplication.ServedOnLoopback(
            new Dictionary<string, string?>
            {
                ["RateLimits:Anonymous:TokensPerPeriod"] = "1",
                ["RateLimits:Anonymous:PeriodSeconds"] = "60",
                ["RateLimits:KeyedReads:TokensPerPeriod"] = "1",
                ["RateLimits:KeyedReads:PeriodSeconds"] = "60",
                ["RateLimits:Writes:TokensPerPeriod"] = "1",
                ["RateLimits:Writes:PeriodSeconds"] = "60",
            },
            settings);

    private static HttpClient KeyedClient(KoreaPolicyApplication app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ArticlePath);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }
}

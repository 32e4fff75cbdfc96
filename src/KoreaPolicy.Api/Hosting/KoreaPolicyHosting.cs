using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Audit;
using KoreaPolicy.Api.Changes;
using KoreaPolicy.Api.Citations;
using KoreaPolicy.Api.Embeds;
using KoreaPolicy.Api.Feeds;
using KoreaPolicy.Api.Health;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Api.Indexes;
using KoreaPolicy.Api.Journals;
using KoreaPolicy.Api.Pages;
using KoreaPolicy.Api.Publishing;
using KoreaPolicy.Api.Search;
using KoreaPolicy.Api.Webhooks;
using KoreaPolicy.Diagnostics;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Hosting;

/// <summary>The host's two halves: services (<see cref="AddKoreaPolicy"/>) and the pipeline and routes (<see cref="UseKoreaPolicy"/>).</summary>
public static class KoreaPolicyHosting
{
    public static WebApplicationBuilder AddKoreaPolicy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // --- Archive: one database, one writer, one reader, for the whole process.
        services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        services.Configure<IngestionOptions>(builder.Configuration.GetSection(IngestionOptions.Section));
        services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.Section));
        services.Configure<HttpCachingOptions>(builder.Configuration.GetSection(HttpCachingOptions.Section));
        services.Configure<SearchOptions>(builder.Configuration.GetSection(SearchOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new ArchiveDatabase(database.Path, database.MaxSizeMegabytes);
        });
        services.AddSingleton<ArticleWriter>();
        // One snapshot per request: everything a response reads is one version of the archive,
        // however many statements it takes and whatever an ingest commits meanwhile.
        services.AddScoped<ArchiveSnapshot>();
        services.AddScoped(sp => new ArchiveReader(sp.GetRequiredService<ArchiveSnapshot>(), sp.GetService<ArchiveMetrics>()));
        services.AddScoped(sp => new PassageSearch(sp.GetRequiredService<ArchiveSnapshot>(), sp.GetService<ArchiveMetrics>()));
        services.AddSingleton<ArchiveVersion>();
        services.AddSingleton<IngestRun>();
        services.AddSingleton<ArticlePublisher>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<WriteAudit>();
        services.AddSingleton<ChangeLog>();
        services.AddSingleton<WebhookStore>();

        // --- Webhooks: the outbox is delivered by one loop per server process (see WebhookDispatcher).
        services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<StartUpIngestion>();
        services.AddHostedService(sp => sp.GetRequiredService<StartUpIngestion>());

        // --- Host names: only those links may be built from (HostNames.cs).
        services.AddKoreaPolicyHostNames(builder.Configuration);

        // --- Observability: OpenTelemetry metrics (Prometheus at /metrics, OTLP by configuration),
        // liveness and readiness probes, and request logging that is off until its category is
        // turned up (Logging:LogLevel:Microsoft.AspNetCore.HttpLogging=Information). It logs no
        // query string and no header but those listed, so never a key or an Authorization value.
        builder.AddKoreaPolicyTelemetry();
        services.AddArchiveHealthChecks();
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestProtocol
                | HttpLoggingFields.RequestHeaders | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.ResponseHeaders | HttpLoggingFields.Duration;
            options.RequestHeaders.Clear();
            options.RequestHeaders.UnionWith([HeaderNames.Accept, HeaderNames.AcceptEncoding, HeaderNames.IfNoneMatch, HeaderNames.UserAgent]);
            options.ResponseHeaders.Clear();
            options.ResponseHeaders.UnionWith([HeaderNames.ContentType, HeaderNames.ETag]);
            options.CombineLogs = true;
        });

        // --- HTTP: problem details for every error, camelCase JSON.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemLogging.Keep);
        // Generated serializers first; reflection stays behind them for anything not listed.
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));

        // --- Cross-origin: other sites read the archive from browsers. Reading is open to any
        // origin; nothing else is (there is nothing to write, and it stays that way by default).
        // The policy answers preflights; CrossOrigin marks every read itself (see there why).
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithExposedHeaders(CrossOrigin.ExposedHeaders)));

        // --- Keys and scopes: reading is open; a key (Authorization: Bearer kp_...) writes
        // with the write scope and reads the audit with the admin scope.
        services.AddAuthentication(ApiKeyAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, null);
        services.AddAuthorizationBuilder().AddApiScopePolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiScopeResultHandler>();

        // --- Rate limits: token buckets per client address, per keyed reader and per writing key.
        services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        services.Configure<TrustedProxiesOptions>(builder.Configuration.GetSection(TrustedProxiesOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) => RateLimits.Configure(options, limits.Value));

        // --- Compression: Brotli, then gzip, at their fastest levels (why: ResponseCompression.cs).
        services.AddKoreaPolicyCompression();

        // --- OpenAPI and Swagger UI.
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(ApiDocumentation.Configure);

        return builder;
    }

    public static WebApplication UseKoreaPolicy(this WebApplication app)
    {
        // --- Outermost, the logs: a request (when request logging is on) and an error answer
        // each get their line whatever answers them, a stored response included.
        app.UseHttpLogging();
        app.UseMiddleware<ProblemLogging>();

        // --- The Prometheus scrape endpoint; on a management port, that port answers nothing else
        // (checked here, before a stored answer could be given).
        app.UseKoreaPolicyMetrics();

        // --- Errors: an exception becomes a bare 500 problem (no stack trace, in every
        // environment); an empty error status (unknown route, bad binding) gets a problem body.
        app.UseExceptionHandler();

        // --- Who asks: the client's address (from X-Forwarded-For only behind a configured
        // proxy), then its key, if it sent one. Then the rate limits, before anything answers:
        // a stored answer counts like any other.
        app.UseTrustedProxies(app.Services.GetRequiredService<IOptions<TrustedProxiesOptions>>().Value);
        app.UseAuthentication();
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        // --- Query text: a control character in a parameter is a 400 before anything reads it.
        app.UseQueryTextCheck();

        // --- Stored responses next: one already built for this content version is answered
        // before routing or anything else runs, as most traffic is repeated reads. Every read
        // says it is open to all origins before that, so stored answers say it too.
        app.UseCrossOriginReads();
        app.UseMiddleware<StoredResponses>();
        app.UseRouting();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseAuthorization();

        // --- Browsing: Swagger UI is a main way in, so it is on in every environment.
        app.UseSwagger(ApiDocumentation.ConfigureEndpoint);
        app.UseSwaggerUI(options => options.DocumentTitle = "KoreaPolicy API");
        app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();

        // --- Innermost, compression: a response is stored (and tagged) as the bytes sent.
        app.UseResponseCompression();

        // --- The route table. Every GET also answers HEAD.
        var site = app.MapGroup("").AnswerHeadLikeGet();
        site.MapArticles();
        site.MapPublishing();
        site.MapAudit();
        site.MapChanges();
        site.MapWebhooks();
        site.MapCitations();
        site.MapIndexes();
        site.MapJournals();
        site.MapSearch();
        site.MapFeeds();
        app.MapHealth();

        // --- For people and other sites: the article page, embeds, oEmbed (outside /api).
        site.MapPages();
        site.MapOEmbed();

        return app;
    }

    /// <summary>
    /// Brings the database to the current schema, then either runs the ingest command and
    /// returns its exit code, or serves until shut down (ingesting the start-up folder once it
    /// listens: <see cref="StartUpIngestion"/>).
    /// </summary>
    public static int RunKoreaPolicy(this WebApplication app, CommandLine commandLine)
    {
        // A dry run parses and reports; it does not touch the database, not even to create it.
        if (commandLine is { Command: CommandLine.Ingest, DryRun: true })
        {
            return IngestCommand.DryRun(commandLine.Paths, commandLine.Json, Console.Out, Console.Error);
        }

        var database = app.Services.GetRequiredService<ArchiveDatabase>();
        var applied = Migrations.Apply(database);

        if (commandLine.Command == CommandLine.Ingest)
        {
            return IngestCommand.Run(app.Services.GetRequiredService<IngestRun>(), commandLine.Paths, commandLine.Prune, Console.Out, Console.Error);
        }

        if (commandLine.Command == CommandLine.Keys)
        {
            return KeysCommand.Run(app.Services.GetRequiredService<ApiKeys>(), commandLine, Console.Out, Console.Error);
        }

        StartUpLog.Database(app.Logger, database.FilePath, Migrations.Latest, applied);
        app.UseKoreaPolicy();
        app.Run();
        return 0;
    }
}

/// <summary>The start-up steps the host itself takes, one structured line each (Kestrel logs the addresses it listens on).</summary>
public static partial class StartUpLog
{
    public static void Database(ILogger logger, string path, int version, IReadOnlyList<string> applied)
    {
        if (applied.Count == 0)
        {
            DatabaseCurrent(logger, path, version);
        }
        else
        {
            DatabaseMigrated(logger, path, version - applied.Count, version, string.Join(", ", applied));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database {DatabasePath} is at schema version {SchemaVersion}; no migration to run")]
    private static partial void DatabaseCurrent(ILogger logger, string databasePath, int schemaVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Database {DatabasePath} migrated from schema version {FromVersion} to {SchemaVersion}: {Migrations}")]
    private static partial void DatabaseMigrated(ILogger logger, string databasePath, int fromVersion, int schemaVersion, string migrations);
}

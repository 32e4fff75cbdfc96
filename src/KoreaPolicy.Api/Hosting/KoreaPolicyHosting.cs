using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Citations;
using KoreaPolicy.Api.Embeds;
using KoreaPolicy.Api.Feeds;
using KoreaPolicy.Api.Health;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Api.Indexes;
using KoreaPolicy.Api.Journals;
using KoreaPolicy.Api.Pages;
using KoreaPolicy.Api.Search;
using KoreaPolicy.Storage;
using Microsoft.Extensions.Options;

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
        services.AddSingleton(sp => new ArchiveDatabase(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Path));
        services.AddSingleton<ArticleWriter>();
        // One snapshot per request: everything a response reads is one version of the archive,
        // however many statements it takes and whatever an ingest commits meanwhile.
        services.AddScoped<ArchiveSnapshot>();
        services.AddScoped(sp => new ArchiveReader(sp.GetRequiredService<ArchiveSnapshot>()));
        services.AddScoped(sp => new PassageSearch(sp.GetRequiredService<ArchiveSnapshot>()));
        services.AddSingleton<ArchiveVersion>();
        services.AddSingleton<IngestRun>();

        // --- Host names: only those links may be built from (HostNames.cs).
        services.AddKoreaPolicyHostNames(builder.Configuration);

        // --- HTTP: problem details for every error, camelCase JSON, health.
        services.AddProblemDetails();
        // Generated serializers first; reflection stays behind them for anything not listed.
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddHealthChecks().AddCheck<ArchiveHealthCheck>("archive");

        // --- Cross-origin: other sites read the archive from browsers. Reading is open to any
        // origin; nothing else is (there is nothing to write, and it stays that way by default).
        // The policy answers preflights; CrossOrigin marks every read itself (see there why).
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithExposedHeaders(CrossOrigin.ExposedHeaders)));

        // --- Compression: Brotli, then gzip, at their fastest levels (why: ResponseCompression.cs).
        services.AddKoreaPolicyCompression();

        // --- OpenAPI and Swagger UI.
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(ApiDocumentation.Configure);

        return builder;
    }

    public static WebApplication UseKoreaPolicy(this WebApplication app)
    {
        // --- Errors: an exception becomes a bare 500 problem (no stack trace, in every
        // environment); an empty error status (unknown route, bad binding) gets a problem body.
        app.UseExceptionHandler();

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

        // --- Browsing: Swagger UI is a main way in, so it is on in every environment.
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "KoreaPolicy API");
        app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();

        // --- Innermost, compression: a response is stored (and tagged) as the bytes sent.
        app.UseResponseCompression();

        // --- The route table. Every GET also answers HEAD.
        var site = app.MapGroup("").AnswerHeadLikeGet();
        site.MapArticles();
        site.MapCitations();
        site.MapIndexes();
        site.MapJournals();
        site.MapSearch();
        site.MapFeeds();
        site.MapHealth();

        // --- For people and other sites: the article page, embeds, oEmbed (outside /api).
        site.MapPages();
        site.MapOEmbed();

        return app;
    }

    /// <summary>
    /// Brings the database to the current schema, then either runs the ingest command and
    /// returns its exit code, or ingests the start-up folder and serves until shut down.
    /// </summary>
    public static int RunKoreaPolicy(this WebApplication app, CommandLine commandLine)
    {
        // A dry run parses and reports; it does not touch the database, not even to create it.
        if (commandLine is { Command: CommandLine.Ingest, DryRun: true })
        {
            return IngestCommand.DryRun(commandLine.Paths, commandLine.Json, Console.Out, Console.Error);
        }

        Migrations.Apply(app.Services.GetRequiredService<ArchiveDatabase>());
        var ingest = app.Services.GetRequiredService<IngestRun>();

        if (commandLine.Command == CommandLine.Ingest)
        {
            return IngestCommand.Run(ingest, commandLine.Paths, Console.Out, Console.Error);
        }

        IngestCommand.IngestAtStartUp(app, ingest);
        app.UseKoreaPolicy();
        app.Run();
        return 0;
    }
}

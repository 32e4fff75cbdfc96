using KoreaPolicy.Api.Health;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The real application on its own temporary SQLite file, seeded through the real start-up
/// ingestion of an articles folder (the repo's articles unless a test gives its own).
/// Runs as Production, so errors look as users see them.
/// </summary>
public sealed class KoreaPolicyApplication : WebApplicationFactory<Program>
{
    public const string ArticleSlug = "korea-policy-vol-3-issue-2-klingner";

    /// <summary>A scratch folder deleted with the application: the database lives here.</summary>
    public string WorkFolder { get; } = Directory.CreateTempSubdirectory("koreapolicy-api-tests-").FullName;

    public KoreaPolicyApplication() => DatabasePath = Path.Combine(WorkFolder, "archive.db");

    /// <summary>The SQLite file: a new one in <see cref="WorkFolder"/>, or an existing one to restart on.</summary>
    public string DatabasePath { get; init; }

    /// <summary>The folder ingested at start-up: the repo's articles, or a test's own.</summary>
    public string ArticlesFolder { get; init; } = Path.Combine(AppContext.BaseDirectory, "Articles");

    /// <summary>Whether creating the server waits for the start-up ingestion (as every test but the readiness ones wants).</summary>
    public bool WaitForStartUpIngestion { get; init; } = true;

    /// <summary>A logging provider to add beside the console, for tests that read the logs.</summary>
    public ILoggerProvider? Logs { get; init; }

    /// <summary>Further configuration keys and values, as an operator would set them.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// The application on Kestrel (loopback, a free port), started, with a test class's
    /// <paramref name="defaults"/> and then one test's <paramref name="overrides"/> as its settings.
    /// </summary>
    public static KoreaPolicyApplication ServedOnLoopback(IReadOnlyDictionary<string, string?> defaults, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(defaults);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var app = new KoreaPolicyApplication { Settings = settings };
        app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Ingestion:Path", ArticlesFolder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    /// <summary>
    /// Starts the host and waits for the start-up ingestion (which runs once the server listens)
    /// to finish, so that every test starts from the whole archive, as a ready probe would.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (!WaitForStartUpIngestion)
        {
            return host;
        }

        var ingestion = host.Services.GetRequiredService<StartUpIngestionState>().Finished;
        if (!((IAsyncResult)ingestion).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("The start-up ingestion did not finish within 60 s.");
        }

        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the test run over it is not.
        }
    }
}

using System.Reflection;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KoreaPolicy.Api.Hosting;

/// <summary>The Prometheus scrape endpoint: configuration keys <c>Metrics:Prometheus</c>, <c>Metrics:Path</c>, <c>Metrics:Port</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve the metrics for Prometheus to scrape. False (and no OTLP endpoint): nothing is collected at all.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Where the scrape endpoint answers.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>0: on the API's own port(s). A port number: on that port only (a management port kept off the public one), which answers nothing else.</summary>
    public int Port { get; set; }
}

/// <summary>Pushing telemetry to an OpenTelemetry collector: configuration keys <c>Otlp:Endpoint</c> and <c>Otlp:Protocol</c>.</summary>
public sealed class OtlpOptions
{
    public const string Section = "Otlp";

    /// <summary>The collector's base URL, e.g. http://collector:4317. Empty: no OTLP export (and no traces).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary><c>grpc</c> (port 4317 by convention) or <c>http/protobuf</c> (4318; the signal's path is added to the URL).</summary>
    public string Protocol { get; set; } = "grpc";

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    public OtlpExportProtocol ExportProtocol => Protocol.Trim().ToLowerInvariant() switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"Otlp:Protocol must be grpc or http/protobuf; got '{Protocol}'."),
    };
}

/// <summary>
/// OpenTelemetry for operators: metrics from ASP.NET Core (requests, routing, errors), Kestrel
/// (connections), the .NET runtime (GC, thread pool, memory) and the archive's own meters
/// (<see cref="ArchiveMetrics"/>, <see cref="ApiMetrics"/>), scraped by Prometheus at
/// <c>/metrics</c> and, when an OTLP endpoint is configured, pushed there with traces and logs.
/// </summary>
public static class Telemetry
{
    /// <summary>The <c>service.name</c> every signal carries.</summary>
    public const string ServiceName = "KoreaPolicy.Api";

    /// <summary>
    /// ASP.NET Core's instruments that record on every request but tell an operator of this API
    /// nothing the request duration histogram (by route and status) and the archive's own meters do
    /// not. Issue 13 allows metrics 3 % of the hot path; timed per stored answer
    /// (bench/README.md, "The cost of metrics"), these were most of it: the memory pool's three
    /// measurements per 4 KiB block rented (about 114 ns a block, 2 to 5 blocks a request), the
    /// in-flight gauge (two measurements, about 90 ns), authentication's duration (52 ns: the API-key
    /// scheme runs for every request, keyed or not) and the rate limiter's four (79 ns; its
    /// rejections are counted by <see cref="ApiMetrics"/>, per policy, only when they happen).
    /// A view that drops every stream of an instrument leaves the SDK no metric for it, so
    /// OpenTelemetry never enables its measurement events: the instrument stays unobserved and ASP.NET
    /// Core skips the recording (and its timestamps) as it does with metrics off. Authentication's
    /// challenges and forbids and authorization's attempts stay: they record only on refused or
    /// authorized requests (writes), not on the reads.
    /// </summary>
    private static readonly string[] NotObserved =
    [
        "aspnetcore.memory_pool.*",
        "http.server.active_requests",
        "aspnetcore.authentication.authenticate.duration",
        "aspnetcore.rate_limiting.*",
    ];

    public static WebApplicationBuilder AddKoreaPolicyTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var metricsSection = builder.Configuration.GetSection(MetricsOptions.Section);
        var metrics = metricsSection.Get<MetricsOptions>() ?? new MetricsOptions();
        var otlp = builder.Configuration.GetSection(OtlpOptions.Section).Get<OtlpOptions>() ?? new OtlpOptions();
        services.Configure<MetricsOptions>(metricsSection);

        // The instruments exist either way; they cost a field read each while nothing listens.
        services.AddSingleton<ArchiveMetrics>();
        services.AddSingleton<ApiMetrics>();

        // Nothing to export to: no MeterProvider, so no instrument is observed and no request pays for one.
        if (!metrics.Prometheus && !otlp.Enabled)
        {
            return builder;
        }

        var version = typeof(Telemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithMetrics(meters =>
            {
                // ASP.NET Core's meters: Hosting (http.server.*), Kestrel, Routing, Diagnostics.
                meters.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(ArchiveMetrics.MeterName, ApiMetrics.MeterName);
                foreach (var instrument in NotObserved)
                {
                    meters.AddView(instrument, MetricStreamConfiguration.Drop);
                }

                if (metrics.Prometheus)
                {
                    meters.AddPrometheusExporter();
                }
            });

        if (otlp.Enabled)
        {
            // Traces only where they go somewhere: each would otherwise cost every request an Activity.
            telemetry.WithTracing(traces => traces.AddAspNetCoreInstrumentation(options =>
                options.Filter = context => !IsProbe(context.Request.Path, metrics)));
            telemetry.UseOtlpExporter(otlp.ExportProtocol, new Uri(otlp.Endpoint));
        }

        if (metrics.Prometheus && metrics.Port > 0)
        {
            AddManagementPort(builder, metrics.Port);
        }

        return builder;
    }

    /// <summary>
    /// The scrape endpoint, answered fresh every time (never stored: see StoredResponses), on the
    /// management port alone when one is configured; that port answers nothing else.
    /// </summary>
    public static void UseKoreaPolicyMetrics(this WebApplication app)
    {
        var metrics = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!metrics.Prometheus)
        {
            return;
        }

        if (metrics.Port > 0)
        {
            app.Use((context, next) =>
            {
                if (context.Connection.LocalPort == metrics.Port && !context.Request.Path.Equals(metrics.Path, StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(context);
            });
        }

        var scrape = app.MapPrometheusScrapingEndpoint(
            metrics.Path,
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use((context, next) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return next(context);
            }),
            optionsName: null);
        if (metrics.Port > 0)
        {
            scrape.RequireHost($"*:{metrics.Port}");
        }
    }

    /// <summary>Probes and scrapes are not traffic: tracing them would only bury the requests.</summary>
    private static bool IsProbe(PathString path, MetricsOptions metrics) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(metrics.Path);

    /// <summary>
    /// Adds the management port to the addresses Kestrel listens on, keeping the ones configured
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>) or the default
    /// http://localhost:5000; setting URLs replaces them, so they are read back first.
    /// </summary>
    private static void AddManagementPort(WebApplicationBuilder builder, int port)
    {
        var configuration = builder.Configuration;
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            var ports = (configuration[WebHostDefaults.HttpPortsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => $"http://*:{p}")
                .Concat((configuration[WebHostDefaults.HttpsPortsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => $"https://*:{p}"))
                .ToList();
            urls = ports.Count > 0 ? string.Join(';', ports) : "http://localhost:5000";
        }

        builder.WebHost.UseUrls($"{urls};http://*:{port}");
    }
}

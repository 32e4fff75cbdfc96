using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// OTLP by configuration: the application pushes its traces, metrics and logs to a collector
/// (here a stand-in on loopback that keeps what it is sent, in OTLP/HTTP's protobuf), where the
/// request's span, the archive's metrics and the start-up lines arrive.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task TracesMetricsAndLogsReachTheConfiguredCollector()
    {
        await using var collector = await Collector.StartAsync();
        using var app = new KoreaPolicyApplication
        {
            Settings = new Dictionary<string, string?>
            {
                ["Otlp:Endpoint"] = collector.Address.ToString(),
                ["Otlp:Protocol"] = "http/protobuf",
            },
        };
        (await app.CreateClient().GetAsync($"/api/articles/{KoreaPolicyApplication.ArticleSlug}")).EnsureSuccessStatusCode();

        // Pushed now rather than on the exporters' schedules (metrics every 60 s), as at a shutdown.
        // (The metrics' flush says false: the Prometheus reader beside OTLP's only answers scrapes.)
        app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
        app.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000);
        await collector.WaitForAsync("/v1/traces", "/v1/metrics", "/v1/logs");

        collector.Received.Select(r => r.ContentType).Should().OnlyContain(type => type == "application/x-protobuf");
        var traces = collector.Strings("/v1/traces");
        traces.Should().Contain(["KoreaPolicy.Api", "GET /api/articles/{slug}"]);
        collector.Strings("/v1/metrics").Should().Contain(
            ["koreapolicy.ingestion.articles", "koreapolicy.database.read.duration", "koreapolicy.stored_responses.lookups", "http.server.request.duration"]);
        collector.Strings("/v1/logs").Should().Contain(KoreaPolicyApplication.ArticleSlug, "the start-up ingestion's line names the article");
    }

    [Fact]
    public void AnUnknownProtocolStopsTheStartWithTheKeyItCameFrom()
    {
        var start = () =>
        {
            using var app = new KoreaPolicyApplication { Settings = new Dictionary<string, string?> { ["Otlp:Endpoint"] = "http://127.0.0.1:4317", ["Otlp:Protocol"] = "carrier-pigeon" } };
            app.CreateClient();
        };

        start.Should().Throw<InvalidOperationException>().WithMessage("*Otlp:Protocol*carrier-pigeon*");
    }

    /// <summary>A stand-in OTLP/HTTP collector: answers every export with an empty success, keeps the bodies.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly List<(string Path, string? ContentType, byte[] Body)> received = [];

        private Collector(WebApplication app) => this.app = app;

        public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        public IReadOnlyList<(string Path, string? ContentType, byte[] Body)> Received
        {
            get
            {
                lock (received)
                {
                    return [.. received];
                }
            }
        }

        public async Task WaitForAsync(params string[] paths)
        {
            for (var waited = 0; waited < 200 && !paths.All(p => Received.Any(r => r.Path == p)); waited++)
            {
                await Task.Delay(50);
            }
        }

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new Collector(app);
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                lock (collector.received)
                {
                    collector.received.Add((context.Request.Path.Value!, context.Request.ContentType, body.ToArray()));
                }

                // An empty Export*ServiceResponse: all accepted.
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            return collector;
        }

        /// <summary>Every string in the protobuf messages sent to <paramref name="path"/>, nested messages walked.</summary>
        public HashSet<string> Strings(string path)
        {
            var strings = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, _, body) in Received.Where(r => r.Path == path))
            {
                Protobuf.Walk(body, 0, body.Length, strings).Should().BeTrue($"what was sent to {path} is a protobuf message");
            }

            return strings;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    /// <summary>
    /// Protobuf's wire format read without its schema: a length-delimited field is a nested message
    /// if it parses as one, and a string if it is valid UTF-8 text; both are kept when both hold.
    /// </summary>
    private static class Protobuf
    {
        private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static bool Walk(byte[] data, int start, int end, HashSet<string> strings)
        {
            var i = start;
            while (i < end)
            {
                if (!Varint(data, ref i, end, out var key) || key >> 3 == 0)
                {
                    return false;
                }

                switch (key & 7)
                {
                    case 0 when !Varint(data, ref i, end, out _):
                        return false;
                    case 0:
                        break;
                    case 1:
                        i += 8;
                        break;
                    case 5:
                        i += 4;
                        break;
                    case 2:
                        if (!Varint(data, ref i, end, out var length) || length > (ulong)(end - i))
                        {
                            return false;
                        }

                        var field = i;
                        i += (int)length;
                        var nested = new HashSet<string>(StringComparer.Ordinal);
                        if (length > 0 && Walk(data, field, i, nested))
                        {
                            strings.UnionWith(nested);
                        }

                        if (Text(data, field, (int)length) is { } text)
                        {
                            strings.Add(text);
                        }

                        break;
                    default:
                        return false;
                }
            }

            return i == end;
        }

        private static string? Text(byte[] data, int start, int length)
        {
            try
            {
                var text = Strict.GetString(data, start, length);
                return text.Any(char.IsControl) ? null : text;
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        private static bool Varint(byte[] data, ref int i, int end, out ulong value)
        {
            value = 0;
            for (var shift = 0; shift < 64 && i < end; shift += 7)
            {
                var b = data[i++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

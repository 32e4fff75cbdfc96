using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// Brotli and gzip for JSON, HTML, XML, Markdown and text responses, at their fastest levels:
/// Optimal saves another 10–15 % of the bytes for two to three times the CPU, which on loopback or
/// a LAN outweighs the bytes, and on a small body even Fastest saves little (measured with
/// CompressionBenchmarks; figures in bench/README.md, "Microbenchmarks"). It is paid once per
/// content version and encoding: the compressed bytes are what StoredResponses keeps and serves.
/// </summary>
public static class ResponseCompressionSetup
{
    /// <summary>Every text format the API serves; images and other binaries never pass through.</summary>
    private static readonly string[] MimeTypes =
    [
        "application/json",
        "application/problem+json",
        "application/ld+json",
        "application/ninjs+json",
        "application/feed+json",
        "application/vnd.citationstyles.csl+json",
        "application/atom+xml",
        "application/rss+xml",
        "application/xml",
        "application/x-bibtex",
        "application/x-research-info-systems",
        "text/html",
        "text/markdown",
        "text/plain",
        "text/x-bibliography",
        "text/css",
        "text/javascript",
    ];

    public static IServiceCollection AddKoreaPolicyCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Nothing the API sends is a secret mixed with attacker-controlled text (BREACH).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MimeTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }
}

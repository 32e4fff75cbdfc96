using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// Brotli and gzip for JSON, HTML, XML, Markdown and text responses, at their fastest levels.
/// Measured with BenchmarkDotNet (bench/KoreaPolicy.Microbench, CompressionBenchmarks, 2026-11-28,
/// this project's 2-core machine) on the real article's paragraphs as JSON (5.9 KB) and on one
/// paragraph (366 B): Fastest takes 28 / 6 µs (Brotli) and 23 / 6 µs (gzip) for 2.8 KB / 257 B and
/// 3.6 KB / 326 B; Optimal takes 64 / 17 µs and 54 / 11 µs for 2.4 KB / 220 B and 2.5 KB / 244 B.
/// Optimal's extra 10–15 % of bytes cost two to three times the CPU, which on loopback or a LAN
/// outweighs the bytes; on a small body even Fastest saves only 40–110 bytes. It is paid once per
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

using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// Brotli and gzip for JSON, HTML, XML, Markdown and text responses, at their fastest levels.
/// Measured on this project's machine (2 shared cores, 2026-11-28) on the article's JSON (14.2 KB)
/// and a search page (9.3 KB): Fastest gives 3.9 / 2.4 KB (Brotli) and 4.9 / 2.9 KB (gzip),
/// Optimal 3.4 / 2.2 KB and 3.6 / 2.2 KB, both in roughly 25–100 µs per body with the machine's
/// noise larger than their difference; SmallestSize (Brotli 11) gets 2.7 KB but takes 10–22 ms,
/// far more than the bytes save on loopback or a LAN. Fastest keeps an uncached response's cost
/// lowest; cached responses are compressed once per content version and encoding anyway.
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

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, configuration
/// section <c>ForwardedHeaders</c>: <c>KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR
/// blocks). None by default, and then the headers are ignored altogether: otherwise any client
/// could name another address and escape its rate limit. ASP.NET's own defaults (loopback) are
/// dropped too: a proxy on the same host must be named like any other.
/// </summary>
public sealed class TrustedProxiesOptions
{
    public const string Section = "ForwardedHeaders";

    public List<string> KnownProxies { get; set; } = [];

    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in front of each other are believed, nearest first (ASP.NET's <c>ForwardLimit</c>).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public static class TrustedProxies
{
    /// <summary>ForwardedHeaders for the configured proxies only; nothing when none is configured.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, TrustedProxiesOptions proxies)
    {
        if (!proxies.Any)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = proxies.ForwardLimit,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in proxies.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var block)
                ? block
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR block such as 10.0.0.0/8."));
        }

        return app.UseForwardedHeaders(options);
    }
}

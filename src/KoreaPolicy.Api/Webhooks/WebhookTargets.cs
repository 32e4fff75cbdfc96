using System.Net;
using System.Net.Sockets;

namespace KoreaPolicy.Api.Webhooks;

/// <summary>How webhooks are delivered: configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Deliver to loopback, link-local, private and unique-local addresses too. Off: a subscription
    /// URL cannot make the server call its own network (server-side request forgery). Tests turn it on.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long one attempt may take, connecting included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry's delay; each next one doubles it, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A subscription whose deliveries have failed for this long without a success is disabled, saying why.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the outbox is read for deliveries written by another process (the ingest command).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Where a webhook may go. Every connection's addresses are checked after DNS resolution, inside
/// <see cref="SocketsHttpHandler.ConnectCallback"/>: a name that resolves to the server's own
/// network is refused as surely as the address written out, whatever the URL looked like when the
/// subscription was made (DNS can change), and redirects are not followed at all.
/// </summary>
public static class WebhookTargets
{
    /// <summary>The handler every delivery goes through.</summary>
    public static SocketsHttpHandler Handler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = options.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, cancellation) => ConnectAsync(context.DnsEndPoint, options.AllowPrivateTargets, cancellation),
    };

    /// <summary>Why an address may not be delivered to (loopback, private, ...), or null when it may.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return Refusal(address.MapToIPv4());
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return "unspecified";
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal ? "link-local"
                : (bytes[0] & 0xFE) == 0xFC ? "unique-local"
                : address.IsIPv6Multicast ? "multicast"
                // 64:ff9b::/96 (NAT64) and ::/96 (IPv4-compatible) carry an IPv4 address: judge that one.
                : bytes[..12].All(b => b == 0) || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B)
                    ? Refusal(new IPAddress(bytes[12..]))
                : null;
        }

        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 => "unspecified",
            10 => "private",
            100 when v4[1] >= 64 && v4[1] <= 127 => "shared (carrier-grade NAT)",
            169 when v4[1] == 254 => "link-local",
            172 when v4[1] >= 16 && v4[1] <= 31 => "private",
            192 when v4[1] == 168 => "private",
            192 when v4[1] == 0 && v4[2] == 0 => "reserved",
            198 when v4[1] is 18 or 19 => "reserved",
            >= 224 => "multicast or reserved",
            _ => null,
        };
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellation)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellation);
        if (!allowPrivate)
        {
            // Every address must pass: a name with one public and one private address could be
            // made to connect to the private one.
            foreach (var address in addresses)
            {
                if (Refusal(address) is { } why)
                {
                    throw new WebhookTargetRefusedException($"{endpoint.Host} resolves to {address}, a {why} address: webhooks are not delivered to the server's own network");
                }
            }
        }

        if (addresses.Length == 0)
        {
            throw new WebhookTargetRefusedException($"{endpoint.Host} resolves to no address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A delivery refused before any connection: its target is on the server's own network.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);

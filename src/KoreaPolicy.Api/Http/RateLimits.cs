using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using KoreaPolicy.Model;
using Microsoft.AspNetCore.RateLimiting;

namespace KoreaPolicy.Api.Http;

/// <summary>One token bucket: <c>TokenLimit</c> requests at once, refilled by <c>TokensPerPeriod</c> every <c>PeriodSeconds</c>.</summary>
public sealed class TokenBucketLimit
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public double PeriodSeconds { get; set; } = 1;

    /// <summary>The window the draft's <c>w</c> names: how long an empty bucket takes to fill again.</summary>
    public int WindowSeconds => (int)Math.Ceiling(TokenLimit / (double)Math.Max(1, TokensPerPeriod) * PeriodSeconds);

    internal TokenBucketRateLimiterOptions ToOptions() => new()
    {
        TokenLimit = TokenLimit,
        TokensPerPeriod = TokensPerPeriod,
        ReplenishmentPeriod = TimeSpan.FromSeconds(PeriodSeconds),
        // Past the limit a request is answered 429 at once; queueing would only hold connections open.
        QueueLimit = 0,
        // The partitioned limiter refills every partition's bucket on its own timer.
        AutoReplenishment = false,
    };
}

/// <summary>
/// Rate limits, configuration section <c>RateLimits</c>. Anonymous requests are limited per client
/// address; a key with the <c>read</c> scope reads under its own, higher limit; every write is
/// limited per key. Generous by default: a reader that pages through the archive never meets them.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only where something in front of the API limits instead.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests without a key (or with a key that has no <c>read</c> scope), per client address (IPv6 per /64).</summary>
    public TokenBucketLimit Anonymous { get; set; } = new() { TokenLimit = 600, TokensPerPeriod = 10 };

    /// <summary>Reads with a key that has the <c>read</c> scope, per key.</summary>
    public TokenBucketLimit KeyedReads { get; set; } = new() { TokenLimit = 6000, TokensPerPeriod = 100 };

    /// <summary>Writes (PUT, PATCH, DELETE) with a key, per key.</summary>
    public TokenBucketLimit Writes { get; set; } = new() { TokenLimit = 60, TokensPerPeriod = 1 };
}

/// <summary>
/// ASP.NET Core's rate limiting (token buckets, partitioned), as one global limiter that runs before
/// the stored responses, so an answer from memory counts like any other. Past a limit: 429 with
/// <c>Retry-After</c> and the IETF draft's <c>RateLimit-Policy</c> and <c>RateLimit</c> fields
/// (draft-ietf-httpapi-ratelimit-headers-10: a quoted policy name, <c>q</c> the quota, <c>w</c> the
/// window, <c>r</c> what remains, <c>t</c> seconds until there is more).
/// </summary>
public static class RateLimits
{
    public static void Configure(RateLimiterOptions options, RateLimitOptions limits)
    {
        // One bucket factory per class, made once: the partitioner runs for every request, and a
        // factory made in it (RateLimitPartition.GetTokenBucketLimiter's lambda) is an allocation
        // each time, used only when a client's bucket is first made.
        Func<RateLimitPartition, RateLimiter>[] factories = [.. Enum.GetValues<RateLimitClass>().Select(Factory)];
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, RateLimitPartition>(context =>
        {
            var partition = RateLimitPartition.Of(context);
            return new RateLimitPartition<RateLimitPartition>(partition, factories[(int)partition.Class]);
        });

        Func<RateLimitPartition, RateLimiter> Factory(RateLimitClass limitClass)
        {
            var bucket = new RateLimitPartition(limitClass, 0, null).Limit(limits).ToOptions();
            return _ => new TokenBucketRateLimiter(bucket);
        }

        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (rejected, cancellationToken) => Reject(rejected.HttpContext, rejected.Lease, limits, cancellationToken);
    }

    private static async ValueTask Reject(HttpContext context, RateLimitLease lease, RateLimitOptions limits, CancellationToken cancellationToken)
    {
        var partition = RateLimitPartition.Of(context);
        var limit = partition.Limit(limits);
        context.RequestServices.GetRequiredService<ApiMetrics>().RateLimitRejected(partition.PolicyName);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(limit.PeriodSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var headers = context.Response.Headers;
        headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = $"\"{partition.PolicyName}\";q={limit.TokenLimit};w={limit.WindowSeconds}";
        headers["RateLimit"] = $"\"{partition.PolicyName}\";r=0;t={seconds}";
        headers.CacheControl = "no-store";
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"The '{partition.PolicyName}' limit of {limit.TokenLimit} requests per {limit.WindowSeconds} s is used up; retry after {seconds} s.",
            },
        });
    }
}

/// <summary>Which bucket a request draws from.</summary>
public enum RateLimitClass
{
    Anonymous,
    KeyedReads,
    Writes,
}

/// <summary>
/// A request's bucket: its class and whose it is (a key's id, or the client's address). The
/// address is the connection's, or the one a configured proxy forwarded (ForwardedHeaders runs
/// first, and only for proxies named in configuration). IPv6 addresses count per /64, the block
/// one client is usually given, so that walking through its addresses gains nothing.
/// </summary>
public readonly record struct RateLimitPartition(RateLimitClass Class, long KeyId, IPAddress? Address)
{
    public string PolicyName => Class switch
    {
        RateLimitClass.KeyedReads => "keyed-reads",
        RateLimitClass.Writes => "writes",
        _ => "anonymous",
    };

    public TokenBucketLimit Limit(RateLimitOptions options) => Class switch
    {
        RateLimitClass.KeyedReads => options.KeyedReads,
        RateLimitClass.Writes => options.Writes,
        _ => options.Anonymous,
    };

    public static RateLimitPartition Of(HttpContext context)
    {
        var user = context.User;
        if (user.KeyId() is { } keyId)
        {
            var method = context.Request.Method;
            var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
            if (!reads)
            {
                return new RateLimitPartition(RateLimitClass.Writes, keyId, null);
            }

            if (user.HasScope(ApiScopes.Read))
            {
                return new RateLimitPartition(RateLimitClass.KeyedReads, keyId, null);
            }
        }

        return new RateLimitPartition(RateLimitClass.Anonymous, 0, ClientBlock(context.Connection.RemoteIpAddress));
    }

    private static IPAddress? ClientBlock(IPAddress? address)
    {
        if (address is null || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }
}

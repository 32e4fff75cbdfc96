namespace KoreaPolicy.Bench;

/// <summary>
/// Rate limits for a benchmark's API. A benchmark is one client address sending thousands of
/// requests a second, which the shipped buckets (600 at once, 10 a second) would answer with 429s.
/// <see cref="Unrestricted"/> keeps the limiter in the pipeline, running the same code for every
/// request as it does shipped, with a bucket too large to empty; <see cref="Off"/> takes it out,
/// for the A/B of what it costs.
/// </summary>
public static class RateLimitSettings
{
    public static readonly string[] Unrestricted =
    [
        "--RateLimits:Anonymous:TokenLimit=1000000000",
        "--RateLimits:Anonymous:TokensPerPeriod=1000000000",
    ];

    public static readonly string[] Off = ["--RateLimits:Enabled=false"];
}

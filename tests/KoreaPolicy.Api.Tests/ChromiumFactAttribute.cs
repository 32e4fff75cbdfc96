namespace KoreaPolicy.Api.Tests;

/// <summary>
/// A fact that drives a real Chromium: skipped, with the reason, on a machine that has none.
/// The browser is the system's (Debian's <c>chromium</c> package, which CI installs with apt-get),
/// never one that Playwright downloads. Where <c>KOREAPOLICY_REQUIRE_BROWSER</c> is set (CI sets
/// it after installing Chromium) a missing browser is not skipped: the test runs and fails.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath) && !Chromium.Required)
        {
            Skip = $"No Chromium at {Chromium.ExecutablePath}: install Debian's chromium package, or set {Chromium.PathVariable} to a Chromium executable.";
        }
    }
}

/// <summary>Where the browser tests find Chromium.</summary>
public static class Chromium
{
    public const string PathVariable = "CHROMIUM_PATH";

    public const string DefaultPath = "/usr/bin/chromium";

    public const string RequiredVariable = "KOREAPOLICY_REQUIRE_BROWSER";

    /// <summary>True where a missing browser must fail the run rather than skip (CI).</summary>
    public static bool Required => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RequiredVariable));

    /// <summary><c>CHROMIUM_PATH</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;
}

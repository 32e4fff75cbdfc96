namespace KoreaPolicy.Api.Tests;

/// <summary>
/// A fact that drives a real Chromium: skipped, with the reason, on a machine that has none.
/// The browser is the system's (Debian's <c>chromium</c> package, which CI installs with apt-get),
/// never one that Playwright downloads.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath))
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

    /// <summary><c>CHROMIUM_PATH</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;
}

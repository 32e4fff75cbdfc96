using System.Diagnostics;
using System.Text.Json;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The JavaScript tools partners run on this API's outputs (Redocly CLI, feedparser), installed
/// from <c>tests/node/package-lock.json</c> by <c>npm ci --prefix tests/node</c> (.ci/run does it)
/// and run by the machine's Node.js, as a partner would run them.
/// </summary>
public static class NodeTools
{
    public const string RequiredVariable = "KOREAPOLICY_REQUIRE_NODE";

    /// <summary><c>tests/node</c> of this checkout.</summary>
    public static string Folder { get; } = Path.Combine(Repository.Root, "tests", "node");

    /// <summary>True where missing tools must fail the run rather than skip (CI).</summary>
    public static bool Required => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RequiredVariable));

    /// <summary>Why the tools cannot run here, or null when they can.</summary>
    public static string? Missing { get; } = FindMissing();

    /// <summary>
    /// Runs <c>node</c> on a script of <c>tests/node</c> (or a package's, by its path under it) with
    /// the folder as working directory, so Redocly finds <c>redocly.yaml</c>. Fails the test on a
    /// time-out; the exit code and both outputs are the caller's to judge.
    /// </summary>
    public static async Task<NodeRun> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Redocly would otherwise ask its servers whether a newer version exists, and send usage data.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within 2 minutes");
        }

        return new NodeRun(process.ExitCode, await output, await errors);
    }

    private static string? FindMissing()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            return $"The Node.js tools are not installed: run `npm ci --prefix tests/node` (no {Path.Combine(Folder, "node_modules")}).";
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode == 0 ? null : "`node --version` failed: install Node.js.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "No `node` on PATH: install Node.js (.ci/run installs Debian's nodejs where it is missing).";
        }
    }
}

/// <summary>The checkout the tests were built from.</summary>
public static class Repository
{
    /// <summary>The folder of KoreaPolicy.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KoreaPolicy.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KoreaPolicy.sln above {AppContext.BaseDirectory}: the tests run from a checkout.");
    }
}

/// <summary>What a Node.js script printed and how it ended.</summary>
public sealed record NodeRun(int ExitCode, string Output, string Errors)
{
    /// <summary>The standard output as JSON, failing with everything the script said when it is not.</summary>
    public JsonElement Json()
    {
        try
        {
            return JsonDocument.Parse(Output).RootElement;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"node printed no JSON (exit {ExitCode}): {e.Message}\n{Output}\n{Errors}", e);
        }
    }
}

/// <summary>
/// A fact that runs a JavaScript tool of <see cref="NodeTools"/>: skipped, with the reason, where
/// Node.js or the tools are missing, unless <c>KOREAPOLICY_REQUIRE_NODE</c> is set (CI sets it after
/// installing them): then the test runs and fails.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeTools.Missing is { } reason && !NodeTools.Required)
        {
            Skip = reason;
        }
    }
}

/// <summary>The theory form of <see cref="NodeFactAttribute"/>.</summary>
public sealed class NodeTheoryAttribute : TheoryAttribute
{
    public NodeTheoryAttribute()
    {
        if (NodeTools.Missing is { } reason && !NodeTools.Required)
        {
            Skip = reason;
        }
    }
}

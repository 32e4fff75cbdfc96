using System.Diagnostics;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// A tmpfs of a few MiB mounted on a temporary folder: a real filesystem that really fills up
/// (ENOSPC), for the disk-full tests. Mounting needs root with CAP_SYS_ADMIN (this project's
/// machines and CI run as root); where it is refused, <see cref="TinyFilesystemFactAttribute"/>
/// skips the test with the reason, and the size-ceiling test still runs.
/// </summary>
internal sealed class TinyFilesystem : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    private TinyFilesystem(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Null when a tmpfs can be mounted here; else why not.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    public static TinyFilesystem Mount(int kibibytes)
    {
        var folder = Directory.CreateTempSubdirectory("koreapolicy-tinyfs-").FullName;
        var (exit, output) = Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", folder);
        if (exit != 0)
        {
            Directory.Delete(folder);
            throw new InvalidOperationException($"mount -t tmpfs failed ({exit}): {output}");
        }

        return new TinyFilesystem(folder);
    }

    public void Dispose()
    {
        // Lazily, if something still holds a file open: the mount goes once it is let go.
        if (Run("umount", Folder).ExitCode != 0)
        {
            Run("umount", "-l", Folder);
        }

        Directory.Delete(Folder);
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "tmpfs mounts are a Linux feature";
        }

        try
        {
            using var probe = Mount(64);
            return null;
        }
        catch (Exception e)
        {
            return $"cannot mount a tmpfs here (root with CAP_SYS_ADMIN is needed): {e.Message}";
        }
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}

/// <summary>A fact that needs <see cref="TinyFilesystem"/>: skipped, with the reason, where no tmpfs can be mounted.</summary>
public sealed class TinyFilesystemFactAttribute : FactAttribute
{
    public TinyFilesystemFactAttribute()
    {
        if (TinyFilesystem.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}

using KoreaPolicy.Model;
using Mono.Unix.Native;

namespace KoreaPolicy.Ingestion;

/// <summary>An article text an ingest run is to read, or an entry of a folder it cannot walk, and why.</summary>
public sealed record SourceEntry(string Path, string? Problem);

/// <summary>
/// What the paths given to an ingest run stand for. A folder stands for the article texts
/// (<c>*.txt</c>) in it and below it, in a fixed order; a path named on its own is taken whatever
/// its extension, so a wrong one gets a clear error.
/// <para>
/// A folder is walked entry by entry rather than with <see cref="Directory.EnumerateFiles(string)"/>,
/// which follows a symbolic link back to a parent folder forever and throws for the whole walk on
/// one folder it may not read. Here each folder is walked once, known by its device and inode
/// (a link to one already walked, a cycle among them, is reported and not followed), and a
/// folder that cannot be read is reported while the others are walked. Files are not opened
/// here: <see cref="BoundedFile"/> checks each when it is read.
/// </para>
/// </summary>
public static class ArticleSources
{
    private const string TextPattern = "*.txt";

    public static IEnumerable<SourceEntry> Expand(string path)
    {
        if (!Directory.Exists(path))
        {
            return [new SourceEntry(path, null)];
        }

        var found = new List<SourceEntry>();
        var walked = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(path, found, walked);
        // Walked depth-first, reported in one order whatever the file system's: by path.
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    private static void Walk(string folder, List<SourceEntry> found, Dictionary<string, string> walked)
    {
        if (Identity(folder) is { } identity)
        {
            if (walked.TryGetValue(identity, out var first))
            {
                found.Add(new SourceEntry(folder, $"is the folder {DisplayPath.Of(first)} again, reached through a symbolic link; not read twice"));
                return;
            }

            walked.Add(identity, folder);
        }

        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(folder);
        }
        catch (UnauthorizedAccessException)
        {
            found.Add(new SourceEntry(folder, "is a folder that cannot be read: permission denied"));
            return;
        }
        catch (IOException e)
        {
            found.Add(new SourceEntry(folder, $"is a folder that cannot be read: {e.Message}"));
            return;
        }

        // In name order, so which of two paths to one folder is walked, and which reported, is always the same.
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // Directory.Exists follows a symbolic link, so a link to a folder is walked too (once).
            if (Directory.Exists(entry))
            {
                Walk(entry, found, walked);
            }
            else if (entry.EndsWith(TextPattern[1..], StringComparison.Ordinal))
            {
                found.Add(new SourceEntry(entry, null));
            }
        }
    }

    /// <summary>The folder's device and inode, after links: the same folder under any path.</summary>
    private static string? Identity(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            // No inode to ask for: a folder is its full path. A junction loop then ends where the
            // path grows too long, as an error reported for that folder.
            return Path.GetFullPath(folder);
        }

        return Syscall.stat(folder, out var status) == 0 ? $"{status.st_dev}:{status.st_ino}" : null;
    }
}

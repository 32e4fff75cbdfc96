using System.Net.Http.Json;
using System.Text.Json;
using Mono.Unix.Native;

namespace KoreaPolicy.Api.Tests.Reliability;

/// <summary>
/// Issue 10, item 2, as users met it: the ingest command crashed (exit 134) on an unreadable
/// sidecar or folder, hung on a FIFO or a folder linked back to its parent, ran out of memory on a
/// link to /dev/zero, printed nothing until the end, and a server whose start-up folder held any
/// of these never started. The real program runs here as a child process with a time limit.
/// </summary>
[Trait("Category", "Reliability")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileFolderCommandTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private static readonly string Article = Path.Combine(AppContext.BaseDirectory, "Articles", $"{KoreaPolicyApplication.ArticleSlug}.txt");

    private readonly string work = Directory.CreateTempSubdirectory("koreapolicy-hostile-").FullName;

    private string Folder => Path.Combine(work, "articles");

    public void Dispose()
    {
        // The unreadable entries must be readable again to be deleted (by a user who is not root).
        foreach (var entry in Directory.EnumerateFileSystemEntries(work, "*", SearchOption.AllDirectories).Where(e => new FileInfo(e).LinkTarget is null))
        {
            File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(work, recursive: true);
    }

    [FileModesFact]
    public async Task TheIngestCommandReportsEachHostileEntryOnItsOwnLineAndIngestsTheGoodFilesBesideThem()
    {
        var bad = WriteHostileFolder();

        var (exitCode, output, errors) = await ChildApi.RunAsync(
            ["ingest", Folder, $"--Database:Path={Path.Combine(work, "archive.db")}"], Limit, asUser: true);

        exitCode.Should().Be(1, "some files failed");
        output.Should().BeEquivalentTo(
            $"ingested {Folder}/a-good.txt → a-good",
            $"ingested {Folder}/new\\nline.txt → new-line",
            $"ingested {Folder}/z/late.txt → late");
        errors.Should().BeEquivalentTo(bad.Select(b => $"error {b}"));
    }

    [FileModesFact]
    public async Task AServerWhoseStartUpFolderHoldsHostileEntriesStartsAndServesTheGoodFiles()
    {
        WriteHostileFolder();

        using var server = await ChildApi.ServeAsync(
            [$"--Database:Path={Path.Combine(work, "archive.db")}", $"--Ingestion:Path={Folder}"], Limit, asUser: true);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var list = await client.GetFromJsonAsync<JsonElement>("/api/articles");

        list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()).Should().BeEquivalentTo("a-good", "new-line", "late");
    }

    /// <summary>Good files among every kind of bad entry the probe tried; returns the error lines the bad ones must get.</summary>
    private List<string> WriteHostileFolder()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "z"));
        // Each good file opens differently: the same text twice would be one article and a duplicate.
        var text = File.ReadAllText(Article);
        foreach (var (name, n) in new[] { ("a-good.txt", 1), ("new\nline.txt", 2), (Path.Combine("z", "late.txt"), 3) })
        {
            File.WriteAllText(Path.Combine(Folder, name), text.Replace("The U.S.-South Korea partnership", $"In copy {n}, the U.S.-South Korea partnership", StringComparison.Ordinal));
        }

        var bad = new List<string>();

        Syscall.mkfifo(Path.Combine(Folder, "fifo.txt"), FilePermissions.DEFFILEMODE).Should().Be(0);
        bad.Add($"{Folder}/fifo.txt: is a FIFO (named pipe), not a regular file");

        File.Copy(Article, Path.Combine(Folder, "fifo-sidecar.txt"));
        Syscall.mkfifo(Path.Combine(Folder, "fifo-sidecar.meta.json"), FilePermissions.DEFFILEMODE).Should().Be(0);
        bad.Add($"{Folder}/fifo-sidecar.meta.json: is a FIFO (named pipe), not a regular file");

        File.CreateSymbolicLink(Path.Combine(Folder, "zero.txt"), "/dev/zero");
        bad.Add($"{Folder}/zero.txt: is a character device, not a regular file");

        Directory.CreateDirectory(Path.Combine(Folder, "loop"));
        File.CreateSymbolicLink(Path.Combine(Folder, "loop", "up"), "..");
        bad.Add($"{Folder}/loop/up: is the folder {Folder} again, reached through a symbolic link; not read twice");

        File.Copy(Article, Path.Combine(Folder, "locked.txt"));
        File.SetUnixFileMode(Path.Combine(Folder, "locked.txt"), UnixFileMode.None);
        bad.Add($"{Folder}/locked.txt: cannot be read: Permission denied");

        File.Copy(Article, Path.Combine(Folder, "locked-sidecar.txt"));
        File.WriteAllText(Path.Combine(Folder, "locked-sidecar.meta.json"), "{\"title\": \"Unreadable\"}");
        File.SetUnixFileMode(Path.Combine(Folder, "locked-sidecar.meta.json"), UnixFileMode.None);
        bad.Add($"{Folder}/locked-sidecar.meta.json: cannot be read: Permission denied");

        Directory.CreateDirectory(Path.Combine(Folder, "locked-folder"));
        File.Copy(Article, Path.Combine(Folder, "locked-folder", "inside.txt"));
        File.SetUnixFileMode(Path.Combine(Folder, "locked-folder"), UnixFileMode.None);
        bad.Add($"{Folder}/locked-folder: is a folder that cannot be read: permission denied");

        using (var huge = File.Create(Path.Combine(Folder, "huge.txt")))
        {
            huge.SetLength(4L * 1024 * 1024 * 1024); // sparse
        }

        bad.Add($"{Folder}/huge.txt: is 4,294,967,296 bytes, over the limit of 2,097,152 bytes for one article");
        return bad;
    }
}

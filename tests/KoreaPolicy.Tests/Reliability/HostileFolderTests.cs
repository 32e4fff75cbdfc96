using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Mono.Unix.Native;

namespace KoreaPolicy.Tests.Reliability;

/// <summary>
/// Issue 10, items 2 and 8: a FIFO named *.txt or *.meta.json hung the run forever, a link to
/// /dev/zero filled the memory, a folder linked back to its parent was walked until the path
/// gave out, and nothing was printed until the end. Every entry is checked before it is read;
/// each bad one is one error line naming it, and the good files beside it still go in.
/// (Unreadable files are tested in a child process without root's privileges: HostileFolderCommandTests.)
/// </summary>
[Trait("Category", "Reliability")]
public sealed class HostileFolderTests : IDisposable
{
    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    [Fact]
    public void AFifoALinkToADeviceALoopAndAHugeFileAreEachReportedAndTheGoodFilesStillGoIn()
    {
        var good = archive.CopyKlingner(Path.Combine("in", "good.txt"));
        var fifo = MakeFifo(Path.Combine("in", "fifo.txt"));
        var withFifoSidecar = archive.CopyKlingner(Path.Combine("in", "sidecar.txt"));
        var fifoSidecar = MakeFifo(Path.Combine("in", "sidecar.meta.json"));
        var zero = Link(Path.Combine("in", "zero.txt"), "/dev/zero");
        var dangling = Link(Path.Combine("in", "dangling.txt"), "nowhere.txt");
        var loop = Link(Path.Combine("in", "sub", "loop"), "..");
        var huge = archive.PathOf(Path.Combine("in", "huge.txt"));
        using (var stream = File.Create(huge))
        {
            stream.SetLength(3L * 1024 * 1024 * 1024); // sparse: nothing written to the disk
        }

        // Another opening: the same text under another name would be a duplicate of the first.
        var later = archive.WriteText(Path.Combine("in", "sub", "later.txt"),
            ArticlePages.Klingner.Replace("The U.S.-South Korea partnership", "Later, the U.S.-South Korea partnership", StringComparison.Ordinal));

        var results = new IngestRun(archive.Writer).Ingest([archive.PathOf("in")]);

        results.Where(r => !r.Failed).Select(r => r.Path).Should().Equal(good, later);
        results.Where(r => r.Failed).ToDictionary(r => r.Path, r => r.Error).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            [dangling] = $"{dangling}: is a symbolic link to nowhere.txt, which does not exist",
            [fifo] = $"{fifo}: is a FIFO (named pipe), not a regular file",
            [huge] = $"{huge}: is 3,221,225,472 bytes, over the limit of 2,097,152 bytes for one article",
            [withFifoSidecar] = $"{fifoSidecar}: is a FIFO (named pipe), not a regular file",
            [loop] = $"{loop}: is the folder {archive.PathOf("in")} again, reached through a symbolic link; not read twice",
            [zero] = $"{zero}: is a character device, not a regular file",
        });
        archive.Reader.ListArticles(ArticleFilter.None, ArticleSort.NewestFirst, PageRequest.First).Items.Select(a => a.Slug)
            .Should().BeEquivalentTo("good", "later");
    }

    [Fact]
    public void TwoLinksToOneFolderReadItOnce()
    {
        archive.CopyKlingner(Path.Combine("texts", "one.txt"));
        Link(Path.Combine("in", "a"), Path.Combine("..", "texts"));
        var second = Link(Path.Combine("in", "b"), Path.Combine("..", "texts"));

        var results = new IngestRun(archive.Writer).Ingest([archive.PathOf("in")]);

        results.Select(r => (r.Path, r.Outcome, r.Error)).Should().Equal(
            (archive.PathOf(Path.Combine("in", "a", "one.txt")), SaveOutcome.Ingested, null),
            (second, null, $"{second}: is the folder {archive.PathOf(Path.Combine("in", "a"))} again, reached through a symbolic link; not read twice"));
    }

    [Fact]
    public void EachResultIsHandedBackBeforeTheNextPathIsEvenAskedFor()
    {
        var first = archive.CopyKlingner("first.txt");
        var second = archive.CopyKlingner("second.txt");
        var asked = new List<string>();

        IEnumerable<string> Paths()
        {
            asked.Add(first);
            yield return first;
            asked.Add(second);
            yield return second;
        }

        using var results = new IngestRun(archive.Writer).IngestEach(Paths()).GetEnumerator();
        results.MoveNext().Should().BeTrue();

        results.Current.Path.Should().Be(first);
        results.Current.Outcome.Should().Be(SaveOutcome.Ingested);
        results.MoveNext().Should().BeTrue();
        results.Current.Path.Should().Be(second);
        asked.Should().Equal(first, second);
    }

    [Fact]
    public void AFileNameWithANewlineIsPrintedEscapedOnOneLine()
    {
        var name = archive.CopyKlingner("two\nlines\u202E.txt");
        var empty = archive.WriteText("bad\tname.txt", "");

        var results = new IngestRun(archive.Writer).Ingest([name, empty]);

        results[0].ToString().Should().Be($"ingested {archive.Folder}/two\\nlines\\u202E.txt → two-lines");
        results[1].ToString().Should().Be($"error {archive.Folder}/bad\\tname.txt: is empty");
        results.Select(r => r.ToString()).Should().AllSatisfy(line => line.Should().NotContainAny("\n", "\t", "\u202E"));
    }

    [Fact]
    public void ASlugTakenByAFileOfAnEarlierRunInAnotherFolderNamesThatFilesFolder()
    {
        var first = archive.CopyKlingner(Path.Combine("2024", "klingner.txt"));
        new IngestRun(archive.Writer).Ingest([first]);
        var clash = archive.CopyKlingner(Path.Combine("2025", "Klingner.txt"));

        var result = new IngestRun(archive.Writer).Ingest([clash]).Single();

        result.Error.Should().Be($"{clash}: its slug \"klingner\" is already taken by {first}; rename one of the two files");
    }

    [Fact]
    public void ASidecarOverItsSizeLimitIsRefusedBeforeItIsRead()
    {
        var text = archive.CopyKlingner("big.txt");
        var sidecar = archive.WriteText("big.meta.json", "{\"title\": \"" + new string('T', ArticleFile.MaxSidecarBytes) + "\"}");

        var result = new IngestRun(archive.Writer).Ingest([text]).Single();

        result.Error.Should().Be($"{sidecar}: is 65,549 bytes, over the limit of 65,536 bytes for a sidecar");
    }

    [Theory]
    [InlineData("title", 501, "\"title\" is 501 characters long; the limit is 500")]
    [InlineData("license", 201, "\"license\" is 201 characters long; the limit is 200")]
    public void ASidecarFieldOverItsLengthLimitIsRefused(string field, int length, string reason)
    {
        var text = archive.CopyKlingner("long.txt");
        var sidecar = archive.WriteText("long.meta.json", $"{{\"{field}\": \"{new string('x', length)}\"}}");

        var result = new IngestRun(archive.Writer).Ingest([text]).Single();

        result.Error.Should().Be($"{sidecar}: {reason}");
    }

    private string MakeFifo(string name)
    {
        var path = archive.PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Syscall.mkfifo(path, FilePermissions.DEFFILEMODE).Should().Be(0);
        return path;
    }

    private string Link(string name, string target)
    {
        var path = archive.PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }
}

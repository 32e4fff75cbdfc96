using System.Collections.Concurrent;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Tests.Reliability;

/// <summary>
/// Issue 10, item 4: an article was read in two statements with no transaction between them, and
/// a commit in between gave one version's metadata with the other's paragraphs (5 of 45,400 reads
/// during repeated ingests). Readers on their own threads hammer one real database file while a
/// writer saves new versions; every answer must be exactly one version that was written.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class TornReadTests : IDisposable
{
    private const int Reads = 1_000;
    private const int MaxVersions = 2_000;
    private const int Readers = 2;

    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    [Fact]
    public async Task EveryArticleReadDuringRepeatedSavesIsOneWholeVersion()
    {
        var writer = archive.Writer;
        writer.Save(VersionedArticle.Version(0));
        var torn = new ConcurrentBag<string>();
        var reads = 0;
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(() =>
        {
            var reader = new ArchiveReader(archive.Database);
            while (!done.IsCancellationRequested)
            {
                var article = reader.FindArticle(VersionedArticle.Slug)!;
                Interlocked.Increment(ref reads);
                var version = article.Summary.Title;
                var paragraphs = article.Sections.SelectMany(s => s.Paragraphs).Select(p => VersionedArticle.VersionOf(p.Text)).Distinct().ToList();
                if (paragraphs is not [var only] || only != version || VersionedArticle.VersionOf(article.Summary.Summary) != version)
                {
                    torn.Add($"title {version}, paragraphs {string.Join(", ", paragraphs)}");
                }
            }
        })).ToList();

        // Versions are saved until the readers have read enough during the saves, however busy the machine.
        var saved = 0;
        while (Volatile.Read(ref reads) < Reads && saved < MaxVersions)
        {
            writer.Save(VersionedArticle.Version(++saved));
        }

        done.Cancel();
        await Task.WhenAll(readers);

        reads.Should().BeGreaterThanOrEqualTo(Reads, $"the readers ran during the {saved} saves");
        torn.Should().BeEmpty($"each of {reads:N0} reads must be one version");
    }
}

using System.Text;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;

namespace KoreaPolicy.Tests;

/// <summary>Every way a file on disk can fail to be an article text gets an error naming the file and the line.</summary>
public sealed class ArticleFileTests : IDisposable
{
    private readonly TemporaryArchive archive = new();

    public void Dispose() => archive.Dispose();

    [Fact]
    public void ReadingAnEmptyFileSaysItIsEmpty()
    {
        var path = archive.WriteBytes("empty.txt", []);

        var error = ReadFails(path);

        error.Line.Should().BeNull();
        error.Reason.Should().Be("is empty");
        error.Message.Should().Be($"{path}: is empty");
    }

    [Fact]
    public void ReadingAWhitespaceOnlyFileSaysItIsEmpty()
    {
        var path = archive.WriteText("blank.txt", "  \n\t\r\n   \n");

        var error = ReadFails(path);

        error.Reason.Should().Be("is empty");
        error.File.Should().Be(path);
    }

    [Fact]
    public void ReadingAFileWithNulBytesSaysItIsNotTextAndNamesTheLine()
    {
        var path = archive.WriteBytes("nul.txt", [.. "first line\nsecond"u8, 0x00, .. " line\n"u8]);

        var error = ReadFails(path);

        error.Line.Should().Be(2);
        error.Reason.Should().Be("is not text: it contains the control character U+0000");
        error.Message.Should().StartWith($"{path}:2: ");
    }

    [Fact]
    public void ReadingAPngImageSaysItIsNotText()
    {
        // The PNG signature: 0x89 is not valid UTF-8 on its own, so the decoder stops at byte 0.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var path = archive.WriteBytes("picture.txt", png);

        var error = ReadFails(path);

        error.File.Should().Be(path);
        error.Line.Should().Be(1);
        error.Reason.Should().Be("is not valid UTF-8 (byte 0x89 at offset 0)");
    }

    [Fact]
    public void ReadingInvalidUtf8InTheThirdLineNamesLineThree()
    {
        // A Latin-1 "é" (0xE9) where UTF-8 needs two bytes; 13 + 15 + 3 bytes come before it.
        var path = archive.WriteBytes("latin1.txt", [.. "Korea Policy\nFrom the Issue\nCaf"u8, 0xE9, .. " society\nmore\n"u8]);

        var error = ReadFails(path);

        error.Line.Should().Be(3);
        error.Reason.Should().Be("is not valid UTF-8 (byte 0xE9 at offset 31)");
        error.Message.Should().Be($"{path}:3: is not valid UTF-8 (byte 0xE9 at offset 31)");
    }

    [Fact]
    public void ReadingAFileThatEndsInsideACharacterNamesTheLastLine()
    {
        // "’" is E2 80 99 in UTF-8; the file was cut after its second byte.
        var path = archive.WriteBytes("cut.txt", [.. "one\ntwo\nthree\nfour"u8, 0xE2, 0x80]);

        var error = ReadFails(path);

        error.Line.Should().Be(4);
        error.Reason.Should().Be("is not valid UTF-8 (byte 0xE2 at offset 18)");
    }

    [Fact]
    public void ReadingAControlCharacterCountsLinesOfAWindowsFile()
    {
        var path = archive.WriteText("crlf.txt", "one\r\ntwo\r\nthree \u001B[0m\r\n");

        var error = ReadFails(path);

        error.Line.Should().Be(3);
        error.Reason.Should().Be("is not text: it contains the control character U+001B");
    }

    [Fact]
    public void ReadingAFileThatIsOnlyAByteOrderMarkSaysItIsEmpty()
    {
        var path = archive.WriteBytes("bom-only.txt", [0xEF, 0xBB, 0xBF]);

        ReadFails(path).Reason.Should().Be("is empty");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFE, 0xFF })]
    public void ReadingUtf16TextAsksForUtf8(byte[] bom)
    {
        var encoding = bom[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var path = archive.WriteBytes("utf16.txt", [.. bom, .. encoding.GetBytes("Korea Policy\nAuthor: Bruce Klingner\n")]);

        var error = ReadFails(path);

        error.Line.Should().Be(1);
        error.Reason.Should().Be("is UTF-16 text; save it as UTF-8");
    }

    [Fact]
    public void ReadingAFileOverTheSizeLimitGivesItsSizeAndTheLimit()
    {
        var path = archive.PathOf("huge.txt");
        using (var stream = File.Create(path))
        {
            // Setting the length alone makes a sparse file: no 2 MiB written to the disk.
            stream.SetLength(ArticleFile.MaxBytes + 1L);
        }

        var error = ReadFails(path);

        error.Line.Should().BeNull();
        error.Reason.Should().Be("is 2,097,153 bytes, over the limit of 2,097,152 bytes for one article");
    }

    [Fact]
    public void ReadingAFileExactlyAtTheSizeLimitIsNotRefusedForItsSize()
    {
        var path = archive.WriteBytes("at-limit.txt", Enumerable.Repeat((byte)'a', ArticleFile.MaxBytes).ToArray());

        var file = ArticleFile.Read(path);

        file.Text.Length.Should().Be(ArticleFile.MaxBytes);
    }

    [Fact]
    public void ReadingAMissingFileSaysThereIsNoSuchFile()
    {
        var path = archive.PathOf("nowhere.txt");

        var error = ReadFails(path);

        error.Message.Should().Be($"{path}: no such file");
    }

    [Fact]
    public void ReadingAUtf8FileWithAByteOrderMarkDropsTheMark()
    {
        var path = archive.WriteBytes("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Korea’s Economy\nline two\n")]);

        var file = ArticleFile.Read(path);

        file.Text.Should().Be("Korea’s Economy\nline two\n");
        file.Sidecar.Should().BeNull();
        file.SidecarJson.Should().BeNull();
        file.FileName.Should().Be("bom.txt");
    }

    [Fact]
    public void ReadingTheGivenArticleKeepsItsTextExactly()
    {
        var path = archive.CopyKlingner();

        var file = ArticleFile.Read(path);

        file.Text.Should().Be(ArticlePages.Klingner);
        file.Path.Should().Be(path);
    }

    [Fact]
    public void ReadingAnArticleWithASidecarReadsEveryField()
    {
        var path = archive.CopyKlingner();
        var json = """
            {
              // Comments and a trailing comma are forgiven: editors write these by hand.
              "title": "  Tempestuous Times  ",
              "canonicalUrl": "https://keia.org/publication/klingner",
              "doi": "10.1234/kp.3.2.1",
              "license": "CC BY 4.0",
            }
            """;
        archive.WriteText("korea-policy-vol-3-issue-2-klingner.meta.json", json);

        var file = ArticleFile.Read(path);

        file.Sidecar.Should().Be(new ArticleSidecar("  Tempestuous Times  ", "https://keia.org/publication/klingner", "10.1234/kp.3.2.1", "CC BY 4.0"));
        file.SidecarJson.Should().Be(json);
    }

    [Fact]
    public void ReadingASidecarWithBrokenJsonNamesTheSidecarAndTheLine()
    {
        var path = archive.CopyKlingner();
        var sidecar = archive.WriteText("korea-policy-vol-3-issue-2-klingner.meta.json", "{\n  \"title\": \"A\"\n  \"doi\": \"10.1/x\"\n}\n");

        var error = ReadFails(path);

        error.File.Should().Be(sidecar);
        error.Line.Should().Be(3);
        error.Reason.Should().StartWith("is not a valid sidecar: ");
        error.Reason.Should().NotContain("LineNumber", "the file:line prefix says it already");
    }

    [Fact]
    public void ReadingASidecarWithAnUnknownFieldNamesTheField()
    {
        var path = archive.CopyKlingner();
        var sidecar = archive.WriteText("korea-policy-vol-3-issue-2-klingner.meta.json", "{\n  \"title\": \"A\",\n  \"subtitle\": \"B\"\n}\n");

        var error = ReadFails(path);

        error.File.Should().Be(sidecar);
        error.Reason.Should().StartWith("is not a valid sidecar: ").And.Contain("subtitle");
    }

    [Theory]
    [InlineData("ftp://keia.org/article")]
    [InlineData("keia.org/article")]
    [InlineData("/publication/article")]
    public void ReadingASidecarWhoseCanonicalUrlIsNotHttpRefusesIt(string url)
    {
        var path = archive.CopyKlingner();
        var sidecar = archive.WriteText("korea-policy-vol-3-issue-2-klingner.meta.json", $"{{ \"canonicalUrl\": \"{url}\" }}");

        var error = ReadFails(path);

        error.File.Should().Be(sidecar);
        error.Reason.Should().Be($"\"canonicalUrl\" is not an absolute http(s) URL: {url}");
    }

    [Theory]
    [InlineData("https://doi.org/10.1234/kp.3.2")]
    [InlineData("10.1234")]
    [InlineData("doi:10.1234/kp")]
    public void ReadingASidecarWithAMalformedDoiRefusesIt(string doi)
    {
        var path = archive.CopyKlingner();
        var sidecar = archive.WriteText("korea-policy-vol-3-issue-2-klingner.meta.json", $"{{ \"doi\": \"{doi}\" }}");

        var error = ReadFails(path);

        error.File.Should().Be(sidecar);
        error.Reason.Should().Be($"\"doi\" is not a DOI of the form 10.NNNN/suffix: {doi}");
    }

    [Fact]
    public void ReadingASidecarWithABlankTitleRefusesIt()
    {
        var path = archive.CopyKlingner();
        archive.WriteText("korea-policy-vol-3-issue-2-klingner.meta.json", "{ \"title\": \"   \" }");

        ReadFails(path).Reason.Should().Be("\"title\" is blank");
    }

    [Fact]
    public void ReadingASidecarThatIsNullAsksForAnObject()
    {
        var path = archive.CopyKlingner();
        archive.WriteText("korea-policy-vol-3-issue-2-klingner.meta.json", "null");

        var error = ReadFails(path);

        error.Line.Should().Be(1);
        error.Reason.Should().Be("is not a valid sidecar: expected a JSON object");
    }

    private static IngestionException ReadFails(string path)
    {
        var read = () => ArticleFile.Read(path);
        return read.Should().Throw<IngestionException>().Which;
    }
}

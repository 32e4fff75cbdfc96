using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KoreaPolicy.Bench;
using KoreaPolicy.Ingestion;

namespace KoreaPolicy.Microbench;

/// <summary>
/// Brotli and gzip at each level over bodies the size and shape of the API's: the real article as
/// JSON (its parsed paragraphs, about 9 KB) and one paragraph (under 1 KB). What a level costs in
/// CPU, set against the bytes it saves, is how the API's level was chosen
/// (src/KoreaPolicy.Api/Hosting/ResponseCompression.cs). The compressed size of each is printed
/// once by the setup, since BenchmarkDotNet reports time and allocation only.
/// </summary>
[MemoryDiagnoser]
public class CompressionBenchmarks
{
    private byte[] body = [];

    [Params("article", "paragraph")]
    public string Body { get; set; } = "";

    [Params("brotli", "gzip")]
    public string Encoding { get; set; } = "";

    [Params(CompressionLevel.Fastest, CompressionLevel.Optimal)]
    public CompressionLevel Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var paragraphs = ArticleParser.Parse(SourceArticle.Load().Text).Paragraphs
            .Select((p, i) => new { number = i + 1, text = p.Text }).ToList();
        body = Body == "article"
            ? JsonSerializer.SerializeToUtf8Bytes(new { paragraphs })
            : JsonSerializer.SerializeToUtf8Bytes(paragraphs[6]);
        Console.WriteLine($"// {Body} {body.Length} B → {Encoding} {Level}: {Compress().Length} B");
    }

    [Benchmark(Description = "Compress")]
    public byte[] Compress()
    {
        using var output = new MemoryStream();
        using (Stream compressor = Encoding == "brotli"
            ? new BrotliStream(output, Level, leaveOpen: true)
            : new GZipStream(output, Level, leaveOpen: true))
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }
}

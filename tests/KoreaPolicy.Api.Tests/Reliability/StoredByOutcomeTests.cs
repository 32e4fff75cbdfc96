using System.Net;
using System.Net.Http.Headers;
using Dapper;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Storage;
using Microsoft.Extensions.Primitives;

namespace KoreaPolicy.Api.Tests.Reliability;

/// <summary>
/// Issue 10, item 1: a stored response is found again by what the request negotiates (the
/// representation and the content coding), whatever the text of its <c>Accept</c> and
/// <c>Accept-Encoding</c>; a different outcome is a different response.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class StoredByOutcomeTests
{
    private const string Paragraph = $"/api/articles/{KoreaPolicyApplication.ArticleSlug}/paragraphs/3";

    [Fact]
    public async Task AnotherAcceptTextThatNegotiatesTheSameRepresentationIsAnsweredFromTheStore()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();
        var first = await Get(client, "text/html", "gzip");
        ChangeBehindTheServersBack(app);

        var sameOutcome = await Get(client, "text/html;q=0.9, application/x-never-heard-of;q=0.8, image/png;q=0.1", "gzip;q=1.0, deflate;q=0.5");
        var otherOutcome = await Get(client, "text/markdown", "gzip");

        sameOutcome.ETag.Should().Be(first.ETag, "html in gzip was stored, and this request negotiates html in gzip");
        sameOutcome.Body.Should().Equal(first.Body);
        otherOutcome.Text.Should().Contain("Changed behind the server's back", "markdown was never built, so it is built now");
    }

    [Fact]
    public async Task AnotherAcceptEncodingTextThatChoosesTheSameCodingIsAnsweredFromTheStoreAndAnotherCodingIsNot()
    {
        using var app = new KoreaPolicyApplication();
        var client = app.CreateClient();
        var brotli = await Get(client, "application/json", "gzip, br");
        ChangeBehindTheServersBack(app);

        var brotliAgain = await Get(client, "application/json", "br;q=0.9, gzip;q=0.8, x-junk-coding");
        var identity = await Get(client, "application/json", "x-only-junk");

        brotli.Coding.Should().Be("br");
        brotliAgain.ETag.Should().Be(brotli.ETag);
        identity.Coding.Should().BeNull();
        identity.Text.Should().Contain("Changed behind the server's back");
    }

    [Theory]
    [InlineData("", ContentCoding.Identity)]
    [InlineData("gzip", ContentCoding.Gzip)]
    [InlineData("gzip, br", ContentCoding.Brotli)]
    [InlineData("br;q=0.5, gzip", ContentCoding.Gzip)]
    [InlineData("*", ContentCoding.Brotli)]
    [InlineData("*;q=0.5, br;q=0", ContentCoding.Gzip)]
    [InlineData("identity, gzip;q=0.5", ContentCoding.Identity)]
    [InlineData("gzip;q=0", ContentCoding.Identity)]
    [InlineData("deflate, x-junk", ContentCoding.Identity)]
    [InlineData("GZIP;Q=0.3", ContentCoding.Gzip)]
    public void TheContentCodingIsChosenByQualityAmongTheOffered(string acceptEncoding, string coding) =>
        ContentCoding.Choose(new StringValues(acceptEncoding.Length == 0 ? [] : [acceptEncoding])).Should().Be(coding);

    private static void ChangeBehindTheServersBack(KoreaPolicyApplication app)
    {
        // Without raising the version, as no ingestion would: only a stored answer still shows the old text.
        using var connection = new ArchiveDatabase(app.DatabasePath).Open();
        connection.Execute("UPDATE paragraphs SET text = 'Changed behind the server''s back.' WHERE number = 3");
    }

    private static async Task<(EntityTagHeaderValue? ETag, byte[] Body, string? Coding, string Text)> Get(HttpClient client, string accept, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Paragraph);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsByteArrayAsync();
        var coding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        using var decoded = coding switch
        {
            "br" => new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress),
            _ => (Stream)new MemoryStream(body),
        };
        return (response.Headers.ETag, body, coding, await new StreamReader(decoded).ReadToEndAsync());
    }
}

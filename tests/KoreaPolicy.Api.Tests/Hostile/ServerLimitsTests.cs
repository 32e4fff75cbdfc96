using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using static KoreaPolicy.Api.Tests.WriteSupport;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Requests past what the server takes, over a raw socket to Kestrel on loopback (an HTTP client
/// would refuse to send most of them): each gets a 4xx, and the server goes on answering.
/// </summary>
public sealed class ServerLimitsTests : IClassFixture<ServerLimitsTests.Served>
{
    private readonly Served served;

    public ServerLimitsTests(Served served) => this.served = served;

    [Fact]
    public async Task AUrlPastKestrelsRequestLineLimitIs414()
    {
        (await StatusAsync($"GET /api/search?q={new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n")).Should().Be(414);
        (await StatusAsync($"GET /api/articles/{new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n")).Should().Be(414);
    }

    [Fact]
    public async Task HeadersPastKestrelsLimitsAre431()
    {
        (await StatusAsync($"GET /api/articles HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('b', 40_000)}\r\n\r\n")).Should().Be(431);
        var many = string.Concat(Enumerable.Range(0, 120).Select(i => $"X-Header-{i}: {i}\r\n"));
        (await StatusAsync($"GET /api/articles HTTP/1.1\r\nHost: localhost\r\n{many}\r\n")).Should().Be(431);
        (await StatusAsync($"GET /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {new string('k', 40_000)}\r\n\r\n")).Should().Be(431);
    }

    [Theory]
    [InlineData("/api/articles/%00")]
    [InlineData("/api/articles/%FF%FE")]
    [InlineData("/api/articles/a%2")]
    [InlineData("/api/search?q=%FF%FE%00")]
    [InlineData("/api/articles/../../etc/passwd")]
    public async Task AMalformedOrHostilePathIsA4xx(string target)
    {
        var status = await StatusAsync($"GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        status.Should().BeInRange(400, 499);
    }

    [Fact]
    public async Task AWriteThatDeclaresAHugeBodyIs413BeforeAnyOfItIsRead()
    {
        var key = served.App.AddKey("write");

        var status = await StatusAsync(
            $"PUT {ArticlePath} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {key}\r\nContent-Type: text/plain\r\nContent-Length: 107374182400\r\n\r\n");

        status.Should().Be(413);
    }

    [Fact]
    public async Task AChunkedWriteThatRunsPastTheLimitIsCutOffWith413()
    {
        var key = served.App.AddKey("write");
        var chunk = new string('x', 64 * 1024);
        var body = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            body.Append($"{chunk.Length:X}\r\n{chunk}\r\n");
        }

        body.Append("0\r\n\r\n");
        var status = await StatusAsync(
            $"PUT /api/articles/chunked HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {key}\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n{body}");

        status.Should().Be(413);
        (await served.Client.GetAsync("/api/articles/chunked")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheServerGoesOnAnsweringAfterEachOfThem()
    {
        await StatusAsync($"GET /api/search?q={new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n");
        await StatusAsync($"GET /api/articles HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('b', 40_000)}\r\n\r\n");

        (await served.Client.GetAsync(ArticlePath)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Sends the bytes on a new connection and reads the status code of the answer.</summary>
    private async Task<int> StatusAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, served.Port);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        }
        catch (IOException)
        {
            // The server may answer and close before reading all of a body it refuses.
        }

        var buffer = new byte[64];
        var read = 0;
        while (read < 12)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read));
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var statusLine = Encoding.ASCII.GetString(buffer, 0, read);
        statusLine.Should().StartWith("HTTP/1.1 ");
        return int.Parse(statusLine[9..12], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The application on Kestrel, on loopback.</summary>
    public sealed class Served : IDisposable
    {
        public Served()
        {
            App = new KoreaPolicyApplication { Settings = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" } };
            App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            App.StartServer();
            Client = App.CreateClient();
            Port = Client.BaseAddress!.Port;
        }

        public KoreaPolicyApplication App { get; }

        public HttpClient Client { get; }

        public int Port { get; }

        public void Dispose() => App.Dispose();
    }
}

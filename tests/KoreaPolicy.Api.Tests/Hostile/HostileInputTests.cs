using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using static KoreaPolicy.Api.Tests.WriteSupport;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Property tests of hostile input (CsCheck, which shrinks a failure to a small case and prints
/// its seed): any search query, any value of any query parameter of any endpoint, and any body of
/// any write gets an answer or a 4xx problem, never a 5xx, never an SQLite error in the answer;
/// and a refused write writes nothing.
/// </summary>
public sealed class HostileInputTests : IClassFixture<HostileInputTests.Application>
{
    private const int Iterations = 400;

    // What an attacker, a fuzzer or a careless client sends: the query language's own syntax,
    // SQL and FTS5 syntax, escapes, control characters, numbers past every range, long runs.
    private static readonly string[] Nasty =
    [
        "\"", "\"\"", "\"unclosed", "*", "-", "--", "OR", "AND", "NOT", "NEAR", "NEAR(a b, 2)", "(", ")", "()", "^", ":", "title:x",
        "a OR", "OR b", "- -x", "x*", "*x", "\"a b\"*", "' OR 1=1 --", "'; DROP TABLE articles; --", "\\", "%", "%%", "%00", "%FF%FE",
        "\0", "\u0001", "\u001f", "\u007f", "\u200b", "\ufeff", "\ud83d\ude00", "é", "한국", "ا", "0", "-1", "1e9", "99999999999999999999",
        "2147483648", "-2147483649", "1.5", "NaN", "2025-02-30", "0000-00-00", "9999-12-31", "2025-1-1", ",", ",,", "a,,b", "security,", " ",
        "\t", "\r\n", "null", "undefined", "true", "{}", "[]", "<script>", "../../etc/passwd", "alliance", "korea-policy",
        new string('a', 5000), new string('"', 301), string.Concat(Enumerable.Repeat("OR ", 500)), string.Concat(Enumerable.Repeat("x* ", 300)),
    ];

    private static readonly Gen<string> Value = Gen.Frequency(
        (4, Gen.OneOf(Nasty)),
        (2, Gen.OneOf(Nasty).Array[1, 6].Select(parts => string.Join(' ', parts))),
        (2, Gen.String[0, 40]),
        (1, Gen.Char.Array[0, 300].Select(chars => new string(chars))));

    private readonly Application app;
    private readonly HttpClient client;

    public HostileInputTests(Application app)
    {
        this.app = app;
        client = app.CreateClient();
    }

    [Fact]
    public async Task AnySearchQueryGivesResultsOrA400NeverA500OrAnSqliteError()
    {
        await Value.SampleAsync(async query => await ExpectAnswerOr4xxAsync($"/api/search?q={Encode(query)}", [200, 400]), iter: Iterations);
    }

    [Fact]
    public async Task AnyValueOfAnyQueryParameterOfAnyEndpointIsAnAnswerOrA4xx()
    {
        var operations = await QueryOperationsAsync();
        operations.Should().HaveCountGreaterThan(15, "the document lists every endpoint and its parameters");
        var request = Gen.Select(Gen.OneOf(operations.ToArray()), Value.Array[1, 4], Gen.Bool).Select((operation, values, realPath) =>
        {
            var path = operation.Path;
            foreach (var parameter in operation.PathParameters)
            {
                // The in-memory test server refuses a NUL in a path before sending it; over real HTTP
                // Kestrel answers it with 400 (ServerLimitsTests).
                var value = realPath ? Real(parameter) : WithoutNul(Encode(values[0]));
                path = path.Replace($"{{{parameter}}}", value, StringComparison.Ordinal);
            }

            var query = operation.QueryParameters.Select((name, i) => $"{name}={Encode(values[i % values.Length])}");
            return $"{path}?{string.Join('&', query)}";
        });

        await request.SampleAsync(async url => await ExpectAnswerOr4xxAsync(url, null), iter: Iterations * 2);
    }

    [Fact]
    public async Task AnyPutBodyIsSavedWholeOrRefusedWithA4xxThatWritesNothing()
    {
        var writer = app.ClientWithKey(app.AddKey("write"));
        var body = Gen.Frequency(
            (3, Mutated),
            (1, Gen.String[0, 200].Select(Encoding.UTF8.GetBytes)),
            (1, Gen.Byte.Array[0, 400]));
        var contentType = Gen.Frequency(
            (6, Gen.Const("text/plain; charset=utf-8")),
            (1, Gen.OneOf("text/plain", "text/plain; charset=latin1", "application/json", "text/html", "", "garbage", "multipart/form-data")));
        var serial = 0;

        await Gen.Select(body, contentType).SampleAsync(async (bytes, type) =>
        {
            var slug = $"hostile-{Interlocked.Increment(ref serial)}";
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            await ExpectSavedOrNothingAsync(writer, HttpMethod.Put, $"/api/articles/{slug}", content, "*", createOnly: true, [201, 400, 409, 413, 415, 422]);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public async Task AnyMultipartBodyIsSavedWholeOrRefusedWithA4xxThatWritesNothing()
    {
        var writer = app.ClientWithKey(app.AddKey("write"));
        var part = Gen.Select(
            Gen.OneOf("text", "metadata", "text", "attachment", "", "TEXT", "text\"; name=\"metadata"),
            Gen.OneOf("text/plain", "application/json", "text/plain; charset=utf-16", "image/png", ""),
            Gen.Frequency((2, Mutated), (1, Json.Select(j => Encoding.UTF8.GetBytes(j))), (1, Gen.Byte.Array[0, 200])));
        var serial = 0;

        await part.Array[0, 4].SampleAsync(async parts =>
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, type, bytes) in parts)
            {
                // Written raw: HttpClient's own helpers refuse the strangest names, which a hostile client would not.
                var piece = new ByteArrayContent(bytes);
                piece.Headers.TryAddWithoutValidation("Content-Type", type);
                piece.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"");
                content.Add(piece);
            }

            var slug = $"hostile-multipart-{Interlocked.Increment(ref serial)}";
            await ExpectSavedOrNothingAsync(writer, HttpMethod.Put, $"/api/articles/{slug}", content, "*", createOnly: true, [201, 400, 409, 413, 415, 422]);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public async Task AnyMergePatchIsAppliedOrRefusedWithA4xxThatWritesNothing()
    {
        var writer = app.ClientWithKey(app.AddKey("write"));

        await Gen.Frequency((5, Json), (1, Gen.String[0, 80])).SampleAsync(async patch =>
        {
            var content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json");
            await ExpectSavedOrNothingAsync(writer, HttpMethod.Patch, $"{ArticlePath}/metadata", content, "*", createOnly: false, [200, 400, 413, 422]);
        }, iter: Iterations, threads: 1);
    }

    /// <summary>The article text with random damage: lines dropped, doubled, cut, characters inserted.</summary>
    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 10_000], Gen.Int[0, 10_000], Value).Select((kind, a, b, insert) =>
        {
            var lines = ArticleText.Split('\n').ToList();
            var i = a % lines.Count;
            var j = b % lines.Count;
            var text = kind switch
            {
                0 => string.Join('\n', lines.Where((_, n) => n != i)),
                1 => string.Join('\n', lines.Take(i)),
                2 => string.Join('\n', lines.Select((line, n) => n == i ? insert + line : line)),
                3 => string.Join('\n', lines.Select((line, n) => n == i ? lines[j] : n == j ? lines[i] : line)),
                4 => ArticleText[..(a % ArticleText.Length)],
                _ => string.Join('\n', lines.Select((line, n) => n == i ? line[..(b % (line.Length + 1))] : line)),
            };
            return Encoding.UTF8.GetBytes(text);
        });

    /// <summary>JSON of the facts' shape and of no shape: members the sidecar knows and others, values of every kind.</summary>
    private static readonly Gen<string> Json = Gen.Recursive<JsonNode?>((depth, node) =>
    {
        var scalar = Gen.OneOf<JsonNode?>(
            Gen.Const((JsonNode?)null),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Int.Select(n => (JsonNode?)JsonValue.Create(n)),
            Gen.Double.Select(d => (JsonNode?)JsonValue.Create(double.IsFinite(d) ? d : 0)),
            Value.Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.OneOf("https://keia.org/x", "10.1234/kp.1", "CC BY 4.0", "2026-01-05", "A Title").Select(s => (JsonNode?)JsonValue.Create(s)));
        if (depth > 3)
        {
            return scalar;
        }

        var name = Gen.OneOf("title", "canonicalUrl", "doi", "license", "correction", "note", "date", "Title", "links", "");
        var obj = Gen.Select(name, node).Array[0, 5].Select(members =>
        {
            var o = new JsonObject();
            foreach (var (key, value) in members)
            {
                o[key] = value?.DeepClone();
            }

            return (JsonNode?)o;
        });
        var array = node.Array[0, 3].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()));
        return Gen.Frequency((3, obj), (1, array), (2, scalar));
    }).Select(node => node?.ToJsonString() ?? "null");

    /// <summary>A GET answers with a success, a redirect or a 4xx problem; never a 5xx, and never SQLite's words.</summary>
    private async Task ExpectAnswerOr4xxAsync(string url, int[]? allowed)
    {
        using var response = await client.GetAsync(url);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        // The one 5xx a request can cause: oEmbed asked for a format other than JSON is a 501, as
        // the oEmbed specification (§2.3.4) requires of a provider.
        var oEmbedFormat = status == 501 && url.StartsWith("/oembed?", StringComparison.Ordinal);
        if (!oEmbedFormat)
        {
            status.Should().BeLessThan(500, $"GET {url} answered {body}");
        }

        if (allowed is not null)
        {
            allowed.Should().Contain(status, $"GET {url} answered {body}");
        }

        body.Should().NotContainAny(["SQLite", "sqlite", "fts5", "SQL logic"]);
        if (status >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", url);
            JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32().Should().Be(status);
        }
    }

    /// <summary>A write either changes the archive (and the article reads back) or answers a 4xx and changes nothing.</summary>
    private async Task ExpectSavedOrNothingAsync(HttpClient writer, HttpMethod method, string url, HttpContent content, string condition, bool createOnly, int[] allowed)
    {
        var before = app.ArchiveVersion();
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.TryAddWithoutValidation(createOnly ? "If-None-Match" : "If-Match", condition);
        using var response = await writer.SendAsync(request);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        allowed.Should().Contain(status, $"{method} {url} answered {body}");
        body.Should().NotContainAny(["SQLite", "sqlite", "SQL logic"]);
        if (status >= 400)
        {
            app.ArchiveVersion().Should().Be(before, $"a refused write ({status}) writes nothing: {body}");
            return;
        }

        var slug = url.Split('/')[3];
        (await client.GetAsync($"/api/articles/{slug}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private sealed record Operation(string Path, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters);

    /// <summary>Every GET of the OpenAPI document that takes query parameters, with its path and query parameters.</summary>
    private async Task<List<Operation>> QueryOperationsAsync()
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }

            var all = parameters.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString())).ToList();
            operations.Add(new Operation(path.Name, all.Where(p => p.In == "path").Select(p => p.Name).ToList(), all.Where(p => p.In == "query").Select(p => p.Name).ToList()));
        }

        return operations;
    }

    /// <summary>A path value that names something, so the query parameters are read and not cut short by a 404.</summary>
    private static string Real(string parameter) => parameter switch
    {
        "section" => "2",
        "number" => "7",
        "issue" => "vol-3-issue-2",
        "revision" => "1",
        _ => Slug,
    };

    /// <summary>
    /// Every NUL taken out: a raw one (a value passed through unescaped because it starts with '%'),
    /// and every escaped one, including one that taking out another makes ("%%0000").
    /// </summary>
    private static string WithoutNul(string path)
    {
        path = path.Replace("\0", "", StringComparison.Ordinal);
        while (path.Contains("%00", StringComparison.Ordinal))
        {
            path = path.Replace("%00", "", StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>Percent-encodes the UTF-8 of any string, a lone surrogate included (as U+FFFD), and sometimes passes raw escapes through.</summary>
    private static string Encode(string value) =>
        value.StartsWith('%') ? value : string.Concat(Encoding.UTF8.GetBytes(value).Select(b => char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : $"%{b:X2}"));

    /// <summary>One archive for all of these tests, with rate limits out of the way: the fuzzing is the point here.</summary>
    public sealed class Application : IDisposable
    {
        private readonly KoreaPolicyApplication app = new()
        {
            Settings = new Dictionary<string, string?>
            {
                ["RateLimits:Enabled"] = "false",
            },
        };

        public HttpClient CreateClient() => app.CreateClient();

        public string AddKey(string scopes) => app.AddKey(scopes);

        public HttpClient ClientWithKey(string key) => app.ClientWithKey(key);

        public long ArchiveVersion() => app.ArchiveVersion();

        public void Dispose() => app.Dispose();
    }
}

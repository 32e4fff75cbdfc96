using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using KoreaPolicy.Model;

namespace KoreaPolicy.Ingestion;

/// <summary>
/// One article as it sits on disk: the text file, checked to be readable UTF-8 text, and its
/// optional sidecar (<c>name.meta.json</c>) with the facts an editor adds.
/// </summary>
public sealed record ArticleFile(string Path, string Text, ArticleSidecar? Sidecar, string? SidecarJson)
{
    /// <summary>Far above any article (the given one is 6.6 KB); a file this big is a mistake.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public const string SidecarSuffix = ".meta.json";

    private static readonly JsonSerializerOptions SidecarJsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The path of the sidecar that belongs to an article text, whether or not it exists.</summary>
    public static string SidecarPathFor(string textPath) =>
        System.IO.Path.ChangeExtension(textPath, null) + SidecarSuffix;

    /// <summary>Far above any editor's facts (a few hundred bytes); a sidecar this big is a mistake.</summary>
    public const int MaxSidecarBytes = 64 * 1024;

    /// <summary>Reads and checks a text file and its sidecar; throws <see cref="IngestionException"/> naming the file.</summary>
    public static ArticleFile Read(string path)
    {
        var sidecarPath = SidecarPathFor(path);
        return Checked(
            path,
            BoundedFile.Read(path, MaxBytes, "one article"),
            BoundedFile.Exists(sidecarPath) ? BoundedFile.Read(sidecarPath, MaxSidecarBytes, "a sidecar") : null);
    }

    /// <summary>
    /// An article sent over HTTP rather than read from disk: the same checks and the same sidecar
    /// rules, under the name the article is stored by (<c>slug.txt</c>, or the file it came from),
    /// so that everything after this point is the ingest command's path. Throws
    /// <see cref="IngestionException"/> naming the part (the text, or its <c>.meta.json</c> sidecar).
    /// </summary>
    public static ArticleFile FromSubmission(string sourceName, byte[] text, byte[]? sidecar)
    {
        if (text.Length > MaxBytes)
        {
            throw new IngestionException(sourceName, null, $"is {text.Length:N0} bytes, over the limit of {MaxBytes:N0} bytes for one article");
        }

        if (sidecar?.Length > MaxSidecarBytes)
        {
            throw new IngestionException(SidecarPathFor(sourceName), null, $"is {sidecar.Length:N0} bytes, over the limit of {MaxSidecarBytes:N0} bytes for a sidecar");
        }

        return Checked(sourceName, text, sidecar);
    }

    // One set of checks whichever way the bytes came (disk or HTTP), once their sizes are bounded.
    private static ArticleFile Checked(string path, byte[] textBytes, byte[]? sidecarBytes)
    {
        var text = Decode(path, textBytes);
        if (Lines(text) is var lines and > ArticleLimits.MaxLines)
        {
            throw new IngestionException(path, null, $"has {lines:N0} lines; the limit for one article is {ArticleLimits.MaxLines:N0}");
        }

        if (sidecarBytes is null)
        {
            return new ArticleFile(path, text, null, null);
        }

        var sidecarPath = SidecarPathFor(path);
        var sidecarJson = Decode(sidecarPath, sidecarBytes);
        return new ArticleFile(path, text, ParseSidecar(sidecarPath, sidecarJson), sidecarJson);
    }

    private static int Lines(string text) => text.AsSpan().Count('\n') + (text.EndsWith('\n') ? 0 : 1);

    /// <summary>
    /// An article as the archive stored it: its file name, text and sidecar, read back as the file
    /// was when it went in (for the recognition report of a stored article).
    /// </summary>
    public static ArticleFile FromStored(string fileName, string text, string? sidecarJson) =>
        new(fileName, text, sidecarJson is null ? null : ParseSidecar(fileName, sidecarJson), sidecarJson);

    /// <summary>Strict UTF-8 (a BOM is allowed and dropped); control characters mean the file is not text.</summary>
    internal static string Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new IngestionException(path, 1, "is UTF-16 text; save it as UTF-8");
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var line = bytes[..bytesRead].Count((byte)'\n') + 1;
            throw new IngestionException(path, line, $"is not valid UTF-8 (byte 0x{bytes[bytesRead]:X2} at offset {bytesRead})");
        }

        var text = new string(chars, 0, charsWritten);
        for (int i = 0, line = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
            }
            else if (char.IsControl(c) && c is not ('\r' or '\t' or '\f'))
            {
                throw new IngestionException(path, line, $"is not text: it contains the control character U+{(int)c:X4}");
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new IngestionException(path, null, "is empty");
        }

        return text;
    }

    /// <summary>Reads a sidecar's JSON as ingestion does (unknown fields refused); throws <see cref="IngestionException"/> naming <paramref name="path"/>.</summary>
    public static ArticleSidecar ParseSidecar(string path, string json)
    {
        ArticleSidecar? sidecar;
        try
        {
            sidecar = JsonSerializer.Deserialize<ArticleSidecar>(json, SidecarJsonOptions);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? (int)n + 1 : (int?)null;
            throw new IngestionException(path, line, $"is not a valid sidecar: {FirstSentence(e.Message)}");
        }

        if (sidecar is null)
        {
            throw new IngestionException(path, 1, "is not a valid sidecar: expected a JSON object");
        }

        var problem = sidecar.Validate();
        return problem is null ? sidecar : throw new IngestionException(path, null, problem);
    }

    // System.Text.Json appends "Path: $.x | LineNumber: 2 | ..." which the file:line prefix already says.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>
/// Facts an editor adds beside an article text, in <c>name.meta.json</c> (or over HTTP, as the
/// article's metadata): <c>{ "title": ..., "canonicalUrl": ..., "doi": ..., "license": ...,
/// "keepDuplicate": true, "correction": { "note": ..., "date": "yyyy-MM-dd" } }</c>.
/// Every field is optional. A title lets a bare text with no header of its own in as an article;
/// <c>keepDuplicate</c> stores the text as an article of its own even when another file already has the same text.
/// </summary>
public sealed record ArticleSidecar(string? Title, string? CanonicalUrl, string? Doi, string? License, bool? KeepDuplicate = null, ArticleCorrection? Correction = null)
{
    /// <summary>Far above any editor's note; a longer one is a mistake.</summary>
    public const int MaxCorrectionLength = 4000;

    // A title is a fact like any other (ArticleLimits); a link or an identifier is far shorter.
    private const int MaxUrlLength = 2_000;
    private const int MaxIdentifierLength = 200;

    internal string? Validate()
    {
        if (Title is not null && string.IsNullOrWhiteSpace(Title))
        {
            return "\"title\" is blank";
        }

        if (Correction is { } correction && string.IsNullOrWhiteSpace(correction.Note))
        {
            return "\"correction\" has no \"note\"";
        }

        foreach (var (name, value, max) in new[]
                 {
                     ("title", Title, ArticleLimits.MaxFactLength),
                     ("canonicalUrl", CanonicalUrl, MaxUrlLength),
                     ("doi", Doi, MaxIdentifierLength),
                     ("license", License, MaxIdentifierLength),
                     ("correction.note", Correction?.Note, MaxCorrectionLength),
                 })
        {
            if (value?.Length > max)
            {
                return $"\"{name}\" is {value.Length:N0} characters long; the limit is {max:N0}";
            }
        }

        if (CanonicalUrl is not null
            && !(Uri.TryCreate(CanonicalUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            return $"\"canonicalUrl\" is not an absolute http(s) URL: {CanonicalUrl}";
        }

        // A DOI is "10.<registrant>/<suffix>" (DOI Handbook 2.2), without a resolver's URL in front.
        if (Doi is not null && !(Doi.StartsWith("10.", StringComparison.Ordinal) && Doi.Contains('/')))
        {
            return $"\"doi\" is not a DOI of the form 10.NNNN/suffix: {Doi}";
        }

        return null;
    }
}

using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Publishing;

/// <summary>
/// Publishing, correcting and withdrawing articles over HTTP, with a key that has the <c>write</c>
/// scope. A text goes down the ingest command's path (<see cref="ArticlePublisher"/>): the same
/// checks, parser and writer, one transaction, and the same reasons when it cannot be read.
/// </summary>
public static partial class PublishingApi
{
    private const string IfMatchDescription =
        "The ETag of the article as last read (from any of its representations, or from the last write), or * for whatever version it is at. "
        + "Needed to change an existing article; 412 when it changed meanwhile.";

    /// <summary>The facts are a small JSON object; this is far above any real one.</summary>
    public const int MetadataLimit = 64 * 1024;

    public const string TextPart = "text";
    public const string MetadataPart = "metadata";

    private static readonly Dictionary<string, int> Parts = new(StringComparer.Ordinal)
    {
        [TextPart] = ArticleFile.MaxBytes,
        [MetadataPart] = MetadataLimit,
    };

    public static RouteGroupBuilder MapPublishing(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ApiLinks.Articles).WithTags("Publishing");

        group.MapGet("/{slug}/metadata", GetMetadata)
            .WithName(nameof(GetMetadata))
            .WithSummary("Get an article's facts")
            .WithDescription("The facts an editor gave (title, canonical URL, DOI, licence, correction note): the document "
                + "PATCH .../metadata changes. Facts not given are left out. Its ETag starts with the article's version.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        // Writes need a key with the write scope; the answers to a refused key are the same for every write.
        var writes = group.MapGroup("")
            .RequireAuthorization(ApiScopePolicies.Write)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        writes.MapPut("/{slug}", PutArticle)
            .WithName(nameof(PutArticle))
            .WithSummary("Publish or replace an article")
            .WithDescription("The page text as the body (text/plain; charset=utf-8, the format the ingest command reads), or "
                + "multipart/form-data with a 'text' part and a 'metadata' part (the facts, JSON). Without a metadata part the "
                + "article keeps its facts. 201 with Location for a new article, 200 for a change or the same text again "
                + "(outcome 'unchanged'); the ETag names the new version. Changing an existing article needs If-Match with its "
                + "ETag (428 without, 412 when it changed meanwhile); If-None-Match: * creates only (412 when it exists). "
                + "A text the parser cannot read is a 422 with the line; over 2 MiB a 413; another content type a 415; "
                + "the text of another article (the same article under another URL) a 409, unless the facts say keepDuplicate.")
            .WithMetadata(new RequestBodyMetadata(["text/plain", "multipart/form-data"]))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        writes.MapPatch("/{slug}/metadata", PatchMetadata)
            .WithName(nameof(PatchMetadata))
            .WithSummary("Change an article's facts")
            .WithDescription("A JSON Merge Patch (RFC 7396, application/merge-patch+json) of the facts GET .../metadata shows: "
                + "a member sets a fact, null removes it. The text stays; the article is parsed again with the new facts. "
                + "Needs If-Match with the article's ETag (428 without, 412 when it changed meanwhile).")
            .WithMetadata(new RequestBodyMetadata([MergePatch.MediaType]))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        writes.MapDelete("/{slug}", WithdrawArticle)
            .WithName(nameof(WithdrawArticle))
            .WithSummary("Withdraw an article")
            .WithDescription("Withdraws it: its URLs answer 410 Gone naming when, lists, feeds and search stop showing it, and its "
                + "last text and facts are kept (publishing the slug again goes on from its revision). Needs If-Match with its ETag.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        return group;
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<ArticleMetadataResponse>, ProblemHttpResult> GetMetadata(
        [Description("The article's slug.")] string slug,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (archive.FindEditable(slug) is not { } article)
        {
            return ArticleAddress.ArticleNotFound(archive, slug);
        }

        request.MarkVersion(article.Version);
        request.HttpContext.Response.Headers.Append(HeaderNames.Link, $"<{ApiLinks.Article(slug)}>; rel=\"up\"");
        return TypedResults.Ok(ToMetadata(Sidecar(article)));
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    // If-Match and If-None-Match are read by Preconditions; they are declared here to be documented.
    public static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> PutArticle(
        [Description("The article's slug: lowercase letters, digits and single hyphens. A new article takes it as its URL.")] string slug,
        [FromHeader(Name = "If-Match"), Description(IfMatchDescription)] string? ifMatch,
        [FromHeader(Name = "If-None-Match"), Description("* to create the article only if it does not exist (412 when it does).")] string? ifNoneMatch,
        HttpRequest request,
        ArticlePublisher publisher,
        WriteAudit audit,
        ArchiveVersion archiveVersion,
        TimeProvider clock)
    {
        var attempt = new WriteAttempt(request.HttpContext, WriteActions.Of(request.Method), slug, audit, clock);
        var condition = attempt.CheckSlugAndCondition();
        if (condition.Missed)
        {
            return condition.Problem;
        }

        byte[] text;
        byte[]? sidecar = null;
        var type = MediaType(request);
        if (type is "text/plain")
        {
            if (!IsUtf8(request))
            {
                return attempt.Refuse(UnsupportedMediaType("a text/plain body must be UTF-8 (charset=utf-8)"), "unsupported-media-type");
            }

            if (await RequestBodies.ReadAsync(request, ArticleFile.MaxBytes) is not { } body)
            {
                return attempt.Refuse(TooLarge($"an article's text is at most {ArticleFile.MaxBytes:N0} bytes"), "too-large");
            }

            text = body;
        }
        else if (type is "multipart/form-data")
        {
            var multipart = await RequestBodies.ReadMultipartAsync(request, Parts);
            if (multipart.Problem is { } problem)
            {
                return attempt.Refuse(
                    problem == MultipartProblem.TooLarge ? TooLarge(multipart.Reason!) : Problems.InvalidBody(multipart.Reason!),
                    problem == MultipartProblem.TooLarge ? "too-large" : "invalid-body");
            }

            if (!multipart.Parts.TryGetValue(TextPart, out var textPart))
            {
                return attempt.Refuse(Problems.InvalidBody($"a multipart body needs a '{TextPart}' part (text/plain) with the page"), "invalid-body");
            }

            var metadataPart = multipart.Parts.GetValueOrDefault(MetadataPart);
            var wrongType = PartTypeProblem(textPart, "text/plain", TextPart)
                ?? (metadataPart is null ? null : PartTypeProblem(metadataPart, "application/json", MetadataPart));
            if (wrongType is not null)
            {
                return attempt.Refuse(UnsupportedMediaType(wrongType), "unsupported-media-type");
            }

            text = textPart.Bytes;
            sidecar = metadataPart?.Bytes;
        }
        else
        {
            return attempt.Refuse(
                UnsupportedMediaType($"'{request.ContentType}' is not text/plain; charset=utf-8 nor multipart/form-data"),
                "unsupported-media-type");
        }

        var change = attempt.Change(condition.Value);
        return attempt.Answer(() => publisher.Publish(slug, text, sidecar, change), archiveVersion);
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult>> PatchMetadata(
        [Description("The article's slug.")] string slug,
        [FromHeader(Name = "If-Match"), Description(IfMatchDescription)] string? ifMatch,
        HttpRequest request,
        ArticlePublisher publisher,
        WriteAudit audit,
        ArchiveVersion archiveVersion,
        TimeProvider clock,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var attempt = new WriteAttempt(request.HttpContext, WriteActions.Of(request.Method), slug, audit, clock);
        var condition = attempt.CheckSlugAndCondition();
        if (condition.Missed)
        {
            return condition.Problem;
        }

        if (MediaType(request) is not MergePatch.MediaType || !IsUtf8(request))
        {
            request.HttpContext.Response.Headers["Accept-Patch"] = MergePatch.MediaType;
            return attempt.Refuse(UnsupportedMediaType($"the facts are changed with a JSON Merge Patch, {MergePatch.MediaType} in UTF-8"), "unsupported-media-type");
        }

        if (await RequestBodies.ReadAsync(request, MetadataLimit) is not { } body)
        {
            return attempt.Refuse(TooLarge($"a patch of the facts is at most {MetadataLimit:N0} bytes"), "too-large");
        }

        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return attempt.Refuse(Problems.InvalidBody($"the patch is not JSON: {FirstSentence(e.Message)}"), "invalid-body");
        }

        var options = json.Value.SerializerOptions;
        var change = attempt.Change(condition.Value);
        return attempt.Answer(() => publisher.Amend(slug, stored => Patched(slug, stored, patch, options), change), archiveVersion);
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult> WithdrawArticle(
        [Description("The article's slug.")] string slug,
        [FromHeader(Name = "If-Match"), Description(IfMatchDescription)] string? ifMatch,
        HttpRequest request,
        ArticlePublisher publisher,
        WriteAudit audit,
        ArchiveVersion archiveVersion,
        TimeProvider clock)
    {
        var attempt = new WriteAttempt(request.HttpContext, WriteActions.Of(request.Method), slug, audit, clock);
        var condition = attempt.CheckSlugAndCondition();
        if (condition.Missed)
        {
            return condition.Problem;
        }

        var change = attempt.Change(condition.Value);
        return attempt.Answer(() => publisher.Withdraw(slug, change), archiveVersion);
    }

    /// <summary>
    /// The facts after the patch, as sidecar JSON: the patch applies to the document GET .../metadata
    /// shows (the stored sidecar read and written back), so a patch means the same whatever the
    /// stored file's formatting. No facts left (or the patch <c>null</c>, which RFC 7396 reads as
    /// "replace it all with nothing") means no sidecar.
    /// </summary>
    private static byte[]? Patched(string slug, string? stored, JsonNode? patch, JsonSerializerOptions options)
    {
        var sidecarName = ArticleFile.SidecarPathFor($"{slug}.txt");
        var current = stored is null ? null : ArticleFile.ParseSidecar(sidecarName, stored);
        // Parsed back rather than SerializeToNode: member names in a merge patch are case-sensitive
        // (RFC 7396), and a node built with the API's web options would match them without case.
        var target = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(ToMetadata(current), options));
        var merged = MergePatch.Apply(target, patch);
        if (merged is null)
        {
            return null;
        }

        if (merged is not JsonObject facts)
        {
            throw new IngestionException(sidecarName, null, "is not a valid sidecar: the facts must be a JSON object");
        }

        return facts.Count == 0 ? null : Encoding.UTF8.GetBytes(facts.ToJsonString());
    }

    private static ArticleSidecar? Sidecar(EditableArticle article) =>
        article.SidecarJson is null ? null : ArticleFile.ParseSidecar(ArticleFile.SidecarPathFor(article.SourceName), article.SidecarJson);

    private static ArticleMetadataResponse ToMetadata(ArticleSidecar? sidecar) => new()
    {
        Title = sidecar?.Title,
        CanonicalUrl = sidecar?.CanonicalUrl,
        Doi = sidecar?.Doi,
        License = sidecar?.License,
        Correction = CorrectionResponse.From(sidecar?.Correction),
    };

    /// <summary>The media type without parameters, lower case; null when there is none or it does not parse.</summary>
    private static string? MediaType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value?.ToLowerInvariant() : null;

    private static bool IsUtf8(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && (type.Charset.Value is null || string.Equals(HeaderUtilities.RemoveQuotes(type.Charset).Value, "utf-8", StringComparison.OrdinalIgnoreCase));

    private static string? PartTypeProblem(MultipartPart part, string expected, string name) =>
        part.ContentType is null
        || (MediaTypeHeaderValue.TryParse(part.ContentType, out var type)
            && string.Equals(type.MediaType.Value, expected, StringComparison.OrdinalIgnoreCase)
            && (type.Charset.Value is null || string.Equals(HeaderUtilities.RemoveQuotes(type.Charset).Value, "utf-8", StringComparison.OrdinalIgnoreCase)))
            ? null
            : $"the '{name}' part must be {expected} in UTF-8, not '{part.ContentType}'";

    private static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(title: "Unsupported media type", detail: $"The body's type is not accepted here: {detail}.", statusCode: StatusCodes.Status415UnsupportedMediaType);

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(title: "Content too large", detail: $"The body is too large: {detail}. Nothing was saved.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>A slug as the archive makes them, and at most 200 characters.</summary>
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex SlugPattern();
}

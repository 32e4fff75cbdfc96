using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Publishing;

/// <summary>
/// One write request from its checks to its answer: the slug and the conditions checked, the
/// write run, its outcome turned into a status, and every outcome put in the audit under the key
/// that asked. Nothing a write answers is stored or cached (<c>Cache-Control: no-store</c>).
/// </summary>
internal sealed class WriteAttempt(HttpContext context, string action, string slug, WriteAudit audit, TimeProvider clock)
{
    /// <summary>A slug longer than this names nothing the archive would make.</summary>
    public const int MaxSlugLength = 200;

    // The write endpoints require a key (RequireAuthorization), so a request here always has one.
    private long KeyId => context.User.KeyId() ?? throw new InvalidOperationException("A write reached its handler without a key.");

    /// <summary>The write's condition when the slug and the conditions are well-formed; else the problem, recorded.</summary>
    public Found<WriteCondition> CheckSlugAndCondition()
    {
        if (slug.Length > MaxSlugLength || !PublishingApi.SlugPattern().IsMatch(slug))
        {
            return Refuse(
                Problems.InvalidParameter("slug", $"a slug is lowercase letters and digits joined by single hyphens, at most {MaxSlugLength} characters; got '{slug}'"),
                "invalid-slug");
        }

        var condition = Preconditions.Read(context.Request);
        return condition.Missed ? Refuse(condition.Problem, "invalid-condition") : condition;
    }

    public ArticleChange Change(WriteCondition condition) => ArticleChange.OverHttp(action, KeyId, condition);

    /// <summary>Answers with a problem; nothing was written, and the audit says why.</summary>
    public ProblemHttpResult Refuse(ProblemHttpResult problem, string outcome, int? revision = null)
    {
        Record(outcome, problem.StatusCode, revision, problem.ProblemDetails.Detail);
        return problem;
    }

    /// <summary>Runs the write and answers with what it did.</summary>
    public Results<Created<WriteResponse>, Ok<WriteResponse>, ProblemHttpResult> Answer(Func<WriteResult> write, ArchiveVersion archiveVersion)
    {
        WriteResult result;
        try
        {
            result = write();
        }
        catch (IngestionException e)
        {
            return Refuse(Unprocessable(e), "unprocessable");
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_FULL)
        {
            return Refuse(
                TypedResults.Problem(title: "Insufficient storage", detail: "The archive's disk is full: nothing was saved. Reading goes on.", statusCode: StatusCodes.Status507InsufficientStorage),
                "disk-full");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            // Another process held the write lock for longer than the busy timeout (30 s).
            context.Response.Headers.RetryAfter = "5";
            return Refuse(
                TypedResults.Problem(title: "Busy", detail: "Another writer held the archive for too long: nothing was saved. Retry.", statusCode: StatusCodes.Status503ServiceUnavailable),
                "busy");
        }

        if (result.Changed)
        {
            // This process's next read sees the change at once, not a quarter of a second later,
            // and its webhooks go out now rather than at the next poll of the outbox.
            archiveVersion.Forget();
            context.RequestServices.GetService<KoreaPolicy.Api.Webhooks.WebhookDispatcher>()?.Wake();
        }

        return result.Outcome switch
        {
            SaveOutcome.Ingested => Created(result),
            SaveOutcome.Updated or SaveOutcome.Unchanged or SaveOutcome.Withdrawn => Ok(result),
            SaveOutcome.PreconditionFailed => Refuse(PreconditionFailed(result), "precondition-failed", result.Revision),
            SaveOutcome.PreconditionRequired => Refuse(PreconditionRequired(result), "precondition-required", result.Revision),
            SaveOutcome.Duplicate => Refuse(Duplicate(result.Original!), "duplicate"),
            SaveOutcome.NotFound => Refuse(
                result.Withdrawal is { } gone ? Problems.Gone(gone) : Problems.NotFound($"No article has the slug '{slug}' (see {ApiLinks.Articles})."),
                "not-found"),
            _ => throw new InvalidOperationException($"A write answered {result.Outcome}."),
        };
    }

    private Created<WriteResponse> Created(WriteResult result)
    {
        Tag(result);
        return TypedResults.Created(ApiLinks.Article(result.Slug), Response(result));
    }

    private Ok<WriteResponse> Ok(WriteResult result)
    {
        Tag(result);
        if (result.Outcome == SaveOutcome.Unchanged)
        {
            // A change is recorded with the change itself; the same text again is recorded here.
            Record("unchanged", StatusCodes.Status200OK, result.Revision, null);
        }

        return TypedResults.Ok(Response(result));
    }

    private void Tag(WriteResult result)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (result.Current is { } version)
        {
            context.Response.Headers.ETag = Preconditions.ETag(version);
        }
    }

    private static WriteResponse Response(WriteResult result) => new()
    {
        Slug = result.Slug,
        Outcome = AuditRecord.OutcomeOf(result.Outcome),
        Revision = result.Revision ?? 0,
        Version = result.Current?.Tag,
        WithdrawnAt = result.Outcome == SaveOutcome.Withdrawn ? result.Withdrawal?.WithdrawnAt : null,
        Links = new WriteLinks { Self = ApiLinks.Article(result.Slug), Metadata = ApiLinks.ArticleMetadata(result.Slug) },
    };

    private ProblemHttpResult PreconditionFailed(WriteResult result)
    {
        var now = result switch
        {
            { Current: { } current } => $"it is at version {current.Tag} now (ETag {Preconditions.ETag(current)})",
            { Withdrawal: { } gone } => $"it was withdrawn on {gone.WithdrawnAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
            _ => "there is no such article",
        };
        var asked = context.Request.Headers.IfMatch.Count > 0 ? "If-Match" : "If-None-Match: *";
        return TypedResults.Problem(
            title: "Precondition failed",
            detail: $"The article '{slug}' is not as {asked} says: {now}. Nothing was saved; read it again and retry.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = result.Current?.Tag });
    }

    /// <summary>As the ingest command refuses a file whose text another file already brought in (the same article under another URL).</summary>
    private ProblemHttpResult Duplicate(DuplicateOf original) =>
        TypedResults.Problem(
            title: "Duplicate article",
            detail: $"The text is the text of the article '{original.Slug}' ({ApiLinks.Article(original.Slug)}): the same article under another URL. "
                + "Nothing was saved; to keep it as an article of its own, send its facts with \"keepDuplicate\": true.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["original"] = original.Slug });

    private ProblemHttpResult PreconditionRequired(WriteResult result) =>
        TypedResults.Problem(
            title: "Precondition required",
            detail: $"The article '{slug}' exists (version {result.Current?.Tag}): changing it needs If-Match with its ETag, "
                + $"from GET {ApiLinks.Article(slug)}, so that no one else's change is overwritten unseen. Nothing was saved.",
            statusCode: StatusCodes.Status428PreconditionRequired,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = result.Current?.Tag });

    /// <summary>The ingest command's reason, as a 422 with the part and line it is about.</summary>
    private static ProblemHttpResult Unprocessable(IngestionException e)
    {
        var part = e.File.EndsWith(KoreaPolicy.Ingestion.ArticleFile.SidecarSuffix, StringComparison.Ordinal) ? PublishingApi.MetadataPart : PublishingApi.TextPart;
        return TypedResults.Problem(
            title: "Unprocessable article",
            detail: (e.Line is { } line ? $"The {part}, line {line}: " : $"The {part}: ") + e.Reason.TrimEnd('.') + ". Nothing was saved.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["part"] = part, ["line"] = e.Line, ["reason"] = e.Reason });
    }

    private void Record(string outcome, int? status, int? revision, string? detail)
    {
        context.Response.Headers.CacheControl = "no-store";
        try
        {
            audit.Record(new AuditRecord(clock.GetUtcNow(), KeyId, action, slug, revision, outcome, status, detail));
        }
        catch (SqliteException e)
        {
            // The answer stands (a full disk refuses the record too); the log keeps what the audit could not.
            context.RequestServices.GetRequiredService<ILogger<WriteAttempt>>()
                .LogError(e, "The write audit could not record {Action} {Slug}: {Outcome} ({Status}).", action, slug, outcome, status);
        }
    }
}

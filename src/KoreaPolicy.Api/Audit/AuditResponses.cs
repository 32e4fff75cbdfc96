using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Audit;

/// <summary>One write, as the audit recorded it.</summary>
public sealed record AuditEntryResponse
{
    /// <summary>Its place in the audit: higher is later.</summary>
    /// <example>42</example>
    public required long Id { get; init; }

    /// <summary>When (UTC).</summary>
    /// <example>2026-01-05T09:30:00.000+00:00</example>
    public required DateTimeOffset At { get; init; }

    /// <summary>The key that asked; null for the ingest command and start-up ingestion.</summary>
    public required AuditKeyResponse? Key { get; init; }

    /// <summary>put, patch, delete or ingest.</summary>
    /// <example>put</example>
    public required string Action { get; init; }

    /// <summary>The article's slug.</summary>
    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string Slug { get; init; }

    /// <summary>The article's revision after the write, when known.</summary>
    /// <example>2</example>
    public required int? Revision { get; init; }

    /// <summary>created, updated, unchanged, withdrawn; or why nothing was written: precondition-failed, precondition-required, unprocessable, too-large, unsupported-media-type, invalid-body, forbidden, not-found, disk-full, ...</summary>
    /// <example>updated</example>
    public required string Outcome { get; init; }

    /// <summary>The HTTP status answered; null for a change from the files.</summary>
    /// <example>200</example>
    public required int? Status { get; init; }

    /// <summary>The problem's detail, for a refused write.</summary>
    /// <example>null</example>
    public required string? Detail { get; init; }

    public required AuditLinks Links { get; init; }
}

/// <summary>A key as the audit names it: never its secret.</summary>
public sealed record AuditKeyResponse
{
    /// <example>3</example>
    public required long Id { get; init; }

    /// <summary>Its public prefix, as 'keys list' shows it.</summary>
    /// <example>h7k2m9qa</example>
    public required string? Prefix { get; init; }

    /// <summary>The name it was given.</summary>
    /// <example>editorial desk</example>
    public required string? Name { get; init; }
}

/// <summary>Links of an audit entry.</summary>
public sealed record AuditLinks
{
    /// <summary>The article written.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner</example>
    public required string Article { get; init; }
}

internal static class AuditResponses
{
    public static AuditEntryResponse ToResponse(this AuditEntry entry) => new()
    {
        Id = entry.Id,
        At = entry.Record.At,
        Key = entry.Record.KeyId is { } id ? new AuditKeyResponse { Id = id, Prefix = entry.KeyPrefix, Name = entry.KeyName } : null,
        Action = entry.Record.Action,
        Slug = entry.Record.Slug,
        Revision = entry.Record.Revision,
        Outcome = entry.Record.Outcome,
        Status = entry.Record.Status ?? ChangeStatus(entry.Record),
        Detail = entry.Record.Detail,
        Links = new AuditLinks { Article = ApiLinks.Article(entry.Record.Slug) },
    };

    // A change is recorded in its own transaction, by the writer, which knows nothing of HTTP:
    // over HTTP (a key made it) its status is the one its outcome is always answered with.
    private static int? ChangeStatus(AuditRecord record) => (record.KeyId, record.Outcome) switch
    {
        (null, _) => null,
        (_, "created") => StatusCodes.Status201Created,
        (_, "updated" or "withdrawn") => StatusCodes.Status200OK,
        _ => null,
    };
}

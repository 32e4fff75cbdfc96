namespace KoreaPolicy.Model;

/// <summary>
/// One write, as the audit keeps it: when, by which key (none for the ingest command), what it
/// tried on which article, the revision it left, and how it ended (the HTTP status, when over HTTP).
/// </summary>
public sealed record AuditRecord(
    DateTimeOffset At,
    long? KeyId,
    string Action,
    string Slug,
    int? Revision,
    string Outcome,
    int? Status,
    string? Detail)
{
    /// <summary>The audit's word for an outcome: created, updated, unchanged, withdrawn, precondition-failed, ...</summary>
    public static string OutcomeOf(SaveOutcome outcome) => outcome switch
    {
        SaveOutcome.Ingested => "created",
        SaveOutcome.Updated => "updated",
        SaveOutcome.Unchanged => "unchanged",
        SaveOutcome.Withdrawn => "withdrawn",
        SaveOutcome.PreconditionFailed => "precondition-failed",
        SaveOutcome.PreconditionRequired => "precondition-required",
        SaveOutcome.NotFound => "not-found",
        SaveOutcome.Duplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}

/// <summary>An audit record as read back, with its id and the key's prefix and name.</summary>
public sealed record AuditEntry(long Id, AuditRecord Record, string? KeyPrefix, string? KeyName);

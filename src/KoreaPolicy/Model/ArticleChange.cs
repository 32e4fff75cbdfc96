namespace KoreaPolicy.Model;

/// <summary>
/// One version of an article, as a write's precondition names it: its revision (raised by every
/// change, a withdrawal included, and never reused for a slug) and its content hash. Its
/// <see cref="Tag"/> starts every ETag the article's resources carry, so a tag from any of them
/// names the version it was read at.
/// </summary>
public sealed record ArticleVersion(int Revision, string ContentHash)
{
    /// <summary>"r7-1f3a9c0d2e4b": short, and still unique among one slug's versions.</summary>
    public string Tag => $"r{Revision}-{ContentHash[..Math.Min(12, ContentHash.Length)]}";
}

/// <summary>Where a change comes from: the article files (ingest, start-up) or a client over HTTP.</summary>
public enum ChangeSource
{
    File,
    Http,
}

/// <summary>
/// A write's condition on the article as it is when the write takes the database's write lock:
/// none, that it does not exist (<c>If-None-Match: *</c>), that it exists (<c>If-Match: *</c>),
/// or that it is at one of the given versions (<c>If-Match</c> with ETags).
/// </summary>
public sealed record WriteCondition(bool? MustExist, IReadOnlyList<string>? Versions)
{
    public static readonly WriteCondition None = new(null, null);

    public static readonly WriteCondition Absent = new(false, null);

    public static readonly WriteCondition Present = new(true, null);

    public static WriteCondition AtVersion(IReadOnlyList<string> versionTags) => new(true, versionTags);

    public bool IsNone => MustExist is null;

    /// <summary>Whether the condition holds for the article's current version (null: there is no such article).</summary>
    public bool HoldsFor(ArticleVersion? current) => MustExist switch
    {
        null => true,
        false => current is null,
        true => current is not null && (Versions is null || Versions.Contains(current.Tag, StringComparer.Ordinal)),
    };
}

/// <summary>
/// Who changes an article, how and on what condition. The action and key are what the write
/// audit records; a change from the files is made by the ingest command or start-up ingestion.
/// </summary>
public sealed record ArticleChange(ChangeSource Source, string Action, long? KeyId, WriteCondition Condition)
{
    public static readonly ArticleChange Ingest = new(ChangeSource.File, "ingest", null, WriteCondition.None);

    public static ArticleChange OverHttp(string action, long keyId, WriteCondition condition) =>
        new(ChangeSource.Http, action, keyId, condition);
}

/// <summary>
/// What a write did. <see cref="Current"/> is the article's version after it (before it, when
/// the write was refused); null when there is no live article. <see cref="Withdrawal"/> is the
/// tombstone when the slug names a withdrawn article (the one just made, for a withdrawal).
/// </summary>
public sealed record WriteResult(SaveOutcome Outcome, string Slug, ArticleVersion? Current, ArticleWithdrawal? Withdrawal = null)
{
    /// <summary>True when the write changed the archive.</summary>
    public bool Changed => Outcome is SaveOutcome.Ingested or SaveOutcome.Updated or SaveOutcome.Withdrawn;

    /// <summary>The article's revision now: the live one's, or the withdrawal's.</summary>
    public int? Revision => Current?.Revision ?? Withdrawal?.Revision;

    /// <summary>For <see cref="SaveOutcome.Duplicate"/>: the article whose text this one repeats.</summary>
    public DuplicateOf? Original { get; init; }
}

/// <summary>
/// The text and sidecar an article was last saved from, with its version: what a change that
/// keeps part of the article (a new text with the same facts, new facts for the same text) starts from.
/// </summary>
public sealed record EditableArticle(string Slug, string SourceName, string Text, string? SidecarJson, ArticleVersion Version);

/// <summary>A withdrawn article: its tombstone, which its URLs answer with 410 Gone.</summary>
public sealed record ArticleWithdrawal(string Slug, string Title, int Revision, DateTimeOffset WithdrawnAt);

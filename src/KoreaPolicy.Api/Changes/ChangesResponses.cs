using System.Text.Json.Serialization;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using KoreaPolicy.Revisions;

namespace KoreaPolicy.Api.Changes;

/// <summary>One change of the feed: which article, what happened, at which revision, and where to read it.</summary>
public sealed record ChangeResponse
{
    /// <summary>The cursor that resumes the feed just after this change.</summary>
    /// <example>AQAAAAAAAAAH</example>
    public required string Cursor { get; init; }

    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string Slug { get; init; }

    /// <summary>created, updated, corrected or withdrawn.</summary>
    /// <example>corrected</example>
    public required string Kind { get; init; }

    /// <summary>The article's revision after the change (a withdrawal has a revision of its own).</summary>
    /// <example>3</example>
    public required int Revision { get; init; }

    /// <summary>The live revision the change replaced; null for a new article.</summary>
    /// <example>2</example>
    public required int? PreviousRevision { get; init; }

    /// <summary>When the change was committed (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <example>Korea Policy, Vol. 3, Issue 2</example>
    public required string Title { get; init; }

    /// <summary>For a correction, the editor's note it brought.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CorrectionResponse? Correction { get; init; }

    public required ChangeLinks Links { get; init; }
}

public sealed record ChangeLinks
{
    /// <summary>The article (410 Gone once withdrawn).</summary>
    public required string Article { get; init; }

    /// <summary>The article at this change's revision; absent for a withdrawal.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Revision { get; init; }

    /// <summary>The revision it replaced.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PreviousRevision { get; init; }

    /// <summary>What changed, paragraph by paragraph, from the previous revision to this one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Diff { get; init; }
}

/// <summary>A page of the change feed, oldest first.</summary>
public sealed record ChangeFeedResponse
{
    public required IReadOnlyList<ChangeResponse> Items { get; init; }

    /// <summary>The cursor to ask with next (<c>?after=</c>): after the last change of this page, or the one asked with when there is none.</summary>
    /// <example>AQAAAAAAAAAH</example>
    public required string Next { get; init; }

    /// <summary>Whether more changes follow at once; when not, ask again later with <see cref="Next"/>.</summary>
    public required bool HasMore { get; init; }

    public required ChangeFeedLinks Links { get; init; }
}

public sealed record ChangeFeedLinks
{
    public required string Self { get; init; }

    public required string Next { get; init; }
}

/// <summary>A revision in an article's list of revisions.</summary>
public sealed record RevisionSummaryResponse
{
    /// <example>2</example>
    public required int Revision { get; init; }

    /// <summary>What made it: created, updated, corrected, or withdrawn (the withdrawal's own revision, which has no text).</summary>
    /// <example>updated</example>
    public required string Kind { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <example>Korea Policy, Vol. 3, Issue 2</example>
    public required string Title { get; init; }

    /// <summary>Whether its text can be read: the live revision and every revision replaced since the archive began keeping them.</summary>
    public required bool Kept { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CorrectionResponse? Correction { get; init; }

    public required RevisionLinks Links { get; init; }
}

public sealed record RevisionLinks
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Self { get; init; }

    /// <summary>The diff from the revision before it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Diff { get; init; }
}

/// <summary>An article's revisions, oldest first, and where it stands.</summary>
public sealed record RevisionListResponse
{
    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string Slug { get; init; }

    /// <summary>The live revision; null when the article is withdrawn.</summary>
    public required int? Current { get; init; }

    /// <summary>When it was withdrawn, if it is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? WithdrawnAt { get; init; }

    public required IReadOnlyList<RevisionSummaryResponse> Items { get; init; }

    public required SelfLink Links { get; init; }
}

/// <summary>One article at one revision: the article as readers got it then, and the change that made it.</summary>
public sealed record RevisionResponse
{
    /// <example>2</example>
    public required int Revision { get; init; }

    /// <summary>Whether it is the article's live revision.</summary>
    public required bool Current { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? At { get; init; }

    public required ArticleResponse Article { get; init; }
}

/// <summary>Two revisions compared: the facts that differ, the paragraphs in the new order, and where each old paragraph went.</summary>
public sealed record DiffResponse
{
    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string Slug { get; init; }

    /// <example>1</example>
    public required int From { get; init; }

    /// <example>2</example>
    public required int To { get; init; }

    public required IReadOnlyList<FactChangeResponse> Facts { get; init; }

    /// <summary>The new revision's paragraphs in order, each removed paragraph where it stood.</summary>
    public required IReadOnlyList<ParagraphChangeResponse> Paragraphs { get; init; }

    /// <summary>Every paragraph of the old revision, in its order, with its number in the new one (null: removed).</summary>
    public required IReadOnlyList<ParagraphChangeResponse> OldParagraphs { get; init; }

    public required DiffLinks Links { get; init; }
}

public sealed record DiffLinks
{
    public required string Self { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }
}

public sealed record FactChangeResponse
{
    /// <example>title</example>
    public required string Name { get; init; }

    public required string? Old { get; init; }

    public required string? New { get; init; }
}

public sealed record ParagraphChangeResponse
{
    /// <summary>unchanged, changed, moved, added or removed.</summary>
    /// <example>changed</example>
    public required string Change { get; init; }

    /// <example>7</example>
    public required int? OldNumber { get; init; }

    /// <example>8</example>
    public required int? NewNumber { get; init; }

    /// <summary>Its text now (the old text, for a removed paragraph).</summary>
    public required string Text { get; init; }

    /// <summary>For a changed paragraph, its words in runs: equal, deleted or inserted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WordRunResponse>? Words { get; init; }
}

public sealed record WordRunResponse
{
    /// <summary>equal, deleted or inserted.</summary>
    /// <example>inserted</example>
    public required string Change { get; init; }

    public required string Text { get; init; }
}

public static class ChangeMapping
{
    public static ChangeResponse ToResponse(this ArticleChangeEntry change) => new()
    {
        Cursor = ChangeCursor.Encode(change.Id),
        Slug = change.Slug,
        Kind = change.Kind.Name(),
        Revision = change.Revision,
        PreviousRevision = change.PreviousRevision,
        At = change.At,
        Title = change.Title,
        Correction = CorrectionResponse.From(change.Correction),
        Links = new ChangeLinks
        {
            Article = ApiLinks.Article(change.Slug),
            Revision = change.Kind == ChangeKind.Withdrawn ? null : ApiLinks.Revision(change.Slug, change.Revision),
            PreviousRevision = change.PreviousRevision is { } previous ? ApiLinks.Revision(change.Slug, previous) : null,
            Diff = change.PreviousRevision is { } from && change.Kind != ChangeKind.Withdrawn ? ApiLinks.Diff(change.Slug, from, change.Revision) : null,
        },
    };

    public static DiffResponse ToResponse(this RevisionDiff diff, string slug) => new()
    {
        Slug = slug,
        From = diff.From,
        To = diff.To,
        Facts = diff.Facts.Select(f => new FactChangeResponse { Name = f.Name, Old = f.Old, New = f.New }).ToList(),
        Paragraphs = diff.Paragraphs.Select(ToResponse).ToList(),
        OldParagraphs = diff.OldParagraphs.Select(ToResponse).ToList(),
        Links = new DiffLinks
        {
            Self = ApiLinks.Diff(slug, diff.From, diff.To),
            From = ApiLinks.Revision(slug, diff.From),
            To = ApiLinks.Revision(slug, diff.To),
        },
    };

    private static ParagraphChangeResponse ToResponse(ParagraphDiffEntry entry) => new()
    {
        Change = entry.Change.ToString().ToLowerInvariant(),
        OldNumber = entry.OldNumber,
        NewNumber = entry.NewNumber,
        Text = entry.Text,
        Words = entry.Words?.Select(w => new WordRunResponse { Change = w.Change.ToString().ToLowerInvariant(), Text = w.Text }).ToList(),
    };
}

namespace KoreaPolicy.Model;

/// <summary>What a change did to an article, as the change feed and the webhooks name it.</summary>
public enum ChangeKind
{
    /// <summary>A new article (or one published again after its withdrawal).</summary>
    Created,

    /// <summary>Its text or facts changed.</summary>
    Updated,

    /// <summary>It changed with a new editor's correction note: the change a republisher must not miss.</summary>
    Corrected,

    /// <summary>Withdrawn: its URLs answer 410 Gone.</summary>
    Withdrawn,
}

public static class ChangeKinds
{
    public static string Name(this ChangeKind kind) => kind switch
    {
        ChangeKind.Created => "created",
        ChangeKind.Updated => "updated",
        ChangeKind.Corrected => "corrected",
        _ => "withdrawn",
    };

    public static ChangeKind Parse(string name) => name switch
    {
        "created" => ChangeKind.Created,
        "updated" => ChangeKind.Updated,
        "corrected" => ChangeKind.Corrected,
        "withdrawn" => ChangeKind.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a kind of change"),
    };

    /// <summary>The webhook event of a kind of change: <c>article.created</c>, ...</summary>
    public static string EventName(this ChangeKind kind) => "article." + kind.Name();

    /// <summary>Every webhook event, in the order of the kinds.</summary>
    public static readonly IReadOnlyList<string> EventNames = Enum.GetValues<ChangeKind>().Select(k => k.EventName()).ToList();
}

/// <summary>
/// One row of the change log: an article created, updated, corrected or withdrawn, at a revision,
/// in commit order (<see cref="Id"/>). <see cref="PreviousRevision"/> is the live revision the
/// change replaced (null for a new article); <see cref="Correction"/> is the note a correction brought.
/// </summary>
public sealed record ArticleChangeEntry(
    long Id,
    string Slug,
    int Revision,
    int? PreviousRevision,
    ChangeKind Kind,
    DateTimeOffset At,
    string Title,
    ArticleCorrection? Correction);

/// <summary>A page of the change log after a cursor, and whether more follow.</summary>
public sealed record ChangePage(IReadOnlyList<ArticleChangeEntry> Items, bool HasMore);

/// <summary>An article at one of its revisions: the whole article as a reader got it then, and what change made it.</summary>
public sealed record ArticleRevision(ArticleDetail Article, ArticleChangeEntry? Change);

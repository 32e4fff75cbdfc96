namespace KoreaPolicy.Model;

/// <summary>What saving (or withdrawing) an article did to the archive.</summary>
public enum SaveOutcome
{
    Ingested,
    Updated,
    Unchanged,

    /// <summary>Not stored: another file already holds the same article (see <see cref="ArticleText"/>).</summary>
    Duplicate,

    /// <summary>Withdrawn: a tombstone replaces it (DELETE over HTTP).</summary>
    Withdrawn,

    /// <summary>Nothing written: the write's condition did not hold (HTTP 412).</summary>
    PreconditionFailed,

    /// <summary>Nothing written: the write would change an article and named no version of it (HTTP 428).</summary>
    PreconditionRequired,

    /// <summary>Nothing written: there is no such article to change or withdraw.</summary>
    NotFound,
}

/// <summary>The article a duplicate repeats: its slug and the file it came from.</summary>
public sealed record DuplicateOf(string Slug, string SourceName);

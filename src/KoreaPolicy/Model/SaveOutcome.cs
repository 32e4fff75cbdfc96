namespace KoreaPolicy.Model;

/// <summary>What saving an article did to the archive.</summary>
public enum SaveOutcome
{
    Ingested,
    Updated,
    Unchanged,

    /// <summary>Not stored: another file already holds the same article (see <see cref="ArticleText"/>).</summary>
    Duplicate,
}

/// <summary>The article a duplicate repeats: its slug and the file it came from.</summary>
public sealed record DuplicateOf(string Slug, string SourceName);

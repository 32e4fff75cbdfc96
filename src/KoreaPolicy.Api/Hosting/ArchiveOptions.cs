namespace KoreaPolicy.Api.Hosting;

/// <summary>Where the archive lives: configuration keys <c>Database:Path</c> and <c>Ingestion:Path</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite file; a relative path is taken from the directory the command runs in.</summary>
    public string Path { get; set; } = "data/koreapolicy.db";

    /// <summary>A ceiling on the database file, <c>Database:MaxSizeMegabytes</c>; 0 (the default) for none. Past it writes fail as on a full disk.</summary>
    public int MaxSizeMegabytes { get; set; }
}

/// <summary>The folder whose article texts are ingested at start-up.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>A relative path is taken from the directory the command runs in; empty skips start-up ingestion.</summary>
    public string Path { get; set; } = "data/articles";

    /// <summary>
    /// Withdraw, at start-up, the articles whose files are gone from the folder (<c>Ingestion:Prune</c>).
    /// Off by default: a folder mounted late, half copied or mistyped would otherwise withdraw the
    /// archive and tell every partner so, by feed and webhook, which no later start can take back.
    /// </summary>
    public bool Prune { get; set; }
}

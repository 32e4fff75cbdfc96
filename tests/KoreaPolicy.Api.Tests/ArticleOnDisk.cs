namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The Klingner article, alone in a folder of its own, for tests that change it on disk and
/// ingest it again while a server reads the same archive. Dispose after the server.
/// </summary>
internal sealed class ArticleOnDisk : IDisposable
{
    private static readonly string Source = System.IO.Path.Combine(AppContext.BaseDirectory, "Articles", $"{KoreaPolicyApplication.ArticleSlug}.txt");

    public ArticleOnDisk()
    {
        Folder = Directory.CreateTempSubdirectory("koreapolicy-article-").FullName;
        Path = System.IO.Path.Combine(Folder, $"{KoreaPolicyApplication.ArticleSlug}.txt");
        File.Copy(Source, Path);
    }

    public string Folder { get; }

    public string Path { get; }

    /// <summary>Writes the original text with <paramref name="oldText"/> replaced by <paramref name="newText"/>.</summary>
    public void Rewrite(string oldText, string newText) =>
        File.WriteAllText(Path, File.ReadAllText(Source).Replace(oldText, newText, StringComparison.Ordinal));

    public void Dispose()
    {
        // The server's pooled connections hold the database open; let them go before deleting it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

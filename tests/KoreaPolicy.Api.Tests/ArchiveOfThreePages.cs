namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The application served by Kestrel on 127.0.0.1 (a port the OS picks) over three pages: the
/// Klingner article (Korea Policy, one author, a date) and two On Korea pages, one of them with
/// five authors and no date of its own: outputs with more than one of everything, for clients
/// and parsers that partners run against a real socket.
/// </summary>
public sealed class ArchiveOfThreePages : IDisposable
{
    public const string ManyAuthorsSlug = "many-authors-bare-date";

    private readonly string folder = Directory.CreateTempSubdirectory("koreapolicy-three-").FullName;

    public ArchiveOfThreePages()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Articles", $"{KoreaPolicyApplication.ArticleSlug}.txt"),
            Path.Combine(folder, $"{KoreaPolicyApplication.ArticleSlug}.txt"));
        foreach (var variant in new[] { "on-korea-volume-only.txt", $"{ManyAuthorsSlug}.txt" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Variants", variant), Path.Combine(folder, variant));
        }

        Application = new KoreaPolicyApplication { ArticlesFolder = folder };
        Application.UseKestrel(0);
        Application.StartServer();
    }

    public KoreaPolicyApplication Application { get; }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress => Application.ClientOptions.BaseAddress;

    public void Dispose()
    {
        Application.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

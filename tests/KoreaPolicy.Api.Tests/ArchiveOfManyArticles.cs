using System.Globalization;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// The application over a folder of 45 generated articles plus the Klingner article, for lists
/// and search that need more than one page. Article n (1 to 45) is by "Author {n % 3}", under
/// "Trade" when n is even and "Security" when n is a multiple of 3, published on day n of 2024,
/// in issue "Korea Policy Vol. 9, Issue {1 + n % 2}"; its only paragraph names it ("Number n").
/// </summary>
public sealed class ArchiveOfManyArticles : IDisposable
{
    public const int Generated = 45;

    private readonly string folder = Directory.CreateTempSubdirectory("koreapolicy-many-").FullName;

    public ArchiveOfManyArticles()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Articles", $"{KoreaPolicyApplication.ArticleSlug}.txt"),
            Path.Combine(folder, $"{KoreaPolicyApplication.ArticleSlug}.txt"));
        for (var n = 1; n <= Generated; n++)
        {
            File.WriteAllText(Path.Combine(folder, $"article-{n:D2}.txt"), Page(n));
        }

        Application = new KoreaPolicyApplication { ArticlesFolder = folder };
    }

    public static int Total => Generated + 1;

    public KoreaPolicyApplication Application { get; }

    public static DateOnly PublishedOn(int n) => new DateOnly(2024, 1, 1).AddDays(n - 1);

    public void Dispose()
    {
        Application.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string Page(int n)
    {
        var themes = new List<string> { "Alliance" };
        if (n % 2 == 0)
        {
            themes.Add("Trade");
        }

        if (n % 3 == 0)
        {
            themes.Add("Security");
        }

        return string.Join('\n',
        [
            "Korea Policy",
            $"Korea Policy Vol. 9, Issue {1 + (n % 2)}About Korea Policy",
            "Korea Policy is a journal published by the Korea Economic Institute of America in Washington, D.C.",
            $"Title: Alliance Note Number {n}",
            $"Author: Author {(char)('A' + (n % 3))}",
            $"Theme: {string.Join(", ", themes)}",
            $"Published {PublishedOn(n).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}",
            $"This note, number {n}, weighs the tariffs that strain the alliance.",
        ]);
    }
}

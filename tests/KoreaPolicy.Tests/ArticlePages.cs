namespace KoreaPolicy.Tests;

/// <summary>The article texts copied next to the test assembly.</summary>
internal static class ArticlePages
{
    public static string Klingner => Read("Articles", "korea-policy-vol-3-issue-2-klingner.txt");

    public static string Variant(string name) => Read("Variants", name);

    private static string Read(string folder, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, name));
}

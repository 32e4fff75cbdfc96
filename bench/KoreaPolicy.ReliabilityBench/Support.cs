using System.Globalization;
using System.Reflection;
using System.Text;
using KoreaPolicy.Bench;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Storage;

namespace KoreaPolicy.ReliabilityBench;

/// <summary>How long and how hard each scenario runs; every one is bounded.</summary>
internal sealed record ReliabilityOptions(int Requests, int Clients, int TornSeconds, string Out)
{
    public static ReliabilityOptions Parse(string[] args)
    {
        var options = new ReliabilityOptions(20_000, 8, 20, "bench/results/reliability.md");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--requests" => options with { Requests = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--clients" => options with { Clients = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--torn-seconds" => options with { TornSeconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--out" => options with { Out = args[i + 1] },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}

/// <summary>The databases the scenarios serve, built through the real ingestion.</summary>
internal static class Archives
{
    public static string Article { get; } = ReadArticle();

    /// <summary>The article with an opening of its own, so the archive takes it as an article and not as a duplicate.</summary>
    public static string Copy(int n) => Article.Replace("The U.S.-South Korea partnership", $"In copy {n}, the U.S.-South Korea partnership", StringComparison.Ordinal);

    /// <summary>The real article and a hundred copies of it under other names: an ordinary small archive.</summary>
    public static string Ordinary(string folder)
    {
        var texts = Directory.CreateDirectory(Path.Combine(folder, "articles")).FullName;
        File.WriteAllText(Path.Combine(texts, "korea-policy-vol-3-issue-2-klingner.txt"), Article);
        for (var i = 1; i <= 100; i++)
        {
            File.WriteAllText(Path.Combine(texts, $"copy-{i:000}.txt"), Copy(i));
        }

        return Ingest(folder, texts);
    }

    /// <summary>The most repetitive text the limits allow: two articles of 100 paragraphs of 20,000 characters of "w w w".</summary>
    public static string Costly(string folder)
    {
        var texts = Directory.CreateDirectory(Path.Combine(folder, "articles")).FullName;
        File.WriteAllText(Path.Combine(texts, "korea-policy-vol-3-issue-2-klingner.txt"), Article);
        // Each ends with a full stop: the parser joins paragraphs broken in mid-sentence.
        var paragraph = string.Join(' ', Enumerable.Repeat("w", (ArticleLimits.MaxParagraphLength / 2) - 1)) + ".";
        for (var n = 1; n <= 2; n++)
        {
            File.WriteAllText(Path.Combine(texts, $"repetitive-{n}.txt"),
                $"Korea Policy\nKorea Policy Vol. 9, Issue {n}\nAuthor: Ann Lee\nPublished June {n}, 2025\n"
                + string.Concat(Enumerable.Repeat(paragraph + "\n", 100)));
        }

        return Ingest(folder, texts);
    }

    /// <summary>Gives every entry below the folder its owner's permissions back, so it can be deleted.</summary>
    public static void MakeDeletable(string folder)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            if (new FileInfo(entry).LinkTarget is null && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    private static string Ingest(string folder, string texts)
    {
        var path = Path.Combine(folder, "archive.db");
        var database = new ArchiveDatabase(path);
        Migrations.Apply(database);
        var failed = new IngestRun(new ArticleWriter(database, TimeProvider.System)).Ingest([texts]).Where(r => r.Failed).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException(string.Join('\n', failed.Select(f => f.Error)));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return path;
    }

    private static string ReadArticle()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("KoreaPolicy.ReliabilityBench.Article.txt")!;
        return new StreamReader(stream).ReadToEnd();
    }
}

/// <summary>The API as a child process over a built database, with its shipped configuration (log levels included) plus what a scenario sets.</summary>
internal static class Api
{
    public static async Task<ChildServer> StartAsync(string database, params string[] settings)
    {
        var server = ChildServer.Start("The API", "KoreaPolicy.Api.dll",
            [$"--Database:Path={database}", "--Ingestion:Path=", .. RateLimitSettings.Unrestricted, .. settings]);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await server.WaitForOkAsync(client, "/health", TimeSpan.FromSeconds(60));
        return server;
    }
}

internal static class Load
{
    public static string Average() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

internal static class Junk
{
    /// <summary>Letters that differ for every <paramref name="n"/>.</summary>
    public static string Letters(int n, int length)
    {
        var random = new Random(n);
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append((char)('a' + random.Next(26)));
        }

        return text.ToString();
    }

    public static double Megabytes(long bytes) => bytes / 1048576.0;
}

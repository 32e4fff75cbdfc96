using System.Globalization;

namespace KoreaPolicy.LoadBench;

/// <summary>
/// The command line: <c>[--seconds 10] [--rounds 3] [--out FILE] [--articles DIR] [--cold-starts 3] [--warmup-seconds 2]
/// [--limiter-pairs 6] [--limiter-seconds 5] [--limiter-only]</c>.
/// </summary>
internal sealed record LoadOptions(int Seconds, int Rounds, string Out, string Articles, int ColdStarts, int WarmUpSeconds)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/KoreaPolicy.LoadBench -- [--seconds 10] [--rounds 3] [--out bench/results/load.md] [--articles data/articles] [--cold-starts 3] [--warmup-seconds 2] [--limiter-pairs 6] [--limiter-seconds 5] [--limiter-only]";

    /// <summary>Pairs of runs per row of the rate limiter's A/B (0: no A/B).</summary>
    public int LimiterPairs { get; init; } = 6;

    public int LimiterSeconds { get; init; } = 5;

    /// <summary>Only the cold starts and the rate limiter's A/B: no floor, no rounds.</summary>
    public bool LimiterOnly { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(10, 3, Path.Combine("bench", "results", "load.md"), Path.Combine("data", "articles"), 3, 2);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Positive(args, ++i) },
                "--rounds" => options with { Rounds = Positive(args, ++i) },
                "--out" => options with { Out = Value(args, ++i) },
                "--articles" => options with { Articles = Value(args, ++i) },
                "--cold-starts" => options with { ColdStarts = Positive(args, ++i) },
                "--warmup-seconds" => options with { WarmUpSeconds = Number(args, ++i) },
                "--limiter-pairs" => options with { LimiterPairs = Number(args, ++i) },
                "--limiter-seconds" => options with { LimiterSeconds = Positive(args, ++i) },
                "--limiter-only" => options with { LimiterOnly = true },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        return options;
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.\n{Usage}");

    private static int Number(string[] args, int i) =>
        int.TryParse(Value(args, i), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a whole number, not \"{args[i]}\".\n{Usage}");

    private static int Positive(string[] args, int i) =>
        Number(args, i) is > 0 and var n ? n : throw new ArgumentException($"{args[i - 1]} must be at least 1.\n{Usage}");
}

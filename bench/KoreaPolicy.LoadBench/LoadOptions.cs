using System.Globalization;

namespace KoreaPolicy.LoadBench;

/// <summary>
/// The command line: <c>[--seconds 10] [--rounds 3] [--out FILE] [--articles DIR] [--cold-starts 3] [--warmup-seconds 2] [--ab-pairs 8] [--ab-seconds 5]
/// [--limiter-only | --metrics-only]</c>. The A/B pairs are run for metrics and for the rate limiter alike.
/// </summary>
internal sealed record LoadOptions(int Seconds, int Rounds, string Out, string Articles, int ColdStarts, int WarmUpSeconds, int AbPairs, int AbSeconds)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/KoreaPolicy.LoadBench -- [--seconds 10] [--rounds 3] [--out bench/results/load.md] [--articles data/articles] [--cold-starts 3] [--warmup-seconds 2] [--ab-pairs 8] [--ab-seconds 5] [--limiter-only | --metrics-only]";

    /// <summary>Only the cold starts and the rate limiter's A/B: no floor, no rounds, no metrics A/B.</summary>
    public bool LimiterOnly { get; init; }

    /// <summary>Only the cold starts and the metrics A/B: no floor, no rounds, no rate limiter A/B.</summary>
    public bool MetricsOnly { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(10, 3, Path.Combine("bench", "results", "load.md"), Path.Combine("data", "articles"), 3, 2, 8, 5);
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
                "--ab-pairs" => options with { AbPairs = Number(args, ++i) },
                "--ab-seconds" => options with { AbSeconds = Positive(args, ++i) },
                "--limiter-only" => options with { LimiterOnly = true },
                "--metrics-only" => options with { MetricsOnly = true },
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

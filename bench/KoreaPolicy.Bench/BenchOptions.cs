using System.Globalization;

namespace KoreaPolicy.Bench;

/// <summary>The command line: <c>[--articles N] [--requests N] [--seed N] [--keep] [--out FILE] [--warmup N] [--max-seconds N] [--floor-rounds N]</c>.</summary>
internal sealed record BenchOptions(int Articles, int Requests, int Seed, bool Keep, string Out, int WarmUp, int MaxSecondsPerScenario, int FloorRounds)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/KoreaPolicy.Bench -- [--articles 10000] [--requests 2000] [--seed 20251215] [--keep] [--out bench/results/latest.md] [--warmup 100] [--max-seconds 30] [--floor-rounds 20]";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(10_000, 2_000, 20251215, false, Path.Combine("bench", "results", "latest.md"), 100, 30, 20);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--articles" => options with { Articles = Positive(args, ++i) },
                "--requests" => options with { Requests = Positive(args, ++i) },
                "--seed" => options with { Seed = Number(args, ++i) },
                "--keep" => options with { Keep = true },
                "--out" => options with { Out = Value(args, ++i) },
                "--warmup" => options with { WarmUp = Number(args, ++i) },
                "--max-seconds" => options with { MaxSecondsPerScenario = Positive(args, ++i) },
                "--floor-rounds" => options with { FloorRounds = Positive(args, ++i) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        return options;
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.\n{Usage}");

    private static int Number(string[] args, int i) =>
        int.TryParse(Value(args, i), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a whole number, not \"{args[i]}\".\n{Usage}");

    private static int Positive(string[] args, int i) =>
        Number(args, i) is > 0 and var n ? n : throw new ArgumentException($"{args[i - 1]} must be at least 1.\n{Usage}");
}

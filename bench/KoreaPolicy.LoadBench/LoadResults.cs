namespace KoreaPolicy.LoadBench;

/// <summary>The two servers every scenario runs against.</summary>
internal enum Side
{
    Api,
    Floor,
}

/// <summary>One scenario at one connection count: every round's wrk result for each side.</summary>
internal sealed class Cell(LoadScenario scenario, int connections)
{
    public LoadScenario Scenario { get; } = scenario;

    public int Connections { get; } = connections;

    public List<WrkResult> Api { get; } = [];

    public List<WrkResult> Floor { get; } = [];

    public List<WrkResult> Of(Side side) => side == Side.Api ? Api : Floor;

    /// <summary>API throughput over the floor's, from each side's median round.</summary>
    public double Ratio => Median(Api, r => r.RequestsPerSecond) / Median(Floor, r => r.RequestsPerSecond);

    public static double Median(IReadOnlyList<WrkResult> rounds, Func<WrkResult, double> figure)
    {
        var sorted = rounds.Select(figure).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Answers outside 200–399 and socket errors, as a share of every request made.</summary>
    public static double ErrorShare(IReadOnlyList<WrkResult> rounds)
    {
        var requests = rounds.Sum(r => r.Requests);
        return requests == 0 ? 0 : rounds.Sum(r => r.Errors) / (double)requests;
    }
}

/// <summary>Everything the report needs.</summary>
internal sealed record LoadRun(
    LoadOptions Options,
    KoreaPolicy.Bench.MachineInfo Machine,
    string WrkVersion,
    IReadOnlyList<TimeSpan> ColdStarts,
    IReadOnlyList<Recorded> Recorded,
    IReadOnlyList<Cell> Cells,
    long? ApiPeakMemory,
    long? ApiMemoryAfterStart,
    long? FloorPeakMemory,
    IReadOnlyList<MetricsCostRow> MetricsCost,
    TimeSpan Elapsed);

using System.Text;

namespace KoreaPolicy.LoadBench;

/// <summary>The run's figures and the targets they are held to, as Markdown.</summary>
internal static class LoadReport
{
    public const double ReadRatioTarget = 0.85;
    public const double SearchP99TargetMs = 10;
    public const long PeakMemoryTarget = 250L * 1024 * 1024;
    public static readonly TimeSpan ColdStartTarget = TimeSpan.FromSeconds(2);

    public static string Write(LoadRun run)
    {
        var o = run.Options;
        var m = run.Machine;
        var md = new StringBuilder();
        md.AppendLine("# KoreaPolicy load benchmark");
        md.AppendLine();
        md.AppendLine($"Run {m.Date:yyyy-MM-dd HH:mm} UTC: `--seconds {o.Seconds} --rounds {o.Rounds} --cold-starts {o.ColdStarts} --warmup-seconds {o.WarmUpSeconds}`, {run.Elapsed.TotalMinutes:0.0} min in all.");
        md.AppendLine();
        md.AppendLine($"- CPU: {m.Cpu}, {m.Processors} logical processors; RAM {m.Memory}; {m.OperatingSystem}");
        md.AppendLine($"- {m.DotNet}; SQLite {m.Sqlite}; {run.WrkVersion}, server, floor and wrk all on 127.0.0.1 (sharing the cores)");
        md.AppendLine();

        md.AppendLine("## Cold start");
        md.AppendLine();
        md.AppendLine("Process start (`dotnet KoreaPolicy.Api.dll`, Release, shipped configuration) to the first 200 on `/health/ready`: database created, migrated, the repository's articles ingested, Kestrel listening.");
        md.AppendLine();
        md.AppendLine("| start | time |");
        md.AppendLine("|---:|---:|");
        for (var i = 0; i < run.ColdStarts.Count; i++)
        {
            md.AppendLine($"| {i + 1} | {run.ColdStarts[i].TotalMilliseconds:N0} ms |");
        }

        md.AppendLine();

        md.AppendLine("## Throughput and latency: API (A) against the floor (B)");
        md.AppendLine();
        md.AppendLine($"wrk `-t2 -c64` (`-t1 -c1` for one connection: wrk needs a connection per thread), `-d{o.Seconds}s --latency`; "
            + $"median of {o.Rounds} rounds; A and B back to back per row, order flipped every round. Latencies in ms. "
            + "Errors: answers outside 200–399 plus socket errors, as a share of all requests (the 304 scenario's answers count as success).");
        md.AppendLine();
        md.AppendLine("| scenario | URL | body | conns | API req/s | floor req/s | API/floor | API p50 | API p99 | floor p50 | floor p99 | API errors | floor errors |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var cell in run.Cells)
        {
            var body = run.Recorded.First(r => r.Scenario == cell.Scenario) is { } r && r.Status == 304 ? "304, no body" : Bytes(run.Recorded.First(r => r.Scenario == cell.Scenario).Body.Length);
            md.AppendLine($"| {cell.Scenario.Name} | `{cell.Scenario.PathAndQuery}` | {body} | {cell.Connections} | "
                + $"{Cell.Median(cell.Api, x => x.RequestsPerSecond):N0} | {Cell.Median(cell.Floor, x => x.RequestsPerSecond):N0} | {cell.Ratio:0.00} | "
                + $"{Cell.Median(cell.Api, x => x.P50Ms):0.00} | {Cell.Median(cell.Api, x => x.P99Ms):0.00} | "
                + $"{Cell.Median(cell.Floor, x => x.P50Ms):0.00} | {Cell.Median(cell.Floor, x => x.P99Ms):0.00} | "
                + $"{Share(Cell.ErrorShare(cell.Api))} | {Share(Cell.ErrorShare(cell.Floor))} |");
        }

        md.AppendLine();
        md.AppendLine("Every round (req/s, API / floor):");
        md.AppendLine();
        md.AppendLine("| scenario | conns | " + string.Join(" | ", Enumerable.Range(1, o.Rounds).Select(i => $"round {i}")) + " |");
        md.AppendLine("|---|---:|" + string.Concat(Enumerable.Repeat("---:|", o.Rounds)));
        foreach (var cell in run.Cells)
        {
            md.AppendLine($"| {cell.Scenario.Name} | {cell.Connections} | "
                + string.Join(" | ", cell.Api.Zip(cell.Floor).Select(p => $"{p.First.RequestsPerSecond:N0} / {p.Second.RequestsPerSecond:N0}")) + " |");
        }

        md.AppendLine();
        if (run.MetricsCost.Count > 0)
        {
            md.Append(MetricsCost.Report(run.MetricsCost, o.AbPairs, o.AbSeconds));
        }

        md.AppendLine("## Memory");
        md.AppendLine();
        md.AppendLine($"API: peak resident set (VmHWM at the end of the run) {Megabytes(run.ApiPeakMemory)}, resident just after the cold start {Megabytes(run.ApiMemoryAfterStart)}. Floor: peak {Megabytes(run.FloorPeakMemory)}.");
        md.AppendLine();

        md.AppendLine("## Against the targets");
        md.AppendLine();
        md.AppendLine("| target | figure | result |");
        md.AppendLine("|---|---|---|");
        foreach (var (target, figure, pass) in Targets(run))
        {
            md.AppendLine($"| {target} | {figure} | {(pass ? "PASS" : "**FAIL**")} |");
        }

        return md.ToString();
    }

    private static IEnumerable<(string Target, string Figure, bool Pass)> Targets(LoadRun run)
    {
        foreach (var cell in run.Cells.Where(c => c.Scenario.IsRead && c.Connections == 64))
        {
            yield return ($"{cell.Scenario.Name}: ≥ {ReadRatioTarget:0.00} of the floor's req/s at 64 connections", $"{cell.Ratio:0.000}", cell.Ratio >= ReadRatioTarget);
        }

        // "At least as fast as the floor": the floor is the app that serves the URL's bytes from
        // memory, so a revalidation must cost no more than that full answer. Against the floor's
        // own 304 (the same check with no pipeline at all) it is reported, not held to 1.00: no
        // app with any middleware can reach that by construction.
        foreach (var cell in run.Cells.Where(c => c.Scenario.Conditional))
        {
            var full = run.Cells.Single(c => !c.Scenario.Conditional && c.Scenario.PathAndQuery == cell.Scenario.PathAndQuery && c.Connections == cell.Connections);
            var ratio = Cell.Median(cell.Api, r => r.RequestsPerSecond) / Cell.Median(full.Floor, r => r.RequestsPerSecond);
            yield return (
                $"304 at {cell.Connections} connection{(cell.Connections == 1 ? "" : "s")}: at least as fast as the floor serving the URL (API 304 / floor 200 ≥ 1.00; against the floor's own 304: {cell.Ratio:0.000})",
                $"{ratio:0.000}",
                ratio >= 1.0);
        }

        foreach (var cell in run.Cells.Where(c => c.Scenario.Name == "search" && c.Connections == 64))
        {
            var worst = cell.Api.Max(r => r.P99Ms);
            yield return ($"search p99 < {SearchP99TargetMs:0} ms at 64 connections (worst round)", $"{worst:0.00} ms", worst < SearchP99TargetMs);
        }

        foreach (var row in run.MetricsCost)
        {
            yield return ($"{row.Scenario.Name}: metrics cost at most {MetricsCost.Target:P0} of req/s at {MetricsCost.Connections} connections (median pair; pairs {row.Ratios.Min():0.000}–{row.Ratios.Max():0.000})",
                $"{row.MedianRatio:0.000}", row.MedianRatio >= 1 - MetricsCost.Target);
            if (row.MedianCpuRatio is { } cpu)
            {
                yield return ($"{row.Scenario.Name}: metrics add at most {MetricsCost.Target:P0} to the CPU time per request (median pair; pairs {row.CpuRatios.Min():0.000}–{row.CpuRatios.Max():0.000})",
                    $"{cpu:0.000}", cpu <= 1 + MetricsCost.Target);
            }
        }

        var errors = run.Cells.Sum(c => c.Api.Sum(r => r.Errors));
        yield return ("no non-2xx/3xx answers or socket errors from the API", $"{errors:N0} in {run.Cells.Sum(c => c.Api.Sum(r => r.Requests)):N0} requests", errors == 0);
        yield return ($"API peak memory < {Megabytes(PeakMemoryTarget)}", Megabytes(run.ApiPeakMemory), run.ApiPeakMemory is < PeakMemoryTarget);
        var coldStarts = run.ColdStarts.Order().ToList();
        var median = coldStarts[coldStarts.Count / 2];
        yield return ($"cold start < {ColdStartTarget.TotalSeconds:0} s (median of {coldStarts.Count}; worst {coldStarts[^1].TotalMilliseconds:N0} ms)", $"{median.TotalMilliseconds:N0} ms", median < ColdStartTarget);
    }

    private static string Share(double share) => share == 0 ? "0" : $"{share:P3}";

    private static string Bytes(long bytes) => bytes < 1024 ? $"{bytes} B" : $"{bytes / 1024.0:0.0} KiB";

    private static string Megabytes(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024.0:0} MiB" : "n/a (no /proc)";
}

namespace KoreaPolicy.Api.Hosting;

/// <summary>The <c>ingest</c> command. At start-up the server ingests with <see cref="StartUpIngestion"/>.</summary>
public static class IngestCommand
{
    /// <summary><c>ingest &lt;file or folder&gt;...</c>: one line per file; exit code 1 if any file failed, 2 on a usage error.</summary>
    public static int Run(IngestRun ingest, IReadOnlyList<string> paths, TextWriter output, TextWriter errors)
    {
        if (paths.Count == 0)
        {
            errors.WriteLine("usage: KoreaPolicy.Api ingest <file or folder>... [--Database:Path=<file>]");
            return 2;
        }

        var failed = 0;
        foreach (var result in ingest.Ingest(paths))
        {
            (result.Failed ? errors : output).WriteLine(result);
            failed += result.Failed ? 1 : 0;
        }

        return failed == 0 ? 0 : 1;
    }
}

using Microsoft.Extensions.Options;

namespace KoreaPolicy.Api.Hosting;

/// <summary>Ingestion from the command line and at start-up.</summary>
public static class IngestCommand
{
    /// <summary>
    /// <c>ingest &lt;file or folder&gt;...</c>: one line per file, printed as soon as the file is done (a
    /// long run shows its progress, and a stuck one where it is); exit code 1 if any file failed,
    /// 2 on a usage error.
    /// </summary>
    public static int Run(IngestRun ingest, IReadOnlyList<string> paths, TextWriter output, TextWriter errors)
    {
        if (paths.Count == 0)
        {
            errors.WriteLine("usage: KoreaPolicy.Api ingest <file or folder>... [--Database:Path=<file>]");
            return 2;
        }

        var failed = 0;
        foreach (var result in ingest.IngestEach(paths))
        {
            (result.Failed ? errors : output).WriteLine(result);
            failed += result.Failed ? 1 : 0;
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// Ingests the configured folder before the server takes requests, so the first request
    /// already sees every article. Each file is logged as it is done; a bad file or folder entry
    /// is logged and skipped, and the server still starts.
    /// </summary>
    public static void IngestAtStartUp(WebApplication app, IngestRun ingest)
    {
        var folder = app.Services.GetRequiredService<IOptions<IngestionOptions>>().Value.Path;
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        var logger = app.Logger;
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The ingestion folder {Folder} does not exist; serving the database as it is.", Path.GetFullPath(folder));
            return;
        }

        foreach (var result in ingest.IngestEach([folder]))
        {
            if (result.Failed)
            {
                logger.LogError("Ingestion failed: {Error}", result.Error);
            }
            else
            {
                logger.LogInformation("{Result}", result);
            }
        }
    }
}

namespace KoreaPolicy.Bench;

/// <summary>
/// The real API (the Release build referenced by this project) as a child process on a free
/// loopback port, serving a database that is already built, once it answers /health.
/// </summary>
internal static class ApiServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<ChildServer> StartAsync(string databasePath)
    {
        var server = ChildServer.Start("The API", "KoreaPolicy.Api.dll",
        [
            $"--Database:Path={databasePath}",
            // Empty: serve the database as built, without a start-up ingest. Everything else is
            // the shipped configuration (appsettings.json beside the dll), as users run it.
            "--Ingestion:Path=",
        ]);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await server.WaitForOkAsync(client, "/health", StartTimeout);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }
}

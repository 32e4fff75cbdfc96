namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// The program's two modes: serve (the default) and <c>ingest &lt;file or folder&gt;...</c>.
/// Configuration switches (<c>--Database:Path=/tmp/x.db</c>) are valid in both and go to the host;
/// the command and its paths are kept away from it, because the configuration reader would take
/// a path such as "/tmp/a.txt" for a switch.
/// </summary>
public sealed record CommandLine(string? Command, IReadOnlyList<string> Paths, string[] HostArgs)
{
    public const string Ingest = "ingest";

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != Ingest)
        {
            return new CommandLine(null, [], args);
        }

        var paths = new List<string>();
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                hostArgs.Add(args[i]);
                // "--Database:Path /tmp/x.db": the value is the next argument.
                if (!args[i].Contains('=') && i + 1 < args.Length)
                {
                    hostArgs.Add(args[++i]);
                }
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        return new CommandLine(Ingest, paths, [.. hostArgs]);
    }
}

namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// The program's two modes: serve (the default) and <c>ingest [--dry-run [--json]] &lt;file or folder&gt;...</c>.
/// Configuration switches (<c>--Database:Path=/tmp/x.db</c>) are valid in both and go to the host;
/// the command, its flags and its paths are kept away from it, because the configuration reader
/// would take a path such as "/tmp/a.txt" for a switch, and a flag for a key wanting a value.
/// </summary>
/// <param name="DryRun"><c>--dry-run</c>: report what the parser makes of each file, write nothing.</param>
/// <param name="Json"><c>--json</c>: the dry run's reports as JSON lines, one object per file.</param>
public sealed record CommandLine(string? Command, IReadOnlyList<string> Paths, string[] HostArgs, bool DryRun = false, bool Json = false)
{
    public const string Ingest = "ingest";
    public const string DryRunFlag = "--dry-run";
    public const string JsonFlag = "--json";

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != Ingest)
        {
            return new CommandLine(null, [], args);
        }

        var paths = new List<string>();
        var hostArgs = new List<string>();
        bool dryRun = false, json = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == DryRunFlag)
            {
                dryRun = true;
            }
            else if (args[i] == JsonFlag)
            {
                json = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
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

        return new CommandLine(Ingest, paths, [.. hostArgs], dryRun, json);
    }
}

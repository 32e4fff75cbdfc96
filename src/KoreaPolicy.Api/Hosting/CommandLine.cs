namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// The program's modes: serve (the default), <c>ingest [--dry-run [--json]] &lt;file or folder&gt;...</c>
/// and <c>keys add|list|revoke</c>. Configuration switches (<c>--Database:Path=/tmp/x.db</c>) are
/// valid in all of them and go to the host; the command, its flags, its options (<c>--name</c>,
/// <c>--scopes</c> for keys) and its paths are kept away from it, because the configuration reader
/// would take a path such as "/tmp/a.txt" for a switch, and a flag for a key wanting a value.
/// </summary>
/// <param name="DryRun"><c>--dry-run</c>: report what the parser makes of each file, write nothing.</param>
/// <param name="Json"><c>--json</c>: the dry run's reports as JSON lines, one object per file.</param>
public sealed record CommandLine(string? Command, IReadOnlyList<string> Paths, string[] HostArgs, bool DryRun = false, bool Json = false)
{
    public const string Ingest = "ingest";
    public const string Keys = "keys";
    public const string DryRunFlag = "--dry-run";
    public const string JsonFlag = "--json";

    /// <summary>Each command's flags and options with a value; any other <c>--switch</c> is configuration.</summary>
    private static readonly Dictionary<string, (string[] Flags, string[] Options)> Commands = new(StringComparer.Ordinal)
    {
        [Ingest] = ([DryRunFlag, JsonFlag], []),
        [Keys] = ([], ["--name", "--scopes"]),
    };

    /// <summary>The command's own options, by name without the dashes (<c>--name x</c> or <c>--name=x</c>).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || !Commands.TryGetValue(args[0], out var own))
        {
            return new CommandLine(null, [], args);
        }

        var paths = new List<string>();
        var hostArgs = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        bool dryRun = false, json = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (own.Flags.Contains(args[i]))
            {
                dryRun |= args[i] == DryRunFlag;
                json |= args[i] == JsonFlag;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var equals = args[i].IndexOf('=');
                var name = equals < 0 ? args[i] : args[i][..equals];
                // "--Database:Path /tmp/x.db": the value is the next argument.
                var value = equals >= 0 ? args[i][(equals + 1)..] : i + 1 < args.Length ? args[++i] : "";
                if (own.Options.Contains(name, StringComparer.Ordinal))
                {
                    options[name[2..]] = value;
                }
                else
                {
                    hostArgs.Add($"{name}={value}");
                }
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        return new CommandLine(args[0], paths, [.. hostArgs], dryRun, json) { Options = options };
    }
}

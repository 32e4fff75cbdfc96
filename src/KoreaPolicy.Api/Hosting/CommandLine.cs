namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// The program's modes: serve (the default), <c>ingest &lt;file or folder&gt;...</c> and
/// <c>keys add|list|revoke</c>. Configuration switches (<c>--Database:Path=/tmp/x.db</c>) are valid
/// in all of them and go to the host; the command, its arguments and its own options
/// (<c>--name</c>, <c>--scopes</c> for keys) are kept away from it, because the configuration
/// reader would take a path such as "/tmp/a.txt" for a switch.
/// </summary>
public sealed record CommandLine(string? Command, IReadOnlyList<string> Paths, string[] HostArgs)
{
    public const string Ingest = "ingest";
    public const string Keys = "keys";

    /// <summary>Each command's own options; any other <c>--switch</c> is configuration.</summary>
    private static readonly Dictionary<string, string[]> CommandOptions = new(StringComparer.Ordinal)
    {
        [Ingest] = [],
        [Keys] = ["name", "scopes"],
    };

    /// <summary>The command's own options, by name without the dashes (<c>--name x</c> or <c>--name=x</c>).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || !CommandOptions.TryGetValue(args[0], out var own))
        {
            return new CommandLine(null, [], args);
        }

        var paths = new List<string>();
        var hostArgs = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var equals = args[i].IndexOf('=');
                var name = equals < 0 ? args[i][2..] : args[i][2..equals];
                // "--Database:Path /tmp/x.db": the value is the next argument.
                var value = equals >= 0 ? args[i][(equals + 1)..] : i + 1 < args.Length ? args[++i] : "";
                if (own.Contains(name, StringComparer.Ordinal))
                {
                    options[name] = value;
                }
                else
                {
                    hostArgs.Add($"--{name}={value}");
                }
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        return new CommandLine(args[0], paths, [.. hostArgs]) { Options = options };
    }
}

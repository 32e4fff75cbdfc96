using System.Globalization;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;

namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// <c>keys add --name &lt;name&gt; --scopes &lt;read,write,admin&gt;</c>, <c>keys list</c> and
/// <c>keys revoke &lt;id or prefix&gt;</c>. A new key is printed once, alone on standard output (so
/// a script can take it: <c>KEY=$(... keys add ...)</c>), and never again: only its hash is kept.
/// Exit code 0, 1 when there is no such key to revoke, 2 on a usage error.
/// </summary>
public static class KeysCommand
{
    private const string Usage =
        "usage: KoreaPolicy.Api keys add --name <name> --scopes <read,write,admin> | keys list | keys revoke <id or prefix> [--Database:Path=<file>]";

    /// <summary>A name is a label for people; longer than this is a mistake.</summary>
    private const int MaxNameLength = 100;

    public static int Run(ApiKeys keys, CommandLine commandLine, TextWriter output, TextWriter errors)
    {
        var arguments = commandLine.Paths;
        return arguments switch
        {
            ["add"] => Add(keys, commandLine.Options, output, errors),
            ["list"] => List(keys, output),
            ["revoke", var which] => Revoke(keys, which, output, errors),
            _ => UsageError(errors, null),
        };
    }

    private static int Add(ApiKeys keys, IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter errors)
    {
        if (!options.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return UsageError(errors, $"--name is required: a label of 1 to {MaxNameLength} characters, e.g. --name \"editorial desk\"");
        }

        string? unknown = null;
        if (!options.TryGetValue("scopes", out var scopeList) || ApiScopeNames.Parse(scopeList, out unknown) is not { } scopes)
        {
            return UsageError(errors, unknown is null
                ? $"--scopes is required: one or more of {string.Join(", ", ApiScopeNames.All)}, comma-separated"
                : $"--scopes: '{unknown}' is not a scope; the scopes are {string.Join(", ", ApiScopeNames.All)}");
        }

        var (key, text) = keys.Create(name.Trim(), scopes);
        output.WriteLine(text);
        errors.WriteLine($"created key {key.Id} ({key.Prefix}) \"{key.Name}\" with scopes {ApiScopeNames.Format(key.Scopes)}.");
        errors.WriteLine("Keep it now: it is shown this once, and the archive keeps only a hash of it.");
        return 0;
    }

    private static int List(ApiKeys keys, TextWriter output)
    {
        output.WriteLine("id\tprefix\tscopes\tcreated\trevoked\tname");
        foreach (var key in keys.List())
        {
            output.WriteLine(string.Join('\t',
                key.Id.ToString(CultureInfo.InvariantCulture),
                key.Prefix,
                ApiScopeNames.Format(key.Scopes),
                Date(key.CreatedAt),
                key.RevokedAt is { } revoked ? Date(revoked) : "-",
                key.Name));
        }

        return 0;
    }

    private static int Revoke(ApiKeys keys, string which, TextWriter output, TextWriter errors)
    {
        if (keys.Revoke(which) is not { } key)
        {
            errors.WriteLine($"error: no key has the id or prefix '{which}' (see 'keys list')");
            return 1;
        }

        output.WriteLine($"revoked key {key.Id} ({key.Prefix}) \"{key.Name}\" at {Date(key.RevokedAt!.Value)}");
        return 0;
    }

    private static int UsageError(TextWriter errors, string? problem)
    {
        if (problem is not null)
        {
            errors.WriteLine($"error: {problem}");
        }

        errors.WriteLine(Usage);
        return 2;
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

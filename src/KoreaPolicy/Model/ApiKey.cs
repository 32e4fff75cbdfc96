namespace KoreaPolicy.Model;

/// <summary>What a key may do; each scope is independent of the others (write does not imply read).</summary>
[Flags]
public enum ApiScopes
{
    None = 0,

    /// <summary>A keyed reader: reads under its own, higher rate limits.</summary>
    Read = 1,

    /// <summary>Publishes, corrects and withdraws articles.</summary>
    Write = 2,

    /// <summary>Reads the write audit (and whatever else administers the archive).</summary>
    Admin = 4,
}

/// <summary>An API key as the archive knows it: never its secret, which only its holder has.</summary>
public sealed record ApiKey(long Id, string Prefix, string Name, ApiScopes Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool Has(ApiScopes scope) => (Scopes & scope) == scope;
}

/// <summary>Scope names as they are written on the command line, in the database and in errors.</summary>
public static class ApiScopeNames
{
    private static readonly (ApiScopes Scope, string Name)[] Names =
    [
        (ApiScopes.Read, "read"),
        (ApiScopes.Write, "write"),
        (ApiScopes.Admin, "admin"),
    ];

    public static IEnumerable<string> All => Names.Select(n => n.Name);

    /// <summary>"write,admin" → the scopes; null (with the unknown name) when a name is not a scope or none is given.</summary>
    public static ApiScopes? Parse(string text, out string? unknown)
    {
        unknown = null;
        var scopes = ApiScopes.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Names.FirstOrDefault(n => string.Equals(n.Name, part, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                unknown = part;
                return null;
            }

            scopes |= match.Scope;
        }

        return scopes == ApiScopes.None ? null : scopes;
    }

    public static string Format(ApiScopes scopes) =>
        string.Join(',', Names.Where(n => (scopes & n.Scope) != 0).Select(n => n.Name));
}

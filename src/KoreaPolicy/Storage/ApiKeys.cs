using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using KoreaPolicy.Model;

namespace KoreaPolicy.Storage;

/// <summary>
/// API keys (Sql/008_write_api.sql). A key reads <c>kp_&lt;prefix&gt;_&lt;secret&gt;</c>: the prefix
/// (8 characters, public, in lists and the audit) finds the key, the secret (32 random bytes) proves
/// it. Only HMAC-SHA256(salt, secret) is stored, with a random salt per key, so the database does
/// not hold what it takes to use a key, and the same secret never hashes alike twice. The secret
/// has 256 bits of entropy, so a fast hash is enough: no password stretching is needed to keep
/// a stolen hash from being reversed.
/// </summary>
public sealed class ApiKeys(ArchiveDatabase database, TimeProvider clock)
{
    public const string Marker = "kp_";
    public const int PrefixLength = 8;
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    // Compared against when a key's prefix is unknown, so that an unknown key costs the same hash
    // and comparison as a known key with a wrong secret: the answer's timing says nothing of which.
    private static readonly byte[] DummySalt = RandomNumberGenerator.GetBytes(SaltBytes);
    private static readonly byte[] DummyHash = RandomNumberGenerator.GetBytes(32);

    /// <summary>Creates a key; the returned text is the only time its secret exists outside its holder's hands.</summary>
    public (ApiKey Key, string Text) Create(string name, ApiScopes scopes)
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var now = clock.GetUtcNow();
        using var connection = database.Open();
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO api_keys (prefix, name, scopes, salt, hash, created_at)
            VALUES (@prefix, @name, @scopes, @salt, @hash, @createdAt)
            RETURNING id
            """,
            new { prefix, name, scopes = ApiScopeNames.Format(scopes), salt, hash = Hash(salt, secret), createdAt = ArticleWriter.Timestamp(now) });
        return (new ApiKey(id, prefix, name, scopes, now, null), $"{Marker}{prefix}_{Base64Url.EncodeToString(secret)}");
    }

    public IReadOnlyList<ApiKey> List()
    {
        using var connection = database.Open();
        return connection.Query<KeyRow>(KeyColumns + " ORDER BY id").Select(r => r.ToKey()).ToList();
    }

    /// <summary>Revokes the key with this id or prefix (or the key itself); null when there is none. Revoking twice keeps the first time.</summary>
    public ApiKey? Revoke(string idOrPrefix)
    {
        var prefix = TryParse(idOrPrefix, out var parsed, out _) ? parsed : idOrPrefix;
        long? id = long.TryParse(idOrPrefix, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        using var connection = database.Open();
        connection.Execute(
            "UPDATE api_keys SET revoked_at = @now WHERE (id = @id OR prefix = @prefix) AND revoked_at IS NULL",
            new { id, prefix, now = ArticleWriter.Timestamp(clock.GetUtcNow()) });
        return connection.QuerySingleOrDefault<KeyRow>(KeyColumns + " WHERE id = @id OR prefix = @prefix", new { id, prefix })?.ToKey();
    }

    /// <summary>
    /// The live key a client presented, or null (unknown, malformed, wrong secret or revoked),
    /// in the same time whichever it is: the same statement runs, the same hash is computed and
    /// compared in constant time. The presented text is never kept, logged or echoed.
    /// </summary>
    public ApiKey? Authenticate(string presented)
    {
        var wellFormed = TryParse(presented, out var prefix, out var secret);
        using var connection = database.Open();
        var row = connection.QuerySingle<KeyRow>(KeyOrDecoy, new { prefix = wellFormed ? prefix : "", DummySalt, DummyHash });
        var computed = Hash(row.Salt, wellFormed ? secret : Encoding.UTF8.GetBytes(presented));
        var matches = CryptographicOperations.FixedTimeEquals(computed, row.Hash);
        return matches && row is { Id: > 0, RevokedAt: null } ? row.ToKey() : null;
    }

    /// <summary>Splits "kp_&lt;prefix&gt;_&lt;secret&gt;"; false when the text is not of that form.</summary>
    private static bool TryParse(string text, out string prefix, out byte[] secret)
    {
        prefix = "";
        secret = [];
        if (!text.StartsWith(Marker, StringComparison.Ordinal) || text.Length <= Marker.Length + PrefixLength + 1
            || text[Marker.Length + PrefixLength] != '_')
        {
            return false;
        }

        prefix = text.Substring(Marker.Length, PrefixLength);
        var encoded = text[(Marker.Length + PrefixLength + 1)..];
        if (!prefix.All(PrefixAlphabet.Contains) || encoded.Length > 64)
        {
            return false;
        }

        var decoded = new byte[SecretBytes + 3];
        if (!Base64Url.TryDecodeFromChars(encoded, decoded, out var written) || written != SecretBytes)
        {
            return false;
        }

        secret = decoded[..SecretBytes];
        return true;
    }

    private static byte[] Hash(byte[] salt, byte[] secret) => HMACSHA256.HashData(salt, secret);

    private const string KeyColumns =
        "SELECT id AS Id, prefix AS Prefix, name AS Name, scopes AS Scopes, salt AS Salt, hash AS Hash, created_at AS CreatedAt, revoked_at AS RevokedAt FROM api_keys";

    // Exactly one row whether the prefix is known or not: the key's, or a decoy with the dummy salt
    // and hash (id 0). Both run the same two index lookups and read and materialise one row of the
    // same shape; a lookup that found nothing skipped reading a row, which made an unknown prefix
    // measurably faster (about 28 against 38 µs) than a known one with a wrong secret.
    private const string KeyOrDecoy =
        """
        SELECT id AS Id, prefix AS Prefix, name AS Name, scopes AS Scopes, salt AS Salt, hash AS Hash, created_at AS CreatedAt, revoked_at AS RevokedAt
        FROM api_keys WHERE prefix = @prefix
        UNION ALL
        SELECT 0, @prefix, '', '', @DummySalt, @DummyHash, '', NULL
        WHERE NOT EXISTS (SELECT 1 FROM api_keys WHERE prefix = @prefix)
        """;

    private sealed class KeyRow
    {
        public long Id { get; init; }
        public string Prefix { get; init; } = "";
        public string Name { get; init; } = "";
        public string Scopes { get; init; } = "";
        public byte[] Salt { get; init; } = [];
        public byte[] Hash { get; init; } = [];
        public string CreatedAt { get; init; } = "";
        public string? RevokedAt { get; init; }

        public ApiKey ToKey() => new(
            Id,
            Prefix,
            Name,
            ApiScopeNames.Parse(Scopes, out _) ?? ApiScopes.None,
            Parse(CreatedAt),
            RevokedAt is null ? null : Parse(RevokedAt));

        private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}

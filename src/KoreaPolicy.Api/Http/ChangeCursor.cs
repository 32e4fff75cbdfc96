using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// The change feed's cursor: opaque to partners, stable for ever. It is base64url of a format
/// byte (1) and the change log id it stands after (8 bytes, big-endian): the id never changes and
/// is never reused (AUTOINCREMENT), so a cursor stored years ago resumes exactly there. The
/// format byte leaves room for another layout without breaking the cursors partners hold.
/// </summary>
public static class ChangeCursor
{
    private const byte Format = 1;

    public static string Encode(long changeId)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = Format;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], changeId);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>The change id a cursor stands after; null when the text is not a cursor this API made.</summary>
    public static long? Decode(string cursor)
    {
        if (cursor.Length is 0 or > 32)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(cursor);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != 9 || bytes[0] != Format)
        {
            return null;
        }

        var id = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        // Re-encoding must give the same text: one cursor per position, no aliases.
        return id >= 0 && Encode(id) == cursor ? id : null;
    }
}

using System.Globalization;
using System.Text;

namespace KoreaPolicy.Model;

/// <summary>
/// A path as it is printed in a result or error line: one line whatever the name holds. A file
/// name may contain a newline (it split its output line in two), a tab or a right-to-left
/// override; those and every other control or format character are written as escapes
/// (<c>\n</c>, <c>\u202E</c>), and a backslash as <c>\\</c>, so the printed path reads back to the real one.
/// </summary>
public static class DisplayPath
{
    public static string Of(string path)
    {
        if (!NeedsEscaping(path))
        {
            return path;
        }

        var escaped = new StringBuilder(path.Length + 8);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                escaped.Append(c).Append(path[++i]);
                continue;
            }

            escaped.Append(c switch
            {
                '\\' when !OperatingSystem.IsWindows() => @"\\",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) || IsFormat(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool NeedsEscaping(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                i++;
            }
            else if ((c == '\\' && !OperatingSystem.IsWindows()) || char.IsSurrogate(c) || char.IsControl(c) || IsFormat(c))
            {
                return true;
            }
        }

        return false;
    }

    // Bidirectional overrides and other invisible characters, and the Unicode line separators.
    private static bool IsFormat(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}

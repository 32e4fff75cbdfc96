using System.Globalization;
using System.Text;

namespace KoreaPolicy.Ingestion;

/// <summary>URL slugs: lower-case ASCII letters and digits joined by single hyphens.</summary>
public static class Slug
{
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        // FormD splits "é" into "e" + a combining accent, which is then dropped.
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // "U.S." reads "us" and "Korea’s" reads "koreas": dots and apostrophes join, not split.
            if (c is '.' or '\'' or '’' or '‘')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }
}

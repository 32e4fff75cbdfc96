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

            var letters = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : Fold(c);
            if (letters is not null)
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(letters);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Latin letters that FormD does not split into a base letter and an accent ("ø", "ł", "æ")
    /// read as their plain letters; anything else outside ASCII is a separator.
    /// </summary>
    private static string? Fold(char c) => char.ToLowerInvariant(c) switch
    {
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'ĳ' => "ij",
        'þ' => "th",
        'ŋ' => "ng",
        'ø' => "o",
        'ð' or 'đ' => "d",
        'ł' => "l",
        'ħ' => "h",
        'ı' => "i",
        _ => null,
    };
}

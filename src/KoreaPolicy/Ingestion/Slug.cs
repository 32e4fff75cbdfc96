using System.Globalization;
using System.Text;

namespace KoreaPolicy.Ingestion;

/// <summary>URL slugs: lower-case ASCII letters and digits joined by single hyphens.</summary>
public static class Slug
{
    // The ASCII letter under each of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A),
    // '-' where there is none (× ÷) or it takes two letters (see Fold). Needed because the
    // build sets InvariantGlobalization, under which Normalize(FormD) does not decompose "é".
    private const string LatinBase =
        "aaaaaa-ceeeeiiiidnooooo-ouuuuy--aaaaaa-ceeeeiiiidnooooo-ouuuuy-y"
        + "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii--jjkkklllllll"
        + "lllnnnnnnn--oooooo--rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

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

    /// <summary>"é" → "e", "ŏ" → "o", "æ" → "ae": accented Latin letters read as their plain letters.</summary>
    private static string? Fold(char c) => c switch
    {
        'Æ' or 'æ' => "ae",
        'Œ' or 'œ' => "oe",
        'ß' => "ss",
        'Ĳ' or 'ĳ' => "ij",
        'Þ' or 'þ' => "th",
        'Ŋ' or 'ŋ' => "ng",
        >= '\u00C0' and <= '\u017F' when LatinBase[c - '\u00C0'] != '-' => LatinBase[c - '\u00C0'].ToString(),
        _ => null,
    };
}

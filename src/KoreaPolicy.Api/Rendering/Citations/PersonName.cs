namespace KoreaPolicy.Api.Rendering.Citations;

/// <summary>
/// A person's name split the way citation styles need it: given names, family name, a particle
/// that stays with the family name ("van", "de") and a suffix ("Jr.", "III").
/// </summary>
public sealed record PersonName(string Given, string Family, string? Particle = null, string? Suffix = null)
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "ten", "ter", "bin", "al",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV",
    };

    /// <summary>The family name with its particle: "van Beethoven".</summary>
    public string FamilyWithParticle => Particle is null ? Family : $"{Particle} {Family}";

    /// <summary>The name in reading order: "Martin Luther King Jr.".</summary>
    public string Full => string.Join(' ', new[] { Given, FamilyWithParticle, Suffix }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>
    /// Splits a byline name written given-names-first, as the journal prints them: the family name
    /// is the last word, after a suffix ("Jr.", with or without a comma) is set aside, together
    /// with the lowercase particles before it. A single word is a family name alone. Names printed
    /// family-first (Korean "Lee Jae-myung") cannot be told apart from the text and split wrongly;
    /// the archive's bylines are in Western order.
    /// </summary>
    public static PersonName Parse(string name)
    {
        var words = name.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? suffix = null;
        if (words.Count > 2 && Suffixes.Contains(words[^1]))
        {
            suffix = words[^1] is "Jr" or "Sr" ? words[^1] + "." : words[^1];
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 0)
        {
            return new PersonName("", name.Trim());
        }

        var family = words[^1];
        var start = words.Count - 1;
        while (start > 1 && Particles.Contains(words[start - 1]))
        {
            start--;
        }

        var particle = start < words.Count - 1 ? string.Join(' ', words[start..^1]) : null;
        return new PersonName(string.Join(' ', words[..start]), family, particle, suffix);
    }

    /// <summary>"S. M.", "J.-P.": each given name's initial with a period, hyphenated names keep the hyphen (APA 7 §9.8).</summary>
    public string Initials => string.Join(' ', Given.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => string.Join('-', word.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.EndsWith('.') && part.Length <= 3 ? part : $"{char.ToUpperInvariant(part[0])}."))));
}

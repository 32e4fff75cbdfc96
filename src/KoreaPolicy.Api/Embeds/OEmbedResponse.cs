using System.Text.Json.Serialization;

namespace KoreaPolicy.Api.Embeds;

/// <summary>An oEmbed 1.0 "rich" response: the embed's HTML and what a host page shows around it. Names are oEmbed's snake_case.</summary>
/// <remarks>
/// The fixed members have <c>init</c> accessors although nothing sets them: a get-only member is
/// documented <c>readOnly</c>, which generated clients read but leave out when they write a model back.
/// </remarks>
public sealed record OEmbedResponse
{
    /// <summary>The oEmbed version.</summary>
    /// <example>1.0</example>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "1.0";

    /// <summary>Always "rich": an HTML snippet.</summary>
    /// <example>rich</example>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "rich";

    /// <summary>The self-contained HTML snippet (inline styles, no scripts) quoting the article, section or paragraph.</summary>
    [JsonPropertyName("html")]
    public required string Html { get; init; }

    /// <summary>Width in pixels, at most maxwidth.</summary>
    /// <example>560</example>
    [JsonPropertyName("width")]
    public required int Width { get; init; }

    /// <summary>Estimated height in pixels, at most maxheight (the snippet scrolls beyond it).</summary>
    /// <example>420</example>
    [JsonPropertyName("height")]
    public required int Height { get; init; }

    /// <summary>What is embedded: the article's title, or the section or paragraph and the title.</summary>
    /// <example>Paragraph 7 of Bruce Klingner, Korea Policy Vol. 3, Issue 2 (December 15, 2025)</example>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The authors, when the article names any.</summary>
    /// <example>Bruce Klingner</example>
    [JsonPropertyName("author_name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required string? AuthorName { get; init; }

    /// <summary>The publisher of the journal, else this archive.</summary>
    /// <example>Korea Economic Institute of America</example>
    [JsonPropertyName("provider_name")]
    public required string ProviderName { get; init; }

    /// <summary>This site.</summary>
    /// <example>https://api.example.org</example>
    [JsonPropertyName("provider_url")]
    public required string ProviderUrl { get; init; }

    /// <summary>How long (seconds) the answer may be cached.</summary>
    /// <example>86400</example>
    [JsonPropertyName("cache_age")]
    public int CacheAge { get; init; } = 86400;
}

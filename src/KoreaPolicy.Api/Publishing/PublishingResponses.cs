using System.Text.Json.Serialization;
using KoreaPolicy.Api.Articles;

namespace KoreaPolicy.Api.Publishing;

// What the write endpoints answer. The <example> texts feed Swagger's examples.

/// <summary>What a write did to an article.</summary>
public sealed record WriteResponse
{
    /// <summary>The article's slug.</summary>
    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string Slug { get; init; }

    /// <summary>created, updated, unchanged (the same text and facts again) or withdrawn.</summary>
    /// <example>updated</example>
    public required string Outcome { get; init; }

    /// <summary>The article's revision after the write: every change raises it, a withdrawal included.</summary>
    /// <example>2</example>
    public required int Revision { get; init; }

    /// <summary>The version to send back in If-Match to change it again (the ETag header, unquoted); null once withdrawn.</summary>
    /// <example>r2-1f3a9c0d2e4b</example>
    public required string? Version { get; init; }

    /// <summary>When it was withdrawn (UTC), for a withdrawal; null otherwise.</summary>
    /// <example>null</example>
    public required DateTimeOffset? WithdrawnAt { get; init; }

    public required WriteLinks Links { get; init; }
}

/// <summary>Where the article is.</summary>
public sealed record WriteLinks
{
    /// <summary>The article (410 Gone once withdrawn).</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner</example>
    public required string Self { get; init; }

    /// <summary>Its facts, to read or to patch.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/metadata</example>
    public required string Metadata { get; init; }
}

/// <summary>
/// An article's facts as an editor gave them (the sidecar file, or over HTTP): the document that
/// PATCH .../metadata changes with a JSON Merge Patch and a multipart PUT replaces. A fact not
/// given is left out; the article's JSON shows what came of them (the title, where it came from).
/// </summary>
public sealed record ArticleMetadataResponse
{
    /// <summary>The title, overriding the one the text carries.</summary>
    /// <example>U.S.-South Korea Alliance Faces Headwinds</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    /// <summary>The page's address on the publisher's site.</summary>
    /// <example>https://keia.org/publication/korea-policy-vol-3-issue-2-klingner/</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CanonicalUrl { get; init; }

    /// <summary>The DOI (10.NNNN/suffix).</summary>
    /// <example>10.1234/kp.2025.3.2.1</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Doi { get; init; }

    /// <summary>The licence.</summary>
    /// <example>CC BY 4.0</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? License { get; init; }

    /// <summary>The editor's correction note.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CorrectionResponse? Correction { get; init; }
}

using KoreaPolicy.Api.Rendering.Citations;

namespace KoreaPolicy.Api.Citations;

/// <summary>How to cite an article, a section or a paragraph: the reference in every style, the pinpoint and the link.</summary>
public sealed record CitationResponse
{
    /// <summary>The cited article's slug.</summary>
    /// <example>korea-policy-vol-3-issue-2-klingner</example>
    public required string Article { get; init; }

    /// <summary>What the citation links to: the article's canonical URL, or its anchor for a section or paragraph.</summary>
    /// <example>https://api.example.org/articles/korea-policy-vol-3-issue-2-klingner#p-7</example>
    public required string Url { get; init; }

    /// <summary>The article's DOI, when an editor gave one.</summary>
    /// <example>10.1234/kp.2025.3.2</example>
    public required string? Doi { get; init; }

    /// <summary>The pinpoint, for a section or paragraph; null for the whole article.</summary>
    public required LocatorResponse? Locator { get; init; }

    /// <summary>APA 7 reference list entry.</summary>
    public required FormattedReference Apa { get; init; }

    /// <summary>Chicago 17 (notes and bibliography) bibliography entry.</summary>
    public required FormattedReference Chicago { get; init; }

    /// <summary>MLA 9 works-cited entry.</summary>
    public required FormattedReference Mla { get; init; }

    /// <summary>A BibTeX @article entry.</summary>
    /// <example>@article{klingner2025korea, ...}</example>
    public required string Bibtex { get; init; }

    /// <summary>An RIS record.</summary>
    /// <example>TY  - JOUR</example>
    public required string Ris { get; init; }

    /// <summary>CSL-JSON: an array of one item.</summary>
    public required IReadOnlyList<CslItem> CslJson { get; init; }

    public required CitationLinks Links { get; init; }
}

/// <summary>A pinpoint in the article.</summary>
public sealed record LocatorResponse
{
    /// <summary>"section" or "paragraph" (the CSL label).</summary>
    /// <example>paragraph</example>
    public required string Label { get; init; }

    /// <summary>The paragraph's number across the article, or the section's 1-based position.</summary>
    /// <example>7</example>
    public required int Number { get; init; }

    /// <summary>The section's heading (a paragraph's section for a paragraph); null for the untitled lead.</summary>
    /// <example>U.S. Demands More, Promises Less in Alliance</example>
    public required string? Heading { get; init; }

    /// <summary>The anchor on the article's page.</summary>
    /// <example>https://api.example.org/articles/korea-policy-vol-3-issue-2-klingner#p-7</example>
    public required string Url { get; init; }
}

/// <summary>Links of a citation.</summary>
public sealed record CitationLinks
{
    /// <summary>This citation.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/paragraphs/7/citation</example>
    public required string Self { get; init; }

    /// <summary>The cited article.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner</example>
    public required string Article { get; init; }

    /// <summary>The cited section or paragraph; null for the whole article.</summary>
    /// <example>/api/articles/korea-policy-vol-3-issue-2-klingner/paragraphs/7</example>
    public required string? Passage { get; init; }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering.Citations;

/// <summary>
/// CSL-JSON (citeproc-js's input, the format of Zotero and Pandoc): an array of one item. The
/// pinpoint is the item's <c>locator</c> with its <c>label</c>, which CSL styles render as each
/// wants ("para. 7", "sec. 2"), and <c>URL</c> is the anchor. The type follows the work: a
/// journal's article, a blog post, a report (policy brief) or a web page. A work without a title
/// has no <c>title</c> (CSL requires none); its description is the item's <c>note</c>.
/// </summary>
public static class CslJsonCitation
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<CslItem> Items(CitedWork work) =>
    [
        new CslItem
        {
            Id = work.Id,
            Type = work.IsBlogPost ? "post-weblog" : work.Journal is not null ? "article-journal" : work.Kind == ArticleKind.PolicyBrief ? "report" : "webpage",
            Title = work.Untitled ? null : work.Title,
            Note = work.Untitled ? work.Description : null,
            Author = work.Authors.Select(a => new CslName
            {
                Family = a.Family,
                Given = a.Given.Length > 0 ? a.Given : null,
                NonDroppingParticle = a.Particle,
                Suffix = a.Suffix,
            }).ToList(),
            ContainerTitle = work.Journal,
            Volume = work.Volume,
            Issue = work.Issue,
            Page = work.Pages,
            Issued = work.Date is { } date
                ? new CslDate { DateParts = [new[] { (int?)date.Year, date.Month, date.DayOfMonth }.TakeWhile(p => p is not null).Select(p => p!.Value).ToArray()] }
                : null,
            Publisher = work.Publisher,
            Url = work.Link,
            Doi = work.Doi,
            // A section's locator is its position: styles print "sec. 2", and a heading there
            // would read "sec. U.S. Demands More ...". The heading stays in the response's locator.
            Locator = work.Locator?.Number.ToString(CultureInfo.InvariantCulture),
            Label = work.Locator?.Label,
        },
    ];

    public static string Format(CitedWork work) => JsonSerializer.Serialize(Items(work), Options);
}

/// <summary>A CSL-JSON item (CSL 1.0.2 schema), for a journal article.</summary>
public sealed record CslItem
{
    /// <example>klingner2025korea</example>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>"article-journal", "post-weblog", "report" or "webpage".</summary>
    /// <example>article-journal</example>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "article-journal";

    /// <summary>The title; absent for a work without one.</summary>
    /// <example>Extended Deterrence After the Washington Declaration</example>
    [JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required string? Title { get; init; }

    /// <summary>For a work without a title: what it is.</summary>
    /// <example>Journal article on Foreign Relations, Security, Indo-Pacific, and Geopolitics</example>
    [JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    [JsonPropertyName("author")]
    public required IReadOnlyList<CslName> Author { get; init; }

    /// <summary>The journal or blog; absent for a work of neither.</summary>
    /// <example>Korea Policy</example>
    [JsonPropertyName("container-title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required string? ContainerTitle { get; init; }

    /// <example>3</example>
    [JsonPropertyName("volume"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Volume { get; init; }

    /// <example>2</example>
    [JsonPropertyName("issue"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Issue { get; init; }

    [JsonPropertyName("page"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Page { get; init; }

    [JsonPropertyName("issued"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CslDate? Issued { get; init; }

    /// <example>Korea Economic Institute of America</example>
    [JsonPropertyName("publisher"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Publisher { get; init; }

    /// <example>https://api.example.org/articles/korea-policy-vol-3-issue-2-klingner#p-7</example>
    [JsonPropertyName("URL"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    [JsonPropertyName("DOI"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Doi { get; init; }

    /// <summary>The pinpoint's number: the paragraph's number or the section's position.</summary>
    /// <example>7</example>
    [JsonPropertyName("locator"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Locator { get; init; }

    /// <summary>What the locator counts: "paragraph" or "section".</summary>
    /// <example>paragraph</example>
    [JsonPropertyName("label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }

    /// <example>en</example>
    [JsonPropertyName("language")]
    public string Language { get; init; } = "en";
}

/// <summary>A CSL name: family and given, with particle and suffix when there are any.</summary>
public sealed record CslName
{
    /// <example>Klingner</example>
    [JsonPropertyName("family")]
    public required string Family { get; init; }

    /// <example>Bruce</example>
    [JsonPropertyName("given"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Given { get; init; }

    [JsonPropertyName("non-dropping-particle"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NonDroppingParticle { get; init; }

    [JsonPropertyName("suffix"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Suffix { get; init; }
}

/// <summary>A CSL date: <c>date-parts</c>, year, month and day as far as known.</summary>
public sealed record CslDate
{
    [JsonPropertyName("date-parts")]
    public required IReadOnlyList<int[]> DateParts { get; init; }
}

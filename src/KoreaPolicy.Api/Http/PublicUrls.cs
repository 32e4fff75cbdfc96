using System.Globalization;
using Microsoft.Extensions.Options;

namespace KoreaPolicy.Api.Http;

/// <summary>Where the site is reached from outside: configuration key <c>Site:BaseUrl</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The public base URL (e.g. https://api.example.org) for the absolute links that feeds,
    /// citations, embeds and structured data need. Empty: taken from each request's scheme and host.
    /// </summary>
    public string BaseUrl { get; set; } = "";
}

/// <summary>
/// Absolute URLs for what leaves the API as a document of its own (a feed, a citation, an embed),
/// where a root-relative link would point nowhere. Paths come from <see cref="ApiLinks"/>.
/// </summary>
public sealed class PublicUrls(string baseUrl)
{
    /// <summary>The base without a trailing slash, e.g. https://api.example.org.</summary>
    public string Base { get; } = baseUrl.TrimEnd('/');

    public static PublicUrls For(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.BaseUrl;
        return new PublicUrls(string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : configured);
    }

    /// <summary>An absolute URL for a root-relative path such as <c>/api/articles/x</c>.</summary>
    public string Absolute(string path) => Base + path;

    /// <summary>The article's readable page on this site.</summary>
    public string ArticlePage(string slug) => Absolute(ApiLinks.ArticlePage(slug));

    /// <summary>
    /// Where an article lives for citing and linking back: the publisher's canonical URL when an
    /// editor gave one, else its page here.
    /// </summary>
    public string Canonical(string slug, string? canonicalUrl) => canonicalUrl ?? ArticlePage(slug);

    /// <summary>A paragraph's anchor on the article's page (<c>#p-7</c>).</summary>
    public string ParagraphAnchor(string slug, int number) => $"{ArticlePage(slug)}#{Anchors.Paragraph(number)}";

    /// <summary>A section's anchor on the article's page.</summary>
    public string SectionAnchor(string slug, string sectionSlug) => $"{ArticlePage(slug)}#{Anchors.Section(sectionSlug)}";
}

/// <summary>The ids of sections and paragraphs in every HTML rendering, so that <c>#p-7</c> links work.</summary>
public static class Anchors
{
    private const string ParagraphPrefix = "p-";
    private const string SectionPrefix = "section-";

    public static string Paragraph(int number) => $"{ParagraphPrefix}{number}";

    public static string Section(string sectionSlug) => $"{SectionPrefix}{sectionSlug}";

    /// <summary>The paragraph number an anchor names ("p-7": 7), or null; only the anchors <see cref="Paragraph"/> writes.</summary>
    public static int? ParagraphIn(string anchor) =>
        anchor.StartsWith(ParagraphPrefix, StringComparison.Ordinal)
        && int.TryParse(anchor.AsSpan(ParagraphPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && Paragraph(number) == anchor
            ? number
            : null;

    /// <summary>The section slug an anchor names ("section-lead": lead), or null.</summary>
    public static string? SectionIn(string anchor) =>
        anchor.StartsWith(SectionPrefix, StringComparison.Ordinal) ? anchor[SectionPrefix.Length..] : null;
}

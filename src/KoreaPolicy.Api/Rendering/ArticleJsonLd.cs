using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering;

/// <summary>
/// The article as schema.org <c>ScholarlyArticle</c> in JSON-LD, for search engines and for
/// newsrooms' link previews: served as <c>application/ld+json</c> and embedded in the article page.
/// Built as JSON nodes so every value is escaped by the serializer, never by hand.
/// </summary>
public static class ArticleJsonLd
{
    public const string MediaType = "application/ld+json";

    /// <summary>Readable as served: characters such as ’ and é stay as they are.</summary>
    private static readonly JsonSerializerOptions Served = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    // The JavaScript encoders escape < > & ' (as \u003C ...) whatever ranges they allow: inside a
    // <script> element, text holding "</script>" or "<!--" cannot end the element or open a comment.
    private static readonly JsonSerializerOptions Embedded = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static JsonObject Build(ArticleDetail article, PublicUrls urls)
    {
        var summary = article.Summary;
        var canonical = urls.Canonical(summary.Slug, article.CanonicalUrl);
        var ld = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ScholarlyArticle",
            ["@id"] = canonical,
            ["url"] = canonical,
            ["headline"] = summary.Title,
            ["author"] = new JsonArray(summary.Authors.Select(a => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = a.Name }).ToArray()),
        };

        if (summary.Published is { } published)
        {
            ld["datePublished"] = published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        ld["dateModified"] = summary.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        ld["isPartOf"] = PartOf(summary);
        if (summary.Journal.Publisher is { } publisher)
        {
            ld["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher };
        }

        ld["keywords"] = new JsonArray(summary.Themes.Select(t => (JsonNode)JsonValue.Create(t.Name)).ToArray());
        ld["articleSection"] = new JsonArray(article.Sections.Where(s => s.Heading is not null).Select(s => (JsonNode)JsonValue.Create(s.Heading!)).ToArray());
        ld["wordCount"] = summary.WordCount;
        ld["inLanguage"] = "en";
        ld["description"] = summary.Summary;
        if (article.Doi is { } doi)
        {
            ld["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "DOI", ["value"] = doi };
            ld["sameAs"] = $"https://doi.org/{doi}";
        }

        if (article.License is { } license)
        {
            ld["license"] = license;
        }

        return ld;
    }

    /// <summary>The JSON-LD document as served on its own.</summary>
    public static string Serve(ArticleDetail article, PublicUrls urls) => Build(article, urls).ToJsonString(Served);

    /// <summary>The JSON-LD for a <c>&lt;script type="application/ld+json"&gt;</c> element: nothing in it can close the element.</summary>
    public static string ForScriptElement(ArticleDetail article, PublicUrls urls) => Build(article, urls).ToJsonString(Embedded);

    /// <summary>Issue in volume in periodical, as far as the page names them.</summary>
    private static JsonObject PartOf(ArticleSummary summary)
    {
        var periodical = new JsonObject { ["@type"] = "Periodical", ["name"] = summary.Journal.Name };
        if (summary.Journal.Publisher is { } publisher)
        {
            periodical["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher };
        }

        var part = periodical;
        if (summary.Issue?.Volume is { } volume)
        {
            part = new JsonObject { ["@type"] = "PublicationVolume", ["volumeNumber"] = volume.ToString(System.Globalization.CultureInfo.InvariantCulture), ["isPartOf"] = part };
        }

        if (summary.Issue?.Number is { } number)
        {
            part = new JsonObject { ["@type"] = "PublicationIssue", ["issueNumber"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture), ["isPartOf"] = part };
        }

        return part;
    }
}

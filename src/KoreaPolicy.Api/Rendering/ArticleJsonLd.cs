using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering;

/// <summary>
/// The article as schema.org JSON-LD (<c>ScholarlyArticle</c>; <c>BlogPosting</c> for a blog post,
/// <c>Report</c> for a policy brief), for search engines and for newsrooms' link previews: served
/// as <c>application/ld+json</c> and embedded in the article page. Built as JSON nodes so every
/// value is escaped by the serializer, never by hand. What the article lacks is left out, never
/// filled in: no author, date, journal or publisher that the page does not give; a text cut off
/// by its source page is <c>creativeWorkStatus</c> "Incomplete".
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
            ["@type"] = summary.Kind switch
            {
                ArticleKind.BlogPost => "BlogPosting",
                ArticleKind.PolicyBrief => "Report",
                _ => "ScholarlyArticle",
            },
            ["@id"] = canonical,
            ["url"] = canonical,
            ["headline"] = summary.Title,
        };

        if (summary.Authors.Count > 0)
        {
            ld["author"] = new JsonArray(summary.Authors.Select(a => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = a.Name }).ToArray());
        }

        if (summary.Published is { } published)
        {
            ld["datePublished"] = published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        ld["dateModified"] = summary.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        if (summary.Journal is { } journal)
        {
            ld["isPartOf"] = PartOf(summary, journal);
        }

        if (summary.Journal?.Publisher is { } publisher)
        {
            ld["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher };
        }

        if (summary.Truncated)
        {
            // schema.org's own term for a work whose text is not all there.
            ld["creativeWorkStatus"] = "Incomplete";
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

    /// <summary>Issue in volume in periodical (or the blog a post is part of), as far as the page names them.</summary>
    private static JsonObject PartOf(ArticleSummary summary, JournalRef journal)
    {
        var periodical = new JsonObject { ["@type"] = summary.Kind == ArticleKind.BlogPost ? "Blog" : "Periodical", ["name"] = journal.Name };
        if (journal.Publisher is { } publisher)
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
        else if (summary.Issue is { Volume: null, Year: { } year })
        {
            // An issue named by its year ("Joint U.S.-Korea Academic Studies 2015").
            part = new JsonObject { ["@type"] = "PublicationIssue", ["datePublished"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["isPartOf"] = part };
        }

        return part;
    }
}

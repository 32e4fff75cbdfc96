using System.Globalization;
using System.Text.Json.Nodes;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Rendering;

/// <summary>
/// An article as an IPTC ninjs 3.1 news item (<c>application/ninjs+json</c>), the JSON that
/// newsroom systems ingest: identity and versions, headline, summary, the body as HTML, byline,
/// people, subjects, the publisher as source and copyright holder, and the DOI as an alternative id.
/// Property names are ninjs 3.x's camelCase (<c>versionCreated</c>, <c>representationType</c>
/// "full"); ninjs 1.x's lowercase names would fail the 3.1 schema, which allows no others.
/// </summary>
public static class ArticleNinjs
{
    public const string SchemaUri = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";

    public static JsonObject Build(ArticleDetail article, PublicUrls urls)
    {
        var summary = article.Summary;
        var authors = summary.Authors.Select(a => a.Name).ToList();
        var ninjs = new JsonObject
        {
            // The item's identity: its resource here, stable across revisions (version tells them apart).
            ["uri"] = urls.Absolute(ApiLinks.Article(summary.Slug)),
            ["standard"] = new JsonObject { ["name"] = "ninjs", ["version"] = "3.1", ["schema"] = SchemaUri },
            ["type"] = "text",
            ["representationType"] = "full",
            ["profile"] = "korea-policy-article",
            ["version"] = summary.Revision.ToString(CultureInfo.InvariantCulture),
            ["versionCreated"] = DateTime(summary.UpdatedAt),
            ["pubStatus"] = "usable",
            ["language"] = "en",
            ["slugline"] = summary.Slug,
            ["title"] = summary.Title,
            ["headlines"] = new JsonArray(new JsonObject { ["role"] = "main", ["value"] = summary.Title }),
            ["descriptions"] = new JsonArray(new JsonObject { ["role"] = "summary", ["contentType"] = "text/plain", ["value"] = summary.Summary }),
            ["bodies"] = new JsonArray(new JsonObject
            {
                ["role"] = "main",
                ["contentType"] = "text/html",
                ["wordCount"] = summary.WordCount,
                ["value"] = ArticleHtml.Article(article),
            }),
        };

        // The journal gives a publication day, not a time: midnight UTC stands for the day, as
        // ninjs's dates are date-times. The day is when the item was first created and its content made.
        if (summary.Published is { } published)
        {
            var day = DateTime(new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            ninjs["firstCreated"] = day;
            ninjs["contentCreated"] = day;
        }

        if (authors.Count > 0)
        {
            ninjs["by"] = Byline.Join(authors);
            ninjs["people"] = new JsonArray(summary.Authors.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = a.Name,
                ["rel"] = "author",
                ["uri"] = urls.Absolute(ApiLinks.Author(a.Slug)),
                ["literal"] = a.Slug,
            }).ToArray());
        }

        if (summary.Themes.Count > 0)
        {
            // The journal's own themes, identified by their resources here (no IPTC Media Topic mapping exists for them).
            ninjs["subjects"] = new JsonArray(summary.Themes.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["rel"] = "about",
                ["uri"] = urls.Absolute(ApiLinks.Theme(t.Slug)),
                ["literal"] = t.Slug,
            }).ToArray());
        }

        if (summary.Truncated)
        {
            // For the receiving desk, not for publication: the body itself ends with the notice.
            ninjs["edNote"] = $"Incomplete text: {Byline.TruncatedNotice}";
        }

        if (summary.Journal?.Publisher is { } publisher)
        {
            ninjs["copyrightHolder"] = publisher;
            ninjs["infoSources"] = new JsonArray(new JsonObject { ["name"] = publisher, ["role"] = "publisher" });
        }

        if (article.License is { } license)
        {
            ninjs["usageTerms"] = license;
        }

        var altIds = new JsonArray(new JsonObject { ["role"] = "url", ["value"] = urls.Canonical(summary.Slug, article.CanonicalUrl) });
        if (article.Doi is { } doi)
        {
            altIds.Add(new JsonObject { ["role"] = "doi", ["value"] = doi });
        }

        ninjs["altIds"] = altIds;
        return ninjs;
    }

    /// <summary>RFC 3339 in UTC, seconds precision: "2025-12-15T00:00:00Z".</summary>
    private static string DateTime(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

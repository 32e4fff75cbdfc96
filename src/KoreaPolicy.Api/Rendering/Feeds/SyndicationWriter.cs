using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace KoreaPolicy.Api.Rendering.Feeds;

/// <summary>
/// Writes an <see cref="ArticleFeed"/> as Atom 1.0 or RSS 2.0 through System.ServiceModel.Syndication,
/// which knows both specs' element order and date formats; to UTF-8 without a byte order mark.
/// </summary>
public static class SyndicationWriter
{
    /// <summary>RSS 2.0's content module: <c>content:encoded</c> carries the full HTML, <c>description</c> the summary.</summary>
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>Dublin Core: <c>dc:creator</c>, one per author, which RSS readers show as the byline.</summary>
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>RFC 822 with a numeric zone (RSS 2.0's date): "Mon, 15 Dec 2025 00:00:00 +0000".</summary>
    private const string Rfc822 = "ddd, dd MMM yyyy HH:mm:ss '+0000'";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public static byte[] Atom(ArticleFeed feed) => Write(writer => new Atom10FeedFormatter(Syndication(feed)).WriteTo(writer));

    public static byte[] Rss(ArticleFeed feed)
    {
        var syndication = Syndication(feed);
        // Declared once on the channel rather than on each item's content:encoded and dc:creator.
        syndication.AttributeExtensions.Add(new XmlQualifiedName("content", "http://www.w3.org/2000/xmlns/"), ContentNamespace);
        syndication.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCoreNamespace);

        // The formatter writes a UTC date as "... 00:00:00 Z", a zone RFC 822 allows but RFC 2822
        // dropped: JavaScript engines and feed readers built on them read no date from it. The
        // dates are written here instead, with the numeric zone every reader parses.
        syndication.LastUpdatedTime = default;
        syndication.ElementExtensions.Add(new XElement("lastBuildDate", Rfc822Date(feed.Updated)).CreateReader());
        foreach (var (item, entry) in syndication.Items.Zip(feed.Entries))
        {
            // The full text once, as content:encoded; left as Content the formatter would repeat it as a10:content.
            item.Content = null;
            item.ElementExtensions.Add("encoded", ContentNamespace, entry.ContentHtml);

            item.PublishDate = default;
            if (entry.Published is { } published)
            {
                item.ElementExtensions.Add(new XElement("pubDate", Rfc822Date(published)).CreateReader());
            }

            // RSS's own author is an e-mail address, which the archive has none of; written as
            // a10:author (the formatter's way) readers ignore it. dc:creator is what they show.
            item.Authors.Clear();
            foreach (var author in entry.Authors)
            {
                item.ElementExtensions.Add("creator", DublinCoreNamespace, author.Name);
            }
        }

        // SerializeExtensionsAsAtom: the self link and the JSON link are written as Atom elements.
        return Write(writer => new Rss20FeedFormatter(syndication, serializeExtensionsAsAtom: true).WriteTo(writer));
    }

    private static string Rfc822Date(DateTimeOffset instant) => instant.ToUniversalTime().ToString(Rfc822, CultureInfo.InvariantCulture);

    private static SyndicationFeed Syndication(ArticleFeed feed)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Description, new Uri(feed.Alternate), feed.Id, feed.Updated)
        {
            Generator = ArticleFeed.Generator,
            Language = ArticleFeed.Language,
            Items = feed.Entries.Select(e => Item(e, feed.ThemeScheme)).ToList(),
        };
        // RFC 4287 4.1.1: an entry without an author takes the feed's. The feed is the archive's
        // compilation, so the archive is named, and only when an article has no byline and no publisher.
        if (feed.Entries.Any(e => e.Authors.Count == 0))
        {
            syndication.Authors.Add(new SyndicationPerson(null, $"{FeedSubject.SiteName} archive", null));
        }

        // The alternate link from the constructor is untyped: say it is the JSON list.
        syndication.Links[0].MediaType = "application/json";
        syndication.Links.Add(new SyndicationLink(new Uri(feed.Self), "self", feed.Title, feed.Format.MediaType, 0));
        return syndication;
    }

    private static SyndicationItem Item(FeedEntry entry, string themeScheme)
    {
        var item = new SyndicationItem
        {
            Id = entry.Id,
            Title = new TextSyndicationContent(entry.Title),
            Summary = new TextSyndicationContent(entry.Summary),
            Content = SyndicationContent.CreateHtmlContent(entry.ContentHtml),
            LastUpdatedTime = entry.Updated,
        };
        if (entry.Published is { } published)
        {
            item.PublishDate = published;
        }

        // Readers open the alternate for people, and take the last when there are two: the page is
        // the one alternate; the same article as JSON is a related resource, typed as such.
        item.Links.Add(new SyndicationLink(new Uri(entry.Url), "alternate", entry.Title, "text/html", 0));
        item.Links.Add(new SyndicationLink(new Uri(entry.ApiUrl), "related", entry.Title, "application/json", 0));
        foreach (var author in entry.Authors)
        {
            item.Authors.Add(new SyndicationPerson(null, author.Name, author.Url));
        }

        foreach (var theme in entry.Themes)
        {
            item.Categories.Add(new SyndicationCategory(theme.Slug, themeScheme, theme.Name));
        }

        return item;
    }

    private static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}

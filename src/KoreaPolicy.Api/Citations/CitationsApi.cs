using System.ComponentModel;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Api.Rendering.Citations;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Citations;

/// <summary>
/// How to cite an article, a section or a paragraph: APA, Chicago, MLA, BibTeX, RIS and CSL-JSON,
/// picked with <c>style=</c> or, as DOI resolvers do, with <c>Accept</c>.
/// </summary>
public static class CitationsApi
{
    private const string StyleDescription = "The citation style: apa, chicago, mla (a formatted reference), bibtex, ris or csl-json. "
        + "Wins over Accept. Without it, Accept picks (application/x-bibtex, application/x-research-info-systems, "
        + "application/vnd.citationstyles.csl+json, text/x-bibliography with an optional style parameter, text/html); "
        + "with neither, the JSON object with every style.";

    private const string FormatDescription = "The representation instead of Accept: json, bibtex, ris, csl-json, bibliography or html.";

    // --- Representations: the JSON object first (the default), then the formats DOI content
    // negotiation uses (crosscite's media types), then an HTML reference with italics.
    public static readonly ContentFormat BibTex = new("bibtex", "application/x-bibtex", "text/x-bibtex");
    public static readonly ContentFormat Ris = new("ris", "application/x-research-info-systems");
    public static readonly ContentFormat CslJson = new("csl-json", "application/vnd.citationstyles.csl+json", "csl");
    public static readonly ContentFormat Bibliography = new("bibliography", "text/x-bibliography");

    private static readonly ContentFormat[] Supported = [ContentFormat.Json, BibTex, Ris, CslJson, Bibliography, ContentFormat.Html];
    private static readonly ContentFormat[] FormattedOnly = [Bibliography, ContentFormat.Html];

    /// <summary><c>style=</c> values and CSL style ids (as crosscite's <c>text/x-bibliography; style=</c> takes them).</summary>
    private static readonly Dictionary<string, string> StyleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["apa"] = "apa",
        ["chicago"] = "chicago",
        ["chicago-note-bibliography"] = "chicago",
        ["chicago-fullnote-bibliography"] = "chicago",
        ["mla"] = "mla",
        ["modern-language-association"] = "mla",
        ["bibtex"] = "bibtex",
        ["ris"] = "ris",
        ["csl-json"] = "csl-json",
        ["csl"] = "csl-json",
    };

    public static RouteGroupBuilder MapCitations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ApiLinks.Articles).WithTags("Citations");
        // The 200 is documented as the JSON object only: a second Produces for the same status
        // replaces the first in the API description, so the other media types are named in the
        // style parameter's description instead.

        group.MapGet("/{slug}/citation", GetArticleCitation)
            .WithName(nameof(GetArticleCitation))
            .WithSummary("Cite an article")
            .WithDescription("The article's reference in APA 7, Chicago 17 and MLA 9 (text and HTML), BibTeX, RIS and CSL-JSON, "
                + "as one JSON object; or one style alone with style= or Accept (as DOI resolvers negotiate). Unknown style: 400; nothing acceptable: 406.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        group.MapGet("/{slug}/sections/{section}/citation", GetSectionCitation)
            .WithName(nameof(GetSectionCitation))
            .WithSummary("Cite a section")
            .WithDescription("The article's reference with a pinpoint to one section (by slug or 1-based position): its heading "
                + "(\"section 1\" for the untitled lead) and a link to its anchor. Styles and negotiation as for the article's citation.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        group.MapGet("/{slug}/paragraphs/{number}/citation", GetParagraphCitation)
            .WithName(nameof(GetParagraphCitation))
            .WithSummary("Cite a paragraph")
            .WithDescription("The article's reference with a pinpoint to one paragraph (\"para. 7\") and a link to its anchor. "
                + "Styles and negotiation as for the article's citation.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        return group;
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<CitationResponse>, ContentHttpResult, ProblemHttpResult> GetArticleCitation(
        [Description("The article's slug, e.g. korea-policy-vol-3-issue-2-klingner.")] string slug,
        [FromQuery(Name = "style"), Description(StyleDescription)] string? style,
        [FromQuery(Name = Negotiation.FormatParameter), Description(FormatDescription)] string? format,
        ArchiveReader archive,
        HttpRequest request) =>
        archive.FindArticle(slug) is { } article
            ? Respond(CitedWork.From(article, PublicUrls.For(request)), style, format, request, slug, ApiLinks.ArticleCitation(slug), passage: null, heading: null)
            : ArticleAddress.ArticleNotFound(archive, slug);

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    /// <param name="section" example="2">The section's slug or 1-based position.</param>
    public static Results<Ok<CitationResponse>, ContentHttpResult, ProblemHttpResult> GetSectionCitation(
        [Description("The article's slug.")] string slug,
        [Description("The section's slug (e.g. us-demands-more-promises-less-in-alliance) or its 1-based position (e.g. 2).")] string section,
        [FromQuery(Name = "style"), Description(StyleDescription)] string? style,
        [FromQuery(Name = Negotiation.FormatParameter), Description(FormatDescription)] string? format,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (ArticleAddress.Section(section) is not { } key || archive.FindSection(slug, key) is not { } found)
        {
            return ArticleAddress.MissingSection(archive, slug, section);
        }

        var urls = PublicUrls.For(request);
        var locator = Locator.ForSection(found.Part, urls.Canonical(slug, found.CanonicalUrl));
        return Respond(CitedWork.From(found, urls, locator), style, format, request, slug,
            ApiLinks.SectionCitation(slug, found.Part.Slug), ApiLinks.Section(slug, found.Part.Slug), found.Part.Heading);
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    /// <param name="number" example="7">The paragraph's 1-based number across the article.</param>
    public static Results<Ok<CitationResponse>, ContentHttpResult, ProblemHttpResult> GetParagraphCitation(
        [Description("The article's slug.")] string slug,
        [DocumentedAs(1, int.MaxValue), Description("The paragraph's 1-based number across the article, e.g. 7.")] string number,
        [FromQuery(Name = "style"), Description(StyleDescription)] string? style,
        [FromQuery(Name = Negotiation.FormatParameter), Description(FormatDescription)] string? format,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (ArticleAddress.Paragraph(number) is not { } n || archive.FindParagraph(slug, n) is not { } found)
        {
            return ArticleAddress.MissingParagraph(archive, slug, number);
        }

        var urls = PublicUrls.For(request);
        var locator = Locator.ForParagraph(found.Part, urls.Canonical(slug, found.CanonicalUrl));
        return Respond(CitedWork.From(found, urls, locator), style, format, request, slug,
            ApiLinks.ParagraphCitation(slug, n), ApiLinks.Paragraph(slug, n), found.Part.SectionHeading);
    }

    /// <summary>
    /// Picks the representation: <c>style=</c> first (a machine format is that format; a formatted
    /// style is text/x-bibliography, or HTML when Accept or format= asks for it), else Accept or
    /// format= over every representation, with the JSON object as the default.
    /// </summary>
    private static Results<Ok<CitationResponse>, ContentHttpResult, ProblemHttpResult> Respond(
        CitedWork work, string? style, string? format, HttpRequest request, string slug, string self, string? passage, string? heading)
    {
        request.HttpContext.Response.Headers.Vary = HeaderNames.Accept;
        Citation.Record(request);
        var choice = Choose(style, format, request);
        if (choice.Missed)
        {
            return choice.Problem;
        }

        var (chosen, formattedStyle) = choice.Value;
        return chosen == ContentFormat.Json
            ? TypedResults.Ok(ToResponse(work, slug, self, passage, heading))
            : Write(work, chosen, formattedStyle);
    }

    /// <summary>How a citation request picks its representation, for the response store: the format and, for a formatted reference, the style.</summary>
    private static readonly RepresentationChoice Citation = new CitationChoice();

    /// <summary>
    /// The representation and the formatted style a request asks for, or the problem to answer. <c>style=</c> first (a machine format is that format; a formatted style is
    /// text/x-bibliography, or HTML when Accept or format= asks for it), else Accept or format=
    /// over every representation, with the JSON object as the default.
    /// </summary>
    private static Found<(ContentFormat Format, string Style)> Choose(string? style, string? format, HttpRequest request)
    {
        if (style is not null)
        {
            if (!StyleNames.TryGetValue(style, out var name))
            {
                return Problems.InvalidParameter("style", $"must be one of apa, chicago, mla, bibtex, ris, csl-json; got '{style}'");
            }

            if (Supported.FirstOrDefault(f => f.Name == name) is { } machine)
            {
                return (machine, CitationStyles.Apa.Name);
            }

            // A style named in the query wins over Accept, as format= does: an Accept the
            // formatted reference cannot meet still gets it as text, not a 406. A bad format= is a 400.
            var formatted = Negotiation.Pick(format, request, FormattedOnly);
            if (formatted is null && format is not null)
            {
                return Negotiation.Refusal(format, FormattedOnly);
            }

            return (formatted ?? Bibliography, name);
        }

        if (Negotiation.Pick(format, request, Supported) is not { } negotiated)
        {
            return Negotiation.Refusal(format, Supported);
        }

        if (negotiated == Bibliography && AcceptedStyle(request) is { } asked)
        {
            if (!StyleNames.TryGetValue(asked, out var name) || CitationStyles.All.All(s => s.Name != name))
            {
                return Problems.InvalidParameter(HeaderNames.Accept, $"the text/x-bibliography style parameter must be apa, chicago or mla; got '{asked}'");
            }

            return (negotiated, name);
        }

        return (negotiated, CitationStyles.Apa.Name);
    }

    private sealed class CitationChoice : RepresentationChoice
    {
        public override string? For(HttpRequest request) =>
            Choose(request.Query["style"], request.Query[Negotiation.FormatParameter], request) is { Missed: false, Value: var (format, style) } ? $"{format.Name}/{style}" : null;
    }

    private static ContentHttpResult Write(CitedWork work, ContentFormat format, string styleName)
    {
        var style = CitationStyles.All.Single(s => s.Name == styleName);
        return format.Name switch
        {
            "bibtex" => TypedResults.Text(BibTexCitation.Format(work), $"{format.MediaType}; charset=utf-8"),
            "ris" => TypedResults.Text(RisCitation.Format(work), $"{format.MediaType}; charset=utf-8"),
            "csl-json" => TypedResults.Text(CslJsonCitation.Format(work), format.MediaType),
            "html" => TypedResults.Text(style.Reference(work).Html, ContentFormat.Html.ContentType),
            _ => TypedResults.Text(style.Reference(work).Text, Bibliography.ContentType),
        };
    }

    /// <summary>The <c>style</c> parameter of the best text/x-bibliography range in Accept, as crosscite reads it.</summary>
    private static string? AcceptedStyle(HttpRequest request) =>
        request.GetTypedHeaders().Accept
            .Where(a => a.MediaType.Equals(Bibliography.MediaType, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .SelectMany(a => a.Parameters)
            .FirstOrDefault(p => p.Name.Equals("style", StringComparison.OrdinalIgnoreCase))?.Value.Value?.Trim('"');

    private static CitationResponse ToResponse(CitedWork work, string slug, string self, string? passage, string? heading) => new()
    {
        Article = slug,
        Url = work.Link ?? "",
        Doi = work.Doi,
        Locator = work.Locator is { } locator
            ? new LocatorResponse { Label = locator.Label, Number = locator.Number, Heading = heading, Url = locator.Url }
            : null,
        Apa = CitationStyles.Apa.Reference(work),
        Chicago = CitationStyles.Chicago.Reference(work),
        Mla = CitationStyles.Mla.Reference(work),
        Bibtex = BibTexCitation.Format(work),
        Ris = RisCitation.Format(work),
        CslJson = CslJsonCitation.Items(work),
        Links = new CitationLinks { Self = self, Article = ApiLinks.Article(slug), Passage = passage },
    };
}

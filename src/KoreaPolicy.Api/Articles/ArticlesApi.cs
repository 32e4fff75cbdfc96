using System.ComponentModel;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Api.Rendering;
using KoreaPolicy.Api.Rendering.Feeds;
using KoreaPolicy.Ingestion;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Articles;

/// <summary>Articles, their sections and their paragraphs.</summary>
public static class ArticlesApi
{
    public static RouteGroupBuilder MapArticles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ApiLinks.Articles).WithTags("Articles");

        group.MapGet("/", ListArticles)
            .WithName(nameof(ListArticles))
            .WithSummary("List articles")
            .WithDescription("Article summaries (no text), a page at a time, filtered by author, themes, journal, issue, dates, "
                + "the page's region, place, category and source organisation, and kind, "
                + "newest first unless sorted otherwise. Link and X-Total-Count headers give the neighbouring pages and the total.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithFieldSelection<RouteHandlerBuilder, ArticleSummaryResponse>()
            .WithPagingHeaders();

        group.MapGet("/{slug}", GetArticle)
            .WithName(nameof(GetArticle))
            .WithSummary("Get an article")
            .WithDescription("The whole article: metadata, then its sections in order, each with its paragraphs. "
                + "JSON by default; also an HTML fragment, Markdown, plain text, schema.org JSON-LD or IPTC ninjs, by Accept or format=.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRepresentations(ArticleFormats.Article)
            .WithFieldSelection<RouteHandlerBuilder, ArticleResponse>();

        group.MapGet("/{slug}/source", GetSource)
            .WithName(nameof(GetSource))
            .WithSummary("Get an article's source text and what the parser recognised in it")
            .WithDescription("The text (and sidecar) the article was ingested from, as stored, with the recognition report "
                + "that ingest --dry-run prints: the page layout (A to E), journal, issue, title and where it came from, kind, "
                + "authors, date, metadata, sections and paragraphs, and every warning, so an editor can see why the article looks as it does.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/sections", ListSections)
            .WithName(nameof(ListSections))
            .WithSummary("List an article's sections")
            .WithDescription("The sections in order, each with its heading (null for the untitled lead) and paragraphs.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/sections/{section}", GetSection)
            .WithName(nameof(GetSection))
            .WithSummary("Get a section")
            .WithDescription("One section, by its slug or its 1-based position in the article. "
                + "JSON by default; also an HTML fragment, Markdown or plain text, by Accept or format=.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRepresentations(ArticleFormats.Part);

        group.MapGet("/{slug}/paragraphs", ListParagraphs)
            .WithName(nameof(ListParagraphs))
            .WithSummary("List an article's paragraphs")
            .WithDescription("Every paragraph in order, numbered from 1 across the article, each with the section it stands in.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/paragraphs/{number}", GetParagraph)
            .WithName(nameof(GetParagraph))
            .WithSummary("Get a paragraph")
            .WithDescription("One paragraph by its 1-based number across the article. "
                + "JSON by default; also an HTML fragment, Markdown or plain text, by Accept or format=.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRepresentations(ArticleFormats.Part);

        return group;
    }

    public static Results<Ok<PagedResponse<ArticleSummaryResponse>>, ProblemHttpResult> ListArticles(
        [AsParameters] PageParameters paging,
        [AsParameters] ArticleFilterParameters filter,
        [AsParameters] ArticleListParameters list,
        ArchiveReader archive,
        HttpRequest request)
    {
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        var articleFilter = filter.Parse(errors);
        var sort = list.Parse(errors);
        return errors.Any
            ? errors.ToProblem()
            : TypedResults.Ok(archive.ListArticles(articleFilter, sort, page).ToResponse(a => a.ToResponse(), request));
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    // "fields" is applied by FieldSelection after the handler; it is declared here to be documented.
    public static Results<Ok<ArticleResponse>, ContentHttpResult, ProblemHttpResult> GetArticle(
        [Description("The article's slug, e.g. korea-policy-vol-3-issue-2-klingner.")] string slug,
        [FromQuery(Name = FieldSelection.Parameter), Description(FieldSelection.Description)] string? fields,
        [FromQuery(Name = Negotiation.FormatParameter), Description(ArticleFormatDescription)] string? format,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (Negotiation.Choose(format, request, ArticleFormats.Article) is not { } chosen)
        {
            return Negotiation.Refusal(format, ArticleFormats.Article);
        }

        if (archive.FindArticle(slug) is not { } article)
        {
            return ArticleAddress.ArticleNotFound(slug);
        }

        request.MarkModified(article.Summary.UpdatedAt);
        request.HttpContext.Response.Headers.Append(HeaderNames.Link, FeedLinks.Header(article.Summary.Authors));
        return Representation.Of(chosen, article.ToResponse, f => ArticleFormats.Render(article, f, PublicUrls.For(request)));
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<ArticleSourceResponse>, ProblemHttpResult> GetSource(
        [Description("The article's slug.")] string slug,
        ArchiveReader archive)
    {
        if (archive.FindSource(slug) is not { } source)
        {
            return ArticleAddress.ArticleNotFound(slug);
        }

        // Parsed again, as the article was: the report is what the parser makes of the stored text now.
        return TypedResults.Ok(new ArticleSourceResponse
        {
            Article = source.Slug,
            FileName = source.FileName,
            Text = source.Text,
            Sidecar = source.Sidecar,
            Report = RecognitionReport.From(PageReport.OfStored(source.FileName, source.Text, source.Sidecar)),
            Links = new SourceLinks { Self = ApiLinks.ArticleSource(source.Slug), Article = ApiLinks.Article(source.Slug) },
        });
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<ListResponse<SectionResponse>>, ProblemHttpResult> ListSections(
        [Description("The article's slug.")] string slug,
        ArchiveReader archive) =>
        archive.FindArticle(slug) is { } article
            ? TypedResults.Ok(article.Sections.Select(s => s.ToResponse(slug)).ToList().ToList(ApiLinks.Sections(slug)))
            : ArticleAddress.ArticleNotFound(slug);

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    /// <param name="section" example="2">The section's slug or 1-based position.</param>
    public static Results<Ok<SectionResponse>, ContentHttpResult, ProblemHttpResult> GetSection(
        [Description("The article's slug.")] string slug,
        [Description("The section's slug (e.g. us-demands-more-promises-less-in-alliance) or its 1-based position (e.g. 2).")] string section,
        [FromQuery(Name = Negotiation.FormatParameter), Description(PartFormatDescription)] string? format,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (Negotiation.Choose(format, request, ArticleFormats.Part) is not { } chosen)
        {
            return Negotiation.Refusal(format, ArticleFormats.Part);
        }

        if (ArticleAddress.Section(section) is not { } key || archive.FindSection(slug, key) is not { } found)
        {
            return ArticleAddress.MissingSection(archive, slug, section);
        }

        request.MarkModified(found.Summary.UpdatedAt);
        return Representation.Of(chosen, () => found.Part.ToResponse(slug), f => ArticleFormats.Render(found.Part, f));
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<ListResponse<ParagraphResponse>>, ProblemHttpResult> ListParagraphs(
        [Description("The article's slug.")] string slug,
        ArchiveReader archive) =>
        archive.FindArticle(slug) is { } article
            ? TypedResults.Ok(article.Sections.SelectMany(s => s.Paragraphs).Select(p => p.ToResponse(slug)).ToList().ToList(ApiLinks.Paragraphs(slug)))
            : ArticleAddress.ArticleNotFound(slug);

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    /// <param name="number" example="7">The paragraph's 1-based number across the article.</param>
    public static Results<Ok<ParagraphResponse>, ContentHttpResult, ProblemHttpResult> GetParagraph(
        [Description("The article's slug.")] string slug,
        [DocumentedAs(1, int.MaxValue), Description("The paragraph's 1-based number across the article, e.g. 7.")] string number,
        [FromQuery(Name = Negotiation.FormatParameter), Description(PartFormatDescription)] string? format,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (Negotiation.Choose(format, request, ArticleFormats.Part) is not { } chosen)
        {
            return Negotiation.Refusal(format, ArticleFormats.Part);
        }

        if (ArticleAddress.Paragraph(number) is not { } n || archive.FindParagraph(slug, n) is not { } found)
        {
            return ArticleAddress.MissingParagraph(archive, slug, number);
        }

        request.MarkModified(found.Summary.UpdatedAt);
        return Representation.Of(chosen, () => found.Part.ToResponse(slug), f => ArticleFormats.Render(found.Part, f));
    }

    private const string ArticleFormatDescription =
        "The representation, overriding Accept: json (default), html (a fragment), markdown, text, jsonld (schema.org ScholarlyArticle) or ninjs (IPTC ninjs 3.1). Unknown values are a 400.";

    private const string PartFormatDescription =
        "The representation, overriding Accept: json (default), html (a fragment), markdown or text. Unknown values are a 400.";
}

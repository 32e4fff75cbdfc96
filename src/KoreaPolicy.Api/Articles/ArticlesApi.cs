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
            .ProducesProblem(StatusCodes.Status410Gone)
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
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        group.MapGet("/{slug}/sections/{section}", GetSection)
            .WithName(nameof(GetSection))
            .WithSummary("Get a section")
            .WithDescription("One section, by its slug or its 1-based position in the article. "
                + "JSON by default; also an HTML fragment, Markdown or plain text, by Accept or format=.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithRepresentations(ArticleFormats.Part);

        group.MapGet("/{slug}/paragraphs", ListParagraphs)
            .WithName(nameof(ListParagraphs))
            .WithSummary("List an article's paragraphs")
            .WithDescription("Every paragraph in order, numbered from 1 across the article, each with the section it stands in.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        group.MapGet("/{slug}/paragraphs/{number}", GetParagraph)
            .WithName(nameof(GetParagraph))
            .WithSummary("Get a paragraph")
            .WithDescription("One paragraph by its 1-based number across the article. "
                + "JSON by default; also an HTML fragment, Markdown or plain text, by Accept or format=.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
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
        [FromQuery(Name = RevisionLookup.Parameter), Description(RevisionLookup.Description)] string? revision,
        ChangeLog changes,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (Negotiation.Choose(format, request, ArticleFormats.Article) is not { } chosen)
        {
            return Negotiation.Refusal(format, ArticleFormats.Article);
        }

        var found = Find(slug, revision, changes, archive, request.HttpContext);
        if (found.Missed)
        {
            return found.Problem;
        }

        var article = found.Value;
        request.MarkModified(article.Summary.UpdatedAt);
        request.MarkVersion(article.Version);
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
            return ArticleAddress.ArticleNotFound(archive, slug);
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
        [FromQuery(Name = RevisionLookup.Parameter), Description(RevisionLookup.Description)] string? revision,
        ChangeLog changes,
        ArchiveReader archive,
        HttpContext context)
    {
        var article = Find(slug, revision, changes, archive, context);
        return article.Missed
            ? article.Problem
            : TypedResults.Ok(article.Value.Sections.Select(s => s.ToResponse(slug)).ToList().ToList(ApiLinks.Sections(slug)));
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    /// <param name="section" example="2">The section's slug or 1-based position.</param>
    public static Results<Ok<SectionResponse>, ContentHttpResult, ProblemHttpResult> GetSection(
        [Description("The article's slug.")] string slug,
        [Description("The section's slug (e.g. us-demands-more-promises-less-in-alliance) or its 1-based position (e.g. 2).")] string section,
        [FromQuery(Name = Negotiation.FormatParameter), Description(PartFormatDescription)] string? format,
        [FromQuery(Name = RevisionLookup.Parameter), Description(RevisionLookup.Description)] string? revision,
        ChangeLog changes,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (Negotiation.Choose(format, request, ArticleFormats.Part) is not { } chosen)
        {
            return Negotiation.Refusal(format, ArticleFormats.Part);
        }

        var found = revision is null
            ? LiveSection(slug, section, archive)
            : RevisionLookup.Part(changes, archive, request.HttpContext, slug, revision, then => ArticleAddress.SectionAtRevision(then, slug, section));
        return Serve(found, chosen, request, part => part.ToResponse(slug), ArticleFormats.Render);
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<ListResponse<ParagraphResponse>>, ProblemHttpResult> ListParagraphs(
        [Description("The article's slug.")] string slug,
        [FromQuery(Name = RevisionLookup.Parameter), Description(RevisionLookup.Description)] string? revision,
        ChangeLog changes,
        ArchiveReader archive,
        HttpContext context)
    {
        var article = Find(slug, revision, changes, archive, context);
        return article.Missed
            ? article.Problem
            : TypedResults.Ok(article.Value.Sections.SelectMany(s => s.Paragraphs).Select(p => p.ToResponse(slug)).ToList().ToList(ApiLinks.Paragraphs(slug)));
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    /// <param name="number" example="7">The paragraph's 1-based number across the article.</param>
    public static Results<Ok<ParagraphResponse>, ContentHttpResult, ProblemHttpResult> GetParagraph(
        [Description("The article's slug.")] string slug,
        [DocumentedAs(1, int.MaxValue), Description("The paragraph's 1-based number across the article, e.g. 7.")] string number,
        [FromQuery(Name = Negotiation.FormatParameter), Description(PartFormatDescription)] string? format,
        [FromQuery(Name = RevisionLookup.Parameter), Description(RevisionLookup.Description)] string? revision,
        ChangeLog changes,
        ArchiveReader archive,
        HttpRequest request)
    {
        if (Negotiation.Choose(format, request, ArticleFormats.Part) is not { } chosen)
        {
            return Negotiation.Refusal(format, ArticleFormats.Part);
        }

        var found = revision is null
            ? LiveParagraph(slug, number, archive)
            : RevisionLookup.Part(changes, archive, request.HttpContext, slug, revision, then => ArticleAddress.ParagraphAtRevision(then, slug, number));
        return Serve(found, chosen, request, part => part.ToResponse(slug), ArticleFormats.Render);
    }

    /// <summary>The live article, or with <c>?revision=</c> the article as it was then; else the problem to answer.</summary>
    private static Found<ArticleDetail> Find(string slug, string? revision, ChangeLog changes, ArchiveReader archive, HttpContext context)
    {
        if (revision is not null)
        {
            return RevisionLookup.Find(changes, archive, context, slug, revision);
        }

        return archive.FindArticle(slug) is { } article ? article : ArticleAddress.ArticleNotFound(archive, slug);
    }

    /// <summary>A section or paragraph in the chosen representation, dated by its article's last change; or the problem found instead.</summary>
    private static Results<Ok<TResponse>, ContentHttpResult, ProblemHttpResult> Serve<TPart, TResponse>(
        Found<ArticlePart<TPart>> found, ContentFormat chosen, HttpRequest request, Func<TPart, TResponse> json, Func<TPart, ContentFormat, string> render)
    {
        if (found.Missed)
        {
            return found.Problem;
        }

        var part = found.Value;
        request.MarkModified(part.Summary.UpdatedAt);
        return Representation.Of(chosen, () => json(part.Part), f => render(part.Part, f));
    }

    // The live part is read on its own (not the whole article), and only a miss reads more, to say why.
    private static Found<ArticlePart<SectionDetail>> LiveSection(string slug, string section, ArchiveReader archive) =>
        ArticleAddress.Section(section) is { } key && archive.FindSection(slug, key) is { } found
            ? found
            : ArticleAddress.MissingSection(archive, slug, section);

    private static Found<ArticlePart<ParagraphDetail>> LiveParagraph(string slug, string number, ArchiveReader archive) =>
        ArticleAddress.Paragraph(number) is { } n && archive.FindParagraph(slug, n) is { } found
            ? found
            : ArticleAddress.MissingParagraph(archive, slug, number);

    private const string ArticleFormatDescription =
        "The representation, overriding Accept: json (default), html (a fragment), markdown, text, jsonld (schema.org ScholarlyArticle) or ninjs (IPTC ninjs 3.1). Unknown values are a 400.";

    private const string PartFormatDescription =
        "The representation, overriding Accept: json (default), html (a fragment), markdown or text. Unknown values are a 400.";
}

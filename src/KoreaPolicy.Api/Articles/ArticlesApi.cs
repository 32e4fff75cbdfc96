using System.ComponentModel;
using System.Globalization;
using KoreaPolicy.Api.Hosting;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
            .WithDescription("Article summaries (no text), a page at a time, filtered by author, themes, journal, issue and dates, "
                + "newest first unless sorted otherwise. Link and X-Total-Count headers give the neighbouring pages and the total.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithFieldSelection<RouteHandlerBuilder, ArticleSummaryResponse>()
            .WithPagingHeaders();

        group.MapGet("/{slug}", GetArticle)
            .WithName(nameof(GetArticle))
            .WithSummary("Get an article")
            .WithDescription("The whole article: metadata, then its sections in order, each with its paragraphs.")
            .WithFeedLinks()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithFieldSelection<RouteHandlerBuilder, ArticleResponse>();

        group.MapGet("/{slug}/sections", ListSections)
            .WithName(nameof(ListSections))
            .WithSummary("List an article's sections")
            .WithDescription("The sections in order, each with its heading (null for the untitled lead) and paragraphs.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/sections/{section}", GetSection)
            .WithName(nameof(GetSection))
            .WithSummary("Get a section")
            .WithDescription("One section, by its slug or its 1-based position in the article.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/paragraphs", ListParagraphs)
            .WithName(nameof(ListParagraphs))
            .WithSummary("List an article's paragraphs")
            .WithDescription("Every paragraph in order, numbered from 1 across the article, each with the section it stands in.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/paragraphs/{number}", GetParagraph)
            .WithName(nameof(GetParagraph))
            .WithSummary("Get a paragraph")
            .WithDescription("One paragraph by its 1-based number across the article.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

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
    public static Results<Ok<ArticleResponse>, ProblemHttpResult> GetArticle(
        [Description("The article's slug, e.g. korea-policy-vol-3-issue-2-klingner.")] string slug,
        [FromQuery(Name = FieldSelection.Parameter), Description(FieldSelection.Description)] string? fields,
        ArchiveReader archive) =>
        archive.FindArticle(slug) is { } article ? TypedResults.Ok(article.ToResponse()) : ArticleNotFound(slug);

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<ListResponse<SectionResponse>>, ProblemHttpResult> ListSections(
        [Description("The article's slug.")] string slug,
        ArchiveReader archive) =>
        archive.FindArticle(slug) is { } article
            ? TypedResults.Ok(article.Sections.Select(s => s.ToResponse(slug)).ToList().ToList(ApiLinks.Sections(slug)))
            : ArticleNotFound(slug);

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    /// <param name="section" example="2">The section's slug or 1-based position.</param>
    public static Results<Ok<SectionResponse>, ProblemHttpResult> GetSection(
        [Description("The article's slug.")] string slug,
        [Description("The section's slug (e.g. us-demands-more-promises-less-in-alliance) or its 1-based position (e.g. 2).")] string section,
        ArchiveReader archive)
    {
        if (archive.FindArticle(slug) is not { } article)
        {
            return ArticleNotFound(slug);
        }

        SectionDetail? found;
        // Digits address a position, anything else a slug; "0", "-1" and overflows are malformed positions.
        if (section.TrimStart('-', '+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(section, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var position) || position < 1)
            {
                return Problems.InvalidParameter(nameof(section), $"a section position is a whole number from 1; got '{section}'");
            }

            found = article.Sections.FirstOrDefault(s => s.Position == position);
        }
        else
        {
            found = article.Sections.FirstOrDefault(s => s.Slug == section);
        }

        return found is not null
            ? TypedResults.Ok(found.ToResponse(slug))
            : Problems.NotFound($"Article '{slug}' has no section '{section}'; it has {article.Sections.Count} (see {ApiLinks.Sections(slug)}).");
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<ListResponse<ParagraphResponse>>, ProblemHttpResult> ListParagraphs(
        [Description("The article's slug.")] string slug,
        ArchiveReader archive) =>
        archive.FindArticle(slug) is { } article
            ? TypedResults.Ok(article.Sections.SelectMany(s => s.Paragraphs).Select(p => p.ToResponse(slug)).ToList().ToList(ApiLinks.Paragraphs(slug)))
            : ArticleNotFound(slug);

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    /// <param name="number" example="7">The paragraph's 1-based number across the article.</param>
    public static Results<Ok<ParagraphResponse>, ProblemHttpResult> GetParagraph(
        [Description("The article's slug.")] string slug,
        [Description("The paragraph's 1-based number across the article, e.g. 7.")] string number,
        ArchiveReader archive)
    {
        if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return Problems.InvalidParameter(nameof(number), $"a paragraph number is a whole number from 1; got '{number}'");
        }

        if (archive.FindArticle(slug) is not { } article)
        {
            return ArticleNotFound(slug);
        }

        var paragraph = article.Sections.SelectMany(s => s.Paragraphs).FirstOrDefault(p => p.Number == n);
        return paragraph is not null
            ? TypedResults.Ok(paragraph.ToResponse(slug))
            : Problems.NotFound($"Article '{slug}' has no paragraph {n}; it has {article.Sections.Sum(s => s.Paragraphs.Count)}.");
    }

    private static ProblemHttpResult ArticleNotFound(string slug) =>
        Problems.NotFound($"No article has the slug '{slug}' (see {ApiLinks.Articles}).");
}

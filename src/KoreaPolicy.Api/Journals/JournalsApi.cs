using System.ComponentModel;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Journals;

/// <summary>The journals and series the archive holds, their issues, and each issue's articles.</summary>
public static class JournalsApi
{
    public static RouteGroupBuilder MapJournals(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ApiLinks.Journals).WithTags("Journals");

        group.MapGet("/", ListJournals)
            .WithName(nameof(ListJournals))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithPagingHeaders()
            .WithSummary("List journals")
            .WithDescription("Every journal or series with at least one article, by name, with its publisher, description and issue and article counts.");

        group.MapGet("/{slug}", GetJournal)
            .WithName(nameof(GetJournal))
            .WithSummary("Get a journal")
            .WithDescription("One journal with its description, publisher and its issues, highest volume and number first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{slug}/issues/{issue}", GetIssue)
            .WithName(nameof(GetIssue))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithPagingHeaders()
            .WithSummary("Get an issue")
            .WithDescription("One issue of a journal with a page of its article summaries, newest first. page and pageSize page the articles; "
                + "Link and X-Total-Count headers give their neighbouring pages and total.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    public static Results<Ok<PagedResponse<JournalSummaryResponse>>, ProblemHttpResult> ListJournals(
        [AsParameters] PageParameters paging,
        ArchiveReader archive,
        HttpRequest request)
    {
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(archive.ListJournals(page).ToResponse(j => j.ToResponse(), request));
    }

    /// <param name="slug" example="korea-policy">The journal's slug.</param>
    public static Results<Ok<JournalDetailResponse>, ProblemHttpResult> GetJournal(
        [Description("The journal's slug, e.g. korea-policy.")] string slug,
        ArchiveReader archive) =>
        archive.FindJournal(slug) is { } journal ? TypedResults.Ok(journal.ToResponse()) : JournalNotFound(slug);

    /// <param name="slug" example="korea-policy">The journal's slug.</param>
    /// <param name="issue" example="vol-3-issue-2">The issue's slug within the journal.</param>
    public static Results<Ok<IssueDetailResponse>, ProblemHttpResult> GetIssue(
        [Description("The journal's slug, e.g. korea-policy.")] string slug,
        [Description("The issue's slug within the journal, e.g. vol-3-issue-2.")] string issue,
        [AsParameters] PageParameters paging,
        ArchiveReader archive,
        HttpRequest request)
    {
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (archive.FindIssue(slug, issue) is not { } found)
        {
            // Only on a miss: find out which of the two slugs is unknown, so the problem can say so.
            return archive.FindJournal(slug) is null
                ? JournalNotFound(slug)
                : Problems.NotFound($"Journal '{slug}' has no issue '{issue}' (see {ApiLinks.Journal(slug)}).");
        }

        var articles = archive.ListArticles(new ArticleFilter { Journal = slug, Issue = issue }, ArticleSort.NewestFirst, page);
        return TypedResults.Ok(found.ToResponse(articles.ToResponse(a => a.ToResponse(), request)));
    }

    private static ProblemHttpResult JournalNotFound(string slug) =>
        Problems.NotFound($"No journal has the slug '{slug}' (see {ApiLinks.Journals}).");
}

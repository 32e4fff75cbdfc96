using System.ComponentModel;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using KoreaPolicy.Revisions;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KoreaPolicy.Api.Changes;

/// <summary>
/// Keeping partners in sync: the change feed (every created, updated, corrected and withdrawn
/// article in commit order, from an opaque cursor), an article's revisions, and the diff between two.
/// </summary>
public static class ChangesApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ApiLinks.Changes, ListChanges)
            .WithTags("Changes")
            .WithName(nameof(ListChanges))
            .WithSummary("Follow the change feed")
            .WithDescription("Every created, updated, corrected and withdrawn article, in the order the changes were committed, "
                + "each with its slug, revision, previous revision, kind, time and links. Start without after=, then ask with the "
                + "response's next cursor: a stored cursor resumes exactly where it stopped, for ever, with nothing missed and nothing "
                + "twice. A cursor this API did not give out is a 400.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var articles = routes.MapGroup(ApiLinks.Articles).WithTags("Changes");
        articles.MapGet("/{slug}/revisions", ListRevisions)
            .WithName(nameof(ListRevisions))
            .WithSummary("List an article's revisions")
            .WithDescription("Every revision of the article, oldest first: what made it (created, updated, corrected, withdrawn), when, "
                + "the correction note a correction brought, and whether its text is kept. A withdrawn article's revisions are "
                + "readable with a key that has the read or admin scope; without one it is 410 Gone.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        articles.MapGet("/{slug}/revisions/{revision}", GetRevision)
            .WithName(nameof(GetRevision))
            .WithSummary("Get an article at a revision")
            .WithDescription("The whole article as it was at the revision: facts, sections and paragraphs (numbered as they were then). "
                + "The article's other URLs take ?revision= too.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        articles.MapGet("/{slug}/diff", GetDiff)
            .WithName(nameof(GetDiff))
            .WithSummary("Compare two revisions")
            .WithDescription("What changed between two revisions: the facts that differ, and paragraph by paragraph (unchanged, changed "
                + "with the words deleted and inserted, moved, added, removed), in the new revision's order, with where each paragraph "
                + "of the old revision went. from defaults to the revision before to; to to the live revision.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        return routes;
    }

    public static Results<Ok<ChangeFeedResponse>, ProblemHttpResult> ListChanges(
        [FromQuery(Name = "after"), Description("The cursor to resume after (a change's cursor, or a page's next); absent: from the first change.")] string? after,
        [FromQuery(Name = "limit"), Description("How many changes at most, 1 to 1000 (default 100).")] string? limit,
        ChangeLog changes)
    {
        var errors = new QueryErrors();
        var take = errors.Integer("limit", limit, 1, MaxLimit) ?? DefaultLimit;
        long from = 0;
        if (after is not null)
        {
            // A cursor names a change that exists: one past the newest was never given out.
            if (ChangeCursor.Decode(after) is { } id && id <= changes.LatestId())
            {
                from = id;
            }
            else
            {
                errors.Add("after", "is not a cursor of this change feed: use a change's cursor or a page's next, as given");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var page = changes.After(from, take);
        var next = ChangeCursor.Encode(page.Items.Count > 0 ? page.Items[^1].Id : from);
        return TypedResults.Ok(new ChangeFeedResponse
        {
            Items = page.Items.Select(c => c.ToResponse()).ToList(),
            Next = next,
            HasMore = page.HasMore,
            Links = new ChangeFeedLinks
            {
                Self = after is null ? ApiLinks.Changes : ApiLinks.ChangesAfter(after),
                Next = ApiLinks.ChangesAfter(next),
            },
        });
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<RevisionListResponse>, ProblemHttpResult> ListRevisions(
        [Description("The article's slug.")] string slug,
        ChangeLog changes,
        ArchiveReader archive,
        HttpContext context)
    {
        var live = archive.FindArticle(slug);
        var withdrawal = live is null ? archive.FindWithdrawal(slug) : null;
        if (live is null && (withdrawal is null || !RevisionLookup.MayReadWithdrawn(context)))
        {
            return ArticleAddress.ArticleNotFound(archive, slug);
        }

        if (withdrawal is not null)
        {
            context.Response.Headers.CacheControl = "private, no-store";
        }

        var kept = changes.KeptRevisions(slug);
        var log = changes.OfArticle(slug);
        return TypedResults.Ok(new RevisionListResponse
        {
            Slug = slug,
            Current = live?.Summary.Revision,
            WithdrawnAt = withdrawal?.WithdrawnAt,
            Items = log.Select(change => new RevisionSummaryResponse
            {
                Revision = change.Revision,
                Kind = change.Kind.Name(),
                At = change.At,
                Title = change.Title,
                Kept = change.Kind != ChangeKind.Withdrawn && kept.Contains(change.Revision),
                Correction = CorrectionResponse.From(change.Correction),
                Links = new RevisionLinks
                {
                    Self = change.Kind != ChangeKind.Withdrawn && kept.Contains(change.Revision) ? ApiLinks.Revision(slug, change.Revision) : null,
                    Diff = change.Kind != ChangeKind.Withdrawn && change.PreviousRevision is { } previous && kept.Contains(previous) && kept.Contains(change.Revision)
                        ? ApiLinks.Diff(slug, previous, change.Revision)
                        : null,
                },
            }).ToList(),
            Links = new SelfLink { Self = ApiLinks.Revisions(slug) },
        });
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    /// <param name="revision" example="1">The revision's number.</param>
    public static Results<Ok<RevisionResponse>, ProblemHttpResult> GetRevision(
        [Description("The article's slug.")] string slug,
        [Description("The revision's number, from 1.")] string revision,
        ChangeLog changes,
        ArchiveReader archive,
        HttpContext context)
    {
        var found = RevisionLookup.Find(changes, archive, context, slug, revision);
        if (found.Missed)
        {
            return found.Problem;
        }

        var article = found.Value;
        var change = changes.OfArticle(slug).LastOrDefault(c => c.Revision == article.Summary.Revision && c.Kind != ChangeKind.Withdrawn);
        return TypedResults.Ok(new RevisionResponse
        {
            Revision = article.Summary.Revision,
            Current = archive.FindArticle(slug)?.Summary.Revision == article.Summary.Revision,
            Kind = change?.Kind.Name(),
            At = change?.At,
            Article = article.ToResponse(),
        });
    }

    /// <param name="slug" example="korea-policy-vol-3-issue-2-klingner">The article's slug.</param>
    public static Results<Ok<DiffResponse>, ProblemHttpResult> GetDiff(
        [Description("The article's slug.")] string slug,
        [FromQuery(Name = "from"), Description("The older revision (default: the one before to).")] string? from,
        [FromQuery(Name = "to"), Description("The newer revision (default: the live one).")] string? to,
        ChangeLog changes,
        ArchiveReader archive,
        HttpContext context)
    {
        var toText = to ?? archive.FindArticle(slug)?.Summary.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (toText is null)
        {
            return ArticleAddress.ArticleNotFound(archive, slug);
        }

        var newer = RevisionLookup.Find(changes, archive, context, slug, toText);
        if (newer.Missed)
        {
            return newer.Problem;
        }

        var newRevision = newer.Value.Summary.Revision;
        var fromText = from ?? changes.OfArticle(slug).LastOrDefault(c => c.Revision == newRevision)?.PreviousRevision?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (fromText is null)
        {
            return Problems.InvalidParameter("from", $"revision {newRevision} replaced none: name the revision to compare it with");
        }

        var older = RevisionLookup.Find(changes, archive, context, slug, fromText);
        return older.Missed
            ? older.Problem
            : TypedResults.Ok(RevisionDiff.Between(older.Value, newer.Value).ToResponse(slug));
    }
}

using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// <c>?revision=n</c> on an article and its parts, and the revisions API: an article as it was at
/// a revision. A live article's revisions are open to all, as the article is; a withdrawn one's
/// only to a key with the <c>read</c> or <c>admin</c> scope (everyone else gets its 410), and
/// such an answer is marked private so that no cache, this server's included, hands it on.
/// </summary>
public static class RevisionLookup
{
    public const string Parameter = "revision";

    public const string Description =
        "An earlier revision of the article (see .../revisions): the paragraph, section or article as it was then, so a quote's "
        + "paragraph number keeps its meaning. Absent: the live revision.";

    /// <summary>Whether the request's key may read a withdrawn article's revisions.</summary>
    public static bool MayReadWithdrawn(HttpContext context) =>
        context.User.HasScope(ApiScopes.Read) || context.User.HasScope(ApiScopes.Admin);

    /// <summary>The revision number asked for; a problem when it is not a whole number from 1.</summary>
    public static int? Number(string text, out ProblemHttpResult? problem)
    {
        problem = null;
        if (ArticleAddress.Paragraph(text) is { } n)
        {
            return n;
        }

        problem = Problems.InvalidParameter(Parameter, $"a revision is a whole number from 1; got '{text}'");
        return null;
    }

    /// <summary>
    /// The article at <paramref name="revisionText"/>, or the problem to answer: 400 for a malformed
    /// number, 410 for a withdrawn article the key may not read, 404 for a revision never made or not kept.
    /// </summary>
    public static ArticleDetail? Find(ChangeLog changes, ArchiveReader archive, HttpContext context, string slug, string revisionText, out ProblemHttpResult? problem)
    {
        if (Number(revisionText, out problem) is not { } revision)
        {
            return null;
        }

        var mayReadWithdrawn = MayReadWithdrawn(context);
        if (changes.FindRevision(slug, revision, mayReadWithdrawn) is { } found)
        {
            if (archive.FindWithdrawal(slug) is not null)
            {
                context.Response.Headers.CacheControl = "private, no-store";
            }

            return found.Article;
        }

        problem = archive.FindWithdrawal(slug) is { } withdrawal && !mayReadWithdrawn
            ? Problems.Gone(withdrawal)
            : Problems.NotFound($"Article '{slug}' has no kept revision {revision} (see {ApiLinks.Revisions(slug)}).");
        return null;
    }
}

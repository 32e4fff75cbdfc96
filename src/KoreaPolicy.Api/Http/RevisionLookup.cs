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
    public static Found<int> Number(string text) =>
        ArticleAddress.Paragraph(text) is { } n
            ? n
            : Problems.InvalidParameter(Parameter, $"a revision is a whole number from 1; got '{text}'");

    /// <summary>
    /// The article at <paramref name="revisionText"/>, or the problem to answer: 400 for a malformed
    /// number, 410 for a withdrawn article the key may not read, 404 for a revision never made or not kept.
    /// </summary>
    public static Found<ArticleDetail> Find(ChangeLog changes, ArchiveReader archive, HttpContext context, string slug, string revisionText)
    {
        var revision = Number(revisionText);
        if (revision.Missed)
        {
            return revision.Problem;
        }

        var mayReadWithdrawn = MayReadWithdrawn(context);
        if (changes.FindRevision(slug, revision.Value, mayReadWithdrawn) is { } found)
        {
            if (archive.FindWithdrawal(slug) is not null)
            {
                context.Response.Headers.CacheControl = "private, no-store";
            }

            return found.Article;
        }

        return archive.FindWithdrawal(slug) is { } withdrawal && !mayReadWithdrawn
            ? Problems.Gone(withdrawal)
            : Problems.NotFound($"Article '{slug}' has no kept revision {revision.Value} (see {ApiLinks.Revisions(slug)}).");
    }

    /// <summary>
    /// A section or paragraph as it stood at <paramref name="revisionText"/>: the article then (or
    /// <see cref="Find"/>'s problem), and the part <paramref name="pick"/> takes from it (or the
    /// problem it gives), with the summary, canonical URL and DOI the article had then, as the live
    /// part comes from <c>ArchiveReader.FindSection</c> and <c>FindParagraph</c>.
    /// </summary>
    public static Found<ArticlePart<TPart>> Part<TPart>(
        ChangeLog changes, ArchiveReader archive, HttpContext context, string slug, string revisionText, Func<ArticleDetail, Found<TPart>> pick)
    {
        var then = Find(changes, archive, context, slug, revisionText);
        if (then.Missed)
        {
            return then.Problem;
        }

        var part = pick(then.Value);
        if (part.Missed)
        {
            return part.Problem;
        }

        return new ArticlePart<TPart>(then.Value.Summary, then.Value.CanonicalUrl, then.Value.Doi, part.Value);
    }
}

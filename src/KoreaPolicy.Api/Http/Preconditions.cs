using KoreaPolicy.Model;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// Article versions in ETags, and the conditions of writes.
/// <para>
/// Every representation of an article (its JSON, HTML, Markdown..., each encoding) is tagged
/// <c>"&lt;version&gt;.&lt;hash of the bytes&gt;"</c>: the hash keeps each tag strong and unique to
/// its bytes, so <c>If-None-Match</c> gets a 304 exactly when the bytes are the same; the version
/// (<see cref="ArticleVersion.Tag"/>, e.g. <c>r7-1f3a9c0d2e4b</c>) names the article's revision. A
/// write answers with the bare version, <c>"r7-1f3a9c0d2e4b"</c>. <c>If-Match</c> on a write
/// compares versions: the tag of any representation of the current revision passes, whichever
/// format or encoding it was read in, and a tag of an older revision fails (412).
/// </para>
/// </summary>
public static class Preconditions
{
    /// <summary>The ETag a write answers with: the article's version.</summary>
    public static string ETag(ArticleVersion version) => $"\"{version.Tag}\"";

    /// <summary>Marks the response as a representation of this version of an article: its ETag will start with it (StoredResponses).</summary>
    public static void MarkVersion(this HttpRequest request, ArticleVersion? version)
    {
        if (version is not null)
        {
            request.HttpContext.Features.Set(new ResourceVersion(version.Tag));
        }
    }

    /// <summary>
    /// The condition a write's <c>If-Match</c> and <c>If-None-Match</c> set, or the problem with
    /// them (400). <c>If-Match</c> wins when both are sent (RFC 9110 §13.2.2). Weak tags never match
    /// (If-Match compares strongly), so a list of only weak tags is a condition nothing meets.
    /// </summary>
    public static Found<WriteCondition> Read(HttpRequest request)
    {
        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count > 0)
        {
            if (!EntityTagHeaderValue.TryParseList(ifMatch, out var tags) || tags.Count == 0)
            {
                return Problems.InvalidHeader(HeaderNames.IfMatch, "is not * or a list of quoted entity tags");
            }

            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any))
                ? WriteCondition.Present
                : WriteCondition.AtVersion(tags.Where(t => !t.IsWeak).Select(t => VersionOf(t.Tag.Value!)).ToList());
        }

        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            if (ifNoneMatch.Count == 1 && ifNoneMatch[0]?.Trim() == "*")
            {
                return WriteCondition.Absent;
            }

            return Problems.InvalidHeader(HeaderNames.IfNoneMatch, "on a write takes only * (create the article only if it does not exist)");
        }

        return WriteCondition.None;
    }

    /// <summary>The version part of a quoted tag: <c>"r7-1f3a9c0d2e4b.9d8e..."</c> and <c>"r7-1f3a9c0d2e4b"</c> both give <c>r7-1f3a9c0d2e4b</c>.</summary>
    private static string VersionOf(string quoted)
    {
        var tag = quoted.Trim('"');
        var dot = tag.IndexOf('.');
        return dot < 0 ? tag : tag[..dot];
    }
}

/// <summary>The article version a response represents; StoredResponses puts it at the start of the ETag.</summary>
public sealed record ResourceVersion(string Tag);

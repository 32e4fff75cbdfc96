using Microsoft.AspNetCore.Routing;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// HEAD works wherever GET does (RFC 9110 §9.3.2): partners check a feed or an article for
/// changes without fetching it. Each GET endpoint of the group also answers HEAD with the same
/// status and headers; Kestrel sends no body for a HEAD request.
/// </summary>
public static class HeadRequests
{
    public static RouteGroupBuilder AnswerHeadLikeGet(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            // The last method metadata is the one routing uses; MapGet added it before group conventions run.
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get)
                && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return group;
    }
}

namespace KoreaPolicy.Api.Http;

/// <summary>
/// Every GET and HEAD answer says <c>Access-Control-Allow-Origin: *</c>, whether or not the
/// request named an origin. ASP.NET Core's CORS middleware adds the header only when the request
/// has an <c>Origin</c>, so the same URL would get two different answers without saying
/// <c>Vary: Origin</c>: a copy stored for a server-side fetch (by our output cache, or a partner's
/// CDN) would then be refused to a browser on another site. Always sending it makes the answer
/// independent of <c>Origin</c>, so one stored copy serves everyone. Preflights (OPTIONS) stay
/// with the CORS middleware and its policy, which allows reading only.
/// </summary>
public static class CrossOrigin
{
    /// <summary>The headers a script on another site may read, beyond the CORS-safelisted ones.</summary>
    public static readonly string[] ExposedHeaders = ["Link", "X-Total-Count", "ETag", "Last-Modified"];

    private static readonly string Exposed = string.Join(", ", ExposedHeaders);

    public static IApplicationBuilder UseCrossOriginReads(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                var headers = context.Response.Headers;
                headers.AccessControlAllowOrigin = "*";
                headers.AccessControlExposeHeaders = Exposed;
            }

            return next(context);
        });
}

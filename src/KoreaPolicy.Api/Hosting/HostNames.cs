using KoreaPolicy.Api.Http;
using Microsoft.AspNetCore.HostFiltering;

namespace KoreaPolicy.Api.Hosting;

/// <summary>
/// Which <c>Host</c> headers the server answers, through ASP.NET Core's host filtering
/// (<c>AllowedHosts</c>). Feeds, citations, embeds, oEmbed, JSON-LD and ninjs carry absolute links;
/// without <c>Site:BaseUrl</c> those come from the request's host, and the answers are stored and
/// marked public. A forged <c>Host</c> would then put another site's name into them, for a cache
/// in front of the server to hand to everyone. So:
/// <list type="bullet">
/// <item><c>Site:BaseUrl</c> set (a real deployment, behind its public name): links never come from
/// the request, any host is answered (a proxy may forward its own), unless <c>AllowedHosts</c> says otherwise.</item>
/// <item>Neither set (a developer's machine): only the loopback names are answered, localhost,
/// 127.0.0.1 and [::1]; any other host is a 400 problem naming what to configure.</item>
/// <item><c>AllowedHosts</c> set: exactly those names, whatever the base URL.</item>
/// </list>
/// </summary>
public static class HostNames
{
    public const string AllowedHostsKey = "AllowedHosts";

    /// <summary>The names a server with no configured base URL or hosts answers for.</summary>
    public static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddKoreaPolicyHostNames(this IServiceCollection services, IConfiguration configuration)
    {
        // After the web host's own set-up, which reads AllowedHosts and otherwise allows every host.
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            if (string.IsNullOrWhiteSpace(configuration[AllowedHostsKey])
                && string.IsNullOrWhiteSpace(configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.BaseUrl)}"]))
            {
                options.AllowedHosts = [.. Loopback];
            }

            // Its own answer is an HTML page; ours is a problem (below).
            options.IncludeFailureMessage = false;
        });

        // Host filtering runs first of all (the web host's start-up filter puts it there), before
        // the pipeline's status-code pages: outermost of all, this gives its bare 400 a problem body.
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, HostProblem>());
        return services;
    }

    private sealed class HostProblem : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                var response = context.Response;
                if (response.StatusCode == StatusCodes.Status400BadRequest && !response.HasStarted && response.ContentType is null
                    && context.GetEndpoint() is null)
                {
                    await TypedResults.Problem(
                        title: "Host not allowed",
                        detail: $"This server does not answer for the host '{context.Request.Host}'. Its operator sets Site:BaseUrl to its public "
                            + $"URL, or AllowedHosts to the names it is reached by; without either it answers only {string.Join(", ", Loopback)}.",
                        statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                }
            });
            next(app);
        };
    }
}

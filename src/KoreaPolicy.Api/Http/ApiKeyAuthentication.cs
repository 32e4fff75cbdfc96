using System.Security.Claims;
using System.Text.Encodings.Web;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KoreaPolicy.Api.Http;

/// <summary>
/// API keys as ASP.NET Core authentication: a key is sent as <c>Authorization: Bearer kp_...</c>
/// and becomes a principal with a <c>scope</c> claim per scope; each scope is an authorization
/// policy of its own (<see cref="ApiScopePolicies"/>). Reading needs no key.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The realm named in <c>WWW-Authenticate</c>.</summary>
    public const string Realm = "KoreaPolicy";

    public const string ScopeClaim = "scope";

    public const string PrefixClaim = "key_prefix";

    /// <summary>The id of the key that made the request, or null for an anonymous one.</summary>
    public static long? KeyId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool HasScope(this ClaimsPrincipal user, ApiScopes scope) =>
        user.HasClaim(ScopeClaim, ApiScopeNames.Format(scope));
}

/// <summary>One authorization policy per scope, named as the scope is.</summary>
public static class ApiScopePolicies
{
    public const string Write = "write";
    public const string Admin = "admin";

    public static AuthorizationBuilder AddApiScopePolicies(this AuthorizationBuilder authorization) =>
        authorization
            .AddPolicy(Write, policy => policy.RequireAuthenticatedUser().RequireClaim(ApiKeyAuthentication.ScopeClaim, Write))
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireClaim(ApiKeyAuthentication.ScopeClaim, Admin));
}

/// <summary>
/// Reads <c>Authorization: Bearer kp_...</c>. A missing header is no result (an anonymous
/// request); a key that is malformed, unknown, revoked or wrong fails, with one message for all
/// of them. The key is never logged, echoed or kept.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeys keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Authenticate(header[BearerPrefix.Length..].Trim()) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Name),
            new(ApiKeyAuthentication.PrefixClaim, key.Prefix),
        };
        claims.AddRange(ApiScopeNames.Format(key.Scopes).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(scope => new Claim(ApiKeyAuthentication.ScopeClaim, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyAuthentication.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyAuthentication.Scheme)));
    }

    /// <summary>
    /// 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750 §3), <c>error="invalid_token"</c> when a
    /// key was sent and did not pass; the same answer whether or not the key exists.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var sent = result.Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = sent
            ? $"Bearer realm=\"{ApiKeyAuthentication.Realm}\", error=\"invalid_token\", error_description=\"The API key is not valid.\""
            : $"Bearer realm=\"{ApiKeyAuthentication.Realm}\"";
        Response.Headers.CacheControl = "no-store";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = sent
                    ? "The API key is not valid: it is unknown, revoked or mistyped."
                    : "This request needs an API key, sent as 'Authorization: Bearer kp_...'. Keys are made with the command 'keys add'.",
            },
        });
    }
}

/// <summary>
/// Answers a request that authorization turned away: 401 through the scheme's challenge, and
/// 403 as a problem naming the scope the key lacks. A refused write is put in the audit.
/// </summary>
public sealed class ApiScopeResultHandler(IProblemDetailsService problems, WriteAudit audit, TimeProvider clock) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ClaimsAuthorizationRequirement>()
            .SelectMany(r => r.AllowedValues ?? []).FirstOrDefault() ?? "another";
        var prefix = context.User.FindFirstValue(ApiKeyAuthentication.PrefixClaim);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && context.Request.RouteValues.TryGetValue("slug", out var slug) && slug is string articleSlug)
        {
            audit.Record(new AuditRecord(clock.GetUtcNow(), context.User.KeyId(), WriteActions.Of(context.Request.Method), articleSlug, null, "forbidden", StatusCodes.Status403Forbidden, $"the key lacks the scope '{needed}'"));
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.CacheControl = "no-store";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = $"The key '{prefix}' does not have the scope '{needed}' this request needs.",
            },
        });
    }
}

/// <summary>The audit's names for what a write request does.</summary>
public static class WriteActions
{
    public static string Of(string method) => method.ToUpperInvariant() switch
    {
        "PUT" => "put",
        "PATCH" => "patch",
        "DELETE" => "delete",
        var other => other.ToLowerInvariant(),
    };
}

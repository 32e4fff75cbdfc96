using System.ComponentModel;
using System.Net;
using KoreaPolicy.Api.Articles;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KoreaPolicy.Api.Webhooks;

/// <summary>
/// Webhook subscriptions, for keys with the <c>admin</c> scope: made, listed, read, deleted, with
/// each one's delivery log. Nothing here is stored or cached: it is for the key that asks.
/// </summary>
public static class WebhooksApi
{
    public const int MaxUrlLength = 2000;

    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ApiLinks.Webhooks)
            .WithTags("Webhooks")
            .RequireAuthorization(ApiScopePolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", CreateWebhook)
            .WithName(nameof(CreateWebhook))
            .WithSummary("Subscribe to changes")
            .WithDescription("A subscription: each change of the events asked for (article.created, article.updated, article.corrected, "
                + "article.withdrawn; all four by default), of the articles that match the filter (author, theme, journal, by slug), is "
                + "POSTed to the URL as Standard Webhooks sign it (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 with "
                + "the secret). 201 with the secret, shown only this once. Targets on the server's own network are refused.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/", ListWebhooks)
            .WithName(nameof(ListWebhooks))
            .WithSummary("List the subscriptions")
            .WithDescription("Every subscription, active or disabled, without its secret.");

        group.MapGet("/{id}", GetWebhook)
            .WithName(nameof(GetWebhook))
            .WithSummary("Get a subscription")
            .WithDescription("The subscription and how its deliveries stand: failing since when, or disabled and why.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id}", DeleteWebhook)
            .WithName(nameof(DeleteWebhook))
            .WithSummary("Delete a subscription")
            .WithDescription("Stops its deliveries and forgets it, with its delivery log. 204.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/deliveries", ListDeliveries)
            .WithName(nameof(ListDeliveries))
            .WithSummary("Read a subscription's delivery log")
            .WithDescription("Its deliveries, newest first, a page at a time: the webhook-id, the change, the status (pending, delivered, "
                + "abandoned) and every attempt with the receiver's answer or what went wrong.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithPagingHeaders();

        return group;
    }

    public static Results<Created<CreatedWebhookResponse>, ProblemHttpResult> CreateWebhook(
        WebhookRequest request,
        WebhookStore store,
        IOptions<WebhookOptions> options,
        TimeProvider clock,
        HttpContext context)
    {
        NoStore(context);
        var errors = new QueryErrors();
        var url = request.Url?.Trim();
        if (url is null || url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            errors.Add("url", $"must be an absolute http or https URL of at most {MaxUrlLength} characters");
        }
        else if (!options.Value.AllowPrivateTargets && IPAddress.TryParse(target.IdnHost, out var address) && WebhookTargets.Refusal(address) is { } why)
        {
            errors.Add("url", $"is a {why} address: webhooks are not delivered to the server's own network");
        }
        else if (!string.IsNullOrEmpty(target.UserInfo))
        {
            errors.Add("url", "must not carry a user name or password");
        }

        var events = request.Events is null ? ChangeKinds.EventNames : request.Events.Distinct(StringComparer.Ordinal).ToList();
        if (events.Count == 0 || events.Any(e => !ChangeKinds.EventNames.Contains(e)))
        {
            errors.Add("events", $"must be one or more of {string.Join(", ", ChangeKinds.EventNames)}");
        }

        var filter = new WebhookFilter(Slug("filter.author", request.Filter?.Author), Slug("filter.theme", request.Filter?.Theme), Slug("filter.journal", request.Filter?.Journal));
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var made = store.Create(url!, events, filter, context.User.KeyId(), clock.GetUtcNow());
        return TypedResults.Created(ApiLinks.Webhook(made.Subscription.Id), made.ToResponse());

        string? Slug(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (value.Length > 200 || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                errors.Add(name, $"must be a slug (lowercase letters, digits, hyphens); got '{value}'");
            }

            return value;
        }
    }

    public static Ok<ListResponse<WebhookResponse>> ListWebhooks(WebhookStore store, HttpContext context)
    {
        NoStore(context);
        return TypedResults.Ok(store.List().Select(s => s.ToResponse()).ToList().ToList(ApiLinks.Webhooks));
    }

    /// <param name="id" example="1">The subscription's id.</param>
    public static Results<Ok<WebhookResponse>, ProblemHttpResult> GetWebhook(
        [Description("The subscription's id.")] string id,
        WebhookStore store,
        HttpContext context)
    {
        NoStore(context);
        return Id(id) is { } n && store.Find(n) is { } subscription ? TypedResults.Ok(subscription.ToResponse()) : NotFound(id);
    }

    /// <param name="id" example="1">The subscription's id.</param>
    public static Results<NoContent, ProblemHttpResult> DeleteWebhook(
        [Description("The subscription's id.")] string id,
        WebhookStore store,
        HttpContext context)
    {
        NoStore(context);
        return Id(id) is { } n && store.Delete(n) ? TypedResults.NoContent() : NotFound(id);
    }

    /// <param name="id" example="1">The subscription's id.</param>
    public static Results<Ok<PagedResponse<DeliveryResponse>>, ProblemHttpResult> ListDeliveries(
        [Description("The subscription's id.")] string id,
        [AsParameters] PageParameters paging,
        WebhookStore store,
        HttpRequest request)
    {
        NoStore(request.HttpContext);
        var errors = new QueryErrors();
        var page = paging.Parse(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return Id(id) is { } n && store.Find(n) is not null
            ? TypedResults.Ok(store.Deliveries(n, page).ToResponse(d => d.ToResponse(), request))
            : NotFound(id);
    }

    private static long? Id(string id) => long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"No webhook subscription has the id '{id}' (see {ApiLinks.Webhooks}).");

    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "private, no-store";
}

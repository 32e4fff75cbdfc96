using System.Collections.Concurrent;
using KoreaPolicy.Api.Changes;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;
using KoreaPolicy.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using StandardWebhooks;

namespace KoreaPolicy.Api.Webhooks;

/// <summary>
/// Delivers the outbox. Every change writes its deliveries in its own transaction (ChangeLog), in
/// whichever process made it; this loop reads them from the database, so a change committed by
/// the ingest command in another process, or before a crash, goes out all the same: it polls
/// every <see cref="WebhookOptions.PollInterval"/>, and a write in this process wakes it at once.
/// <para>
/// Delivery is at least once: a delivery is marked done only after the receiver's 2xx, so one
/// cut short by a crash is sent again, with the same <c>webhook-id</c> for the receiver to drop.
/// Each subscription's deliveries go out one at a time in the order of the changes (a receiver
/// sees an article's revisions in order); a failing one is retried by Polly with exponential
/// backoff and jitter, holding the ones behind it, until it succeeds or the subscription has
/// failed for <see cref="WebhookOptions.DisableAfter"/> and is disabled, saying why. One
/// subscription's failures never hold another's deliveries. One server process should deliver
/// for a database file: a second would send each event twice (harmless, by its id, but wasteful).
/// </para>
/// </summary>
public sealed class WebhookDispatcher(
    WebhookStore store,
    IOptions<WebhookOptions> options,
    IOptions<SiteOptions> site,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    IServer server,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly ConcurrentDictionary<long, Task> draining = new();
    private readonly HttpClient client = new(WebhookTargets.Handler(options.Value)) { Timeout = options.Value.Timeout };

    /// <summary>Looks at the outbox now rather than at the next poll: after a change in this process.</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                foreach (var subscription in store.SubscriptionsWithPending())
                {
                    if (!draining.ContainsKey(subscription))
                    {
                        draining[subscription] = Task.Run(() => DrainAsync(subscription, stopping), CancellationToken.None);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reading the webhook outbox failed; trying again at the next poll.");
            }

            try
            {
                await wake.WaitAsync(options.Value.PollInterval, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(draining.Values);
    }

    public override void Dispose()
    {
        client.Dispose();
        wake.Dispose();
        base.Dispose();
    }

    private async Task DrainAsync(long subscriptionId, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested && store.NextPending(subscriptionId) is { } delivery)
            {
                if (!await DeliverAsync(delivery, stopping))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: what is still pending goes out after the next start.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Delivering to webhook subscription {Subscription} failed; trying again at the next poll.", subscriptionId);
        }
        finally
        {
            draining.TryRemove(subscriptionId, out _);
        }
    }

    /// <summary>Delivers one change, retrying until it lands (true) or the subscription is disabled or gone (false).</summary>
    private async Task<bool> DeliverAsync(PendingDelivery delivery, CancellationToken stopping)
    {
        var payload = Payload(delivery.Change);
        var webhook = new StandardWebhook(delivery.Secret);
        var attempt = delivery.Attempts;
        var failingSince = delivery.FailingSince;
        var pipeline = new ResiliencePipelineBuilder<AttemptOutcome>()
            .AddRetry(new RetryStrategyOptions<AttemptOutcome>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Delivered: false, GiveUp: false }),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Value.RetryDelay,
                MaxDelay = options.Value.MaxRetryDelay,
            })
            .Build();

        var outcome = await pipeline.ExecuteAsync(async token =>
        {
            attempt++;
            var started = clock.GetTimestamp();
            var now = clock.GetUtcNow();
            int? status = null;
            string? error = null;
            try
            {
                // Signed again for each attempt: webhook-timestamp is when it was sent, and receivers refuse stale ones.
                using var content = webhook.MakeHttpContent(payload, delivery.MessageId, now, json.Value.SerializerOptions);
                using var response = await client.PostAsync(delivery.Url, content, token);
                status = (int)response.StatusCode;
                error = response.IsSuccessStatusCode ? null
                    : (int)response.StatusCode is >= 300 and < 400 ? $"the receiver answered {status} (redirects are not followed)"
                    : $"the receiver answered {status}";
            }
            catch (HttpRequestException e)
            {
                error = e.InnerException is WebhookTargetRefusedException refused ? $"refused: {refused.Message}" : $"no answer: {e.Message}";
            }
            catch (TaskCanceledException) when (!token.IsCancellationRequested)
            {
                error = $"no answer within {options.Value.Timeout.TotalSeconds:0.#} s";
            }

            var delivered = error is null;
            var duration = (int)clock.GetElapsedTime(started).TotalMilliseconds;
            if (!store.RecordAttempt(delivery.Id, new DeliveryAttempt(attempt, now, status, error, duration), delivered))
            {
                return new AttemptOutcome(false, GiveUp: true);
            }

            if (delivered)
            {
                return new AttemptOutcome(true, GiveUp: false);
            }

            failingSince ??= now;
            logger.LogWarning("Webhook {MessageId} to subscription {Subscription}, attempt {Attempt}: {Error}", delivery.MessageId, delivery.SubscriptionId, attempt, error);
            if (clock.GetUtcNow() - failingSince >= options.Value.DisableAfter)
            {
                store.Disable(
                    delivery.SubscriptionId,
                    $"Deliveries failed for {options.Value.DisableAfter} without a success, since {failingSince:yyyy-MM-dd HH:mm:ss} UTC; the last: {error}.",
                    clock.GetUtcNow());
                logger.LogWarning("Webhook subscription {Subscription} disabled: its deliveries kept failing.", delivery.SubscriptionId);
                return new AttemptOutcome(false, GiveUp: true);
            }

            return new AttemptOutcome(false, GiveUp: false);
        }, stopping);

        return outcome.Delivered;
    }

    /// <summary>The body: the event, when it happened, and the change with absolute links (not the article's text).</summary>
    private WebhookPayload Payload(ArticleChangeEntry change)
    {
        var response = change.ToResponse();
        var links = new PublicUrls(BaseUrl());
        string? Absolute(string? path) => path is null ? null : links.Absolute(path);
        return new WebhookPayload
        {
            Type = change.Kind.EventName(),
            Timestamp = change.At,
            Data = response with
            {
                Links = new ChangeLinks
                {
                    Article = links.Absolute(response.Links.Article),
                    Revision = Absolute(response.Links.Revision),
                    PreviousRevision = Absolute(response.Links.PreviousRevision),
                    Diff = Absolute(response.Links.Diff),
                },
            },
        };
    }

    // Site:BaseUrl, else the first address this server listens on (there is no request to take a host from).
    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(site.Value.BaseUrl))
        {
            return site.Value.BaseUrl;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
    }

    private sealed record AttemptOutcome(bool Delivered, bool GiveUp);
}

/// <summary>A webhook's body, as Standard Webhooks shapes it: <c>type</c>, <c>timestamp</c>, <c>data</c>.</summary>
public sealed record WebhookPayload
{
    /// <summary>article.created, article.updated, article.corrected or article.withdrawn.</summary>
    /// <example>article.corrected</example>
    public required string Type { get; init; }

    /// <summary>When the change was committed.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The change, as the change feed has it, with absolute links.</summary>
    public required ChangeResponse Data { get; init; }
}

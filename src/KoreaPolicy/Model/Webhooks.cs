namespace KoreaPolicy.Model;

/// <summary>Which articles a subscription is about: each filter given (by slug) must hold.</summary>
public sealed record WebhookFilter(string? Author, string? Theme, string? Journal)
{
    public static readonly WebhookFilter None = new(null, null, null);
}

/// <summary>
/// A webhook subscription: where to deliver, which events (<c>article.created</c>, ...) and for
/// which articles. <see cref="DisabledAt"/> and <see cref="DisabledReason"/> say when and why
/// deliveries stopped (its target kept failing); <see cref="FailingSince"/> when the current run of
/// failures began (null while deliveries succeed).
/// </summary>
public sealed record WebhookSubscription(
    long Id,
    string Url,
    IReadOnlyList<string> Events,
    WebhookFilter Filter,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FailingSince,
    DateTimeOffset? DisabledAt,
    string? DisabledReason);

/// <summary>A subscription just made, with its signing secret (<c>whsec_...</c>): the only time the secret is shown.</summary>
public sealed record NewWebhookSubscription(WebhookSubscription Subscription, string Secret);

/// <summary>Where a delivery stands: waiting (for its first attempt or a retry), delivered, or abandoned with its subscription.</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,
    Abandoned,
}

/// <summary>One attempt to deliver: when, what the receiver answered (null when it did not), what went wrong.</summary>
public sealed record DeliveryAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMilliseconds);

/// <summary>One change sent to one subscription, with its attempts: a line of the delivery log.</summary>
public sealed record WebhookDelivery(
    long Id,
    string MessageId,
    ArticleChangeEntry Change,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? LastError,
    IReadOnlyList<DeliveryAttempt> AttemptLog);

/// <summary>The oldest delivery a subscription is waiting on, with what sending it needs.</summary>
public sealed record PendingDelivery(long Id, long SubscriptionId, string Url, string Secret, string MessageId, int Attempts, DateTimeOffset? FailingSince, ArticleChangeEntry Change);

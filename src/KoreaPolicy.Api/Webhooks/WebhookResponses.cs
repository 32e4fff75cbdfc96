using System.Text.Json.Serialization;
using KoreaPolicy.Api.Changes;
using KoreaPolicy.Api.Http;
using KoreaPolicy.Model;

namespace KoreaPolicy.Api.Webhooks;

/// <summary>A subscription to make: where to deliver, which events, and optionally for which articles.</summary>
public sealed record WebhookRequest
{
    /// <summary>An absolute http(s) URL that takes a POST of each event.</summary>
    /// <example>https://newsroom.example.org/hooks/korea-policy</example>
    public string? Url { get; init; }

    /// <summary>Any of article.created, article.updated, article.corrected, article.withdrawn; absent: all four.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>Only articles that match every filter given.</summary>
    public WebhookFilterResponse? Filter { get; init; }
}

/// <summary>Which articles a subscription is about, by slug; each given must match.</summary>
public sealed record WebhookFilterResponse
{
    /// <example>bruce-klingner</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Author { get; init; }

    /// <example>security</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Theme { get; init; }

    /// <example>korea-policy</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Journal { get; init; }
}

/// <summary>A webhook subscription and how its deliveries stand.</summary>
public record WebhookResponse
{
    /// <example>1</example>
    public required long Id { get; init; }

    /// <example>https://newsroom.example.org/hooks/korea-policy</example>
    public required string Url { get; init; }

    public required IReadOnlyList<string> Events { get; init; }

    public required WebhookFilterResponse Filter { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>active, or disabled (its deliveries kept failing; see disabledReason).</summary>
    /// <example>active</example>
    public required string Status { get; init; }

    /// <summary>Since when deliveries have been failing without a success; null while they succeed.</summary>
    public required DateTimeOffset? FailingSince { get; init; }

    public required DateTimeOffset? DisabledAt { get; init; }

    /// <summary>Why deliveries stopped.</summary>
    public required string? DisabledReason { get; init; }

    public required WebhookLinks Links { get; init; }
}

/// <summary>A subscription just made, with the secret that signs its deliveries: shown this once, never again.</summary>
public sealed record CreatedWebhookResponse : WebhookResponse
{
    /// <summary>The signing secret (Standard Webhooks: whsec_ and base64). Keep it: it is not shown again.</summary>
    /// <example>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw</example>
    public required string Secret { get; init; }
}

public sealed record WebhookLinks
{
    public required string Self { get; init; }

    /// <summary>The delivery log.</summary>
    public required string Deliveries { get; init; }
}

/// <summary>One change sent to a subscription, with every attempt.</summary>
public sealed record DeliveryResponse
{
    /// <summary>The webhook-id header of every attempt: the receiver's idempotency key.</summary>
    /// <example>msg_4f1c2b9d0e8a7f6b5c4d3e2f1a0b9c8d</example>
    public required string MessageId { get; init; }

    /// <summary>pending (waiting for its first attempt or a retry), delivered, or abandoned (the subscription was disabled).</summary>
    /// <example>delivered</example>
    public required string Status { get; init; }

    /// <summary>The event and its change, as the change feed has it.</summary>
    public required string Type { get; init; }

    public required ChangeResponse Change { get; init; }

    public required int Attempts { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset? FinishedAt { get; init; }

    public required string? LastError { get; init; }

    public required IReadOnlyList<DeliveryAttemptResponse> AttemptLog { get; init; }
}

public sealed record DeliveryAttemptResponse
{
    /// <example>1</example>
    public required int Attempt { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The receiver's status; null when it did not answer.</summary>
    /// <example>200</example>
    public required int? StatusCode { get; init; }

    public required string? Error { get; init; }

    /// <example>12</example>
    public required int DurationMilliseconds { get; init; }
}

public static class WebhookMapping
{
    public static WebhookResponse ToResponse(this WebhookSubscription s) => new()
    {
        Id = s.Id,
        Url = s.Url,
        Events = s.Events,
        Filter = new WebhookFilterResponse { Author = s.Filter.Author, Theme = s.Filter.Theme, Journal = s.Filter.Journal },
        CreatedAt = s.CreatedAt,
        Status = s.DisabledAt is null ? "active" : "disabled",
        FailingSince = s.FailingSince,
        DisabledAt = s.DisabledAt,
        DisabledReason = s.DisabledReason,
        Links = new WebhookLinks { Self = ApiLinks.Webhook(s.Id), Deliveries = ApiLinks.WebhookDeliveries(s.Id) },
    };

    public static CreatedWebhookResponse ToResponse(this NewWebhookSubscription made)
    {
        var s = made.Subscription.ToResponse();
        return new CreatedWebhookResponse
        {
            Id = s.Id, Url = s.Url, Events = s.Events, Filter = s.Filter, CreatedAt = s.CreatedAt, Status = s.Status,
            FailingSince = s.FailingSince, DisabledAt = s.DisabledAt, DisabledReason = s.DisabledReason, Links = s.Links,
            Secret = made.Secret,
        };
    }

    public static DeliveryResponse ToResponse(this WebhookDelivery d) => new()
    {
        MessageId = d.MessageId,
        Status = d.Status.ToString().ToLowerInvariant(),
        Type = d.Change.Kind.EventName(),
        Change = d.Change.ToResponse(),
        Attempts = d.Attempts,
        CreatedAt = d.CreatedAt,
        FinishedAt = d.FinishedAt,
        LastError = d.LastError,
        AttemptLog = d.AttemptLog.Select(a => new DeliveryAttemptResponse
        {
            Attempt = a.Attempt, At = a.At, StatusCode = a.StatusCode, Error = a.Error, DurationMilliseconds = a.DurationMilliseconds,
        }).ToList(),
    };
}

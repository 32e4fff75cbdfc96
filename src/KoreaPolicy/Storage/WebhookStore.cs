using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using KoreaPolicy.Model;

namespace KoreaPolicy.Storage;

/// <summary>
/// Webhook subscriptions, their outbox and their delivery log (Sql/009_sync.sql). The outbox rows
/// are written by <see cref="ChangeLog.Record"/> with each change; this is what the delivery loop
/// reads them with and records each attempt by, and what the subscription API manages them with.
/// </summary>
public sealed class WebhookStore(ArchiveDatabase database)
{
    /// <summary>Standard Webhooks' spelling of a secret: <c>whsec_</c> and base64 of 24 random bytes.</summary>
    public const string SecretPrefix = "whsec_";

    private const string SubscriptionColumns =
        """
        SELECT id AS Id, url AS Url, events AS Events, author AS Author, theme AS Theme, journal AS Journal, created_at AS CreatedAt,
               failing_since AS FailingSince, disabled_at AS DisabledAt, disabled_reason AS DisabledReason
        FROM webhook_subscriptions
        """;

    public NewWebhookSubscription Create(string url, IReadOnlyList<string> events, WebhookFilter filter, long? keyId, DateTimeOffset now)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        using var connection = database.Open();
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO webhook_subscriptions (url, events, author, theme, journal, secret, key_id, created_at)
            VALUES (@url, @events, @Author, @Theme, @Journal, @secret, @keyId, @now)
            RETURNING id
            """,
            new { url, events = string.Join(',', events), filter.Author, filter.Theme, filter.Journal, secret, keyId, now = ArticleWriter.Timestamp(now) });
        return new NewWebhookSubscription(new WebhookSubscription(id, url, events, filter, now, null, null, null), secret);
    }

    public IReadOnlyList<WebhookSubscription> List()
    {
        using var connection = database.Open();
        return connection.Query<SubscriptionRow>(SubscriptionColumns + " ORDER BY id").Select(r => r.ToSubscription()).ToList();
    }

    public WebhookSubscription? Find(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<SubscriptionRow>(SubscriptionColumns + " WHERE id = @id", new { id })?.ToSubscription();
    }

    /// <summary>Deletes the subscription with its outbox rows and log; false when there is none.</summary>
    public bool Delete(long id)
    {
        using var connection = database.Open();
        return connection.Execute("DELETE FROM webhook_subscriptions WHERE id = @id", new { id }) > 0;
    }

    /// <summary>The active subscriptions with a delivery waiting.</summary>
    public IReadOnlyList<long> SubscriptionsWithPending()
    {
        using var connection = database.Open();
        return connection.Query<long>(
            """
            SELECT s.id FROM webhook_subscriptions s
            WHERE s.disabled_at IS NULL AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'pending')
            ORDER BY s.id
            """).AsList();
    }

    /// <summary>The subscription's oldest waiting delivery (deliveries go out in the order of the changes); null when none or it is disabled or gone.</summary>
    public PendingDelivery? NextPending(long subscriptionId)
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<PendingRow>(
            """
            SELECT d.id AS Id, d.subscription_id AS SubscriptionId, s.url AS Url, s.secret AS Secret, d.message_id AS MessageId,
                   d.attempts AS Attempts, s.failing_since AS FailingSince,
                   c.id AS ChangeId, c.slug AS Slug, c.revision AS Revision, c.previous_revision AS PreviousRevision, c.kind AS Kind,
                   c.at AS At, c.title AS Title, c.correction_note AS CorrectionNote, c.correction_date AS CorrectionDate
            FROM webhook_deliveries d
            JOIN webhook_subscriptions s ON s.id = d.subscription_id
            JOIN article_changes c ON c.id = d.change_id
            WHERE d.subscription_id = @subscriptionId AND d.status = 'pending' AND s.disabled_at IS NULL
            ORDER BY d.id LIMIT 1
            """, new { subscriptionId });
        return row?.ToPending();
    }

    /// <summary>
    /// Records an attempt. A success delivers it and ends the subscription's run of failures; a
    /// failure starts one, if none is running. False when the delivery is no longer waiting (its
    /// subscription was deleted or disabled meanwhile).
    /// </summary>
    public bool RecordAttempt(long deliveryId, DeliveryAttempt attempt, bool delivered)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var at = ArticleWriter.Timestamp(attempt.At);
        var subscriptionId = connection.ExecuteScalar<long?>(
            "SELECT subscription_id FROM webhook_deliveries WHERE id = @deliveryId AND status = 'pending'", new { deliveryId }, transaction);
        if (subscriptionId is null)
        {
            return false;
        }

        connection.Execute(
            """
            INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
            VALUES (@deliveryId, @Attempt, @at, @StatusCode, @Error, @DurationMilliseconds);
            UPDATE webhook_deliveries
            SET attempts = @Attempt, last_error = @Error,
                status = CASE WHEN @delivered THEN 'delivered' ELSE status END,
                finished_at = CASE WHEN @delivered THEN @at ELSE finished_at END
            WHERE id = @deliveryId;
            UPDATE webhook_subscriptions
            SET failing_since = CASE WHEN @delivered THEN NULL ELSE COALESCE(failing_since, @at) END
            WHERE id = @subscriptionId;
            """,
            new { deliveryId, attempt.Attempt, at, attempt.StatusCode, attempt.Error, attempt.DurationMilliseconds, delivered, subscriptionId },
            transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>Stops deliveries to a subscription, saying why; what it was still waiting on is abandoned.</summary>
    public void Disable(long subscriptionId, string reason, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var at = ArticleWriter.Timestamp(now);
        connection.Execute(
            """
            UPDATE webhook_subscriptions SET disabled_at = @at, disabled_reason = @reason WHERE id = @subscriptionId AND disabled_at IS NULL;
            UPDATE webhook_deliveries SET status = 'abandoned', finished_at = @at WHERE subscription_id = @subscriptionId AND status = 'pending';
            """, new { subscriptionId, reason, at }, transaction);
        transaction.Commit();
    }

    /// <summary>A page of a subscription's deliveries, newest first, each with its attempts.</summary>
    public Page<WebhookDelivery> Deliveries(long subscriptionId, PageRequest page)
    {
        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM webhook_deliveries WHERE subscription_id = @subscriptionId", new { subscriptionId });
        var rows = connection.Query<DeliveryRow>(
            """
            SELECT d.id AS Id, d.message_id AS MessageId, d.status AS Status, d.attempts AS Attempts, d.created_at AS CreatedAt,
                   d.finished_at AS FinishedAt, d.last_error AS LastError,
                   (SELECT json_group_array(json_array(a.attempt, a.at, a.status_code, a.error, a.duration_ms))
                    FROM webhook_attempts a WHERE a.delivery_id = d.id) AS AttemptLog,
                   c.id AS ChangeId, c.slug AS Slug, c.revision AS Revision, c.previous_revision AS PreviousRevision, c.kind AS Kind,
                   c.at AS At, c.title AS Title, c.correction_note AS CorrectionNote, c.correction_date AS CorrectionDate
            FROM webhook_deliveries d JOIN article_changes c ON c.id = d.change_id
            WHERE d.subscription_id = @subscriptionId
            ORDER BY d.id DESC LIMIT @Size OFFSET @Offset
            """, new { subscriptionId, page.Size, page.Offset });
        return new Page<WebhookDelivery>(rows.Select(r => r.ToDelivery()).ToList(), total, page);
    }

    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateTimeOffset? ParseOrNull(string? at) => at is null ? null : Parse(at);

    private sealed class SubscriptionRow
    {
        public long Id { get; init; }
        public string Url { get; init; } = "";
        public string Events { get; init; } = "";
        public string? Author { get; init; }
        public string? Theme { get; init; }
        public string? Journal { get; init; }
        public string CreatedAt { get; init; } = "";
        public string? FailingSince { get; init; }
        public string? DisabledAt { get; init; }
        public string? DisabledReason { get; init; }

        public WebhookSubscription ToSubscription() => new(
            Id, Url, Events.Split(',', StringSplitOptions.RemoveEmptyEntries), new WebhookFilter(Author, Theme, Journal),
            Parse(CreatedAt), ParseOrNull(FailingSince), ParseOrNull(DisabledAt), DisabledReason);
    }

    // The change a delivery is about, in the change log's columns.
    private class ChangeColumnsRow
    {
        public long ChangeId { get; init; }
        public string Slug { get; init; } = "";
        public int Revision { get; init; }
        public int? PreviousRevision { get; init; }
        public string Kind { get; init; } = "";
        public string At { get; init; } = "";
        public string Title { get; init; } = "";
        public string? CorrectionNote { get; init; }
        public string? CorrectionDate { get; init; }

        public ArticleChangeEntry ToChange() => new ChangeLog.ChangeRow
        {
            Id = ChangeId, Slug = Slug, Revision = Revision, PreviousRevision = PreviousRevision, Kind = Kind, At = At,
            Title = Title, CorrectionNote = CorrectionNote, CorrectionDate = CorrectionDate,
        }.ToEntry();
    }

    private sealed class PendingRow : ChangeColumnsRow
    {
        public long Id { get; init; }
        public long SubscriptionId { get; init; }
        public string Url { get; init; } = "";
        public string Secret { get; init; } = "";
        public string MessageId { get; init; } = "";
        public int Attempts { get; init; }
        public string? FailingSince { get; init; }

        public PendingDelivery ToPending() => new(Id, SubscriptionId, Url, Secret, MessageId, Attempts, ParseOrNull(FailingSince), ToChange());
    }

    private sealed class DeliveryRow : ChangeColumnsRow
    {
        public long Id { get; init; }
        public string MessageId { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public string CreatedAt { get; init; } = "";
        public string? FinishedAt { get; init; }
        public string? LastError { get; init; }
        public string AttemptLog { get; init; } = "[]";

        public WebhookDelivery ToDelivery()
        {
            var attempts = new List<DeliveryAttempt>();
            using (var document = System.Text.Json.JsonDocument.Parse(AttemptLog))
            {
                foreach (var entry in document.RootElement.EnumerateArray())
                {
                    attempts.Add(new DeliveryAttempt(
                        entry[0].GetInt32(),
                        Parse(entry[1].GetString()!),
                        entry[2].ValueKind == System.Text.Json.JsonValueKind.Null ? null : entry[2].GetInt32(),
                        entry[3].ValueKind == System.Text.Json.JsonValueKind.Null ? null : entry[3].GetString(),
                        entry[4].GetInt32()));
                }
            }

            attempts.Sort((x, y) => x.Attempt.CompareTo(y.Attempt));
            return new WebhookDelivery(
                Id, MessageId, ToChange(), Enum.Parse<DeliveryStatus>(Status, ignoreCase: true), Attempts,
                Parse(CreatedAt), ParseOrNull(FinishedAt), LastError, attempts);
        }
    }
}

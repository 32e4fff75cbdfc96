using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace KoreaPolicy.Api.Tests;

/// <summary>Applications on Kestrel with webhooks on, subscriptions, and reading the change feed.</summary>
internal static class SyncSupport
{
    /// <summary>
    /// The application on Kestrel (loopback, a free port), delivering to loopback receivers, retrying
    /// quickly, with rate limits off (the tests make hundreds of writes).
    /// </summary>
    public static KoreaPolicyApplication Served(params (string Key, string Value)[] settings) =>
        KoreaPolicyApplication.ServedOnLoopback(
            new Dictionary<string, string?>
            {
                ["Webhooks:AllowPrivateTargets"] = "true",
                ["Webhooks:RetryDelay"] = "00:00:00.050",
                ["Webhooks:MaxRetryDelay"] = "00:00:00.500",
                ["Webhooks:PollInterval"] = "00:00:00.200",
                ["RateLimits:Enabled"] = "false",
            },
            settings);

    /// <summary>Subscribes the receiver (and gives it the secret); returns the subscription's id.</summary>
    public static async Task<long> SubscribeAsync(this HttpClient admin, WebhookReceiver receiver, object? body = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/webhooks", body ?? new { url = receiver.Url });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var made = await response.Content.ReadFromJsonAsync<JsonElement>();
        receiver.Secret = made.GetProperty("secret").GetString();
        return made.GetProperty("id").GetInt64();
    }

    /// <summary>Every change after the cursor (null: from the start), following next until no more, in pages of <paramref name="limit"/>.</summary>
    public static async Task<(List<JsonElement> Changes, string Next)> ChangesAsync(this HttpClient client, string? after = null, int limit = 100)
    {
        var changes = new List<JsonElement>();
        var cursor = after;
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(cursor is null ? $"/api/changes?limit={limit}" : $"/api/changes?limit={limit}&after={cursor}");
            changes.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").GetString();
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return (changes, cursor!);
            }
        }
    }

    public static async Task<JsonElement> DeliveriesAsync(this HttpClient admin, long subscription) =>
        await admin.GetFromJsonAsync<JsonElement>($"/api/webhooks/{subscription}/deliveries?pageSize=100");

    /// <summary>
    /// The delivery log once no delivery in it is pending (30 s at most): a receiver's answer reaches
    /// the test before the dispatcher has recorded it, so the log is read until it has.
    /// </summary>
    public static async Task<JsonElement> SettledDeliveriesAsync(this HttpClient admin, long subscription)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        JsonElement log;
        while ((log = await admin.DeliveriesAsync(subscription)).GetProperty("items").EnumerateArray().Any(d => d.GetProperty("status").GetString() == "pending")
            && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return log;
    }
}

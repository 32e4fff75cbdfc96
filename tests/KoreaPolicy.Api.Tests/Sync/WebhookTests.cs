using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static KoreaPolicy.Api.Tests.WriteSupport;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// Changes as partners see them: the change feed and signed webhooks, over real HTTP on loopback,
/// to a receiver that verifies every signature with the Standard Webhooks library.
/// </summary>
public sealed class WebhookTests
{
    private const string NewSlug = "partner-sync-article";

    [Fact]
    public async Task CreatingUpdatingCorrectingAndWithdrawingAnArticleShowsExactlyThoseChangesInTheFeedAndAtTheReceiverInOrder()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = SyncSupport.Served();
        var writer = app.ClientWithKey(app.AddKey("write,admin"));
        var subscription = await writer.SubscribeAsync(receiver);
        var (before, cursor) = await writer.ChangesAsync();

        (await writer.PublishAsync(NewSlug, Text(Variant("one")), createOnly: true)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await writer.PublishAsync(NewSlug, Text(Variant("two")), await writer.ETagAsync(NewSlug))).EnsureSuccessStatusCode();
        (await writer.PatchMetadataAsync(NewSlug, """{"correction":{"note":"The summit was in June, not July.","date":"2026-01-05"}}""", await writer.ETagAsync(NewSlug)))
            .EnsureSuccessStatusCode();
        (await writer.WithdrawAsync(NewSlug, await writer.ETagAsync(NewSlug))).EnsureSuccessStatusCode();

        var (changes, _) = await writer.ChangesAsync(cursor);
        before.Select(c => c.GetProperty("kind").GetString()).Should().Equal(["created"], "the start-up ingestion made the repo's article");
        changes.Select(c => (c.GetProperty("slug").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("revision").GetInt32()))
            .Should().Equal((NewSlug, "created", 1), (NewSlug, "updated", 2), (NewSlug, "corrected", 3), (NewSlug, "withdrawn", 4));
        changes[2].GetProperty("correction").GetProperty("note").GetString().Should().Be("The summit was in June, not July.");
        changes[1].GetProperty("previousRevision").GetInt32().Should().Be(1);
        var received = await receiver.WaitForAsync(r => r.Count >= 4);
        await Task.Delay(300);
        receiver.Requests.Should().HaveCount(4, "each change is delivered once when the receiver takes it").And.OnlyContain(r => r.Verified);
        received.Select(r => r.Type).Should().Equal("article.created", "article.updated", "article.corrected", "article.withdrawn");
        received.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        received.Select(r => r.Data.GetProperty("cursor").GetString()).Should().Equal(changes.Select(c => c.GetProperty("cursor").GetString()));
        var update = received[1].Data;
        (update.GetProperty("revision").GetInt32(), update.GetProperty("previousRevision").GetInt32()).Should().Be((2, 1));
        update.GetProperty("links").GetProperty("revision").GetString().Should().StartWith("http://127.0.0.1:").And.EndWith($"/api/articles/{NewSlug}/revisions/2");
        update.TryGetProperty("text", out _).Should().BeFalse("the payload carries links, not the article's text");
        var log = await writer.SettledDeliveriesAsync(subscription);
        log.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("status").GetString()).Should().AllBe("delivered");
    }

    [Fact]
    public async Task TheSignatureIsStandardWebhooksHmacSha256OfIdTimestampAndBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = SyncSupport.Served();
        var writer = app.ClientWithKey(app.AddKey("write,admin"));
        await writer.SubscribeAsync(receiver);

        (await writer.PublishAsync(NewSlug, Text(Variant("one")))).EnsureSuccessStatusCode();

        var webhook = (await receiver.WaitForAsync(r => r.Count >= 1)).Single();
        // The specification by hand, once, to show the library signs what it says.
        var key = Convert.FromBase64String(receiver.Secret!["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}")));
        webhook.Signature.Split(' ').Should().Contain(expected);
        webhook.Id.Should().StartWith("msg_");
        long.Parse(webhook.Timestamp, System.Globalization.CultureInfo.InvariantCulture).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
    }

    [Fact]
    public async Task AReceiverThatFailsTwiceAndThenSucceedsGetsTheEventThreeTimesWithTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 2;
        using var app = SyncSupport.Served();
        var writer = app.ClientWithKey(app.AddKey("write,admin"));
        var subscription = await writer.SubscribeAsync(receiver);

        (await writer.PublishAsync(NewSlug, Text(Variant("one")))).EnsureSuccessStatusCode();

        await receiver.WaitForAsync(r => r.Count >= 1);
        var requests = receiver.Requests.ToList();
        requests.Should().HaveCount(3).And.OnlyContain(r => r.Verified);
        requests.Select(r => r.Id).Distinct().Should().ContainSingle("the webhook-id is the receiver's idempotency key");
        requests.Select(r => r.Answered).Should().Equal(500, 500, 204);
        var delivery = (await writer.SettledDeliveriesAsync(subscription)).GetProperty("items").EnumerateArray().Single();
        delivery.GetProperty("messageId").GetString().Should().Be(requests[0].Id);
        delivery.GetProperty("status").GetString().Should().Be("delivered");
        delivery.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()).Should().Equal(500, 500, 204);
    }

    [Fact]
    public async Task ASubscriptionThatKeepsFailingIsDisabledAndSaysWhy()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = int.MaxValue;
        using var app = SyncSupport.Served(("Webhooks:DisableAfter", "00:00:01"));
        var writer = app.ClientWithKey(app.AddKey("write,admin"));
        var subscription = await writer.SubscribeAsync(receiver);

        (await writer.PublishAsync(NewSlug, Text(Variant("one")))).EnsureSuccessStatusCode();

        JsonElement state;
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            state = await writer.GetFromJsonAsync<JsonElement>($"/api/webhooks/{subscription}");
        }
        while (state.GetProperty("status").GetString() != "disabled" && DateTime.UtcNow < until);

        state.GetProperty("status").GetString().Should().Be("disabled");
        state.GetProperty("disabledReason").GetString().Should().Contain("failed").And.Contain("500");
        var delivery = (await writer.DeliveriesAsync(subscription)).GetProperty("items").EnumerateArray().Single();
        delivery.GetProperty("status").GetString().Should().Be("abandoned");
        delivery.GetProperty("attempts").GetInt32().Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task WithoutAllowPrivateTargetsLoopbackTargetsAreRefusedWrittenOutOrBehindADnsName()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = SyncSupport.Served(("Webhooks:AllowPrivateTargets", "false"));
        var writer = app.ClientWithKey(app.AddKey("write,admin"));
        var port = new Uri(receiver.Url).Port;

        foreach (var literal in new[] { $"http://127.0.0.1:{port}/hook", $"http://[::1]:{port}/hook", $"http://[::ffff:127.0.0.1]:{port}/hook", "http://10.0.0.8/hook", "http://169.254.169.254/latest" })
        {
            using var refused = await writer.PostAsJsonAsync("/api/webhooks", new { url = literal });
            (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString().Should().Contain("url");
        }

        // A name is checked where it counts: on every connection, after DNS.
        var subscription = await writer.SubscribeAsync(receiver, new { url = $"http://localhost:{port}/hook" });
        (await writer.PublishAsync(NewSlug, Text(Variant("one")))).EnsureSuccessStatusCode();

        JsonElement delivery;
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            delivery = (await writer.DeliveriesAsync(subscription)).GetProperty("items").EnumerateArray().Single();
        }
        while (delivery.GetProperty("attempts").GetInt32() < 2 && DateTime.UtcNow < until);

        delivery.GetProperty("status").GetString().Should().Be("pending");
        delivery.GetProperty("lastError").GetString().Should().Contain("refused").And.Contain("loopback");
        receiver.Requests.Should().BeEmpty("no request ever reached the server's own network");
    }

    [Fact]
    public async Task ARedirectIsNotFollowed()
    {
        await using var elsewhere = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.RedirectTo = elsewhere.Url;
        using var app = SyncSupport.Served();
        var writer = app.ClientWithKey(app.AddKey("write,admin"));
        var subscription = await writer.SubscribeAsync(receiver);

        (await writer.PublishAsync(NewSlug, Text(Variant("one")))).EnsureSuccessStatusCode();

        var until = DateTime.UtcNow.AddSeconds(30);
        while (receiver.Requests.Count < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        elsewhere.Requests.Should().BeEmpty();
        var delivery = (await writer.DeliveriesAsync(subscription)).GetProperty("items").EnumerateArray().Single();
        delivery.GetProperty("lastError").GetString().Should().Contain("307").And.Contain("redirects are not followed");
    }

    [Fact]
    public async Task SubscriptionsAreForAdminKeysAndTheSecretIsShownOnlyOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = SyncSupport.Served();
        var anonymous = app.CreateClient();
        var writer = app.ClientWithKey(app.AddKey("write"));
        var admin = app.ClientWithKey(app.AddKey("admin"));

        (await anonymous.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await writer.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync("/api/webhooks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var id = await admin.SubscribeAsync(receiver, new { url = receiver.Url, events = new[] { "article.withdrawn" }, filter = new { author = "bruce-klingner" } });
        await (await admin.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "article.deleted" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/webhooks", new { url = "ftp://example.org/x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}");
        read.TryGetProperty("secret", out _).Should().BeFalse();
        read.GetProperty("events").EnumerateArray().Select(e => e.GetString()).Should().Equal("article.withdrawn");
        read.GetProperty("filter").GetProperty("author").GetString().Should().Be("bruce-klingner");
        (await admin.GetFromJsonAsync<JsonElement>("/api/webhooks")).GetProperty("items").EnumerateArray().Should().ContainSingle();
        (await admin.DeleteAsync($"/api/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OnlyTheEventsAndArticlesASubscriptionAsksForAreDelivered()
    {
        await using var withdrawals = await WebhookReceiver.StartAsync();
        await using var klingner = await WebhookReceiver.StartAsync();
        using var app = SyncSupport.Served();
        var writer = app.ClientWithKey(app.AddKey("write,admin"));
        await writer.SubscribeAsync(withdrawals, new { url = withdrawals.Url, events = new[] { "article.withdrawn" } });
        await writer.SubscribeAsync(klingner, new { url = klingner.Url, filter = new { author = "bruce-klingner", journal = "korea-policy" } });

        using var note = new MultipartFormDataContent
        {
            { Text("A paragraph of text that says something about the alliance and its costs.\n"), "text" },
            { new StringContent("""{"title":"A Note Without Authors"}""", Encoding.UTF8, "application/json"), "metadata" },
        };
        (await writer.PublishAsync(NewSlug, note, createOnly: true)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await writer.WithdrawAsync(NewSlug, await writer.ETagAsync(NewSlug))).EnsureSuccessStatusCode();
        (await writer.WithdrawAsync(Slug, await writer.ETagAsync(Slug))).EnsureSuccessStatusCode();

        var gone = await withdrawals.WaitForAsync(r => r.Count >= 2);
        gone.Select(r => (r.Type, r.Data.GetProperty("slug").GetString())).Should().Equal(("article.withdrawn", NewSlug), ("article.withdrawn", Slug));
        var his = await klingner.WaitForAsync(r => r.Count >= 1);
        await Task.Delay(500);
        klingner.Requests.Should().ContainSingle("the note has no author: only the Klingner article's withdrawal is his");
        his.Single().Data.GetProperty("slug").GetString().Should().Be(Slug);
    }
}

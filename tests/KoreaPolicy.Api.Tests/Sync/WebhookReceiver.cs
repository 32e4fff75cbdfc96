using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// A partner's webhook endpoint: Kestrel on 127.0.0.1, verifying every request's signature with
/// the Standard Webhooks library and keeping what it received. It can be told to fail its first
/// requests (500) or to redirect.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    /// <summary>Every request, in arrival order: webhook-id, whether its signature verified, its parsed body.</summary>
    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    /// <summary>The subscription's secret, once it is known; until then nothing verifies.</summary>
    public string? Secret { get; set; }

    /// <summary>How many of the first requests to answer 500.</summary>
    public int FailFirst { get; set; }

    /// <summary>When set, every request is answered 307 to this URL.</summary>
    public string? RedirectTo { get; set; }

    public string Url { get; }

    private WebhookReceiver(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The requests whose signature verified and that were answered 2xx: what the partner accepted.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => Requests.Where(r => r.Verified && r.Answered < 300).ToList();

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var verified = false;
            try
            {
                new StandardWebhook(receiver!.Secret ?? "whsec_" + Convert.ToBase64String(new byte[24])).Verify(body, context.Request.Headers);
                verified = true;
            }
            catch (Exception)
            {
                // Counted as not verified below.
            }

            var status = receiver!.RedirectTo is not null ? 307 : receiver.Requests.Count < receiver.FailFirst ? 500 : verified ? 204 : 400;
            receiver.Requests.Enqueue(new ReceivedWebhook(
                context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(),
                body,
                verified,
                status));
            if (receiver.RedirectTo is { } to)
            {
                context.Response.Headers.Location = to;
            }

            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        var address = app.Urls.First();
        receiver = new WebhookReceiver(app, $"{address}/hook");
        return receiver;
    }

    /// <summary>Waits until <paramref name="done"/> holds for what was accepted (at most <paramref name="seconds"/>).</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!done(Accepted))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The receiver has {Accepted.Count} accepted of {Requests.Count} requests: {string.Join(" | ", Requests.Select(r => r.Body))}");
            }

            await Task.Delay(50);
        }

        return Accepted;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>One request the receiver got.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, bool Verified, int Answered)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Type => Json.GetProperty("type").GetString()!;

    public JsonElement Data => Json.GetProperty("data");
}

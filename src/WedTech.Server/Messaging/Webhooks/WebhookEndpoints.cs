using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using WedTech.Server.Messaging.Channels;
using static WedTech.Server.Messaging.Webhooks.WebhookRequests;

namespace WedTech.Server.Messaging.Webhooks;

/// <summary>What a WhatsApp status delivery did: statuses handed to the outbox, and statuses refused as too old.</summary>
public sealed record WebhookReceipt(int Recorded, int Stale);

/// <summary>
/// Delivery-status callbacks from Twilio and Meta. They are platform endpoints (the providers' servers call them,
/// with no tenant); each is verified by its provider's signature over the exact bytes received before anything
/// in it is believed, and the outbox finds the tenant by the provider's message id.
/// </summary>
public static class WebhookEndpoints
{
    public static readonly ApiTag Tag = new("Delivery-status webhooks", "Delivery reports from Twilio and Meta (WhatsApp), each verified by its provider's signature.");

    public static RouteGroupBuilder MapMessagingWebhooks(this RouteGroupBuilder platformApi)
    {
        var webhooks = platformApi.MapGroup("/webhooks").WithApiTag(Tag);

        webhooks.MapPost("/twilio/status", TwilioStatusAsync).ProducesSignatureProblems()
            .WithSummary("Twilio status callback")
            .WithDescription("Form POST from Twilio (MessageSid, MessageStatus, ErrorCode) signed with X-Twilio-Signature over Messaging:Twilio:StatusCallbackUrl.");

        webhooks.MapGet("/whatsapp", WhatsAppVerification)
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("WhatsApp webhook verification").WithDescription("Meta's subscription handshake: answers hub.challenge when hub.verify_token matches.");

        webhooks.MapPost("/whatsapp", WhatsAppStatusesAsync).ProducesSignatureProblems()
            .WithSummary("WhatsApp status notifications")
            .WithDescription("Meta's webhook payload signed with X-Hub-Signature-256; entry[].changes[].value.statuses[] are recorded.");

        return platformApi;
    }

    private static async Task<NoContent> TwilioStatusAsync(HttpRequest request, IOptions<TwilioOptions> options, TimeProvider time, CancellationToken ct)
    {
        var twilio = options.Value;
        if (string.IsNullOrWhiteSpace(twilio.AuthToken) || string.IsNullOrWhiteSpace(twilio.StatusCallbackUrl))
        {
            throw NotConfigured("Messaging:Twilio:AuthToken and StatusCallbackUrl");
        }
        RequireMediaType(request, "application/x-www-form-urlencoded");
        var body = await ReadBodyAsync(request, ct);
        var form = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        RequireSignature(request, "X-Twilio-Signature", header => TwilioSignature.IsValid(twilio.AuthToken, twilio.StatusCallbackUrl, form, header));

        var sid = form.TryGetValue("MessageSid", out var sidValue) ? sidValue.ToString() : "";
        var status = form.TryGetValue("MessageStatus", out var statusValue) ? statusValue.ToString() : "";
        if (sid.Length == 0 || status.Length == 0)
        {
            throw new ValidationFailedException(sid.Length == 0 ? "MessageSid" : "MessageStatus", "A status callback names the message and its status.");
        }
        if (TwilioStatus(status) is { } mapped)
        {
            var error = form.TryGetValue("ErrorCode", out var code) && code.ToString().Length > 0
                ? $"Twilio error {code}" + (form.TryGetValue("ErrorMessage", out var text) && text.ToString().Length > 0 ? $": {text}" : "")
                : null;
            // Twilio's callback carries no time of its own: the status is as of now.
            await Sink(request).RecordAsync(TwilioSmsClient.Provider, sid, mapped, time.GetUtcNow(), error, ct);
        }
        return TypedResults.NoContent();
    }

    private static MessageStatus? TwilioStatus(string status) => status switch
    {
        "accepted" or "scheduled" or "queued" => MessageStatus.Queued,
        "sending" or "sent" => MessageStatus.Sent,
        "delivered" => MessageStatus.Delivered,
        "read" => MessageStatus.Read,
        "undelivered" or "failed" or "canceled" => MessageStatus.Failed,
        _ => null, // receiving, received, partially_delivered…: nothing the outbox tracks
    };

    private static ContentHttpResult WhatsAppVerification(
        [FromQuery(Name = "hub.mode")] string? mode, [FromQuery(Name = "hub.verify_token")] string? token, [FromQuery(Name = "hub.challenge")] string? challenge,
        IOptions<WhatsAppOptions> options)
    {
        var expected = options.Value.VerifyToken;
        if (string.IsNullOrWhiteSpace(expected))
        {
            throw NotConfigured("Messaging:WhatsApp:VerifyToken");
        }
        if (mode != "subscribe" || token is null
            || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
        {
            throw ApiException.Forbidden("The verify token does not match.");
        }
        if (string.IsNullOrEmpty(challenge) || challenge.Length > 200)
        {
            throw new ValidationFailedException("hub.challenge", "Send the challenge to echo.");
        }
        return TypedResults.Text(challenge, "text/plain");
    }

    /// <summary>The outbox, asked for only once a callback is verified.</summary>
    private static IDeliveryStatusSink Sink(HttpRequest request) => request.HttpContext.RequestServices.GetRequiredService<IDeliveryStatusSink>();

    private static async Task<Ok<WebhookReceipt>> WhatsAppStatusesAsync(HttpRequest request, IOptions<WhatsAppOptions> options, TimeProvider time, CancellationToken ct)
    {
        var whatsApp = options.Value;
        if (string.IsNullOrWhiteSpace(whatsApp.AppSecret))
        {
            throw NotConfigured("Messaging:WhatsApp:AppSecret");
        }
        RequireMediaType(request, "application/json");
        var body = await ReadBodyAsync(request, ct);
        RequireSignature(request, "X-Hub-Signature-256", header => WhatsAppSignature.IsValid(whatsApp.AppSecret, body, header));

        var statuses = WhatsAppStatuses.Parse(body);
        var sink = Sink(request);
        var oldest = time.GetUtcNow() - whatsApp.WebhookMaxAge;
        int recorded = 0, stale = 0;
        foreach (var update in statuses)
        {
            if (update.At < oldest)
            {
                stale++;
                continue;
            }
            if (update.Status is { } status)
            {
                await sink.RecordAsync(WhatsAppChannel.Provider, update.Id, status, update.At, update.Error, ct);
                recorded++;
            }
        }
        return TypedResults.Ok(new WebhookReceipt(recorded, stale));
    }

}

/// <summary>One entry of <c>entry[].changes[].value.statuses[]</c>; <see cref="Status"/> is null for kinds the outbox does not track.</summary>
public sealed record WhatsAppStatusUpdate(string Id, MessageStatus? Status, DateTimeOffset At, string? Error);

public static class WhatsAppStatuses
{
    /// <summary>The status updates of a webhook payload; anything that is not Meta's documented shape is a 400.</summary>
    public static List<WhatsAppStatusUpdate> Parse(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new ValidationFailedException("", "The request body is not valid JSON.");
        }
        using (document)
        {
            var updates = new List<WhatsAppStatusUpdate>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new ValidationFailedException("entry", "A WhatsApp notification has an entry array.");
            }
            foreach (var entry in entries.EnumerateArray())
            {
                foreach (var change in Array(entry, "changes"))
                {
                    var value = change.ValueKind == JsonValueKind.Object && change.TryGetProperty("value", out var v) ? v : default;
                    foreach (var status in Array(value, "statuses"))
                    {
                        updates.Add(Update(status));
                    }
                }
            }
            return updates;
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : default;

    private static WhatsAppStatusUpdate Update(JsonElement status)
    {
        var id = status.String("id");
        var kind = status.String("status");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(kind)
            || !long.TryParse(status.String("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
        {
            throw new ValidationFailedException("entry.changes.value.statuses", "Each status has an id, a status and a timestamp (Unix seconds).");
        }
        string? error = null;
        if (status.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            var details = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("error_data", out var data) ? data.String("details") : null;
            error = $"WhatsApp error {first.Number("code")}: {first.String("title") ?? first.String("message")}" + (details is null ? "" : $" ({details})");
        }
        MessageStatus? mapped = kind switch
        {
            "sent" => MessageStatus.Sent,
            "delivered" => MessageStatus.Delivered,
            "read" => MessageStatus.Read,
            "failed" => MessageStatus.Failed,
            _ => null,
        };
        return new WhatsAppStatusUpdate(id, mapped, DateTimeOffset.FromUnixTimeSeconds(seconds), error);
    }
}

using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Messaging.Channels;

/// <summary><c>Messaging:WhatsApp</c>: the platform's WhatsApp Business number on Meta's Cloud API, and its webhook secrets.</summary>
public sealed class WhatsAppOptions
{
    public string BaseUrl { get; set; } = "https://graph.facebook.com";
    public string ApiVersion { get; set; } = "v23.0";
    public string? PhoneNumberId { get; set; }
    public string? AccessToken { get; set; }

    /// <summary>The Meta app's secret: webhook payloads are signed with it (X-Hub-Signature-256).</summary>
    public string? AppSecret { get; set; }

    /// <summary>What Meta sends back as hub.verify_token when the webhook is registered.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>
    /// Status events older than this are refused. Meta retries an unacknowledged webhook for up to 7 days, so a
    /// shorter window drops genuine late retries; the outbox moves a status forward only in any case.
    /// </summary>
    public TimeSpan WebhookMaxAge { get; set; } = TimeSpan.FromDays(7);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(AccessToken);
}

/// <summary>
/// Meta's WhatsApp Cloud API: <c>POST /{version}/{phone-number-id}/messages</c> with a bearer token. A message
/// with a <see cref="OutgoingMessage.ProviderTemplate"/> goes as that approved template with its body parameters
/// (what business-initiated conversations require); one without goes as plain text (allowed inside the 24-hour
/// window after the person wrote to us). Meta answers <c>messages[0].id</c> (a wamid) or an error object whose
/// <c>code</c> says whether to try again.
/// </summary>
public sealed class WhatsAppChannel(HttpClient http, IOptions<WhatsAppOptions> options, TimeProvider time) : IMessageChannel
{
    public const string Provider = "whatsapp";

    // Meta's documented codes for its own temporary failures (1, 2, 131000, 131016) and for rate and throughput
    // limits (4, 80007, 130429, 131048, 131056).
    private static readonly HashSet<long> RetryCodes = [1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056];

    public MessageChannel Channel => MessageChannel.WhatsApp;

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var whatsApp = options.Value;
        if (!whatsApp.IsConfigured)
        {
            return Task.FromResult<SendOutcome>(new SendOutcome.Rejected("WhatsApp is not configured (Messaging:WhatsApp: PhoneNumberId, AccessToken)."));
        }
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = ProviderHttp.Digits(message.Recipient),
        };
        if (string.IsNullOrWhiteSpace(message.ProviderTemplate))
        {
            body["type"] = "text";
            body["text"] = new JsonObject { ["preview_url"] = false, ["body"] = message.Body };
        }
        else
        {
            var template = new JsonObject
            {
                ["name"] = message.ProviderTemplate,
                // Meta's language codes use an underscore (en, hi, en_US).
                ["language"] = new JsonObject { ["code"] = message.Language.Replace('-', '_') },
            };
            if (message.ProviderTemplateParameters.Count > 0)
            {
                var parameters = new JsonArray([.. message.ProviderTemplateParameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p })]);
                template["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters });
            }
            body["type"] = "template";
            body["template"] = template;
        }
        var request = new HttpRequestMessage(HttpMethod.Post,
            $"{whatsApp.BaseUrl.TrimEnd('/')}/{whatsApp.ApiVersion}/{Uri.EscapeDataString(whatsApp.PhoneNumberId!)}/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", whatsApp.AccessToken);
        return ProviderHttp.SendAsync(http, request, "WhatsApp", InterpretAsync, cancellationToken);
    }

    private async Task<SendOutcome> InterpretAsync(HttpResponseMessage response)
    {
        var body = await ProviderHttp.JsonOrNullAsync(response);
        if (response.IsSuccessStatusCode)
        {
            return body is { ValueKind: JsonValueKind.Object } answer && answer.TryGetProperty("messages", out var messages)
                && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0 && messages[0].String("id") is { Length: > 0 } wamid
                ? new SendOutcome.Accepted(Provider, wamid, MessageStatus.Sent)
                : new SendOutcome.RetryLater($"WhatsApp answered {(int)response.StatusCode} without a message id.", null);
        }
        var error = body is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("error", out var e) ? e : default;
        var code = error.ValueKind == JsonValueKind.Object ? error.Number("code") : null;
        var details = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("error_data", out var data) ? data.String("details") : null;
        var reason = $"WhatsApp {(int)response.StatusCode}{(code is null ? "" : $" error {code}")}: {(error.ValueKind == JsonValueKind.Object ? error.String("message") : null) ?? response.ReasonPhrase}"
            + (details is null ? "" : $" ({details})");
        return ProviderHttp.IsTransient(response.StatusCode) || code is { } c && RetryCodes.Contains(c)
            ? new SendOutcome.RetryLater(reason, ProviderHttp.RetryAfter(response.Headers.RetryAfter, time))
            // 131026 undeliverable, 131030 not an allowed recipient, 100 invalid parameter, 132xxx template problems,
            // 190 expired token: the same request cannot succeed.
            : new SendOutcome.Rejected(reason);
    }
}

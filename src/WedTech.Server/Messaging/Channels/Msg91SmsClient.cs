using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Messaging.Channels;

/// <summary><c>Messaging:Msg91</c>: the platform's MSG91 account, used by studios that send SMS through MSG91 (India).</summary>
public sealed class Msg91Options
{
    public string BaseUrl { get; set; } = "https://control.msg91.com";
    public string? AuthKey { get; set; }

    /// <summary>Whether MSG91 shortens (and tracks) links in the message.</summary>
    public bool ShortUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AuthKey);
}

/// <summary>
/// MSG91's Flow API: <c>POST /api/v5/flow</c> with the <c>authkey</c> header and
/// <c>{"template_id", "short_url", "recipients": [{"mobiles": "91…", "VAR1": …}]}</c>. India's DLT rules allow only
/// registered templates, so a message needs its MSG91 template id (<see cref="OutgoingMessage.ProviderTemplate"/>);
/// its parameters fill the template's variables VAR1, VAR2, … in order. MSG91 answers
/// <c>{"type":"success","message":"&lt;request id&gt;"}</c> or <c>{"type":"error","message":…}</c>.
/// </summary>
public sealed class Msg91SmsClient(HttpClient http, IOptions<Msg91Options> options, TimeProvider time)
{
    public const string Provider = "msg91";

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var msg91 = options.Value;
        if (!msg91.IsConfigured)
        {
            return Task.FromResult<SendOutcome>(new SendOutcome.Rejected("SMS through MSG91 is not configured (Messaging:Msg91:AuthKey)."));
        }
        if (string.IsNullOrWhiteSpace(message.ProviderTemplate))
        {
            return Task.FromResult<SendOutcome>(new SendOutcome.Rejected("MSG91 sends only DLT-registered templates: the message has no MSG91 template id."));
        }
        var recipient = new JsonObject { ["mobiles"] = ProviderHttp.Digits(message.Recipient) };
        for (var i = 0; i < message.ProviderTemplateParameters.Count; i++)
        {
            recipient[$"VAR{i + 1}"] = message.ProviderTemplateParameters[i];
        }
        var body = new JsonObject
        {
            ["template_id"] = message.ProviderTemplate,
            ["short_url"] = msg91.ShortUrl ? "1" : "0",
            ["recipients"] = new JsonArray(recipient),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{msg91.BaseUrl.TrimEnd('/')}/api/v5/flow") { Content = JsonContent.Create(body) };
        request.Headers.Add("authkey", msg91.AuthKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return ProviderHttp.SendAsync(http, request, "MSG91", InterpretAsync, cancellationToken);
    }

    private async Task<SendOutcome> InterpretAsync(HttpResponseMessage response)
    {
        var body = await ProviderHttp.JsonOrNullAsync(response);
        var type = body?.String("type");
        var text = body?.String("message");
        if (response.IsSuccessStatusCode && type == "success")
        {
            return text is { Length: > 0 }
                ? new SendOutcome.Accepted(Provider, text, MessageStatus.Sent)
                : new SendOutcome.RetryLater("MSG91 answered success without a request id.", null);
        }
        var reason = $"MSG91 {(int)response.StatusCode}: {text ?? response.ReasonPhrase}";
        if (ProviderHttp.IsTransient(response.StatusCode))
        {
            return new SendOutcome.RetryLater(reason, ProviderHttp.RetryAfter(response.Headers.RetryAfter, time));
        }
        // MSG91 reports refusals (invalid number, unknown template, wrong key) as type "error", some with 200.
        return type == "error" || !response.IsSuccessStatusCode
            ? new SendOutcome.Rejected(reason)
            : new SendOutcome.RetryLater($"MSG91 answered {(int)response.StatusCode} with neither success nor error.", null);
    }
}

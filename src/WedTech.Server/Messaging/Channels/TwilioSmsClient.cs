using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Messaging.Channels;

/// <summary><c>Messaging:Twilio</c>: the platform's Twilio account, used by studios that send SMS through Twilio.</summary>
public sealed class TwilioOptions
{
    public string BaseUrl { get; set; } = "https://api.twilio.com";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }

    /// <summary>The sending number (E.164) or alphanumeric sender id; or use <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// The public URL of <c>/api/v1/webhooks/twilio/status</c> as Twilio reaches it (behind any proxy), e.g.
    /// https://wedtech.example/api/v1/webhooks/twilio/status. Sent with every message, and the URL signatures
    /// are checked against. Without it Twilio reports no delivery status.
    /// </summary>
    public string? StatusCallbackUrl { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid));
}

/// <summary>
/// Twilio's Programmable Messaging API: <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>, HTTP Basic
/// (AccountSid:AuthToken), a form body; answers the message resource (<c>sid</c>, <c>status</c>) or an error
/// object (<c>code</c>, <c>message</c>, <c>status</c>).
/// </summary>
public sealed class TwilioSmsClient(HttpClient http, IOptions<TwilioOptions> options, TimeProvider time)
{
    public const string Provider = "twilio";

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var twilio = options.Value;
        if (!twilio.IsConfigured)
        {
            return Task.FromResult<SendOutcome>(new SendOutcome.Rejected("SMS through Twilio is not configured (Messaging:Twilio: AccountSid, AuthToken, From or MessagingServiceSid)."));
        }
        var form = new List<KeyValuePair<string, string>> { new("To", message.Recipient) };
        form.Add(string.IsNullOrWhiteSpace(twilio.MessagingServiceSid) ? new("From", twilio.From!) : new("MessagingServiceSid", twilio.MessagingServiceSid));
        form.Add(new("Body", message.Body));
        if (!string.IsNullOrWhiteSpace(twilio.StatusCallbackUrl))
        {
            form.Add(new("StatusCallback", twilio.StatusCallbackUrl));
        }
        var request = new HttpRequestMessage(HttpMethod.Post,
            $"{twilio.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid!)}/Messages.json")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return ProviderHttp.SendAsync(http, request, "Twilio", InterpretAsync, cancellationToken);
    }

    private async Task<SendOutcome> InterpretAsync(HttpResponseMessage response)
    {
        var body = await ProviderHttp.JsonOrNullAsync(response);
        if (response.IsSuccessStatusCode)
        {
            return body?.String("sid") is { Length: > 0 } sid
                ? new SendOutcome.Accepted(Provider, sid, MessageStatus.Sent)
                : new SendOutcome.RetryLater($"Twilio answered {(int)response.StatusCode} without a message sid.", null);
        }
        var code = body?.Number("code");
        var reason = $"Twilio {(int)response.StatusCode}{(code is null ? "" : $" error {code}")}: {body?.String("message") ?? response.ReasonPhrase}";
        return ProviderHttp.IsTransient(response.StatusCode)
            ? new SendOutcome.RetryLater(reason, ProviderHttp.RetryAfter(response.Headers.RetryAfter, time))
            // 21211 invalid To, 21610 unsubscribed (STOP), 21614 not a mobile number, and every other refusal of
            // the request as it is (a wrong credential included): sending it again cannot succeed.
            : new SendOutcome.Rejected(reason);
    }
}

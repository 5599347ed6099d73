using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Messaging.Channels;
using WedTech.Server.Messaging.Webhooks;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public sealed record RecordedStatus(string Provider, string ProviderMessageId, MessageStatus Status, DateTimeOffset At, string? ErrorDetail);

/// <summary>Keeps what the webhooks hand to the outbox, in place of the outbox.</summary>
public sealed class RecordingDeliveryStatusSink : IDeliveryStatusSink
{
    private readonly ConcurrentQueue<RecordedStatus> _recorded = new();

    public IReadOnlyList<RecordedStatus> For(string providerMessageId) => [.. _recorded.Where(r => r.ProviderMessageId == providerMessageId)];

    public Task RecordAsync(string provider, string providerMessageId, MessageStatus status, DateTimeOffset at, string? errorDetail, CancellationToken cancellationToken)
    {
        _recorded.Enqueue(new RecordedStatus(provider, providerMessageId, status, at, errorDetail));
        return Task.CompletedTask;
    }
}

/// <summary>The embedded server with a recording sink: the webhooks are platform endpoints and touch no tenant database.</summary>
public sealed class WebhookServer : TestServer
{
    public RecordingDeliveryStatusSink Sink { get; } = new();

    public override string Provider => "SQLite";

    protected override IDictionary<string, string?> ProviderSettings() => new Dictionary<string, string?> { ["Tenancy:Provider"] = "Sqlite" };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IDeliveryStatusSink>(Sink);

    public override TestServer Another(Dictionary<string, string?>? settings = null) => new WebhookServer { Overrides = settings ?? [] };
}

public sealed class MessagingWebhookTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    private const string TwilioUrl = "/api/v1/webhooks/twilio/status";
    private const string WhatsAppUrl = "/api/v1/webhooks/whatsapp";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RecordingDeliveryStatusSink Sink => server.Sink;

    // ---- Twilio

    /// <summary>
    /// Twilio's worked example: auth token 12345, a POST to https://mycompany.com/myapp.php?foo=1&amp;bar=2 with these
    /// parameters. The first is the example on Twilio's "Secure webhooks" page; the second the one Twilio's own helper
    /// libraries test with (twilio-csharp RequestValidatorTest).
    /// </summary>
    [Theory]
    [InlineData("+12349013030", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    [InlineData("+14158675309", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    public void Twilio_signature_accepts_the_documented_example_and_nothing_tampered(string caller, string signature)
    {
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        var parameters = new Dictionary<string, StringValues>
        {
            // Not in order: the signature sorts them.
            ["To"] = "+18005551212", ["From"] = caller, ["Digits"] = "1234", ["Caller"] = caller, ["CallSid"] = "CA1234567890ABCDE",
        };
        TwilioSignature.IsValid("12345", url, parameters, signature).ShouldBeTrue();
        Convert.ToBase64String(TwilioSignature.Compute("12345", url, parameters)).ShouldBe(signature);

        TwilioSignature.IsValid("12345", url, new Dictionary<string, StringValues>(parameters) { ["Digits"] = "9999" }, signature).ShouldBeFalse();
        TwilioSignature.IsValid("12345", url.Replace("bar=2", "bar=3", StringComparison.Ordinal), parameters, signature).ShouldBeFalse();
        TwilioSignature.IsValid("54321", url, parameters, signature).ShouldBeFalse();
        TwilioSignature.IsValid("12345", url, parameters, (signature[0] == 'A' ? 'B' : 'A') + signature[1..]).ShouldBeFalse();
        TwilioSignature.IsValid("12345", url, parameters, "not base64!").ShouldBeFalse();
        TwilioSignature.IsValid("12345", url, parameters, null).ShouldBeFalse();
    }

    /// <summary>Signed the way Twilio documents it, independently of the server's code.</summary>
    internal static string TwilioSign(IEnumerable<KeyValuePair<string, string>> form, string url = FakeProviders.TwilioStatusCallbackUrl, string token = FakeProviders.TwilioAuthToken)
    {
        var data = url + string.Concat(form.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
#pragma warning disable CA5350 // Twilio's scheme is HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data)));
#pragma warning restore CA5350
    }

    internal static List<KeyValuePair<string, string>> TwilioStatus(string sid, string status, string? errorCode = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("SmsSid", sid), new("SmsStatus", status), new("MessageStatus", status), new("To", "+919812345678"), new("MessageSid", sid),
            new("AccountSid", FakeProviders.TwilioAccountSid), new("From", FakeProviders.TwilioFrom), new("ApiVersion", "2010-04-01"),
        };
        if (errorCode is not null)
        {
            form.Add(new("ErrorCode", errorCode));
        }
        return form;
    }

    private async Task<HttpResponseMessage> PostTwilioAsync(IEnumerable<KeyValuePair<string, string>> form, string? signature)
    {
        using var client = server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, TwilioUrl) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }
        return await client.SendAsync(request, Cancel);
    }

    private static string NewSid() => "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [Theory]
    [InlineData("sent", MessageStatus.Sent)]
    [InlineData("delivered", MessageStatus.Delivered)]
    [InlineData("undelivered", MessageStatus.Failed)]
    public async Task A_signed_twilio_status_callback_reaches_the_outbox(string twilioStatus, MessageStatus expected)
    {
        var sid = NewSid();
        var form = TwilioStatus(sid, twilioStatus, expected == MessageStatus.Failed ? "30003" : null);
        var before = DateTimeOffset.UtcNow;
        (await PostTwilioAsync(form, TwilioSign(form))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var recorded = Sink.For(sid).ShouldHaveSingleItem();
        recorded.Provider.ShouldBe("twilio");
        recorded.Status.ShouldBe(expected);
        recorded.At.ShouldBeGreaterThanOrEqualTo(before.AddSeconds(-1));
        if (expected == MessageStatus.Failed)
        {
            recorded.ErrorDetail.ShouldBe("Twilio error 30003");
        }
        else
        {
            recorded.ErrorDetail.ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_tampered_or_unsigned_twilio_callback_is_refused_and_recorded_nowhere()
    {
        var sid = NewSid();
        var signedForSent = TwilioSign(TwilioStatus(sid, "sent"));
        var tampered = TwilioStatus(sid, "delivered");
        (await (await PostTwilioAsync(tampered, signedForSent)).ProblemAsync(HttpStatusCode.Forbidden)).Title.ShouldBe("Signature invalid");
        (await (await PostTwilioAsync(tampered, null)).ProblemAsync(HttpStatusCode.Unauthorized)).Title.ShouldBe("Signature missing");
        // Signed for another URL (what Twilio would sign if it called another server), or with another account's token.
        await (await PostTwilioAsync(tampered, TwilioSign(tampered, url: "https://elsewhere.example/api/v1/webhooks/twilio/status"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await PostTwilioAsync(tampered, TwilioSign(tampered, token: "another-token"))).ProblemAsync(HttpStatusCode.Forbidden);
        Sink.For(sid).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_twilio_callback_that_is_not_a_form_or_names_no_message_is_a_problem_not_an_error()
    {
        using var client = server.CreateClient();
        var json = new HttpRequestMessage(HttpMethod.Post, TwilioUrl) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        json.Headers.Add("X-Twilio-Signature", "x");
        await (await client.SendAsync(json, Cancel)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var nameless = new List<KeyValuePair<string, string>> { new("MessageStatus", "delivered") };
        (await (await PostTwilioAsync(nameless, TwilioSign(nameless))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldContain("messageSid");
    }

    // ---- WhatsApp

    [Fact]
    public async Task WhatsApp_verification_echoes_the_challenge_only_for_our_verify_token()
    {
        using var client = server.CreateClient();
        var ok = await client.GetAsync($"{WhatsAppUrl}?hub.mode=subscribe&hub.verify_token={FakeProviders.WhatsAppVerifyToken}&hub.challenge=1158201444", Cancel);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync(Cancel)).ShouldBe("1158201444");
        ok.Content.Headers.ContentType?.MediaType.ShouldBe("text/plain");

        await (await client.GetAsync($"{WhatsAppUrl}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"{WhatsAppUrl}?hub.mode=unsubscribe&hub.verify_token={FakeProviders.WhatsAppVerifyToken}&hub.challenge=1", Cancel))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"{WhatsAppUrl}?hub.mode=subscribe&hub.verify_token={FakeProviders.WhatsAppVerifyToken}", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    private static string NewWamid() => "wamid.HBgM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>A notification as Meta sends it: one entry, one change, these statuses.</summary>
    internal static string Notification(params object[] statuses) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "102290129340398",
                changes = new[]
                {
                    new
                    {
                        value = new
                        {
                            messaging_product = "whatsapp",
                            metadata = new { display_phone_number = "15550783881", phone_number_id = FakeProviders.WhatsAppPhoneNumberId },
                            statuses,
                        },
                        field = "messages",
                    },
                },
            },
        },
    });

    internal static object Status(string wamid, string status, DateTimeOffset at, object[]? errors = null) => errors is null
        ? new { id = wamid, status, timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), recipient_id = "919812345678" }
        : new { id = wamid, status, timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), recipient_id = "919812345678", errors };

    internal static string MetaSign(byte[] body, string secret = FakeProviders.WhatsAppAppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private async Task<HttpResponseMessage> PostWhatsAppAsync(string json, string? signature = "sign")
    {
        using var client = server.CreateClient();
        var body = Encoding.UTF8.GetBytes(json);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppUrl) { Content = content };
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature == "sign" ? MetaSign(body) : signature);
        }
        return await client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task Signed_whatsapp_statuses_reach_the_outbox_with_their_time_and_error()
    {
        var (sent, read, failed) = (NewWamid(), NewWamid(), NewWamid());
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());
        var json = Notification(
            Status(sent, "sent", at),
            Status(read, "read", at.AddMinutes(1)),
            Status(failed, "failed", at.AddMinutes(2), [new { code = 131026, title = "Message undeliverable", message = "Message undeliverable", error_data = new { details = "Unable to deliver" } }]),
            Status(NewWamid(), "deleted", at));
        var receipt = await (await PostWhatsAppAsync(json)).ReadAsync<WebhookReceipt>();
        receipt.ShouldBe(new WebhookReceipt(3, 0));

        Sink.For(sent).ShouldHaveSingleItem().ShouldBe(new RecordedStatus("whatsapp", sent, MessageStatus.Sent, at, null));
        Sink.For(read).ShouldHaveSingleItem().ShouldBe(new RecordedStatus("whatsapp", read, MessageStatus.Read, at.AddMinutes(1), null));
        Sink.For(failed).ShouldHaveSingleItem().ShouldBe(new RecordedStatus("whatsapp", failed, MessageStatus.Failed, at.AddMinutes(2),
            "WhatsApp error 131026: Message undeliverable (Unable to deliver)"));
    }

    [Fact]
    public async Task Whatsapp_notifications_with_a_bad_or_missing_signature_are_refused()
    {
        var wamid = NewWamid();
        var json = Notification(Status(wamid, "delivered", DateTimeOffset.UtcNow));
        (await (await PostWhatsAppAsync(json, signature: null)).ProblemAsync(HttpStatusCode.Unauthorized)).Title.ShouldBe("Signature missing");
        await (await PostWhatsAppAsync(json, MetaSign(Encoding.UTF8.GetBytes(json), "another-app-secret"))).ProblemAsync(HttpStatusCode.Forbidden);
        // Signed for other bytes: the same status for another message.
        await (await PostWhatsAppAsync(json, MetaSign(Encoding.UTF8.GetBytes(json.Replace(wamid, NewWamid(), StringComparison.Ordinal))))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await PostWhatsAppAsync(json, MetaSign(Encoding.UTF8.GetBytes(json)).Replace("sha256=", "sha512=", StringComparison.Ordinal))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await PostWhatsAppAsync(json, "sha256=zz" + new string('0', 62))).ProblemAsync(HttpStatusCode.Forbidden);
        Sink.For(wamid).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_whatsapp_status_older_than_the_window_is_refused_even_when_signed()
    {
        var (old, fresh) = (NewWamid(), NewWamid());
        var json = Notification(Status(old, "delivered", DateTimeOffset.UtcNow.AddDays(-8)), Status(fresh, "delivered", DateTimeOffset.UtcNow));
        (await (await PostWhatsAppAsync(json)).ReadAsync<WebhookReceipt>()).ShouldBe(new WebhookReceipt(1, 1));
        Sink.For(old).ShouldBeEmpty();
        Sink.For(fresh).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("{\"entry\": [")]
    [InlineData("[1, 2]")]
    [InlineData("{\"object\":\"whatsapp_business_account\"}")]
    [InlineData("{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[{\"status\":\"read\",\"timestamp\":\"1700000000\"}]}}]}]}")]
    [InlineData("{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[{\"id\":\"wamid.x\",\"status\":\"read\",\"timestamp\":\"yesterday\"}]}}]}]}")]
    public async Task A_signed_body_that_is_not_metas_notification_is_a_400_problem(string json) =>
        await (await PostWhatsAppAsync(json)).ProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Whatsapp_notifications_are_json_and_of_bounded_size()
    {
        using var client = server.CreateClient();
        var form = new HttpRequestMessage(HttpMethod.Post, WhatsAppUrl) { Content = new StringContent("a=b", Encoding.UTF8, "application/x-www-form-urlencoded") };
        await (await client.SendAsync(form, Cancel)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var huge = Notification(Status(NewWamid(), "delivered", DateTimeOffset.UtcNow)).Replace("whatsapp_business_account", new string('x', 300 * 1024), StringComparison.Ordinal);
        await (await PostWhatsAppAsync(huge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}

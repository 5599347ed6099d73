using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Messaging;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Messaging.Webhooks;
using WedTech.Server.Platform.Email;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// The outbox end to end: a message queued through the API is sent by the background job through the real channel
/// client (to <see cref="FakeProviders"/>, the pickup folder or the SMTP server), and its status is then moved by the
/// providers' signed delivery webhooks. Every test has numbers of its own (the fake records by recipient) and a
/// studio of its own (the test quota is 3 SMS and 3 WhatsApp messages a day).
/// </summary>
public abstract class OutboxDeliveryTests(TestServer server) : ProviderTests(server)
{
    private const string Msg91TemplateId = "6571a3b2d6fc05206e3d7f12";

    private static FakeProviders Fake => FakeProviders.Instance;

    private static readonly Dictionary<string, string> EnglishReminder = new()
    {
        ["guestName"] = "Sunita", ["eventName"] = "Sangeet", ["eventDate"] = "12 Dec", ["venue"] = "Umaid Bhawan",
    };

    private static readonly Dictionary<string, string> HindiReminder = new()
    {
        ["guestName"] = "सुनीता", ["eventName"] = "संगीत", ["eventDate"] = "12 दिसंबर", ["venue"] = "उम्मेद भवन",
    };

    private const string EnglishReminderBody =
        "Namaste Sunita, a reminder that Sangeet is on 12 Dec at Umaid Bhawan. We look forward to seeing you! — Shaadi Studio";

    private int MaxAttempts => Server.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.MaxAttempts;

    private static SendMessageRequest Reminder(MessageChannel channel, string recipient, string language = "en") =>
        new(channel, recipient, "Sunita Sharma", "event-reminder", language, language == "hi" ? HindiReminder : EnglishReminder, null);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, SendMessageRequest body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = JsonContent.Create(body, options: Api.Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await admin.SendAsync(request, Cancel);
    }

    private static async Task<MessageResponse> QueueAsync(HttpClient admin, SendMessageRequest body) =>
        await (await PostAsync(admin, body)).ReadAsync<MessageResponse>(HttpStatusCode.Created);

    private static Task<MessageResponse> WaitForAsync(HttpClient admin, Guid id, MessageStatus status, int seconds = 15) =>
        MessagingTests.WaitForStatusAsync(admin, id, status, TimeSpan.FromSeconds(seconds));

    /// <summary>What the fake saw for this recipient once the outbox has had time to send anything more (a duplicate would come within a poll or two).</summary>
    private static async Task<IReadOnlyList<ProviderRequest>> SettledRequestsForAsync(string recipient)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancel);
        var requests = Fake.ReceivedFor(recipient);
        requests.ShouldAllBe(r => r.Problem == null);
        return requests;
    }

    private async Task<HttpResponseMessage> PostTwilioStatusAsync(List<KeyValuePair<string, string>> form, string signature)
    {
        using var client = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/twilio/status") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await client.SendAsync(request, Cancel);
    }

    private async Task<HttpResponseMessage> PostWhatsAppStatusAsync(string json, string signature)
    {
        using var client = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/whatsapp") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", signature);
        return await client.SendAsync(request, Cancel);
    }

    // ---- E-mail

    [Fact]
    public async Task An_email_in_hindi_goes_through_the_outbox_intact_and_its_message_id_is_the_provider_id()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var address = $"sunita-{Guid.NewGuid():N}@example.com";

        var queued = await QueueAsync(admin, Reminder(MessageChannel.Email, address, "hi"));
        queued.Subject.ShouldBe("याद दिलाना: 12 दिसंबर को संगीत");
        queued.Body.ShouldBe("नमस्ते सुनीता, याद दिला दें कि संगीत 12 दिसंबर को उम्मेद भवन में है। आपकी प्रतीक्षा रहेगी! — Shaadi Studio");

        var sent = await WaitForAsync(admin, queued.Id, MessageStatus.Sent);
        sent.Provider.ShouldBe("email");
        sent.Attempts.ShouldBe(1);
        sent.SentAt.ShouldNotBeNull();
        sent.Error.ShouldBeNull();

        var mail = await Mailbox.LatestToAsync(Server.MailDirectory, address);
        mail.MessageId.ShouldBe(sent.ProviderMessageId);
        mail.Subject.ShouldBe(queued.Subject);
        mail.TextBody.ShouldNotBeNull().TrimEnd().ShouldBe(queued.Body);
        mail.HtmlBody.ShouldNotBeNull().ShouldContain(queued.Body);
        mail.To.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("Sunita Sharma");
    }

    // ---- SMS through Twilio, and its status callbacks

    [Fact]
    public async Task An_sms_through_twilio_is_sent_once_and_only_signed_callbacks_move_it_forward()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var to = FakeProviders.NewIndianMobile();
        var national = to[3..];

        var queued = await QueueAsync(admin, Reminder(MessageChannel.Sms, $"0{national[..5]} {national[5..]}"));
        queued.Recipient.ShouldBe(to);
        queued.Body.ShouldBe(EnglishReminderBody);

        var sent = await WaitForAsync(admin, queued.Id, MessageStatus.Sent);
        sent.Provider.ShouldBe("twilio");
        var sid = sent.ProviderMessageId.ShouldNotBeNull();
        sid.ShouldMatch("^SM[0-9a-f]{32}$");
        var request = (await SettledRequestsForAsync(to)).ShouldHaveSingleItem();
        request.AnsweredStatus.ShouldBe(201);
        var form = new FormReader(request.Body).ReadForm();
        form["To"].ToString().ShouldBe(to);
        form["Body"].ToString().ShouldBe(EnglishReminderBody);

        var delivered = MessagingWebhookTests.TwilioStatus(sid, "delivered");
        await (await PostTwilioStatusAsync(delivered, MessagingWebhookTests.TwilioSign(delivered, token: "another-account-token"))).ProblemAsync(HttpStatusCode.Forbidden);
        (await admin.GetAsync<MessageResponse>($"/api/v1/messages/{queued.Id}")).Status.ShouldBe(MessageStatus.Sent, "an unsigned callback changes nothing");

        (await PostTwilioStatusAsync(delivered, MessagingWebhookTests.TwilioSign(delivered))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var afterDelivered = await admin.GetAsync<MessageResponse>($"/api/v1/messages/{queued.Id}");
        afterDelivered.Status.ShouldBe(MessageStatus.Delivered);
        afterDelivered.DeliveredAt.ShouldNotBeNull();

        // Twilio retries a callback it thinks was lost, and its callbacks can arrive out of order.
        (await PostTwilioStatusAsync(delivered, MessagingWebhookTests.TwilioSign(delivered))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var late = MessagingWebhookTests.TwilioStatus(sid, "sent");
        (await PostTwilioStatusAsync(late, MessagingWebhookTests.TwilioSign(late))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var failed = MessagingWebhookTests.TwilioStatus(sid, "undelivered", "30003");
        (await PostTwilioStatusAsync(failed, MessagingWebhookTests.TwilioSign(failed))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync<MessageResponse>($"/api/v1/messages/{queued.Id}")).ShouldBe(afterDelivered);

        // Tampered: signed for "delivered", claiming "read" (which would move it forward).
        var read = MessagingWebhookTests.TwilioStatus(sid, "read");
        await (await PostTwilioStatusAsync(read, MessagingWebhookTests.TwilioSign(delivered))).ProblemAsync(HttpStatusCode.Forbidden);
        (await admin.GetAsync<MessageResponse>($"/api/v1/messages/{queued.Id}")).ShouldBe(afterDelivered);
        Fake.ReceivedFor(to).Count.ShouldBe(1);
    }

    // ---- SMS through MSG91

    [Fact]
    public async Task Sms_through_msg91_goes_only_as_a_dlt_template_the_studio_registered()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var settings = await (await admin.PutJsonAsync("/api/v1/messaging/settings", new MessagingSettingsRequest(SmsProvider.Msg91), ifMatch: "\"1\"")).ReadAsync<MessagingSettingsResponse>();
        settings.SmsProvider.ShouldBe(SmsProvider.Msg91);

        // The built-in SMS wording has no DLT template id: MSG91 cannot send it, and the message says why.
        var builtInTo = FakeProviders.NewIndianMobile();
        var builtIn = await QueueAsync(admin, Reminder(MessageChannel.Sms, builtInTo));
        var refused = await WaitForAsync(admin, builtIn.Id, MessageStatus.Failed);
        refused.Error.ShouldNotBeNull().ShouldContain("DLT");
        refused.Attempts.ShouldBe(1);
        (await SettledRequestsForAsync(builtInTo)).ShouldBeEmpty();

        var template = await (await admin.PutJsonAsync("/api/v1/messaging/templates/event-reminder/sms/en", new MessageTemplateRequest(null,
            "Namaste {{guestName}}, {{eventName}} is on {{eventDate}} at {{venue}}. — {{studioName}}", Msg91TemplateId,
            ["guestName", "eventName", "eventDate", "venue"]), ifMatch: "\"0\"")).ReadAsync<MessageTemplateResponse>();
        template.ProviderTemplate.ShouldBe(Msg91TemplateId);

        var to = FakeProviders.NewIndianMobile();
        var queued = await QueueAsync(admin, Reminder(MessageChannel.Sms, to));
        queued.Body.ShouldBe("Namaste Sunita, Sangeet is on 12 Dec at Umaid Bhawan. — Shaadi Studio");
        var sent = await WaitForAsync(admin, queued.Id, MessageStatus.Sent);
        sent.Provider.ShouldBe("msg91");
        sent.ProviderMessageId.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{24}$");

        var request = (await SettledRequestsForAsync(to)).ShouldHaveSingleItem();
        JsonNode.DeepEquals(JsonNode.Parse(request.Body), JsonNode.Parse($$"""
            {"template_id":"{{Msg91TemplateId}}","short_url":"0",
             "recipients":[{"mobiles":"{{to[1..]}}","VAR1":"Sunita","VAR2":"Sangeet","VAR3":"12 Dec","VAR4":"Umaid Bhawan"}]}
            """)).ShouldBeTrue(request.Body);
    }

    // ---- WhatsApp

    [Fact]
    public async Task A_whatsapp_template_goes_with_its_parameters_in_order_and_a_signed_read_status_marks_it_read()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var to = FakeProviders.NewIndianMobile();

        var queued = await QueueAsync(admin, Reminder(MessageChannel.WhatsApp, to, "hi"));
        var sent = await WaitForAsync(admin, queued.Id, MessageStatus.Sent);
        sent.Provider.ShouldBe("whatsapp");
        var wamid = sent.ProviderMessageId.ShouldNotBeNull();
        wamid.ShouldStartWith("wamid.");

        var request = (await SettledRequestsForAsync(to)).ShouldHaveSingleItem();
        var body = JsonNode.Parse(request.Body)!;
        body["to"]!.GetValue<string>().ShouldBe(to[1..]);
        body["type"]!.GetValue<string>().ShouldBe("template");
        body["template"]!["name"]!.GetValue<string>().ShouldBe("event_reminder");
        body["template"]!["language"]!["code"]!.GetValue<string>().ShouldBe("hi");
        body["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>())
            .ShouldBe(["सुनीता", "संगीत", "12 दिसंबर", "उम्मेद भवन"]);

        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds());
        var json = MessagingWebhookTests.Notification(MessagingWebhookTests.Status(wamid, "read", at));
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        await (await PostWhatsAppStatusAsync(json, MessagingWebhookTests.MetaSign(bytes, "another-app-secret"))).ProblemAsync(HttpStatusCode.Forbidden);
        (await admin.GetAsync<MessageResponse>($"/api/v1/messages/{queued.Id}")).Status.ShouldBe(MessageStatus.Sent);

        (await (await PostWhatsAppStatusAsync(json, MessagingWebhookTests.MetaSign(bytes))).ReadAsync<WebhookReceipt>()).ShouldBe(new WebhookReceipt(1, 0));
        var read = await admin.GetAsync<MessageResponse>($"/api/v1/messages/{queued.Id}");
        read.Status.ShouldBe(MessageStatus.Read);
        read.DeliveredAt.ShouldBe(at, "read implies delivered, at the latest then");
    }

    // ---- Failures: retried, or final

    [Fact]
    public async Task A_recipient_the_provider_keeps_rate_limiting_fails_after_the_last_attempt_with_the_reason()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        // WhatsApp signals its rate limit by error code 130429 without Retry-After, so the outbox's own backoff applies.
        var to = FakeProviders.NewIndianMobile("0429");

        var queued = await QueueAsync(admin, Reminder(MessageChannel.WhatsApp, to));
        var failed = await WaitForAsync(admin, queued.Id, MessageStatus.Failed, seconds: 90);
        failed.Attempts.ShouldBe(MaxAttempts);
        failed.Error.ShouldNotBeNull().ShouldStartWith($"Gave up after {MaxAttempts} attempts");
        failed.Error.ShouldContain("130429");
        failed.FailedAt.ShouldNotBeNull();

        var requests = await SettledRequestsForAsync(to);
        requests.Count.ShouldBe(MaxAttempts);
        requests.ShouldAllBe(r => r.AnsweredStatus == 400);
        var firstDelay = Server.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.RetryDelay;
        for (var i = 1; i < requests.Count; i++)
        {
            // Each wait doubles the one before.
            (requests[i].ReceivedAt - requests[i - 1].ReceivedAt).ShouldBeGreaterThanOrEqualTo(firstDelay * Math.Pow(2, i - 1));
        }
    }

    [Fact]
    public async Task A_rate_limit_that_passes_is_waited_out_as_the_provider_asks_and_the_message_is_sent()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var to = FakeProviders.NewIndianMobile("1429");

        var queued = await QueueAsync(admin, Reminder(MessageChannel.Sms, to));
        var sent = await WaitForAsync(admin, queued.Id, MessageStatus.Sent, seconds: 45);
        sent.Attempts.ShouldBe(2);
        sent.Error.ShouldBeNull("the rate limit is no longer the message's state");
        sent.ProviderMessageId.ShouldNotBeNull().ShouldMatch("^SM[0-9a-f]{32}$");

        var requests = await SettledRequestsForAsync(to);
        requests.Select(r => r.AnsweredStatus).ShouldBe([429, 201]);
        // Twilio's Retry-After, not the outbox's much shorter first backoff.
        (requests[1].ReceivedAt - requests[0].ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(FakeProviders.RetryAfterSeconds));
    }

    [Fact]
    public async Task A_number_the_provider_refuses_fails_at_once_and_is_not_retried()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var to = FakeProviders.NewIndianMobile("0400");

        var queued = await QueueAsync(admin, Reminder(MessageChannel.Sms, to));
        var failed = await WaitForAsync(admin, queued.Id, MessageStatus.Failed);
        failed.Attempts.ShouldBe(1);
        failed.Error.ShouldNotBeNull().ShouldContain("21211");
        failed.Provider.ShouldBeNull();
        (await SettledRequestsForAsync(to)).ShouldHaveSingleItem().AnsweredStatus.ShouldBe(400);
    }

    // ---- Sending once

    [Fact]
    public async Task An_idempotency_key_reaches_the_provider_once_whether_repeated_or_sent_twice_at_once()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();

        var first = FakeProviders.NewIndianMobile();
        var created = await (await PostAsync(admin, Reminder(MessageChannel.Sms, first), "reminder-sunita-1")).ReadAsync<MessageResponse>(HttpStatusCode.Created);
        await WaitForAsync(admin, created.Id, MessageStatus.Sent);
        var repeated = await (await PostAsync(admin, Reminder(MessageChannel.Sms, first), "reminder-sunita-1")).ReadAsync<MessageResponse>(HttpStatusCode.OK);
        repeated.Id.ShouldBe(created.Id);
        repeated.Status.ShouldBe(MessageStatus.Sent);

        var second = FakeProviders.NewIndianMobile();
        var both = await Task.WhenAll(PostAsync(admin, Reminder(MessageChannel.Sms, second), "reminder-sunita-2"),
            PostAsync(admin, Reminder(MessageChannel.Sms, second), "reminder-sunita-2"));
        both.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Created]);
        var answers = await Task.WhenAll(both.Select(r => r.Content.ReadFromJsonAsync<MessageResponse>(Api.Json, Cancel)));
        answers[0]!.Id.ShouldBe(answers[1]!.Id);
        await WaitForAsync(admin, answers[0]!.Id, MessageStatus.Sent);

        (await SettledRequestsForAsync(first)).Count.ShouldBe(1);
        (await SettledRequestsForAsync(second)).Count.ShouldBe(1);
        (await admin.GetAsync<PagedResponse<MessageResponse>>("/api/v1/messages")).TotalCount.ShouldBe(2);
        (await admin.GetAsync<MessagingSettingsResponse>("/api/v1/messaging/settings")).SmsSentToday.ShouldBe(2, "a repeated request costs no quota");
    }

    [Fact]
    public async Task Duplicate_runs_of_the_send_job_reach_the_provider_once()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var to = FakeProviders.NewIndianMobile();

        var queued = await QueueAsync(admin, Reminder(MessageChannel.Sms, to));
        // As after a worker was presumed dead: the same job, run again while the first run may still be at work.
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, Cancel);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
            var jobs = scope.ServiceProvider.GetRequiredService<TenantJobs>();
            jobs.Enqueue<SendMessageJob, Guid>(queued.Id);
            jobs.Enqueue<SendMessageJob, Guid>(queued.Id);
        }
        var sent = await WaitForAsync(admin, queued.Id, MessageStatus.Sent);
        sent.Attempts.ShouldBe(1);
        (await SettledRequestsForAsync(to)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Messages_queued_at_once_on_a_studios_first_day_all_count_against_the_quota()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var numbers = Enumerable.Range(0, 3).Select(_ => FakeProviders.NewIndianMobile()).ToList();

        var responses = await Task.WhenAll(numbers.Select(n => PostAsync(admin, Reminder(MessageChannel.Sms, n))));
        foreach (var response in responses)
        {
            await response.ReadAsync<MessageResponse>(HttpStatusCode.Created);
        }
        (await admin.GetAsync<MessagingSettingsResponse>("/api/v1/messaging/settings")).SmsSentToday.ShouldBe(3);
        await (await PostAsync(admin, Reminder(MessageChannel.Sms, FakeProviders.NewIndianMobile()))).ProblemAsync(HttpStatusCode.TooManyRequests);
    }
}

public sealed class OutboxDeliveryTestsOnSqlite(SqliteServer server) : OutboxDeliveryTests(server);

public sealed class OutboxDeliveryTestsOnPostgres(PostgresServer server) : OutboxDeliveryTests(server);

/// <summary>Sends e-mail nowhere, and fails the first try for each address with an error no channel expects (a bug, a database hiccup).</summary>
public sealed class FlakyEmailSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, int> _tries = new(StringComparer.OrdinalIgnoreCase);

    public int TriesFor(string address) => _tries.GetValueOrDefault(address);

    public Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        _tries.AddOrUpdate(message.ToAddress, 1, (_, tries) => tries + 1) == 1
            ? throw new InvalidOperationException("Unexpected failure on the first try.")
            : Task.FromResult($"{Guid.NewGuid():N}@flaky.test");
}

/// <summary>The embedded server with <see cref="FlakyEmailSender"/> in place of the pickup folder.</summary>
public sealed class FlakyEmailServer : TestServer
{
    public FlakyEmailSender Sender { get; } = new();

    public override string Provider => "SQLite";

    protected override IDictionary<string, string?> ProviderSettings() => new Dictionary<string, string?> { ["Tenancy:Provider"] = "Sqlite" };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(Sender);

    public override TestServer Another(Dictionary<string, string?>? settings = null) => new FlakyEmailServer { Overrides = settings ?? [] };
}

public sealed class OutboxUnexpectedFailureTests(FlakyEmailServer server) : IClassFixture<FlakyEmailServer>
{
    [Fact]
    public async Task A_send_that_throws_unexpectedly_is_retried_by_the_job_and_not_left_claimed()
    {
        var studio = await Studio.CreateAsync(server);
        using var admin = await studio.AdminAsync();
        var address = $"sunita-{Guid.NewGuid():N}@example.com";
        var queued = await (await admin.PostJsonAsync("/api/v1/messages", new SendMessageRequest(MessageChannel.Email, address, null, "announcement", "en",
            new Dictionary<string, string> { ["title"] = "Mehendi moved", ["text"] = "The mehendi starts at 4 pm." }, null))).ReadAsync<MessageResponse>(HttpStatusCode.Created);

        var sent = await MessagingTests.WaitForStatusAsync(admin, queued.Id, MessageStatus.Sent, TimeSpan.FromSeconds(20));
        sent.Attempts.ShouldBe(2);
        sent.ProviderMessageId.ShouldNotBeNull().ShouldEndWith("@flaky.test");
        server.Sender.TriesFor(address).ShouldBe(2);
    }
}

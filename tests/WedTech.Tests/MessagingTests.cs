using System.Net;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Messaging.Outbox;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class MessagingTests(TestServer server) : ProviderTests(server)
{
    private static SendMessageRequest Announcement(MessageChannel channel, string recipient, string language = "en") =>
        new(channel, recipient, "Asha", "announcement", language, new Dictionary<string, string> { ["title"] = "Mehendi moved", ["text"] = "The mehendi starts at 4 pm." }, null);

    [Fact]
    public async Task An_in_app_message_is_rendered_queued_sent_by_a_job_and_listed_for_its_user_only()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);

        var queued = await (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.InApp, planner.Id.ToString(), "hi")))
            .ReadAsync<MessageResponse>(HttpStatusCode.Created);
        queued.Status.ShouldBe(MessageStatus.Queued);
        queued.Subject.ShouldBe("Mehendi moved");
        queued.Body.ShouldBe("The mehendi starts at 4 pm. — Shaadi Studio");

        var sent = await WaitForStatusAsync(admin, queued.Id, MessageStatus.Delivered);
        sent.Provider.ShouldBe("in-app");
        sent.Attempts.ShouldBe(1);

        var inbox = await planner.Client.GetAsync<PagedResponse<NotificationResponse>>("/api/v1/notifications?unread=true");
        var notification = inbox.Items.ShouldHaveSingleItem();
        notification.Title.ShouldBe("Mehendi moved");
        (await admin.GetAsync<PagedResponse<NotificationResponse>>("/api/v1/notifications")).Items.ShouldBeEmpty("the admin's own list");
        (await admin.PostAsync($"/api/v1/notifications/{notification.Id}/read", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await planner.Client.PostAsync($"/api/v1/notifications/{notification.Id}/read", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await planner.Client.GetAsync<PagedResponse<NotificationResponse>>("/api/v1/notifications?unread=true")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_in_app_message_about_a_wedding_opens_the_wedding_for_those_who_may_see_it()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var onTeam = await studio.AddMemberAsync(Role.Coordinator, admin);
        var notOnTeam = await studio.AddMemberAsync(Role.Coordinator, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Meera & Kabir", "Meera", "Kabir", new DateOnly(2027, 3, 1), "Udaipur",
            WeddingStatus.Booked, null, null, null, [new TeamAssignment(onTeam.Id, TeamRole.Coordinator)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);

        async Task<NotificationResponse> ToldAsync(Member member, Guid? weddingId)
        {
            var queued = await (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.InApp, member.Id.ToString()) with { WeddingId = weddingId }))
                .ReadAsync<MessageResponse>(HttpStatusCode.Created);
            await WaitForStatusAsync(admin, queued.Id, MessageStatus.Delivered);
            return (await member.Client.GetAsync<PagedResponse<NotificationResponse>>("/api/v1/notifications")).Items[0];
        }

        (await ToldAsync(planner, wedding.Id)).Link.ShouldBe($"/app/weddings/{wedding.Id}", "planners see every wedding");
        (await ToldAsync(onTeam, wedding.Id)).Link.ShouldBe($"/app/weddings/{wedding.Id}", "on the wedding's team");
        (await ToldAsync(notOnTeam, wedding.Id)).Link.ShouldBeNull("a wedding they may not open is not linked");
        (await ToldAsync(planner, null)).Link.ShouldBeNull("about nothing in the app");
    }

    [Fact]
    public async Task Phone_numbers_are_stored_in_E164_and_an_invalid_one_is_refused_at_the_API()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();

        var indian = await (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.Sms, "098765 43210"))).ReadAsync<MessageResponse>(HttpStatusCode.Created);
        indian.Recipient.ShouldBe("+919876543210");
        var dubai = await (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.WhatsApp, "+971 50 123 4567"))).ReadAsync<MessageResponse>(HttpStatusCode.Created);
        dubai.Recipient.ShouldBe("+971501234567");

        foreach (var bad in new[] { "12345", "not a number", "+91 12345 67890" })
        {
            var problem = await (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.Sms, bad))).ProblemAsync(HttpStatusCode.BadRequest);
            problem.Errors.ShouldNotBeNull().ShouldContainKey("recipient");
        }
        var email = await (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.Email, "Asha <asha@example.com>"))).ProblemAsync(HttpStatusCode.BadRequest);
        email.Errors.ShouldNotBeNull().ShouldContainKey("recipient");
        var user = await (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.InApp, Guid.NewGuid().ToString()))).ProblemAsync(HttpStatusCode.BadRequest);
        user.Errors.ShouldNotBeNull().ShouldContainKey("recipient");
        (await admin.GetAsync<PagedResponse<MessageResponse>>("/api/v1/messages")).TotalCount.ShouldBe(2, "refused messages are not queued");
    }

    [Fact]
    public async Task An_idempotency_key_queues_a_message_once_and_refuses_reuse_for_another_message()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var request = Announcement(MessageChannel.Email, "guest@example.com");

        async Task<HttpResponseMessage> SendAsync(SendMessageRequest body)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages") { Content = System.Net.Http.Json.JsonContent.Create(body, options: Api.Json) };
            message.Headers.Add("Idempotency-Key", "invite-guest-42");
            return await admin.SendAsync(message, Cancel);
        }

        var first = await (await SendAsync(request)).ReadAsync<MessageResponse>(HttpStatusCode.Created);
        var again = await (await SendAsync(request)).ReadAsync<MessageResponse>(HttpStatusCode.OK);
        again.Id.ShouldBe(first.Id);
        await (await SendAsync(request with { Recipient = "someone-else@example.com" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await admin.GetAsync<PagedResponse<MessageResponse>>("/api/v1/messages")).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_paid_channel_stops_at_the_daily_quota_with_a_clear_error_and_other_channels_go_on()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        for (var i = 0; i < 3; i++)
        {
            (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.Sms, $"+91 98765 4321{i}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        var refused = await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.Sms, "+91 98765 43219"));
        refused.Headers.RetryAfter.ShouldNotBeNull();
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        problem.Detail.ShouldNotBeNull().ShouldContain("3 SMS messages for today");

        (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.WhatsApp, "+91 98765 43219"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var settings = await admin.GetAsync<MessagingSettingsResponse>("/api/v1/messaging/settings");
        (settings.SmsSentToday, settings.SmsDailyQuota, settings.WhatsAppSentToday).ShouldBe((3, 3, 1));
        (await admin.GetAsync<PagedResponse<MessageResponse>>("/api/v1/messages?channel=sms")).TotalCount.ShouldBe(3);

        // Another studio has its own quota.
        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        (await otherAdmin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.Sms, "+91 98765 43219"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Templates_in_English_and_Hindi_preview_reword_and_need_every_variable()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var templates = await admin.GetAsync<List<MessageTemplateResponse>>("/api/v1/messaging/templates");
        templates.ShouldContain(t => t.Key == "event-reminder" && t.Language == "hi" && t.Channel == MessageChannel.Sms && t.BuiltIn);
        templates.Single(t => t.Key == "event-reminder" && t.Language == "en" && t.Channel == MessageChannel.WhatsApp).ProviderParameters
            .ShouldBe(["guestName", "eventName", "eventDate", "venue"]);

        var variables = new Dictionary<string, string> { ["guestName"] = "सुनीता", ["eventName"] = "संगीत", ["eventDate"] = "12 दिसंबर", ["venue"] = "उम्मेद भवन" };
        var preview = await (await admin.PostJsonAsync("/api/v1/messaging/templates/preview", new PreviewMessageRequest(MessageChannel.WhatsApp, "event-reminder", "hi", variables)))
            .ReadAsync<MessagePreviewResponse>();
        preview.Body.ShouldBe("नमस्ते सुनीता, याद दिला दें कि संगीत 12 दिसंबर को उम्मेद भवन में है। आपकी प्रतीक्षा रहेगी! — Shaadi Studio");
        preview.ProviderParameters.ShouldBe(["सुनीता", "संगीत", "12 दिसंबर", "उम्मेद भवन"]);

        var missing = await (await admin.PostJsonAsync("/api/v1/messaging/templates/preview",
            new PreviewMessageRequest(MessageChannel.Sms, "event-reminder", "hi", new Dictionary<string, string> { ["guestName"] = "सुनीता" }))).ProblemAsync(HttpStatusCode.BadRequest);
        missing.Errors.ShouldNotBeNull()["variables"].Single().ShouldContain("eventName");
        (await admin.PostJsonAsync("/api/v1/messaging/templates/preview", new PreviewMessageRequest(MessageChannel.Sms, "no-such", "en", null))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await admin.PutJsonAsync("/api/v1/messaging/templates/event-reminder/sms/en", new MessageTemplateRequest(null, "{{guestName}}: {{eventName}}, {{eventDate}}, {{venue}}.", null, null),
            ifMatch: "\"0\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var reworded = await (await admin.PostJsonAsync("/api/v1/messages", new SendMessageRequest(MessageChannel.Sms, "9876543210", null, "event-reminder", "en",
            new Dictionary<string, string> { ["guestName"] = "Sunita", ["eventName"] = "Sangeet", ["eventDate"] = "12 Dec", ["venue"] = "Umaid Bhawan" }, null)))
            .ReadAsync<MessageResponse>(HttpStatusCode.Created);
        reworded.Body.ShouldBe("Sunita: Sangeet, 12 Dec, Umaid Bhawan.");
        (await admin.PutJsonAsync("/api/v1/messaging/templates/event-reminder/whatsapp/en", new MessageTemplateRequest(null, "{{guestName}}", null, null), ifMatch: "\"0\""))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutJsonAsync("/api/v1/messaging/templates/event-reminder/fax/en", new MessageTemplateRequest(null, "x", null, null), ifMatch: "\"0\""))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_staff_who_may_send_can_and_another_studio_never_sees_the_outbox()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var message = await (await admin.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.Email, "guest@example.com"))).ReadAsync<MessageResponse>(HttpStatusCode.Created);

        (await coordinator.Client.PostJsonAsync("/api/v1/messages", Announcement(MessageChannel.Email, "guest@example.com"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.Client.GetAsync($"/api/v1/messages/{message.Id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        (await otherAdmin.GetAsync($"/api/v1/messages/{message.Id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherAdmin.GetAsync<PagedResponse<MessageResponse>>("/api/v1/messages")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_note_carries_the_planners_own_words_on_every_channel_and_is_listed_under_its_wedding()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Sharma–Verma wedding", "Priya Sharma", "Rohan Verma",
            new DateOnly(2026, 12, 12), "Jaipur", WeddingStatus.Booked, null, null, null, null))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        planner.Client.Dispose();
        var address = $"priya-{Guid.NewGuid():N}@example.com";
        var words = new Dictionary<string, string> { ["subject"] = "Mehendi timing", ["text"] = "Namaste Priya,\nthe mehendi artists arrive at 3 pm.\nBring your playlist!" };

        var templates = await admin.GetAsync<List<MessageTemplateResponse>>("/api/v1/messaging/templates");
        foreach (var language in new[] { "en", "hi" })
        {
            templates.Where(t => t.Key == "note" && t.Language == language).Select(t => t.Channel).Order().ShouldBe(Enum.GetValues<MessageChannel>());
        }
        templates.Single(t => t.Key == "note" && t.Language == "en" && t.Channel == MessageChannel.WhatsApp)
            .ShouldSatisfyAllConditions(t => t.ProviderTemplate.ShouldBe("note"), t => t.ProviderParameters.ShouldBe(["subject", "text"]));

        var email = await (await admin.PostJsonAsync("/api/v1/messages", new SendMessageRequest(MessageChannel.Email, address, "Priya Sharma", "note", "en", words, wedding.Id)))
            .ReadAsync<MessageResponse>(HttpStatusCode.Created);
        email.Subject.ShouldBe("Mehendi timing");
        email.Body.ShouldBe("Namaste Priya,\nthe mehendi artists arrive at 3 pm.\nBring your playlist!\n\n— Shaadi Studio");
        var sent = await WaitForStatusAsync(admin, email.Id, MessageStatus.Sent);
        var mail = await Mailbox.LatestToAsync(Server.MailDirectory, address);
        mail.MessageId.ShouldBe(sent.ProviderMessageId);
        mail.Subject.ShouldBe("Mehendi timing");
        mail.TextBody.ShouldNotBeNull().ShouldContain("the mehendi artists arrive at 3 pm.");

        // SMS carries the text without a subject; WhatsApp fills the approved template's two parameters.
        var sms = await (await admin.PostJsonAsync("/api/v1/messages", new SendMessageRequest(MessageChannel.Sms, "98765 43210", "Priya Sharma", "note", "en",
            new Dictionary<string, string> { ["text"] = "See you at 3 pm." }, wedding.Id))).ReadAsync<MessageResponse>(HttpStatusCode.Created);
        (sms.Subject, sms.Body).ShouldBe((null, "See you at 3 pm.\n\n— Shaadi Studio"));
        var whatsApp = await (await admin.PostJsonAsync("/api/v1/messaging/templates/preview", new PreviewMessageRequest(MessageChannel.WhatsApp, "note", "hi",
            new Dictionary<string, string> { ["subject"] = "मेहंदी", ["text"] = "कलाकार 3 बजे आएँगे।" }))).ReadAsync<MessagePreviewResponse>();
        whatsApp.ProviderParameters.ShouldBe(["मेहंदी", "कलाकार 3 बजे आएँगे।"]);

        // Every word is the planner's to give: none may be missing or too long.
        var empty = await (await admin.PostJsonAsync("/api/v1/messages", new SendMessageRequest(MessageChannel.Email, address, null, "note", "en",
            new Dictionary<string, string> { ["subject"] = "Hello", ["text"] = " " }, wedding.Id))).ProblemAsync(HttpStatusCode.BadRequest);
        empty.Errors.ShouldNotBeNull()["variables"].Single().ShouldContain("text");
        var tooLong = await (await admin.PostJsonAsync("/api/v1/messages", new SendMessageRequest(MessageChannel.InApp, planner.Id.ToString(), null, "note", "en",
            new Dictionary<string, string> { ["subject"] = "Hello", ["text"] = new string('a', TemplateRenderer.MaxValueLength + 1) }, wedding.Id))).ProblemAsync(HttpStatusCode.BadRequest);
        tooLong.Errors.ShouldNotBeNull().ShouldContainKey("variables.text");

        var listed = await admin.GetAsync<PagedResponse<MessageResponse>>($"/api/v1/messages?weddingId={wedding.Id}");
        listed.Items.Select(m => m.Channel).ShouldBe([MessageChannel.Sms, MessageChannel.Email], "newest first, refused ones never queued");
        (await admin.GetAsync<PagedResponse<MessageResponse>>($"/api/v1/messages?weddingId={Guid.CreateVersion7()}")).TotalCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(MessageStatus.Queued, MessageStatus.Sent, true)]
    [InlineData(MessageStatus.Sent, MessageStatus.Delivered, true)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Read, true)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Sent, false)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Delivered, false)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Failed, false)]
    [InlineData(MessageStatus.Sent, MessageStatus.Failed, true)]
    [InlineData(MessageStatus.Failed, MessageStatus.Delivered, false)]
    public void Delivery_reports_only_move_a_message_forward(MessageStatus current, MessageStatus next, bool applies) =>
        DeliveryStatusSink.Advances(current, next).ShouldBe(applies);

    /// <summary>Polls the message until it has <paramref name="status"/> (15 s at most, unless told), or has failed when that was not wanted.</summary>
    internal static async Task<MessageResponse> WaitForStatusAsync(HttpClient admin, Guid id, MessageStatus status, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(15);
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        MessageResponse message;
        do
        {
            message = await admin.GetAsync<MessageResponse>($"/api/v1/messages/{id}");
            if (message.Status == status)
            {
                return message;
            }
            if (message.Status == MessageStatus.Failed)
            {
                break;
            }
            await Task.Delay(100, Cancel);
        }
        while (waiting.Elapsed < limit);
        throw new ShouldAssertException($"Message {id} is {message.Status} ({message.Error}), not {status}, after {waiting.Elapsed.TotalSeconds:0.0} s.");
    }
}

public sealed class MessagingTestsOnSqlite(SqliteServer server) : MessagingTests(server);

public sealed class MessagingTestsOnPostgres(PostgresServer server) : MessagingTests(server);

using System.Net;
using System.Text.Json.Nodes;
using Shouldly;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Guests;
using WedTech.Server.Guests.Sending;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// Invitations and reminders to a wedding's households through the outbox, end to end: sent by the job through the real
/// WhatsApp client to the provider's stand-in, each with the household's own link that opens its page; the day's allowance
/// (3 WhatsApp messages in tests) checked before sending; the providers' reports and the link's opening on the list.
/// </summary>
public abstract class GuestSendTests(TestServer server) : ProviderTests(server)
{
    private static FakeProviders Fake => FakeProviders.Instance;

    private sealed record Setup(Studio Studio, HttpClient Admin, WeddingResponse Wedding, EventResponse Sangeet, EventResponse Reception)
    {
        public string Api => $"/api/v1/weddings/{Wedding.Id}";

        public async Task<HouseholdResponse> AddAsync(string name, string? phone, string? email, params EventResponse[] invitedTo)
        {
            var household = await (await Admin.PostJsonAsync($"{Api}/households", new HouseholdRequest(name, GuestSide.Bride, null, phone, email, null, null, null, null,
                null, null, [new GuestRequest(null, name.Split(' ')[0], null, null, null, null, null, null, null, null)]))).ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
            if (invitedTo.Length == 0)
            {
                return household;
            }
            return await (await Admin.PutJsonAsync($"{Api}/households/{household.Id}/invitations",
                new InvitationsRequest([.. invitedTo.Select(e => new InvitationRequest(e.Id, 2, null))]), $"\"{household.Version}\"")).ReadAsync<HouseholdResponse>();
        }

        public async Task<GuestSendResponse> SendAsync(GuestSendRequest request) =>
            await (await Admin.PostJsonAsync($"{Api}/guest-sends", request)).ReadAsync<GuestSendResponse>(HttpStatusCode.Accepted);

        public async Task<GuestSendPreviewResponse> PreviewAsync(GuestSendRequest request) =>
            await (await Admin.PostJsonAsync($"{Api}/guest-sends/preview", request)).ReadAsync<GuestSendPreviewResponse>();

        public async Task<GuestSendResponse> WaitUntilDoneAsync(GuestSendResponse send)
        {
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var now = await Admin.GetAsync<GuestSendResponse>($"{Api}/guest-sends/{send.Id}");
                if (now.Status == GuestSendStatus.Done)
                {
                    return now;
                }
                Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30), $"The sending is still {now.Status} after 30 s.");
                await Task.Delay(100, Cancel);
            }
        }

        public async Task<HouseholdOutreach?> OutreachAsync(HouseholdResponse household) =>
            (await Admin.GetAsync<List<HouseholdOutreach>>($"{Api}/guest-outreach")).SingleOrDefault(o => o.HouseholdId == household.Id);
    }

    private async Task<Setup> SetUpAsync()
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Meera & Sahil, Jaipur", "Meera", "Sahil", new DateOnly(2027, 2, 14),
            "Jaipur", WeddingStatus.Booked, null, 200, null, null))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        async Task<EventResponse> EventAsync(string name, int day) =>
            await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Custom, name, new DateTime(2027, 2, day, 19, 0, 0),
                new DateTime(2027, 2, day, 23, 0, 0), null, null, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        return new Setup(studio, admin, wedding, await EventAsync("Sangeet", 13), await EventAsync("Reception", 15));
    }

    /// <summary>A scope of the studio with no request and no user, as a background job has.</summary>
    private async Task<AsyncServiceScope> TenantScopeAsync(Studio studio)
    {
        var scope = Server.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, Cancel);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
        return scope;
    }

    private static GuestSendRequest Invitations(MessageChannel channel = MessageChannel.WhatsApp, Guid? eventId = null, IReadOnlyList<Guid>? households = null,
        string? language = null, DateTimeOffset? at = null) => new(GuestMessageKind.Invitation, channel, eventId, households, language, at);

    private static GuestSendRequest Reminders(MessageChannel channel = MessageChannel.WhatsApp, Guid? eventId = null, DateTimeOffset? at = null) =>
        new(GuestMessageKind.Reminder, channel, eventId, null, null, at);

    /// <summary>The template parameters of the one WhatsApp message the stand-in received for this number.</summary>
    private static IReadOnlyList<string> WhatsAppParameters(ProviderRequest request, string template)
    {
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(template, body["template"]!["name"]!.GetValue<string>());
        return [.. body["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>())];
    }

    private static async Task<IReadOnlyList<ProviderRequest>> ReceivedAsync(string phone, int count)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (Fake.ReceivedFor(phone).Count < count && waiting.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100, Cancel);
        }
        return Fake.ReceivedFor(phone);
    }

    [Fact]
    public async Task Invitations_go_with_each_households_own_link_that_opens_its_page_and_a_reminder_carries_the_same_link()
    {
        var setup = await SetUpAsync();
        var (sharmaPhone, mehtaPhone) = (FakeProviders.NewIndianMobile(), FakeProviders.NewIndianMobile());
        var sharma = await setup.AddAsync("Sharma family", sharmaPhone, null, setup.Sangeet, setup.Reception);
        var mehta = await setup.AddAsync("Mehta ji & family", mehtaPhone, null, setup.Sangeet);
        var kapoor = await setup.AddAsync("Kapoor family", null, "kapoor@example.com", setup.Sangeet);
        await setup.AddAsync("Not invited family", FakeProviders.NewIndianMobile(), null);

        var preview = await setup.PreviewAsync(Invitations());
        Assert.Equal((2, 0, 3, 3), (preview.Messages, preview.AlreadyAnswered, preview.DailyQuota, preview.LeftToday));
        Assert.Equal([("Kapoor family", "No mobile number")], preview.Skipped.Select(s => (s.DisplayName, s.Reason)));
        Assert.StartsWith("Namaste Mehta ji & family, Meera & Sahil would love to have you at their wedding.", preview.Sample);
        Assert.Contains("/rsvp/", preview.Sample);
        Assert.Empty(Fake.ReceivedFor(sharmaPhone));

        var accepted = await setup.Admin.PostJsonAsync($"{setup.Api}/guest-sends", Invitations());
        var send = await accepted.ReadAsync<GuestSendResponse>(HttpStatusCode.Accepted);
        Assert.Equal((GuestSendStatus.Sending, null), (send.Status, send.SendAt));
        Assert.Equal($"{setup.Api}/guest-sends/{send.Id}", accepted.Headers.Location?.OriginalString);
        var done = await setup.WaitUntilDoneAsync(send);
        Assert.Equal((2, 1), (done.Queued, done.NotSent));
        Assert.Equal("Not sent to 1 household: no mobile number (1).", done.Problem);
        Assert.NotNull(done.By);

        var parameters = WhatsAppParameters((await ReceivedAsync(sharmaPhone, 1)).Single(), "rsvp_request");
        Assert.Equal(["Sharma family", "Meera & Sahil"], parameters.Take(2));
        var link = new Uri(parameters[2]);
        Assert.Matches("^/rsvp/[A-Za-z0-9_-]{22}$", link.AbsolutePath);
        Assert.Single(await ReceivedAsync(mehtaPhone, 1));

        // The link is the household's own: it opens the Sharmas' page with their events, and the list says it was opened.
        Assert.Null((await setup.OutreachAsync(sharma))!.LinkOpenedAt);
        using var guest = Server.Factory.CreateDefaultClient(new Uri($"http://{link.Host}"), new CookieContainerHandler(new CookieContainer()));
        var page = WebUtility.HtmlDecode(await guest.GetStringAsync(link.AbsolutePath, Cancel));
        Assert.Contains("Sharma family", page);
        Assert.Contains("Reception", page);
        var sharmas = await setup.OutreachAsync(sharma);
        Assert.Equal((GuestMessageKind.Invitation, MessageChannel.WhatsApp), (sharmas!.Kind, sharmas.Channel));
        Assert.NotNull(sharmas.LinkOpenedAt);
        Assert.Null((await setup.OutreachAsync(mehta))!.LinkOpenedAt);
        Assert.Null(await setup.OutreachAsync(kapoor));

        // The provider's signed report moves the household's status.
        var sharmasMessage = (await setup.Admin.GetAsync<PagedResponse<MessageResponse>>($"/api/v1/messages?weddingId={setup.Wedding.Id}")).Items.Single(m => m.Recipient == sharmaPhone);
        var wamid = (await MessagingTests.WaitForStatusAsync(setup.Admin, sharmasMessage.Id, MessageStatus.Sent)).ProviderMessageId!;
        var report = MessagingWebhookTests.Notification(MessagingWebhookTests.Status(wamid, "read", DateTimeOffset.UtcNow.AddSeconds(-5)));
        using (var webhook = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/whatsapp") { Content = new StringContent(report, System.Text.Encoding.UTF8, "application/json") })
        {
            webhook.Headers.Add("X-Hub-Signature-256", MessagingWebhookTests.MetaSign(System.Text.Encoding.UTF8.GetBytes(report)));
            using var anonymous = AnonymousClient();
            (await anonymous.SendAsync(webhook, Cancel)).EnsureSuccessStatusCode();
        }
        Assert.Equal(MessageStatus.Read, (await setup.OutreachAsync(sharma))!.Status);

        // The Mehtas answer; a reminder goes to the Sharmas only, with the link they already have.
        (await setup.Admin.PostJsonAsync($"{setup.Api}/households/{mehta.Id}/invitations/{setup.Sangeet.Id}/answer", new RsvpRequest(null, 2))).EnsureSuccessStatusCode();
        var reminderPreview = await setup.PreviewAsync(Reminders());
        Assert.Equal((1, 1, 1), (reminderPreview.Messages, reminderPreview.AlreadyAnswered, reminderPreview.LeftToday));
        await setup.WaitUntilDoneAsync(await setup.SendAsync(Reminders()));
        var reminder = WhatsAppParameters((await ReceivedAsync(sharmaPhone, 2))[1], "rsvp_reminder");
        Assert.Equal(["Sharma family", "Meera & Sahil", "soon", link.ToString()], reminder);
        Assert.Single(Fake.ReceivedFor(mehtaPhone));
        Assert.Equal(GuestMessageKind.Reminder, (await setup.OutreachAsync(sharma))!.Kind);

        // The day's WhatsApp allowance is used up: another sending is refused before anything is queued.
        var refused = await (await setup.Admin.PostJsonAsync($"{setup.Api}/guest-sends", Invitations())).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("has 0 left today", refused.Detail);
        Assert.Equal(2, (await setup.Admin.GetAsync<List<GuestSendResponse>>($"{setup.Api}/guest-sends")).Count);
        Assert.Equal((0, 3), ((await setup.PreviewAsync(Invitations())).LeftToday, (await setup.PreviewAsync(Invitations())).DailyQuota));

        // E-mail has no daily allowance; in Hindi, to the household chosen.
        var hindi = await setup.PreviewAsync(Invitations(MessageChannel.Email, households: [kapoor.Id], language: "hi"));
        Assert.Equal((1, null, null), (hindi.Messages, hindi.DailyQuota, hindi.LeftToday));
        Assert.Equal("क्या आप Meera और Sahil की शादी में आएँगे?", hindi.Subject);
        await setup.WaitUntilDoneAsync(await setup.SendAsync(Invitations(MessageChannel.Email, households: [kapoor.Id], language: "hi")));
        var mail = await Mailbox.LatestToAsync(Server.MailDirectory, "kapoor@example.com");
        Assert.Contains("नमस्ते Kapoor family", mail.TextBody);
        Assert.Matches("/rsvp/[A-Za-z0-9_-]{22}", mail.TextBody);
    }

    [Fact]
    public async Task A_scheduled_reminder_reaches_those_still_pending_when_it_runs_and_one_not_yet_run_can_be_cancelled()
    {
        var setup = await SetUpAsync();
        var (early, late) = (FakeProviders.NewIndianMobile(), FakeProviders.NewIndianMobile());
        var answered = await setup.AddAsync("Early family", early, null, setup.Sangeet);
        await setup.AddAsync("Late family", late, null, setup.Sangeet);
        (await setup.Admin.PutJsonAsync($"{setup.Api}/guest-settings", new GuestListSettingsRequest(new DateOnly(2027, 1, 20), null), "\"1\"")).EnsureSuccessStatusCode();

        var later = await setup.SendAsync(Reminders(at: DateTimeOffset.UtcNow.AddHours(2)));
        Assert.Equal(GuestSendStatus.Scheduled, later.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await setup.Admin.DeleteAsync($"{setup.Api}/guest-sends/{later.Id}", Cancel)).StatusCode);
        Assert.Equal(GuestSendStatus.Cancelled, (await setup.Admin.GetAsync<GuestSendResponse>($"{setup.Api}/guest-sends/{later.Id}")).Status);
        await (await setup.Admin.DeleteAsync($"{setup.Api}/guest-sends/{later.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);

        var soon = await setup.SendAsync(Reminders(at: DateTimeOffset.UtcNow.AddSeconds(2)));
        // Answered after the reminder was scheduled, before it runs: not reminded.
        (await setup.Admin.PostJsonAsync($"{setup.Api}/households/{answered.Id}/invitations/{setup.Sangeet.Id}/answer", new RsvpRequest(null, 0))).EnsureSuccessStatusCode();
        var done = await setup.WaitUntilDoneAsync(soon);
        Assert.Equal((1, 0, null), (done.Queued, done.NotSent, done.Problem));
        Assert.Equal("by 20 January", WhatsAppParameters((await ReceivedAsync(late, 1)).Single(), "rsvp_reminder")[2]);
        Assert.Empty(Fake.ReceivedFor(early));
        await (await setup.Admin.DeleteAsync($"{setup.Api}/guest-sends/{soon.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Null(await setup.OutreachAsync(answered));
    }

    [Fact]
    public async Task A_scheduled_sending_whose_sender_can_no_longer_sign_in_is_cancelled_saying_why_and_sends_nothing()
    {
        var setup = await SetUpAsync();
        var phone = FakeProviders.NewIndianMobile();
        await setup.AddAsync("Sharma family", phone, null, setup.Sangeet);
        var later = await setup.SendAsync(Invitations(at: DateTimeOffset.UtcNow.AddDays(1)));
        var gone = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin);
        (await setup.Admin.PostAsync($"/api/v1/users/{gone.Id}/disable", null, Cancel)).EnsureSuccessStatusCode();

        // What the scheduler runs when the time comes: the job, in the name of the person who asked for it.
        await ActivatorUtilities.CreateInstance<TenantJobRunner<GuestSendJob, Guid>>(Server.Services).RunAsync(setup.Studio.TenantId, gone.Id, later.Id, Cancel);

        var ended = await setup.Admin.GetAsync<GuestSendResponse>($"{setup.Api}/guest-sends/{later.Id}");
        Assert.Equal((GuestSendStatus.Cancelled, 0), (ended.Status, ended.Queued));
        Assert.Equal("Not sent: the person who asked for it can no longer sign in. Send it again if it should still go.", ended.Problem);
        Assert.NotNull(ended.FinishedAt);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        Assert.Empty(Fake.ReceivedFor(phone));
    }

    [Fact]
    public async Task A_sending_run_twice_queues_each_message_once()
    {
        var setup = await SetUpAsync();
        var phone = FakeProviders.NewIndianMobile();
        var household = await setup.AddAsync("Sharma family", phone, null, setup.Sangeet);
        var send = await setup.WaitUntilDoneAsync(await setup.SendAsync(Invitations()));

        // The job again, as a retry does after a worker died between queueing a message and recording it.
        await using (var scope = await TenantScopeAsync(setup.Studio))
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantDbContext>();
            await db.GuestMessages.Where(m => m.SendId == send.Id).ExecuteDeleteAsync(Cancel);
            await db.GuestSends.Where(s => s.Id == send.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, GuestSendStatus.Sending), Cancel);
            await ActivatorUtilities.CreateInstance<GuestSendJob>(scope.ServiceProvider).RunAsync(send.Id, Cancel);
            Assert.Equal(1, await db.GuestMessages.CountAsync(m => m.HouseholdId == household.Id, Cancel));
        }
        Assert.Equal(1, (await setup.Admin.GetAsync<GuestSendResponse>($"{setup.Api}/guest-sends/{send.Id}")).Queued);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        Assert.Single(Fake.ReceivedFor(phone));
    }

    [Fact]
    public async Task Bad_sendings_get_a_clear_error_and_send_nothing()
    {
        var setup = await SetUpAsync();
        var other = await (await setup.Admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Other", "A", "B", new DateOnly(2027, 3, 1), null, WeddingStatus.Booked,
            null, null, null, null))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var othersEvent = await (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{other.Id}/events", new EventRequest(EventType.Custom, "Haldi",
            new DateTime(2027, 2, 28, 10, 0, 0), new DateTime(2027, 2, 28, 12, 0, 0), null, null, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        var othersHousehold = await (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{other.Id}/households", new HouseholdRequest("Elsewhere", GuestSide.Groom, null,
            null, null, null, null, null, null, null, null, [new GuestRequest(null, "Ravi", null, null, null, null, null, null, null, null)])))
            .ReadAsync<HouseholdResponse>(HttpStatusCode.Created);
        var uninvited = await setup.AddAsync("Sharma family", FakeProviders.NewIndianMobile(), null);

        async Task<IReadOnlyCollection<string>> ErrorsAsync(object request)
        {
            var problem = await (await setup.Admin.PostJsonAsync($"{setup.Api}/guest-sends", request)).ProblemAsync(HttpStatusCode.BadRequest);
            return problem.Errors!.Keys;
        }
        Assert.Equal(["channel"], await ErrorsAsync(Invitations(MessageChannel.Push)));
        Assert.Equal(["language"], await ErrorsAsync(Invitations(language: "fr")));
        Assert.Equal(["eventId"], await ErrorsAsync(Invitations(eventId: othersEvent.Id)));
        Assert.Equal(["householdIds"], await ErrorsAsync(Invitations(households: [othersHousehold.Id])));
        Assert.Equal(["sendAt"], await ErrorsAsync(Invitations(at: DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.Equal(["sendAt"], await ErrorsAsync(Invitations(at: DateTimeOffset.UtcNow.AddDays(400))));
        Assert.Contains("kind", await ErrorsAsync(new { channel = "whats-app" }));
        Assert.Contains("channel", await ErrorsAsync(new { kind = "invitation", channel = "pigeon" }));

        var nobody = await (await setup.Admin.PostJsonAsync($"{setup.Api}/guest-sends", Invitations())).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("No household is invited yet. Invite households to events first.", nobody.Detail);
        var chosen = await setup.PreviewAsync(Invitations(households: [uninvited.Id], eventId: setup.Sangeet.Id));
        Assert.Equal([("Sharma family", "Not invited to the Sangeet")], chosen.Skipped.Select(s => (s.DisplayName, s.Reason)));
        Assert.Empty(await setup.Admin.GetAsync<List<GuestSendResponse>>($"{setup.Api}/guest-sends"));

        // Another studio's wedding and sendings are not found.
        var stranger = await NewStudioAsync();
        using var strangerAdmin = await stranger.AdminAsync();
        var scheduled = await setup.SendAsync(Reminders(at: DateTimeOffset.UtcNow.AddDays(1)));
        await (await strangerAdmin.PostJsonAsync($"{setup.Api}/guest-sends/preview", Invitations())).ProblemAsync(HttpStatusCode.NotFound);
        await (await strangerAdmin.GetAsync($"{setup.Api}/guest-sends/{scheduled.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await strangerAdmin.DeleteAsync($"{setup.Api}/guest-sends/{scheduled.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await setup.Admin.GetAsync($"/api/v1/weddings/{other.Id}/guest-sends/{scheduled.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(GuestSendStatus.Scheduled, (await setup.Admin.GetAsync<GuestSendResponse>($"{setup.Api}/guest-sends/{scheduled.Id}")).Status);
    }

    [Fact]
    public async Task An_RSVP_deadline_of_the_next_two_weeks_with_households_waiting_needs_those_who_keep_the_list()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, admin);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        var couple = await studio.AddMemberAsync(Role.Client, admin);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime);
        async Task<(WeddingResponse Wedding, EventResponse Sangeet)> WeddingAsync(string title, int deadlineIn, params RsvpAnswer[] answers)
        {
            var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest(title, "Meera", "Sahil", today.AddDays(30), null, WeddingStatus.Booked, null,
                null, null, [new TeamAssignment(planner.Id, TeamRole.LeadPlanner), new TeamAssignment(coordinator.Id, TeamRole.Coordinator),
                    new TeamAssignment(couple.Id, TeamRole.Client)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
            var sangeet = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Sangeet, "Sangeet",
                today.AddDays(29).ToDateTime(new TimeOnly(19, 0)), today.AddDays(29).ToDateTime(new TimeOnly(23, 0)), null, null, null, null, null, null, null)))
                .ReadAsync<EventResponse>(HttpStatusCode.Created);
            var setup = new Setup(studio, admin, wedding, sangeet, sangeet);
            foreach (var (answer, i) in answers.Select((a, i) => (a, i)))
            {
                var household = await setup.AddAsync($"Family {i}", null, null, sangeet);
                if (answer != RsvpAnswer.Pending)
                {
                    (await admin.PostJsonAsync($"{setup.Api}/households/{household.Id}/invitations/{sangeet.Id}/answer",
                        new RsvpRequest(null, answer == RsvpAnswer.Attending ? 2 : 0))).EnsureSuccessStatusCode();
                }
            }
            (await admin.PutJsonAsync($"{setup.Api}/guest-settings", new GuestListSettingsRequest(today.AddDays(deadlineIn), null), "\"1\"")).EnsureSuccessStatusCode();
            return (wedding, sangeet);
        }
        var soon = await WeddingAsync("Soon", 5, RsvpAnswer.Pending, RsvpAnswer.Attending, RsvpAnswer.Pending, RsvpAnswer.Declined);
        await WeddingAsync("Everyone answered", 3, RsvpAnswer.Attending, RsvpAnswer.Declined);
        await WeddingAsync("Far off", GuestAttention.DaysAhead + 1, RsvpAnswer.Pending);
        await WeddingAsync("Passed", -1, RsvpAnswer.Pending);

        async Task<List<AttentionItem>> RsvpLinesAsync(HttpClient caller) =>
            [.. (await caller.GetAsync<WeddingOverviewResponse>("/api/v1/weddings/overview")).NeedsYou.Where(l => l.Kind == AttentionKind.RsvpDeadline)];
        var planners = (await RsvpLinesAsync(planner.Client)).ShouldHaveSingleItem();
        Assert.Equal(("2 households have not answered", today.AddDays(5), $"weddings/{soon.Wedding.Id}/guests"), (planners.Title, planners.Due, planners.Link));
        Assert.EndsWith("Send them a reminder from the guest list.", planners.Detail);
        var couples = (await RsvpLinesAsync(couple.Client)).ShouldHaveSingleItem();
        Assert.DoesNotContain("reminder", couples.Detail);
        Assert.Empty(await RsvpLinesAsync(coordinator.Client));
    }

    [Fact]
    public async Task Derived_links_are_unique_per_household_and_studio_and_a_new_link_ends_the_one_sent()
    {
        var setup = await SetUpAsync();
        var household = await setup.AddAsync("Sharma family", FakeProviders.NewIndianMobile(), null, setup.Sangeet);
        await using var scope = await TenantScopeAsync(setup.Studio);
        var links = scope.ServiceProvider.GetRequiredService<RsvpLinks>();
        var sent = await links.ForSendingAsync(household.Id, Cancel);
        Assert.Equal(sent, await links.ForSendingAsync(household.Id, Cancel));

        var reissued = await (await setup.Admin.PostAsync($"{setup.Api}/households/{household.Id}/rsvp-link", null, Cancel)).ReadAsync<RsvpLinkResponse>();
        Assert.NotEqual(sent, reissued.Url);
        Assert.Equal(reissued.Url, await links.ForSendingAsync(household.Id, Cancel));
        using var guest = Server.Factory.CreateDefaultClient(new Uri($"http://{new Uri(sent).Host}"));
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync(new Uri(sent).AbsolutePath, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync(new Uri(reissued.Url).AbsolutePath, Cancel)).StatusCode);
    }
}

public sealed class GuestSendTestsOnSqlite(SqliteServer server) : GuestSendTests(server);

public sealed class GuestSendTestsOnPostgres(PostgresServer server) : GuestSendTests(server);

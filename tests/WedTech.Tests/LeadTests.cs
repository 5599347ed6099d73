using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Leads;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Api;
using WedTech.Server.Platform.Jobs;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Leads: the public inquiry form, the board and its moves, stages, duplicates, won and lost, follow-ups, retention, conversion.</summary>
public abstract class LeadTests(TestServer server) : ProviderTests(server)
{
    private const string Leads = "/api/v1/leads";
    private const string Stages = "/api/v1/pipeline/stages";

    private static LeadRequest Lead(string names = "Aanya & Rohan", string? phone = "98765 43210", string? email = "aanya@example.com",
        IReadOnlyList<DateOnly>? dates = null, IReadOnlyList<string>? events = null, LeadSource? source = LeadSource.Instagram, Guid? stageId = null,
        Guid? assigneeId = null, string? partnerEmail = null) =>
        new(names, "Meera Kapoor", phone, email, "Rohan", partnerEmail, dates ?? [new DateOnly(2027, 2, 12), new DateOnly(2027, 2, 14)],
            events ?? ["Mehendi", "Sangeet", "Wedding"], "Jaipur", 300, BudgetBand.From50LakhTo1Crore, source, "We love palaces.", stageId, assigneeId);

    private static async Task<LeadResponse> CreateAsync(HttpClient client, LeadRequest request) =>
        await (await client.PostJsonAsync(Leads, request)).ReadAsync<LeadResponse>(HttpStatusCode.Created);

    private static async Task<List<PipelineStageResponse>> StagesAsync(HttpClient client) => await client.GetAsync<List<PipelineStageResponse>>(Stages);

    private async Task RunDutyAsync<TDuty>(Studio studio) =>
        await ActivatorUtilities.CreateInstance<TenantJobRunner<DailyDutyJob, string>>(Server.Services).RunAsync(studio.TenantId, null, typeof(TDuty).FullName!, Cancel);

    /// <summary>A browser on the studio's own host: keeps cookies, does not follow redirects.</summary>
    private HttpClient Browser(string slug) =>
        Server.Factory.CreateDefaultClient(new Uri($"http://{slug}.localhost"), new CookieContainerHandler(new CookieContainer()));

    /// <summary>The form as a couple fills it, with a stamp from long enough ago unless given.</summary>
    private Dictionary<string, string> Inquiry(Studio studio, string names = "Ishita & Kabir", string phone = "+91 99887 76655", string email = "ishita@example.com",
        DateTimeOffset? shownAt = null) => new()
    {
        ["Posted.Stamp"] = Server.Services.GetRequiredService<InquiryStamps>().Issue(studio.TenantId, shownAt ?? DateTimeOffset.UtcNow.AddMinutes(-2)),
        ["Posted.Website"] = "",
        ["Posted.Names"] = names,
        ["Posted.ContactName"] = "Ishita Rao",
        ["Posted.Phone"] = phone,
        ["Posted.Email"] = email,
        ["Posted.City"] = "Udaipur",
        ["Posted.Date1"] = "2027-11-20",
        ["Posted.Date2"] = "2027-11-21",
        ["Posted.Date3"] = "",
        ["Posted.Events"] = "Sangeet",
        ["Posted.Guests"] = "250",
        ["Posted.Budget"] = "From25To50Lakh",
        ["Posted.Source"] = "WedMeGood",
        ["Posted.Message"] = "A lake-side wedding, please.",
    };

    private static async Task<int> CountAsync<T>(TestServer server, Studio studio, Func<IQueryable<T>, IQueryable<T>>? where = null) where T : class
    {
        await using var db = await TenantDatabase.OpenAsync(server, studio);
        var query = db.Set<T>().AsNoTracking();
        return await (where is null ? query : where(query)).CountAsync(Cancel);
    }

    [Fact]
    public async Task A_couple_sends_the_form_and_the_lead_lands_in_the_first_stage_with_one_reply_and_the_planners_told()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner);
        using var browser = Browser(studio.Slug);

        var page = await ServerForms.TextAsync(await browser.GetAsync("/inquiry", Cancel));
        Assert.Contains("Tell us about your wedding", page, StringComparison.Ordinal);
        var framed = await browser.GetAsync("/inquiry?embed=1", Cancel);
        Assert.Contains("frame-ancestors *", framed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(framed.Headers.Contains("X-Frame-Options"));
        var plain = await browser.GetAsync("/inquiry", Cancel);
        Assert.Contains("frame-ancestors 'none'", plain.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var sent = await ServerForms.SubmitAsync(browser, "/inquiry", "inquiry", Inquiry(studio));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/inquiry/thanks", sent.Headers.Location?.AbsolutePath);
        Assert.Contains("Thank you", await ServerForms.TextAsync(await browser.GetAsync("/inquiry/thanks", Cancel)), StringComparison.Ordinal);

        var board = await admin.GetAsync<LeadBoardResponse>($"{Leads}/board");
        Assert.Equal(["New", "Contacted", "Meeting", "Proposal sent", "Won", "Lost"], board.Columns.Select(c => c.Name));
        var card = Assert.Single(board.Columns[0].Leads);
        Assert.Equal(("Ishita & Kabir", "Udaipur", 250, BudgetBand.From25To50Lakh, LeadSource.WedMeGood), (card.Names, card.City, card.GuestEstimate, card.Budget, card.Source));
        // No follow-up yet: none on the card or in the list (not the year 1, which the board once showed as "follow up 1 Jan").
        Assert.Null(card.NextFollowUpAt);
        Assert.Null(Assert.Single((await admin.GetAsync<PagedResponse<LeadListItem>>(Leads)).Items).NextFollowUpAt);
        var lead = await admin.GetAsync<LeadResponse>($"{Leads}/{card.Id}");
        Assert.Equal(("+919988776655", "ishita@example.com"), (lead.Phone, lead.Email));
        Assert.Equal(["Sangeet"], lead.Events);
        Assert.Equal([new DateOnly(2027, 11, 20), new DateOnly(2027, 11, 21)], lead.Dates);
        var timeline = await admin.GetAsync<List<LeadActivityResponse>>($"{Leads}/{lead.Id}/timeline");
        Assert.Equal([LeadActivityKind.AutoReplySent, LeadActivityKind.InquiryReceived], timeline.Select(t => t.Kind));

        await using (var db = await TenantDatabase.OpenAsync(Server, studio))
        {
            var replies = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.TemplateKey == "inquiry-reply").ToListAsync(Cancel);
            var reply = Assert.Single(replies);
            Assert.Equal((MessageChannel.Email, "ishita@example.com"), (reply.Channel, reply.Recipient));
            Assert.Contains("Ishita & Kabir", reply.Body, StringComparison.Ordinal);
            // The admin and the planner, in the app, by push and by e-mail; the link opens the lead.
            var told = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.TemplateKey == "lead-new" && m.Channel == MessageChannel.InApp).ToListAsync(Cancel);
            Assert.Equal(2, told.Count);
            Assert.Contains(told, m => m.Recipient == planner.Id.ToString());
            Assert.All(told, m => Assert.Equal(AppLinks.Lead(lead.Id), m.Link));
            Assert.DoesNotContain(told, m => m.Body.Contains("99887", StringComparison.Ordinal));
        }

        // The same couple again, by phone only: a second lead, flagged as a possible duplicate, its reply by WhatsApp.
        var again = Inquiry(studio, names: "Ishita and Kabir", email: "");
        Assert.Equal(HttpStatusCode.Redirect, (await ServerForms.SubmitAsync(browser, "/inquiry", "inquiry", again)).StatusCode);
        var second = (await admin.GetAsync<PagedResponse<LeadListItem>>($"{Leads}?q=ishita%20and")).Items.Single();
        var secondLead = await admin.GetAsync<LeadResponse>($"{Leads}/{second.Id}");
        Assert.Equal(1, secondLead.PossibleDuplicates);
        var secondTimeline = await admin.GetAsync<List<LeadActivityResponse>>($"{Leads}/{second.Id}/timeline");
        Assert.Contains(secondTimeline, t => t.Kind == LeadActivityKind.Note && t.Text!.Contains("Possible duplicate of Ishita & Kabir", StringComparison.Ordinal));
        await using (var db = await TenantDatabase.OpenAsync(Server, studio))
        {
            var whatsApp = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.TemplateKey == "inquiry-reply" && m.Channel == MessageChannel.WhatsApp).SingleAsync(Cancel);
            Assert.Equal("+919988776655", whatsApp.Recipient);
            Assert.Equal(2, await db.Set<OutboxMessage>().CountAsync(m => m.TemplateKey == "inquiry-reply", Cancel));
        }
        Assert.Equal(2, (await admin.GetAsync<PagedResponse<LeadListItem>>(Leads)).TotalCount);
    }

    [Fact]
    public async Task Spam_and_bad_fields_keep_nothing_and_too_many_posts_get_a_429_page()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        using var browser = Browser(studio.Slug);

        // A robot fills the hidden field; another posts at once; another forges the stamp: each told "thank you", nothing kept.
        var honeypot = Inquiry(studio);
        honeypot["Posted.Website"] = "http://spam.example";
        // Shown "in a minute": too fast however long the loaded machine takes to post it (a stamp of now passed once 3 s went by).
        var tooFast = Inquiry(studio, shownAt: DateTimeOffset.UtcNow.AddMinutes(1));
        var forged = Inquiry(studio);
        forged["Posted.Stamp"] = "CfDJ8-not-a-stamp";
        var otherStudio = await NewStudioAsync();
        var elsewhere = Inquiry(studio);
        elsewhere["Posted.Stamp"] = Server.Services.GetRequiredService<InquiryStamps>().Issue(otherStudio.TenantId, DateTimeOffset.UtcNow.AddMinutes(-5));
        foreach (var spam in new[] { honeypot, tooFast, forged, elsewhere })
        {
            var answer = await ServerForms.SubmitAsync(browser, "/inquiry", "inquiry", spam);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal("/inquiry/thanks", answer.Headers.Location?.AbsolutePath);
        }

        // Bad fields: shown at their fields, written for a couple; nothing kept.
        var bad = Inquiry(studio, names: "", phone: "12345", email: "not-an-address");
        bad["Posted.Guests"] = "lots";
        bad["Posted.Date2"] = "14/02/2027";
        var page = await ServerForms.TextAsync(await ServerForms.SubmitAsync(browser, "/inquiry", "inquiry", bad));
        Assert.Contains("Please tell us your names.", page, StringComparison.Ordinal);
        Assert.Contains("This is not a valid mobile number", page, StringComparison.Ordinal);
        Assert.Contains("This e-mail address does not look right", page, StringComparison.Ordinal);
        Assert.Contains("Please give the number of guests as a number", page, StringComparison.Ordinal);
        Assert.Contains("Please give dates between now and a few years ahead", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Udaipur\"", page, StringComparison.Ordinal); // what was right stays filled in
        var neither = Inquiry(studio, phone: "", email: "");
        Assert.Contains("Give a phone number or an e-mail address", await ServerForms.TextAsync(await ServerForms.SubmitAsync(browser, "/inquiry", "inquiry", neither)),
            StringComparison.Ordinal);

        Assert.Equal(0, await CountAsync<Lead>(Server, studio));
        Assert.Equal(0, await CountAsync<OutboxMessage>(Server, studio));

        // Ten posts an hour from one address (all of the above count): the next is refused with a 429 page, and keeps nothing.
        for (var i = 0; i < 4; i++)
        {
            await ServerForms.SubmitAsync(browser, "/inquiry", "inquiry", honeypot);
        }
        var refused = await ServerForms.SubmitAsync(browser, "/inquiry", "inquiry", Inquiry(studio));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many messages from here", await ServerForms.TextAsync(refused, HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<Lead>(Server, studio));
        // Another studio's form is counted apart.
        using var otherBrowser = Browser(otherStudio.Slug);
        Assert.Equal(HttpStatusCode.Redirect, (await ServerForms.SubmitAsync(otherBrowser, "/inquiry", "inquiry", Inquiry(otherStudio))).StatusCode);
    }

    [Fact]
    public async Task Leads_by_hand_are_checked_listed_filtered_and_updated_with_If_Match()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, name: "Priya Planner");
        var coordinator = await studio.AddMemberAsync(Role.Coordinator);

        var created = await admin.PostJsonAsync(Leads, Lead(assigneeId: planner.Id));
        var lead = await created.ReadAsync<LeadResponse>(HttpStatusCode.Created);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal(("New", "+919876543210", "Priya Planner", 0), (lead.StageName, lead.Phone, lead.AssigneeName, lead.PossibleDuplicates));

        // Every bad field at once, nothing kept.
        var problem = await (await admin.PostJsonAsync(Leads, Lead(phone: "123", email: "nope", partnerEmail: "x@", assigneeId: coordinator.Id,
            events: ["", "Sangeet"]) with { StageId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "phone", "email", "partnerEmail", "assigneeId", "events", "stageId" }, problem.Errors!.Keys.ToHashSet());
        var annotated = await (await admin.PostJsonAsync(Leads, Lead(names: " ") with { GuestEstimate = 0, Message = new string('x', 4001) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "names", "guestEstimate", "message" }, annotated.Errors!.Keys.ToHashSet());
        var noWay = await (await admin.PostJsonAsync(Leads, Lead(phone: null, email: null))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("phone", noWay.Errors!.Keys);
        var wonStage = (await StagesAsync(admin)).Single(s => s.Kind == PipelineStageKind.Won);
        Assert.Contains("stageId", (await (await admin.PostJsonAsync(Leads, Lead(stageId: wonStage.Id))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(1, (await admin.GetAsync<PagedResponse<LeadListItem>>(Leads)).TotalCount);

        var other = await CreateAsync(admin, Lead(names: "Zoya & Arjun", phone: "+91 90000 11111", email: "zoya@example.com", source: LeadSource.Referral));
        Assert.Equal([other.Id], (await admin.GetAsync<PagedResponse<LeadListItem>>($"{Leads}?source=referral")).Items.Select(i => i.Id));
        Assert.Equal([lead.Id], (await admin.GetAsync<PagedResponse<LeadListItem>>($"{Leads}?assigneeId={planner.Id}")).Items.Select(i => i.Id));
        Assert.Equal([other.Id], (await admin.GetAsync<PagedResponse<LeadListItem>>($"{Leads}?q=90000%2011111")).Items.Select(i => i.Id));
        Assert.Equal([lead.Id], (await admin.GetAsync<PagedResponse<LeadListItem>>($"{Leads}?q=AANYA")).Items.Select(i => i.Id));
        Assert.Equal(2, (await admin.GetAsync<PagedResponse<LeadListItem>>($"{Leads}?stageId={lead.StageId}")).TotalCount);
        Assert.Contains("source", (await (await admin.GetAsync($"{Leads}?source=tiktok", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);

        var updated = await (await admin.PutJsonAsync($"{Leads}/{lead.Id}", Lead(names: "Aanya & Rohan Mehta", assigneeId: null), "\"1\"")).ReadAsync<LeadResponse>();
        Assert.Equal(("Aanya & Rohan Mehta", 2L, null), (updated.Names, updated.Version, updated.AssigneeName));
        await (await admin.PutJsonAsync($"{Leads}/{lead.Id}", Lead(), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync($"{Leads}/{lead.Id}", Lead())).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var timeline = await admin.GetAsync<List<LeadActivityResponse>>($"{Leads}/{lead.Id}/timeline");
        Assert.Equal([LeadActivityKind.Assigned, LeadActivityKind.Assigned, LeadActivityKind.Created], timeline.Select(t => t.Kind));

        // Roles: a coordinator and a client see no leads; a planner works them. Another studio's lead is not found.
        await (await coordinator.Client.GetAsync(Leads, Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.Client.GetAsync($"{Leads}/board", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        var client = await studio.AddMemberAsync(Role.Client);
        await (await client.Client.GetAsync($"{Leads}/{lead.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.Client.PostJsonAsync(Leads, Lead())).ProblemAsync(HttpStatusCode.Forbidden);
        await CreateAsync(planner.Client, Lead(names: "By the planner", phone: "+91 90000 22222", email: null));
        var elsewhere = await NewStudioAsync();
        using var otherAdmin = await elsewhere.AdminAsync();
        await (await otherAdmin.GetAsync($"{Leads}/{lead.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostJsonAsync($"{Leads}/{lead.Id}/lost", new LeadLostRequest("Spam"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostAsync($"{Leads}/{lead.Id}/won", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Leads}/{other.Id}", Cancel)).StatusCode);
        await (await admin.GetAsync($"{Leads}/{other.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cards_move_between_and_within_columns_to_the_place_they_are_dropped()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var stages = await StagesAsync(admin);
        var (first, contacted, proposal, won) = (stages[0], stages[1], stages.Single(s => s.Kind == PipelineStageKind.ProposalSent), stages.Single(s => s.Kind == PipelineStageKind.Won));
        var a = await CreateAsync(admin, Lead(names: "A", phone: "+91 90000 00001", email: null));
        var b = await CreateAsync(admin, Lead(names: "B", phone: "+91 90000 00002", email: null));
        var c = await CreateAsync(admin, Lead(names: "C", phone: "+91 90000 00003", email: null));
        async Task<List<string>> ColumnAsync(Guid stageId) =>
            [.. (await admin.GetAsync<LeadBoardResponse>($"{Leads}/board")).Columns.Single(col => col.StageId == stageId).Leads.Select(l => l.Names)];
        // Newest on top.
        Assert.Equal(["C", "B", "A"], await ColumnAsync(first.Id));

        // Within the column: A between C and B.
        await (await admin.PostJsonAsync($"{Leads}/{a.Id}/move", new LeadMoveRequest(first.Id, c.Id, b.Id))).ReadAsync<LeadResponse>();
        Assert.Equal(["C", "A", "B"], await ColumnAsync(first.Id));
        // To another column, then another below it, then one to the top.
        var moved = await (await admin.PostJsonAsync($"{Leads}/{b.Id}/move", new LeadMoveRequest(proposal.Id, null, null))).ReadAsync<LeadResponse>();
        Assert.Equal(("Proposal sent", PipelineStageKind.ProposalSent), (moved.StageName, moved.StageKind));
        await (await admin.PostJsonAsync($"{Leads}/{c.Id}/move", new LeadMoveRequest(proposal.Id, b.Id, null))).ReadAsync<LeadResponse>();
        await (await admin.PostJsonAsync($"{Leads}/{a.Id}/move", new LeadMoveRequest(proposal.Id, null, b.Id))).ReadAsync<LeadResponse>();
        Assert.Equal(["A", "B", "C"], await ColumnAsync(proposal.Id));
        Assert.Empty(await ColumnAsync(first.Id));
        // Many drops into the same gap keep the order (the column is spread again when the gap runs out).
        for (var i = 0; i < 60; i++)
        {
            var (mover, after, before) = i % 2 == 0 ? (c, a, b) : (b, a, c);
            (await admin.PostJsonAsync($"{Leads}/{mover.Id}/move", new LeadMoveRequest(proposal.Id, after.Id, before.Id))).EnsureSuccessStatusCode();
        }
        Assert.Equal(["A", "B", "C"], await ColumnAsync(proposal.Id));
        var timeline = await admin.GetAsync<List<LeadActivityResponse>>($"{Leads}/{a.Id}/timeline");
        Assert.Equal(["Moved from New to Proposal sent."], timeline.Where(t => t.Kind == LeadActivityKind.StageChanged).Select(t => t.Text));

        // Refused: Won and Lost by dragging, a neighbour of another column, neighbours the wrong way round, a stale version.
        Assert.Contains("stageId", (await (await admin.PostJsonAsync($"{Leads}/{a.Id}/move", new LeadMoveRequest(won.Id, null, null))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("afterId", (await (await admin.PostJsonAsync($"{Leads}/{a.Id}/move", new LeadMoveRequest(contacted.Id, b.Id, null))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("beforeId", (await (await admin.PostJsonAsync($"{Leads}/{a.Id}/move", new LeadMoveRequest(proposal.Id, c.Id, b.Id))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("stageId", (await (await admin.PostJsonAsync($"{Leads}/{a.Id}/move", new LeadMoveRequest(null, null, null))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await admin.PostJsonAsync($"{Leads}/{a.Id}/move", new LeadMoveRequest(contacted.Id, null, null), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["A", "B", "C"], await ColumnAsync(proposal.Id));

        // Lost needs a reason; a lost lead moves only when reopened.
        Assert.Contains("reason", (await (await admin.PostJsonAsync($"{Leads}/{c.Id}/lost", new LeadLostRequest(" "))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var lost = await (await admin.PostJsonAsync($"{Leads}/{c.Id}/lost", new LeadLostRequest("Chose a Delhi planner"))).ReadAsync<LeadResponse>();
        Assert.Equal((PipelineStageKind.Lost, "Chose a Delhi planner"), (lost.StageKind, lost.LostReason));
        await (await admin.PostJsonAsync($"{Leads}/{c.Id}/lost", new LeadLostRequest("Again"))).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostJsonAsync($"{Leads}/{c.Id}/move", new LeadMoveRequest(contacted.Id, null, null))).ProblemAsync(HttpStatusCode.Conflict);
        var reopened = await (await admin.PostAsync($"{Leads}/{c.Id}/reopen", null, Cancel)).ReadAsync<LeadResponse>();
        Assert.Equal(("New", null), (reopened.StageName, reopened.LostReason));
        Assert.Contains((await admin.GetAsync<List<LeadActivityResponse>>($"{Leads}/{c.Id}/timeline")), t => t.Kind == LeadActivityKind.Lost && t.Text == "Lost: Chose a Delhi planner");
    }

    [Fact]
    public async Task Stages_are_renamed_ordered_added_and_deleted_by_the_rules()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var stages = await StagesAsync(admin);
        var (newStage, contacted, meeting) = (stages[0], stages[1], stages[2]);
        var lead = await CreateAsync(admin, Lead(stageId: contacted.Id));

        var renamed = await (await admin.PutJsonAsync($"{Stages}/{newStage.Id}", new PipelineStageRequest("Enquiry"), $"\"{newStage.Version}\"")).ReadAsync<PipelineStageResponse>();
        Assert.Equal("Enquiry", renamed.Name);
        Assert.Contains("name", (await (await admin.PutJsonAsync($"{Stages}/{meeting.Id}", new PipelineStageRequest("enquiry"), $"\"{meeting.Version}\"")).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await admin.PutJsonAsync($"{Stages}/{newStage.Id}", new PipelineStageRequest("Again"), $"\"{newStage.Version}\"")).ProblemAsync(HttpStatusCode.Conflict);

        var visit = await (await admin.PostJsonAsync(Stages, new PipelineStageRequest("Venue visit"))).ReadAsync<PipelineStageResponse>(HttpStatusCode.Created);
        Assert.Equal(["Enquiry", "Contacted", "Meeting", "Venue visit", "Proposal sent", "Won", "Lost"], (await StagesAsync(admin)).Select(s => s.Name));
        Assert.Contains("name", (await (await admin.PostJsonAsync(Stages, new PipelineStageRequest(""))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);

        // Order: every stage once, Won and Lost last.
        var ids = (await StagesAsync(admin)).Select(s => s.Id).ToList();
        List<Guid> reordered = [ids[1], ids[0], ids[4], ids[2], ids[3], ids[6], ids[5]];
        var ordered = await (await admin.PutJsonAsync($"{Stages}/order", new PipelineOrderRequest(reordered))).ReadAsync<List<PipelineStageResponse>>();
        Assert.Equal(["Contacted", "Enquiry", "Proposal sent", "Meeting", "Venue visit", "Lost", "Won"], ordered.Select(s => s.Name));
        Assert.Contains("stageIds", (await (await admin.PutJsonAsync($"{Stages}/order", new PipelineOrderRequest([.. ids.Take(6)]))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("stageIds", (await (await admin.PutJsonAsync($"{Stages}/order", new PipelineOrderRequest([ids[5], .. ids.Take(5), ids[6]]))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        // A new inquiry lands in the first open stage, now Contacted.
        Assert.Equal("Contacted", (await CreateAsync(admin, Lead(names: "Next", phone: "+91 90000 33333", email: null))).StageName);

        // Delete: not Proposal sent/Won/Lost; a stage with leads needs where they go; an empty one goes.
        var proposal = ordered.Single(s => s.Kind == PipelineStageKind.ProposalSent);
        await (await admin.DeleteAsync($"{Stages}/{proposal.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        var withLeads = await (await admin.DeleteAsync($"{Stages}/{contacted.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2 leads", withLeads.Detail, StringComparison.Ordinal);
        Assert.Contains("moveTo", (await (await admin.DeleteAsync($"{Stages}/{contacted.Id}?moveTo={ordered.Single(s => s.Kind == PipelineStageKind.Won).Id}", Cancel))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Stages}/{contacted.Id}?moveTo={meeting.Id}", Cancel)).StatusCode);
        var moved = await admin.GetAsync<LeadResponse>($"{Leads}/{lead.Id}");
        Assert.Equal("Meeting", moved.StageName);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Stages}/{visit.Id}", Cancel)).StatusCode);
        var left = await StagesAsync(admin);
        Assert.Equal(["Enquiry", "Proposal sent", "Meeting", "Lost", "Won"], left.Select(s => s.Name));
        Assert.Equal([0, 1, 2, 3, 4], left.Select(s => s.Position));
        Assert.Equal(2, left.Single(s => s.Name == "Meeting").LeadCount);
        // The last open stage stays.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Stages}/{newStage.Id}", Cancel)).StatusCode);
        await (await admin.DeleteAsync($"{Stages}/{meeting.Id}?moveTo={proposal.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);

        var planner = await studio.AddMemberAsync(Role.Coordinator);
        await (await planner.Client.PostJsonAsync(Stages, new PipelineStageRequest("Mine"))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_studio_without_stages_gets_them_on_first_use()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        await using (var db = await TenantDatabase.OpenAsync(Server, studio))
        {
            await db.Set<PipelineStage>().ExecuteDeleteAsync(Cancel);
        }
        // The app's first visit asks for the board and the stages together: one pipeline, whichever answers first.
        var first = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? admin.GetAsync($"{Leads}/board", Cancel)
            : admin.GetAsync(Stages, Cancel)));
        Assert.All(first, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(6, (await admin.GetAsync<LeadBoardResponse>($"{Leads}/board")).Columns.Count);
        Assert.Equal(6, await CountAsync<PipelineStage>(Server, studio));
    }

    [Fact]
    public async Task Duplicates_by_phone_or_email_are_offered_and_merged_keeping_the_older_data_and_the_timeline()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var older = await CreateAsync(admin, Lead(email: null) with { City = null, GuestEstimate = null });
        var byPhone = await CreateAsync(admin, Lead(names: "Aanya R.", phone: "+919876543210", email: "rohan@example.com", dates: [new DateOnly(2027, 2, 15)]) with { City = "Udaipur" });
        var byEmail = await CreateAsync(admin, Lead(names: "Aanya (Insta)", phone: null, email: "ROHAN@example.com"));
        var unrelated = await CreateAsync(admin, Lead(names: "Someone else", phone: "+91 90000 44444", email: "else@example.com"));
        await (await admin.PostJsonAsync($"{Leads}/{byPhone.Id}/activities", new LeadActivityRequest(LeadActivityKind.Call, "Called, wants a palace.", null, null)))
            .ReadAsync<LeadActivityResponse>(HttpStatusCode.Created);

        Assert.Equal([byPhone.Id], (await admin.GetAsync<List<LeadListItem>>($"{Leads}/{older.Id}/duplicates")).Select(d => d.Id));
        Assert.Equal([byEmail.Id, older.Id], (await admin.GetAsync<List<LeadListItem>>($"{Leads}/{byPhone.Id}/duplicates")).Select(d => d.Id));
        Assert.Empty(await admin.GetAsync<List<LeadListItem>>($"{Leads}/{unrelated.Id}/duplicates"));

        var merged = await (await admin.PostJsonAsync($"{Leads}/{older.Id}/merge", new LeadMergeRequest(byPhone.Id))).ReadAsync<LeadResponse>();
        Assert.Equal(("Aanya & Rohan", "+919876543210", "rohan@example.com", "Udaipur", (int?)300), (merged.Names, merged.Phone, merged.Email, merged.City, merged.GuestEstimate));
        Assert.Equal([new DateOnly(2027, 2, 12), new DateOnly(2027, 2, 14), new DateOnly(2027, 2, 15)], merged.Dates);
        await (await admin.GetAsync($"{Leads}/{byPhone.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        var timeline = await admin.GetAsync<List<LeadActivityResponse>>($"{Leads}/{older.Id}/timeline");
        Assert.Equal(LeadActivityKind.Merged, timeline[0].Kind);
        Assert.Contains("Aanya R.", timeline[0].Text, StringComparison.Ordinal);
        Assert.Contains(timeline, t => t.Kind == LeadActivityKind.Call && t.Text == "Called, wants a palace.");
        // Now the e-mail matches too.
        Assert.Equal([byEmail.Id], (await admin.GetAsync<List<LeadListItem>>($"{Leads}/{older.Id}/duplicates")).Select(d => d.Id));

        // Bad merges change nothing.
        Assert.Contains("otherId", (await (await admin.PostJsonAsync($"{Leads}/{older.Id}/merge", new LeadMergeRequest(older.Id))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("otherId", (await (await admin.PostJsonAsync($"{Leads}/{older.Id}/merge", new LeadMergeRequest(null))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await admin.PostJsonAsync($"{Leads}/{older.Id}/merge", new LeadMergeRequest(Guid.NewGuid()))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(3, (await admin.GetAsync<PagedResponse<LeadListItem>>(Leads)).TotalCount);
    }

    [Fact]
    public async Task Won_makes_the_wedding_its_events_and_invites_the_couple_in_one_step_once()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, name: "Priya Planner");
        var lead = await CreateAsync(admin, Lead(assigneeId: planner.Id, email: "meera.couple@example.com", partnerEmail: "rohan.couple@example.com",
            events: ["Wedding", "Mehendi", "Sangeet", "Reception"]));

        var won = await (await planner.Client.PostAsync($"{Leads}/{lead.Id}/won", null, Cancel)).ReadAsync<LeadWonResponse>();
        var wedding = await admin.GetAsync<WeddingResponse>($"/api/v1/weddings/{won.WeddingId}");
        Assert.Equal(("Aanya & Rohan", "Aanya", "Rohan", "Jaipur", (int?)300, WeddingStatus.Booked), (wedding.Title, wedding.BrideName, wedding.GroomName, wedding.City,
            wedding.GuestCountEstimate, wedding.Status));
        Assert.Equal(new DateOnly(2027, 2, 14), wedding.PrimaryDate);
        Assert.Contains(wedding.Team, t => t.UserId == planner.Id && t.Role == TeamRole.LeadPlanner);
        Assert.Equal(2, wedding.Team.Count(t => t.Role == TeamRole.Client));
        var events = await admin.GetAsync<PagedResponse<EventResponse>>($"/api/v1/weddings/{won.WeddingId}/events?pageSize=50");
        Assert.Equal([("Mehendi", new DateOnly(2027, 2, 12)), ("Sangeet", new DateOnly(2027, 2, 12)), ("Wedding", new DateOnly(2027, 2, 14)), ("Reception", new DateOnly(2027, 2, 14))],
            events.Items.OrderBy(e => e.Start).Select(e => (e.Name, DateOnly.FromDateTime(e.Start))));
        Assert.All(events.Items, e => Assert.Equal(("Asia/Kolkata", (VenueSummary?)null), (e.TimeZone, e.Venue)));
        // The couple's invitations were e-mailed (once committed).
        foreach (var email in new[] { "meera.couple@example.com", "rohan.couple@example.com" })
        {
            Assert.Contains("accept-invitation", (await Mailbox.LatestToAsync(Server.MailDirectory, email)).TextBody, StringComparison.Ordinal);
        }

        var after = await admin.GetAsync<LeadResponse>($"{Leads}/{lead.Id}");
        Assert.Equal((PipelineStageKind.Won, (Guid?)won.WeddingId), (after.StageKind, after.WeddingId));
        var line = (await admin.GetAsync<List<LeadActivityResponse>>($"{Leads}/{lead.Id}/timeline")).First();
        Assert.Equal((LeadActivityKind.Won, (Guid?)won.WeddingId), (line.Kind, line.SubjectId));

        // Twice: 409, no second wedding. Moving or losing a won lead: 409.
        await (await admin.PostAsync($"{Leads}/{lead.Id}/won", null, Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostJsonAsync($"{Leads}/{lead.Id}/lost", new LeadLostRequest("Changed mind"))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount);

        // No dates: refused, nothing made; a coordinator or client may not.
        var undated = await CreateAsync(admin, Lead(names: "Undated", phone: "+91 90000 55555", email: "undated@example.com", dates: []));
        Assert.Contains("dates", (await (await admin.PostAsync($"{Leads}/{undated.Id}/won", null, Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator);
        await (await coordinator.Client.PostAsync($"{Leads}/{undated.Id}/won", null, Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount);
    }

    [Fact]
    public async Task An_unassigned_lead_won_has_whoever_won_it_as_the_weddings_planner()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, name: "Priya Planner");
        var lead = await CreateAsync(admin, Lead(email: "unassigned.couple@example.com"));
        Assert.Null(lead.AssigneeId);

        var won = await (await planner.Client.PostAsync($"{Leads}/{lead.Id}/won", null, Cancel)).ReadAsync<LeadWonResponse>();
        var wedding = await admin.GetAsync<WeddingResponse>($"/api/v1/weddings/{won.WeddingId}");
        Assert.Equal(planner.Id, Assert.Single(wedding.Team, t => t.Role == TeamRole.LeadPlanner).UserId);
    }

    [Fact]
    public async Task A_failing_conversion_step_undoes_the_whole_won()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var lead = await CreateAsync(admin, Lead(names: "Fails & Later", phone: "+91 90000 66666", email: "fails.couple@example.com"));
        var planner = await studio.AddMemberAsync(Role.Planner);
        // As the request would run it, with one more step contributed that fails (a proposal without a plan, say).
        var refused = await Assert.ThrowsAsync<ApiException>(() => ActivatorUtilities.CreateInstance<TenantJobRunner<WinWithFailingStep, Guid>>(Server.Services)
            .RunAsync(studio.TenantId, planner.Id, lead.Id, Cancel));
        Assert.Equal(409, refused.Status);

        Assert.Equal(0, (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).TotalCount);
        var after = await admin.GetAsync<LeadResponse>($"{Leads}/{lead.Id}");
        Assert.Equal((PipelineStageKind.Open, (Guid?)null), (after.StageKind, after.WeddingId));
        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        Assert.False(await db.Set<WedTech.Server.Identity.User>().AnyAsync(u => u.Email == "fails.couple@example.com", Cancel));
    }

    private sealed class WinWithFailingStep(IServiceProvider services) : ITenantJob<Guid>
    {
        public Task RunAsync(Guid leadId, CancellationToken cancellationToken) =>
            ActivatorUtilities.CreateInstance<LeadWon>(services, (IEnumerable<ILeadConversionStep>)[new FailingStep()]).WinAsync(leadId, cancellationToken);
    }

    private sealed class FailingStep : ILeadConversionStep
    {
        public int Order => 100;

        public Task ConvertAsync(LeadConversion conversion, CancellationToken cancellationToken) =>
            throw ApiException.Conflict("The accepted proposal has no payment plan.");
    }

    [Fact]
    public async Task Follow_ups_are_recorded_done_and_reminded_once_however_often_the_duty_runs()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planner = await studio.AddMemberAsync(Role.Planner, name: "Priya Planner");
        var coordinator = await studio.AddMemberAsync(Role.Coordinator);
        var lead = await CreateAsync(admin, Lead());
        var due = await (await admin.PostJsonAsync($"{Leads}/{lead.Id}/activities",
            new LeadActivityRequest(LeadActivityKind.Call, "Asked for a quote for 300.", DateTimeOffset.UtcNow.AddHours(-1), planner.Id)))
            .ReadAsync<LeadActivityResponse>(HttpStatusCode.Created);
        Assert.Equal(("Priya Planner", planner.Id), (due.FollowUpUserName, due.FollowUpUserId));
        var later = await (await planner.Client.PostJsonAsync($"{Leads}/{lead.Id}/activities",
            new LeadActivityRequest(LeadActivityKind.WhatsApp, "Sent the portfolio.", DateTimeOffset.UtcNow.AddDays(5), null)))
            .ReadAsync<LeadActivityResponse>(HttpStatusCode.Created);
        Assert.Equal(planner.Id, later.FollowUpUserId); // the writer's own, when no one is named
        var done = await (await admin.PostJsonAsync($"{Leads}/{lead.Id}/activities",
            new LeadActivityRequest(LeadActivityKind.Meeting, "Met at the studio.", DateTimeOffset.UtcNow.AddHours(-2), null))).ReadAsync<LeadActivityResponse>(HttpStatusCode.Created);
        Assert.NotNull((await (await admin.PostAsync($"{Leads}/{lead.Id}/activities/{done.Id}/done", null, Cancel)).ReadAsync<LeadActivityResponse>()).FollowUpDoneAt);
        Assert.Equal(due.FollowUpAt!.Value.ToUnixTimeMilliseconds(), (await admin.GetAsync<LeadResponse>($"{Leads}/{lead.Id}")).NextFollowUpAt!.Value.ToUnixTimeMilliseconds());

        // Bad input: every field named, nothing recorded.
        var before = (await admin.GetAsync<List<LeadActivityResponse>>($"{Leads}/{lead.Id}/timeline")).Count;
        Assert.Contains("kind", (await (await admin.PostJsonAsync($"{Leads}/{lead.Id}/activities", new LeadActivityRequest(LeadActivityKind.Won, "x", null, null)))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("text", (await (await admin.PostJsonAsync($"{Leads}/{lead.Id}/activities", new LeadActivityRequest(LeadActivityKind.Note, " ", null, null)))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("followUpUserId", (await (await admin.PostJsonAsync($"{Leads}/{lead.Id}/activities",
            new LeadActivityRequest(LeadActivityKind.Note, "x", DateTimeOffset.UtcNow.AddDays(1), coordinator.Id))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("followUpAt", (await (await admin.PostJsonAsync($"{Leads}/{lead.Id}/activities",
            new LeadActivityRequest(LeadActivityKind.Note, "x", DateTimeOffset.UtcNow.AddYears(5), null))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("kind", (await (await admin.PostJsonAsync($"{Leads}/{lead.Id}/activities", new LeadActivityRequest(null, "x", null, null)))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(before, (await admin.GetAsync<List<LeadActivityResponse>>($"{Leads}/{lead.Id}/timeline")).Count);
        await (await admin.PostAsync($"{Leads}/{lead.Id}/activities/{Guid.NewGuid()}/done", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);

        await RunDutyAsync<LeadFollowUpReminders>(studio);
        await RunDutyAsync<LeadFollowUpReminders>(studio);
        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        var reminders = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.TemplateKey == "lead-follow-up").ToListAsync(Cancel);
        // One follow-up due (the later one is not, the done one is done): once, to the planner, on three channels.
        Assert.Equal([MessageChannel.Email, MessageChannel.Push, MessageChannel.InApp], reminders.Select(r => r.Channel).Order());
        Assert.Contains(reminders, r => r.Recipient == planner.Id.ToString());
        var inApp = reminders.Single(r => r.Channel == MessageChannel.InApp);
        // Due an hour ago: "today at …" in the studio's zone (India), or "since …" when India's midnight came between.
        var india = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var sameDay = TimeZoneInfo.ConvertTime(due.FollowUpAt!.Value, india).Date == TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, india).Date;
        Assert.Equal(AppLinks.Lead(lead.Id), inApp.Link);
        Assert.StartsWith(sameDay ? "Follow up with Aanya & Rohan today at " : "Follow up with Aanya & Rohan since ", inApp.Subject, StringComparison.Ordinal);
        Assert.Contains("Asked for a quote for 300.", inApp.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_leads_contact_details_are_erased_after_the_retention_period()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var old = await CreateAsync(admin, Lead(partnerEmail: "rohan@example.com"));
        var recent = await CreateAsync(admin, Lead(names: "Recent", phone: "+91 90000 77777", email: "recent@example.com"));
        var open = await CreateAsync(admin, Lead(names: "Open", phone: "+91 90000 88888", email: "open@example.com"));
        (await admin.PostJsonAsync($"{Leads}/{old.Id}/lost", new LeadLostRequest("Budget"))).EnsureSuccessStatusCode();
        (await admin.PostJsonAsync($"{Leads}/{recent.Id}/lost", new LeadLostRequest("Date taken"))).EnsureSuccessStatusCode();
        await using (var db = await TenantDatabase.OpenAsync(Server, studio))
        {
            await db.Set<Lead>().Where(l => l.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.StageChangedAt, DateTimeOffset.UtcNow.AddDays(-366)), Cancel);
        }
        await RunDutyAsync<LostLeadRetention>(studio);
        await RunDutyAsync<LostLeadRetention>(studio);

        var erased = await admin.GetAsync<LeadResponse>($"{Leads}/{old.Id}");
        Assert.Equal((null, null, null, null), (erased.Phone, erased.Email, erased.PartnerEmail, erased.Message));
        Assert.Equal(("Aanya & Rohan", "Budget", LeadSource.Instagram), (erased.Names, erased.LostReason, erased.Source));
        Assert.Equal("+919000077777", (await admin.GetAsync<LeadResponse>($"{Leads}/{recent.Id}")).Phone);
        Assert.Equal("open@example.com", (await admin.GetAsync<LeadResponse>($"{Leads}/{open.Id}")).Email);
        Assert.Empty(await admin.GetAsync<PagedResponse<LeadListItem>>($"{Leads}?q=98765") is { } found ? found.Items.Where(i => i.Id == old.Id) : []);
        var audit = (await admin.GetAsync<PagedResponse<AuditEntryResponse>>("/api/v1/audit?pageSize=100")).Items.Where(e => e.Action == "lead.contacts-erased").ToList();
        Assert.Single(audit);
    }

    [Fact]
    public async Task Conversion_by_source_counts_leads_won_lost_and_the_median_days_to_win()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var insta = new List<LeadResponse>();
        for (var i = 0; i < 4; i++)
        {
            insta.Add(await CreateAsync(admin, Lead(names: $"Insta {i}", phone: $"+91 90001 0000{i}", email: null, source: LeadSource.Instagram)));
        }
        var referral = await CreateAsync(admin, Lead(names: "Referral", phone: "+91 90002 00000", email: null, source: LeadSource.Referral));
        foreach (var (lead, days) in new[] { (insta[0], 10), (insta[1], 30), (referral, 4) })
        {
            (await admin.PostAsync($"{Leads}/{lead.Id}/won", null, Cancel)).EnsureSuccessStatusCode();
            await using var db = await TenantDatabase.OpenAsync(Server, studio);
            var wonAt = await db.Set<LeadActivity>().Where(a => a.LeadId == lead.Id && a.Kind == LeadActivityKind.Won).Select(a => a.At).SingleAsync(Cancel);
            await db.Set<Lead>().Where(l => l.Id == lead.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.CreatedAt, wonAt.AddDays(-days)), Cancel);
        }
        (await admin.PostJsonAsync($"{Leads}/{insta[2].Id}/lost", new LeadLostRequest("Budget"))).EnsureSuccessStatusCode();

        var figures = await admin.GetAsync<LeadConversionResponse>($"{Leads}/conversion");
        var instagram = figures.Sources.Single(s => s.Source == LeadSource.Instagram);
        Assert.Equal((4, 2, 1, 50.0m, (double?)20), (instagram.Leads, instagram.Won, instagram.Lost, instagram.ConversionPercent, instagram.MedianDaysToWin));
        var fromReferral = figures.Sources.Single(s => s.Source == LeadSource.Referral);
        Assert.Equal((1, 1, 0, 100.0m, (double?)4), (fromReferral.Leads, fromReferral.Won, fromReferral.Lost, fromReferral.ConversionPercent, fromReferral.MedianDaysToWin));
        Assert.Equal((5, 3, 1, 60.0m, (double?)10), (figures.Total!.Leads, figures.Total.Won, figures.Total.Lost, figures.Total.ConversionPercent, figures.Total.MedianDaysToWin));

        // A period before any of them: nothing. A period the wrong way round: a field error.
        var empty = await admin.GetAsync<LeadConversionResponse>($"{Leads}/conversion?from=2020-01-01&to=2020-12-31");
        Assert.Empty(empty.Sources);
        Assert.Contains("from", (await (await admin.GetAsync($"{Leads}/conversion?from=2027-01-01&to=2026-01-01", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("from", (await (await admin.GetAsync($"{Leads}/conversion?from=yesterday", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task The_inquiry_form_snippet_names_the_studios_address()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var form = await admin.GetAsync<InquiryFormResponse>($"{Leads}/inquiry-form");
        Assert.EndsWith("/inquiry", form.Url, StringComparison.Ordinal);
        Assert.Contains(studio.Slug, form.Url, StringComparison.Ordinal);
        Assert.Contains($"src=\"{new Uri(form.Url).GetLeftPart(UriPartial.Authority)}/inquiry?embed=1\"", form.Snippet, StringComparison.Ordinal);
        Assert.Contains("wedtechInquiryHeight", form.Snippet, StringComparison.Ordinal);
    }
}

public sealed class LeadTestsOnSqlite(SqliteServer server) : LeadTests(server);

public sealed class LeadTestsOnPostgres(PostgresServer server) : LeadTests(server);

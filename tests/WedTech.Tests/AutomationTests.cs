using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Automations;
using WedTech.Server.Leads;
using WedTech.Server.Platform.Jobs;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// Automations: each trigger fires for the right subject at the right time, conditions, what each action does, exactly once
/// under sweeps run at the same time and again, pause and resume, loops refused, bad input and other studios' ids.
/// Sweeps are run as the job runs them, as of the moment the test gives (the clock of the sweep), never on a timer.
/// </summary>
public abstract class AutomationTests(TestServer server) : ProviderTests(server)
{
    private sealed record Setup(Studio Studio, HttpClient Admin, Member Planner, IReadOnlyList<(Guid Id, string Name)> Stages)
    {
        public Guid Stage(string name) => Stages.First(s => s.Name == name).Id;
    }

    /// <summary>A new studio with its starting recipes removed (each test makes the rules it needs), and a planner.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        foreach (var rule in await admin.GetAsync<List<AutomationRuleResponse>>("/api/v1/automations"))
        {
            (await admin.DeleteAsync($"/api/v1/automations/{rule.Id}", Cancel)).EnsureSuccessStatusCode();
        }
        var planner = await studio.AddMemberAsync(Role.Planner, name: "Priya Planner");
        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        var stages = await db.PipelineStages.OrderBy(s => s.Position).Select(s => new { s.Id, s.Name }).ToListAsync(Cancel);
        return new Setup(studio, admin, planner, [.. stages.Select(s => (s.Id, s.Name))]);
    }

    /// <summary>A lead put straight into the studio's database, with a timeline line of <paramref name="kind"/> at <paramref name="at"/>.</summary>
    private async Task<Guid> LeadAsync(Setup setup, string names, DateTimeOffset at, LeadActivityKind kind = LeadActivityKind.InquiryReceived, LeadSource source = LeadSource.Website,
        int? guests = null, Guid? assignee = null, Guid? stageId = null, Guid? subjectId = null, string? email = null)
    {
        await using var db = await TenantDatabase.OpenAsync(Server, setup.Studio);
        var lead = new Lead
        {
            Names = names, ContactName = $"Parent of {names}", Email = email ?? $"lead-{Guid.NewGuid():N}@example.com", Phone = "+919876543210", Source = source,
            GuestEstimate = guests, AssigneeId = assignee, StageId = setup.Stage("New"), Dates = [new DateOnly(2027, 11, 20)], Events = ["Sangeet", "Wedding"],
            CreatedAt = at, UpdatedAt = at, StageChangedAt = at,
        };
        lead.RefreshSearchText();
        db.Leads.Add(lead);
        db.LeadActivities.Add(new LeadActivity { LeadId = lead.Id, Kind = kind, At = at, StageId = stageId, SubjectId = subjectId, Text = "Seeded by the test." });
        await db.SaveChangesAsync(Cancel);
        return lead.Id;
    }

    private async Task LineAsync(Setup setup, Guid leadId, LeadActivityKind kind, DateTimeOffset at, Guid? stageId = null, Guid? subjectId = null)
    {
        await using var db = await TenantDatabase.OpenAsync(Server, setup.Studio);
        db.LeadActivities.Add(new LeadActivity { LeadId = leadId, Kind = kind, At = at, StageId = stageId, SubjectId = subjectId, Text = "Seeded by the test." });
        await db.SaveChangesAsync(Cancel);
    }

    /// <summary>One sweep of the studio as the job runs it, as of <paramref name="at"/>.</summary>
    private async Task<SweepResult> SweepAsync(Setup setup, DateTimeOffset at)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IJobTenant>().EnterAsync(setup.Studio.TenantId, Cancel);
        return await scope.ServiceProvider.GetRequiredService<AutomationSweep>().RunAsync(at, Cancel);
    }

    private static async Task<AutomationRuleResponse> AddAsync(Setup setup, AutomationRuleRequest rule) =>
        await (await setup.Admin.PostJsonAsync("/api/v1/automations", rule)).ReadAsync<AutomationRuleResponse>(HttpStatusCode.Created);

    private static async Task<List<MessageResponse>> MessagesAsync(Setup setup, string template) =>
        [.. (await setup.Admin.GetAsync<PagedResponse<MessageResponse>>("/api/v1/messages?pageSize=100")).Items.Where(m => m.TemplateKey == template)];

    private static Task<PagedResponse<AutomationFiringResponse>> HistoryAsync(Setup setup, Guid ruleId) =>
        setup.Admin.GetAsync<PagedResponse<AutomationFiringResponse>>($"/api/v1/automations/{ruleId}/history?pageSize=100");

    private static AutomationAction Email(string text, string? subject = null) => new(AutomationActionKind.SendMessage, MessageChannel.Email, subject, text);

    private static AutomationAction Notify(AutomationStaff staff, string text, Guid? userId = null) => new(AutomationActionKind.NotifyStaff, Subject: "Automation", Text: text, Staff: staff, UserId: userId);

    [Fact]
    public async Task A_new_lead_gets_the_message_and_its_planner_a_notice_once_and_nothing_fires_for_leads_from_before_the_rule()
    {
        var setup = await SetUpAsync();
        var before = await LeadAsync(setup, "Old & Lead", DateTimeOffset.UtcNow.AddMinutes(-10));
        var rule = await AddAsync(setup, new AutomationRuleRequest("Welcome a new lead", AutomationTrigger.LeadCreated, null, null, [],
            [Email("Namaste {{contactName}}, thank you for writing to us about {{coupleNames}}.", "Thank you, {{coupleNames}}"),
             Notify(AutomationStaff.Assignee, "New lead: {{coupleNames}} ({{stageName}})")]));
        var at = DateTimeOffset.UtcNow.AddMinutes(1);
        var lead = await LeadAsync(setup, "Aanya & Rohan", at, assignee: setup.Planner.Id, email: "aanya.parents@example.com");

        var first = await SweepAsync(setup, at.AddMinutes(1));
        Assert.Equal(new SweepResult(1, 0, 0, 0), first);
        var again = await SweepAsync(setup, at.AddMinutes(6));
        Assert.Equal(new SweepResult(0, 0, 0, 1), again);

        var sent = Assert.Single(await MessagesAsync(setup, "note"));
        Assert.Equal((MessageChannel.Email, "aanya.parents@example.com", "Thank you, Aanya & Rohan"), (sent.Channel, sent.Recipient, sent.Subject));
        Assert.Contains("Namaste Parent of Aanya & Rohan, thank you for writing to us about Aanya & Rohan.", sent.Body, StringComparison.Ordinal);
        var notices = await MessagesAsync(setup, "automation");
        Assert.Equal([MessageChannel.Email, MessageChannel.Push, MessageChannel.InApp], notices.Select(n => n.Channel).Order());
        Assert.All(notices, n => Assert.Equal("New lead: Aanya & Rohan (New)", n.Body));
        Assert.Contains(notices, n => n.Recipient == setup.Planner.Email);

        var history = Assert.Single((await HistoryAsync(setup, rule.Id)).Items);
        Assert.Equal((lead, "Aanya & Rohan", AutomationOutcome.Done, AutomationSubjectKind.Lead), (history.SubjectId, history.SubjectName, history.Outcome, history.SubjectKind));
        Assert.DoesNotContain((await setup.Admin.GetAsync<PagedResponse<AutomationFiringResponse>>("/api/v1/automations/firings")).Items, f => f.SubjectId == before);
        Assert.Equal(1, (await setup.Admin.GetAsync<AutomationRuleResponse>($"/api/v1/automations/{rule.Id}")).Fired);
    }

    [Fact]
    public async Task Conditions_decide_and_a_lead_they_do_not_fit_is_skipped_with_the_reason()
    {
        var setup = await SetUpAsync();
        var rule = await AddAsync(setup, new AutomationRuleRequest("Big Instagram weddings", AutomationTrigger.LeadCreated, null, null,
            [new AutomationCondition(AutomationConditionKind.LeadSource, Source: LeadSource.Instagram),
             new AutomationCondition(AutomationConditionKind.GuestEstimateAtLeast, Number: 300),
             new AutomationCondition(AutomationConditionKind.HasEvent, Text: "sangeet")],
            [Notify(AutomationStaff.User, "Big one: {{coupleNames}}", setup.Planner.Id)]));
        var at = DateTimeOffset.UtcNow.AddMinutes(1);
        var fits = await LeadAsync(setup, "Fits & Well", at, source: LeadSource.Instagram, guests: 400);
        var website = await LeadAsync(setup, "From & Website", at, source: LeadSource.Website, guests: 400);
        var small = await LeadAsync(setup, "Small & Sweet", at, source: LeadSource.Instagram, guests: 100);

        Assert.Equal(new SweepResult(1, 2, 0, 0), await SweepAsync(setup, at.AddMinutes(1)));
        var history = (await HistoryAsync(setup, rule.Id)).Items.ToDictionary(f => f.SubjectId);
        Assert.Equal(AutomationOutcome.Done, history[fits].Outcome);
        Assert.Equal((AutomationOutcome.Skipped, "The lead came from website, not instagram."), (history[website].Outcome, history[website].Reason));
        Assert.Equal((AutomationOutcome.Skipped, "The lead expects 100 guests, fewer than 300."), (history[small].Outcome, history[small].Reason));
        Assert.Equal(3, (await MessagesAsync(setup, "automation")).Count); // one person, three channels
        Assert.Equal(new SweepResult(0, 0, 0, 3), await SweepAsync(setup, at.AddMinutes(2)));
    }

    [Fact]
    public async Task A_stage_change_adds_the_follow_up_and_moves_the_lead_once()
    {
        var setup = await SetUpAsync();
        var rule = await AddAsync(setup, new AutomationRuleRequest("After the meeting", AutomationTrigger.StageChanged, setup.Stage("Meeting"), null, [],
            [new AutomationAction(AutomationActionKind.CreateFollowUp, Text: "Send {{coupleNames}} the proposal", Staff: AutomationStaff.Assignee, Days: 2),
             new AutomationAction(AutomationActionKind.MoveLead, StageId: setup.Stage("Proposal sent"))]));
        var at = DateTimeOffset.UtcNow.AddMinutes(1);
        var lead = await LeadAsync(setup, "Meera & Sahil", at, LeadActivityKind.Created, assignee: setup.Planner.Id);
        var other = await LeadAsync(setup, "Other & Stage", at, LeadActivityKind.Created, assignee: setup.Planner.Id);
        await LineAsync(setup, lead, LeadActivityKind.StageChanged, at, setup.Stage("Meeting"));
        await LineAsync(setup, other, LeadActivityKind.StageChanged, at, setup.Stage("Contacted"));

        var sweptAt = at.AddMinutes(1);
        Assert.Equal(new SweepResult(1, 0, 0, 0), await SweepAsync(setup, sweptAt));
        Assert.Equal(0, (await SweepAsync(setup, sweptAt.AddMinutes(5))).Done);
        await using var db = await TenantDatabase.OpenAsync(Server, setup.Studio);
        Assert.Equal(setup.Stage("Proposal sent"), (await db.Leads.SingleAsync(l => l.Id == lead, Cancel)).StageId);
        Assert.Equal(setup.Stage("New"), (await db.Leads.SingleAsync(l => l.Id == other, Cancel)).StageId);
        var followUp = await db.LeadActivities.SingleAsync(a => a.LeadId == lead && a.FollowUpAt != null, Cancel);
        Assert.Equal((setup.Planner.Id, "Send Meera & Sahil the proposal"), (followUp.FollowUpUserId, followUp.Text));
        Assert.Equal(sweptAt.AddDays(2).ToUnixTimeSeconds(), followUp.FollowUpAt!.Value.ToUnixTimeSeconds());
        var moved = await db.LeadActivities.SingleAsync(a => a.LeadId == lead && a.Kind == LeadActivityKind.StageChanged && a.StageId == setup.Stage("Proposal sent"), Cancel);
        Assert.Contains("After the meeting", moved.Text, StringComparison.Ordinal);
        Assert.Single((await HistoryAsync(setup, rule.Id)).Items);
    }

    [Fact]
    public async Task A_proposal_viewed_and_not_accepted_fires_n_days_later_and_a_signed_contract_thanks_the_couple()
    {
        var setup = await SetUpAsync();
        var rule = await AddAsync(setup, new AutomationRuleRequest("Not accepted", AutomationTrigger.ProposalNotAccepted, null, 3, [],
            [Notify(AutomationStaff.Assignee, "{{coupleNames}} viewed the proposal {{days}} days ago")]));
        var thanks = await AddAsync(setup, new AutomationRuleRequest("Thanks", AutomationTrigger.ContractSigned, null, null, [], [Email("Dear {{contactName}}, thank you for signing.")]));
        var at = DateTimeOffset.UtcNow.AddMinutes(1);
        var waiting = await LeadAsync(setup, "Still & Thinking", at, LeadActivityKind.ProposalViewed, assignee: setup.Planner.Id, subjectId: Guid.CreateVersion7());
        var accepting = Guid.CreateVersion7();
        var accepted = await LeadAsync(setup, "Said & Yes", at, LeadActivityKind.ProposalViewed, assignee: setup.Planner.Id, subjectId: accepting);
        await LineAsync(setup, accepted, LeadActivityKind.ProposalAccepted, at.AddDays(1), subjectId: accepting);
        await LineAsync(setup, accepted, LeadActivityKind.ContractSigned, at.AddDays(1), subjectId: Guid.CreateVersion7());

        Assert.Equal(0, (await SweepAsync(setup, at.AddDays(3).AddMinutes(-5))).Done - 1); // only the contract so far
        Assert.Empty((await HistoryAsync(setup, rule.Id)).Items);
        Assert.Equal(1, (await SweepAsync(setup, at.AddDays(3).AddMinutes(5))).Done);
        var fired = Assert.Single((await HistoryAsync(setup, rule.Id)).Items);
        Assert.Equal(waiting, fired.SubjectId);
        Assert.All(await MessagesAsync(setup, "automation"), n => Assert.Equal("Still & Thinking viewed the proposal 3 days ago", n.Body));
        Assert.Equal(accepted, Assert.Single((await HistoryAsync(setup, thanks.Id)).Items).SubjectId);
        Assert.Contains("Dear Parent of Said & Yes, thank you for signing.", Assert.Single(await MessagesAsync(setup, "note")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Date_triggers_fire_n_days_before_for_the_right_people_and_a_moved_date_fires_again()
    {
        var setup = await SetUpAsync();
        var couple = await setup.Studio.AddMemberAsync(Role.Client);
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime);
        var wedding = await (await setup.Admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Meera & Sahil", "Meera", "Sahil", today.AddDays(30), "Jaipur", null,
            null, null, null, [new TeamAssignment(couple.Id, TeamRole.Client), new TeamAssignment(coordinator.Id, TeamRole.Coordinator)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var instalment = await AddAsync(setup, new AutomationRuleRequest("Instalment", AutomationTrigger.InstalmentDue, null, 5, [],
            [Email("{{weddingTitle}}: the {{label}} of {{amount}} is due {{due}}.")]));
        var eventRule = await AddAsync(setup, new AutomationRuleRequest("Event", AutomationTrigger.EventSoon, null, 7, [], [Notify(AutomationStaff.Team, "{{eventName}} on {{eventDate}}")]));
        var rsvp = await AddAsync(setup, new AutomationRuleRequest("RSVP", AutomationTrigger.RsvpDeadline, null, 3, [], [Notify(AutomationStaff.User, "RSVPs close {{deadline}}", setup.Planner.Id)]));
        (await setup.Admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/payment-plan", new PaymentPlanRequest([
            new InstalmentRequest(null, "Advance", InstalmentKind.Advance, today.AddDays(5), 1_50_000_00)]), "\"0\"")).EnsureSuccessStatusCode();
        (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Sangeet, "Sangeet", today.AddDays(7).ToDateTime(new TimeOnly(19, 0)),
            today.AddDays(7).ToDateTime(new TimeOnly(23, 0)), null, null, null, null, null, null, null))).EnsureSuccessStatusCode();
        (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(EventType.Ceremony, "Pheras", today.AddDays(9).ToDateTime(new TimeOnly(10, 0)),
            today.AddDays(9).ToDateTime(new TimeOnly(13, 0)), null, null, null, null, null, null, null))).EnsureSuccessStatusCode();
        (await setup.Admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/guest-settings", new GuestListSettingsRequest(today.AddDays(3), null), "*")).EnsureSuccessStatusCode();

        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        Assert.Equal(new SweepResult(3, 0, 0, 0), await SweepAsync(setup, now));
        var toCouple = Assert.Single(await MessagesAsync(setup, "note"));
        Assert.Equal((couple.Email, wedding.Id), (toCouple.Recipient, toCouple.WeddingId));
        Assert.Contains("Meera & Sahil: the Advance of ₹1,50,000 is due", toCouple.Body, StringComparison.Ordinal);
        var notices = await MessagesAsync(setup, "automation");
        Assert.Contains(notices, n => n.Recipient == coordinator.Email && n.Body.StartsWith("Sangeet on ", StringComparison.Ordinal));
        Assert.DoesNotContain(notices, n => n.Recipient == couple.Email || n.Body.StartsWith("Pheras", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Recipient == setup.Planner.Email && n.Body == $"RSVPs close {IndianFormat.Date(today.AddDays(3))}");
        Assert.Single((await HistoryAsync(setup, eventRule.Id)).Items);
        Assert.Single((await HistoryAsync(setup, rsvp.Id)).Items);

        // The instalment moves a day later: a new occurrence, fired the next day; the Pheras come in range two days later.
        var plan = await setup.Admin.GetAsync<PaymentPlanResponse>($"/api/v1/weddings/{wedding.Id}/payment-plan");
        (await setup.Admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/payment-plan", new PaymentPlanRequest([
            new InstalmentRequest(plan.Instalments[0].Instalment.Id, "Advance", InstalmentKind.Advance, today.AddDays(6), 1_50_000_00)]), $"\"{plan.Version}\"")).EnsureSuccessStatusCode();
        Assert.Equal(new SweepResult(1, 0, 0, 2), await SweepAsync(setup, now.AddDays(1)));
        Assert.Equal(2, (await HistoryAsync(setup, instalment.Id)).Items.Count);
        Assert.Equal(1, (await SweepAsync(setup, now.AddDays(2))).Done);
        Assert.Equal(2, (await HistoryAsync(setup, eventRule.Id)).Items.Count);
    }

    [Fact]
    public async Task Two_sweeps_at_once_and_a_rerun_queue_every_message_exactly_once()
    {
        var setup = await SetUpAsync();
        await AddAsync(setup, new AutomationRuleRequest("Welcome", AutomationTrigger.LeadCreated, null, null, [], [Email("Namaste {{contactName}}")]));
        var at = DateTimeOffset.UtcNow.AddMinutes(1);
        const int leads = 40;
        for (var i = 0; i < leads; i++)
        {
            await LeadAsync(setup, $"Couple {i}", at.AddSeconds(i));
        }
        var sweepAt = at.AddMinutes(2);
        var both = await Task.WhenAll(Task.Run(() => SweepAsync(setup, sweepAt), Cancel), Task.Run(() => SweepAsync(setup, sweepAt), Cancel));
        Assert.Equal(leads, both.Sum(r => r.Done));
        Assert.Equal(leads, both.Sum(r => r.Done + r.AlreadyDone) - leads);
        Assert.Equal(new SweepResult(0, 0, 0, leads), await SweepAsync(setup, sweepAt.AddMinutes(5)));
        await using var db = await TenantDatabase.OpenAsync(Server, setup.Studio);
        var messages = await db.Set<WedTech.Server.Messaging.Outbox.OutboxMessage>().Where(m => m.TemplateKey == "note").Select(m => m.Recipient).ToListAsync(Cancel);
        Assert.Equal(leads, messages.Count);
        Assert.Equal(leads, messages.Distinct().Count());
        Assert.Equal(leads, await db.AutomationFirings.CountAsync(Cancel));
    }

    [Fact]
    public async Task A_sweep_job_due_while_the_studios_previous_sweep_runs_leaves_it_to_that_one()
    {
        var setup = await SetUpAsync();
        await AddAsync(setup, new AutomationRuleRequest("Welcome", AutomationTrigger.LeadCreated, null, null, [], [Email("Namaste {{contactName}}")]));
        var at = DateTimeOffset.UtcNow.AddMinutes(1);
        await LeadAsync(setup, "Meera & Kabir", at);
        var job = ActivatorUtilities.CreateInstance<TenantJobRunner<AutomationSweepJob, DateTimeOffset?>>(Server.Services);
        async Task<int> FiringsAsync()
        {
            await using var db = await TenantDatabase.OpenAsync(Server, setup.Studio);
            return await db.AutomationFirings.CountAsync(Cancel);
        }

        using (var running = Server.Services.GetRequiredService<JobStorage>().GetConnection())
        using (running.AcquireDistributedLock(AutomationSweepJob.LockOf(setup.Studio.TenantId), TimeSpan.FromSeconds(5)))
        {
            await job.RunAsync(setup.Studio.TenantId, null, at.AddMinutes(1), Cancel);
            Assert.Equal(0, await FiringsAsync());
        }
        await job.RunAsync(setup.Studio.TenantId, null, at.AddMinutes(1), Cancel);
        Assert.Equal(1, await FiringsAsync());
    }

    [Fact]
    public async Task The_operator_sweep_command_sweeps_the_studio_named_once_and_refuses_a_studio_it_does_not_serve()
    {
        var setup = await SetUpAsync();
        await AddAsync(setup, new AutomationRuleRequest("Welcome", AutomationTrigger.LeadCreated, null, null, [], [Email("Namaste {{contactName}}")]));
        var at = DateTimeOffset.UtcNow.AddMinutes(1);
        await LeadAsync(setup, "Meera & Kabir", at);
        await LeadAsync(setup, "Isha & Arjun", at.AddSeconds(1));
        var sweepAt = at.AddMinutes(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        var (code, output) = await RunCliAsync("automations", "sweep", setup.Studio.Slug, "--at", sweepAt);
        Assert.Equal(0, code);
        Assert.Contains("2 done, 0 skipped, 0 failed, 0 already done", output);
        (code, output) = await RunCliAsync("automations", "sweep", setup.Studio.Slug, "--at", sweepAt);
        Assert.Equal(0, code);
        Assert.Contains("0 done, 0 skipped, 0 failed, 2 already done", output);
        Assert.Equal(2, (await MessagesAsync(setup, "note")).Count);

        (code, output) = await RunCliAsync("automations", "sweep", "no-such-studio-here");
        Assert.Equal(2, code);
        Assert.Contains("no-such-studio-here", output);
    }

    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    private async Task<(int Code, string Output)> RunCliAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync(Cancel);
        var (stdout, stderr) = (Console.Out, Console.Error);
        try
        {
            using var captured = new StringWriter();
            Console.SetOut(captured);
            Console.SetError(captured);
            var code = await WedTech.Server.Platform.Cli.OperatorCli.RunAsync(Server.Services, args);
            return (code, captured.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            ConsoleLock.Release();
        }
    }

    [Fact]
    public async Task A_paused_rule_fires_nothing_and_resuming_does_not_fire_what_happened_while_paused()
    {
        var setup = await SetUpAsync();
        var rule = await AddAsync(setup, new AutomationRuleRequest("Welcome", AutomationTrigger.LeadCreated, null, null, [], [Email("Namaste {{contactName}}")]));
        var paused = await (await setup.Admin.PostAsync($"/api/v1/automations/{rule.Id}/pause", null, Cancel)).ReadAsync<AutomationRuleResponse>();
        Assert.True(paused.Paused);
        var during = await LeadAsync(setup, "While & Paused", DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.Equal(new SweepResult(0, 0, 0, 0), await SweepAsync(setup, DateTimeOffset.UtcNow.AddMinutes(1)));
        var resumed = await (await setup.Admin.PostAsync($"/api/v1/automations/{rule.Id}/resume", null, Cancel)).ReadAsync<AutomationRuleResponse>();
        Assert.False(resumed.Paused);
        Assert.True(resumed.ActiveSince > paused.ActiveSince);
        var after = await LeadAsync(setup, "After & Resume", DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(new SweepResult(1, 0, 0, 0), await SweepAsync(setup, DateTimeOffset.UtcNow.AddMinutes(2)));
        Assert.Equal(after, Assert.Single((await HistoryAsync(setup, rule.Id)).Items).SubjectId);
        Assert.NotEqual(during, after);
    }

    [Fact]
    public async Task A_rule_set_that_would_loop_is_refused_directly_and_through_a_chain_of_three()
    {
        var setup = await SetUpAsync();
        AutomationRuleRequest Move(string name, string from, string to) => new(name, AutomationTrigger.StageChanged, setup.Stage(from), null, [],
            [new AutomationAction(AutomationActionKind.MoveLead, StageId: setup.Stage(to))]);
        var itself = await setup.Admin.PostJsonAsync("/api/v1/automations", new AutomationRuleRequest("Any move", AutomationTrigger.StageChanged, null, null, [],
            [new AutomationAction(AutomationActionKind.MoveLead, StageId: setup.Stage("Contacted"))]));
        Assert.Contains("would start itself again", (await itself.ProblemAsync(HttpStatusCode.BadRequest)).Errors!["actions[0].stageId"][0], StringComparison.Ordinal);

        var a = await AddAsync(setup, Move("A", "Contacted", "Meeting"));
        var b = await AddAsync(setup, Move("B", "Meeting", "Proposal sent"));
        Assert.Equal(setup.Stage("Proposal sent"), (await setup.Admin.GetAsync<AutomationRuleResponse>($"/api/v1/automations/{b.Id}")).Actions.Single().StageId);
        var loop = await setup.Admin.PostJsonAsync("/api/v1/automations", Move("C", "Proposal sent", "Contacted"));
        Assert.Equal("These automations would start each other in a loop: “C” → “A” → “B” → “C”. Choose another stage, or pause one of them.",
            (await loop.ProblemAsync(HttpStatusCode.BadRequest)).Errors!["actions[0].stageId"][0]);
        Assert.Equal(2, (await setup.Admin.GetAsync<List<AutomationRuleResponse>>("/api/v1/automations")).Count);

        // Paused, it may be saved; resuming it would close the loop and is refused.
        var c = await AddAsync(setup, Move("C", "Proposal sent", "Contacted") with { Paused = true });
        var resume = await setup.Admin.PostAsync($"/api/v1/automations/{c.Id}/resume", null, Cancel);
        Assert.Contains("“A”", (await resume.ProblemAsync(HttpStatusCode.BadRequest)).Errors!["actions[0].stageId"][0], StringComparison.Ordinal);
        Assert.True((await setup.Admin.GetAsync<AutomationRuleResponse>($"/api/v1/automations/{c.Id}")).Paused);
        _ = (a, b);
    }

    [Fact]
    public async Task A_loop_that_got_past_the_save_stops_after_a_bounded_number_of_moves()
    {
        var setup = await SetUpAsync();
        // Written straight to the database, as if the stages had changed under the rules since they were saved.
        await using (var db = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            var since = DateTimeOffset.UtcNow.AddMinutes(-1);
            foreach (var (name, from, to) in new[] { ("Ping", "Contacted", "Meeting"), ("Pong", "Meeting", "Contacted") })
            {
                db.AutomationRules.Add(new AutomationRule
                {
                    Name = name, Trigger = AutomationTrigger.StageChanged, StageId = setup.Stage(from), ActiveSince = since,
                    Actions = [new AutomationAction(AutomationActionKind.MoveLead, StageId: setup.Stage(to))],
                });
            }
            await db.SaveChangesAsync(Cancel);
        }
        var lead = await LeadAsync(setup, "Round & Round", DateTimeOffset.UtcNow, LeadActivityKind.StageChanged, stageId: setup.Stage("Contacted"));
        for (var i = 0; i < AutomationSweep.MaxAutomaticMovesPerHour + 3; i++)
        {
            await SweepAsync(setup, DateTimeOffset.UtcNow.AddSeconds(1));
        }
        var firings = (await setup.Admin.GetAsync<PagedResponse<AutomationFiringResponse>>("/api/v1/automations/firings?pageSize=100")).Items;
        Assert.Equal(AutomationSweep.MaxAutomaticMovesPerHour, firings.Count(f => f.Outcome == AutomationOutcome.Done));
        Assert.Contains(firings, f => f.Outcome == AutomationOutcome.Failed && f.Reason!.StartsWith("Stopped: automations moved this lead", StringComparison.Ordinal));
        await using var check = await TenantDatabase.OpenAsync(Server, setup.Studio);
        Assert.Equal(AutomationSweep.MaxAutomaticMovesPerHour, await check.LeadActivities.CountAsync(a => a.LeadId == lead && a.Kind == LeadActivityKind.StageChanged && a.Text!.Contains("automation"), Cancel));
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_and_changes_nothing()
    {
        var setup = await SetUpAsync();
        var good = await AddAsync(setup, new AutomationRuleRequest("Welcome", AutomationTrigger.LeadCreated, null, null, [], [Email("Namaste {{contactName}}")]));
        async Task<IDictionary<string, string[]>> RefusedAsync(AutomationRuleRequest request) =>
            (await (await setup.Admin.PostJsonAsync("/api/v1/automations", request)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!;

        Assert.Contains("stageId", (await RefusedAsync(new("Unknown stage", AutomationTrigger.StageChanged, Guid.CreateVersion7(), null, [], [Email("Hi")]))).Keys);
        Assert.Contains("days", (await RefusedAsync(new("Too far", AutomationTrigger.EventSoon, null, 61, [], [Notify(AutomationStaff.Team, "Soon")]))).Keys);
        Assert.Contains("days", (await RefusedAsync(new("No days", AutomationTrigger.ProposalNotAccepted, null, 0, [], [Notify(AutomationStaff.Assignee, "Soon")]))).Keys);
        Assert.Contains("days", (await RefusedAsync(new("Days on a lead", AutomationTrigger.LeadCreated, null, 3, [], [Email("Hi")]))).Keys);
        Assert.Contains("actions[0].kind", (await RefusedAsync(new("Move a wedding", AutomationTrigger.EventSoon, null, 7, [], [new AutomationAction(AutomationActionKind.MoveLead, StageId: setup.Stage("Meeting"))]))).Keys);
        Assert.Contains("actions[0].staff", (await RefusedAsync(new("Team of a lead", AutomationTrigger.LeadCreated, null, null, [], [Notify(AutomationStaff.Team, "Hi")]))).Keys);
        Assert.Contains("actions[0].channel", (await RefusedAsync(new("SMS a wedding", AutomationTrigger.EventSoon, null, 7, [], [new AutomationAction(AutomationActionKind.SendMessage, MessageChannel.Sms, null, "Hi")]))).Keys);
        Assert.Contains("actions[0].stageId", (await RefusedAsync(new("To won", AutomationTrigger.LeadCreated, null, null, [], [new AutomationAction(AutomationActionKind.MoveLead, StageId: setup.Stage("Won"))]))).Keys);
        Assert.Contains("conditions[0].kind", (await RefusedAsync(new("Source of a wedding", AutomationTrigger.EventSoon, null, 7,
            [new AutomationCondition(AutomationConditionKind.LeadSource, Source: LeadSource.Instagram)], [Notify(AutomationStaff.Team, "Hi")]))).Keys);
        var task = await RefusedAsync(new("A task on a lead", AutomationTrigger.LeadCreated, null, null, [], [new AutomationAction(AutomationActionKind.CreateTask, Subject: "Call", Text: "Call the caterer")]));
        Assert.Contains("goes on a wedding", task["actions[0].kind"][0], StringComparison.Ordinal);
        Assert.Contains("actions[0].subject", (await RefusedAsync(new("A task", AutomationTrigger.EventSoon, null, 7, [], [new AutomationAction(AutomationActionKind.CreateTask, Text: "Call the caterer")]))).Keys);
        var merge = await RefusedAsync(new("Unknown field", AutomationTrigger.LeadCreated, null, null, [], [Email("Namaste {{guestName}}", "For {{ eventName }}")]));
        Assert.StartsWith("{{guestName}} is not a merge field of this trigger. Use: {{coupleNames}}", merge["actions[0].text"][0], StringComparison.Ordinal);
        Assert.Contains("actions[0].subject", merge.Keys);
        Assert.Contains("actions[0].userId", (await RefusedAsync(new("Nobody", AutomationTrigger.LeadCreated, null, null, [], [Notify(AutomationStaff.User, "Hi", Guid.CreateVersion7())]))).Keys);
        Assert.Contains("actions", (await RefusedAsync(new("No action", AutomationTrigger.LeadCreated, null, null, [], []))).Keys);

        var changed = await setup.Admin.PutJsonAsync($"/api/v1/automations/{good.Id}", new AutomationRuleRequest("Renamed", AutomationTrigger.EventSoon, null, 99, [], [Email("Hi")]), $"\"{good.Version}\"");
        await changed.ProblemAsync(HttpStatusCode.BadRequest);
        await (await setup.Admin.PutJsonAsync($"/api/v1/automations/{good.Id}", new AutomationRuleRequest("Renamed", AutomationTrigger.LeadCreated, null, null, [], [Email("Hi")]), "\"99\""))
            .ProblemAsync(HttpStatusCode.Conflict);
        var kept = Assert.Single(await setup.Admin.GetAsync<List<AutomationRuleResponse>>("/api/v1/automations"));
        Assert.Equal(("Welcome", good.Version), (kept.Name, kept.Version));
    }

    [Fact]
    public async Task Only_admins_manage_automations_and_another_studios_ids_are_not_found()
    {
        var setup = await SetUpAsync();
        var rule = await AddAsync(setup, new AutomationRuleRequest("Welcome", AutomationTrigger.LeadCreated, null, null, [], [Email("Namaste {{contactName}}")]));
        foreach (var role in new[] { Role.Planner, Role.Coordinator, Role.Client })
        {
            var member = await setup.Studio.AddMemberAsync(role);
            await (await member.Client.GetAsync("/api/v1/automations", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await member.Client.PostAsync($"/api/v1/automations/{rule.Id}/pause", null, Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await member.Client.GetAsync($"/api/v1/automations/{rule.Id}/history", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        }
        // The editor may name the active staff, never a couple.
        var members = (await setup.Admin.GetAsync<AutomationChoicesResponse>("/api/v1/automations/choices")).Members;
        Assert.Contains(members, m => (m.Id, m.Name, m.Role) == (setup.Planner.Id, "Priya Planner", Role.Planner));
        Assert.Contains(members, m => m.Role == Role.Coordinator);
        Assert.DoesNotContain(members, m => m.Role == Role.Client);
        var other = await NewStudioAsync();
        using var stranger = await other.AdminAsync();
        await (await stranger.GetAsync($"/api/v1/automations/{rule.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/automations/{rule.Id}/history", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/v1/automations/{rule.Id}/pause", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"/api/v1/automations/{rule.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.False((await setup.Admin.GetAsync<AutomationRuleResponse>($"/api/v1/automations/{rule.Id}")).Paused);
    }

    [Fact]
    public async Task A_new_studio_starts_with_the_recipes_and_the_instalment_reminder_is_paused()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var rules = await admin.GetAsync<List<AutomationRuleResponse>>("/api/v1/automations");
        var recipes = await admin.GetAsync<List<AutomationRecipeResponse>>("/api/v1/automations/recipes");
        Assert.Equal(recipes.Select(r => r.Key).Order(), rules.Select(r => r.RecipeKey!).Order());
        Assert.Equal(["instalment-due-couple"], rules.Where(r => r.Paused).Select(r => r.RecipeKey));
        Assert.Contains("already reminds the couple", recipes.Single(r => r.Key == "instalment-due-couple").Note, StringComparison.Ordinal);
        var added = await (await admin.PostAsync("/api/v1/automations/recipes/event-week-team", null, Cancel)).ReadAsync<AutomationRuleResponse>(HttpStatusCode.Created);
        Assert.Equal((AutomationTrigger.EventSoon, 7, false), (added.Trigger, added.Days, added.Paused));
        await (await admin.PostAsync("/api/v1/automations/recipes/no-such-recipe", null, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class AutomationTestsOnSqlite(SqliteServer server) : AutomationTests(server);

public sealed class AutomationTestsOnPostgres(PostgresServer server) : AutomationTests(server);

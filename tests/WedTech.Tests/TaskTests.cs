using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Automations;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tasks;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>A wedding's tasks: due dates that follow the wedding and its events, the board, templates, the couple's own tasks, reminders.</summary>
public abstract class TaskTests(TestServer server) : ProviderTests(server)
{
    private static readonly DateOnly WeddingDay = new(2027, 2, 14);

    private static readonly string[] EveryField = ["assignees", "due.eventId", "eventId"];

    private sealed record Setup(Studio Studio, HttpClient Admin, WeddingResponse Wedding, EventResponse Sangeet)
    {
        public string Tasks => $"/api/v1/weddings/{Wedding.Id}/tasks";
    }

    private async Task<Setup> SetUpAsync(Studio? studio = null, DateOnly? day = null)
    {
        studio ??= await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var date = day ?? WeddingDay;
        var wedding = await admin.CreateWeddingAsync("Meera & Sahil", date);
        var sangeet = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", SangeetOn(date.AddDays(-1))))
            .ReadAsync<EventResponse>(HttpStatusCode.Created);
        return new Setup(studio, admin, wedding, sangeet);
    }

    private static EventRequest SangeetOn(DateOnly day, int hour = 19) =>
        new(EventType.Sangeet, "Sangeet", day.ToDateTime(new TimeOnly(hour, 0)), day.ToDateTime(new TimeOnly(23, 0)), null, null, null, null, null, null, null);

    private static async Task<TaskResponse> AddAsync(Setup setup, TaskRequest request) =>
        (await (await setup.Admin.PostJsonAsync(setup.Tasks, request)).ReadAsync<TaskDetailResponse>(HttpStatusCode.Created)).Task;

    private static async Task<TaskDetailResponse> GetAsync(Setup setup, Guid id) => await setup.Admin.GetAsync<TaskDetailResponse>($"{setup.Tasks}/{id}");

    /// <summary>End of a day in India (UTC+05:30): an all-day task is due then.</summary>
    private static DateTimeOffset EndOfDay(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(5.5));

    /// <summary>
    /// Each assignment carries its task's open state and due instant ("my tasks" reads only them): after every kind of change
    /// (an edit, a move, the wedding or an event moving, an event removed, a template, an automation) they must agree.
    /// </summary>
    private async Task AssignmentsFollowTheirTasksAsync(Studio studio)
    {
        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        var tasks = await db.WeddingTasks.AsNoTracking().Include(t => t.Assignees).ToListAsync(Cancel);
        Assert.NotEmpty(tasks.SelectMany(t => t.Assignees));
        Assert.All(tasks.SelectMany(t => t.Assignees.Select(a => (t, a))), p =>
            Assert.Equal((p.t.Title, p.t.Status != TaskState.Done, p.t.DueAt), (p.t.Title, p.a.Open, p.a.DueAt)));
    }

    private static WeddingRequest Moved(WeddingResponse w, DateOnly to, IReadOnlyList<TeamAssignment>? team = null) =>
        new(w.Title, w.BrideName, w.GroomName, to, w.City, w.Status, null, 200, null, team);

    [Fact]
    public async Task Relative_due_dates_follow_the_wedding_and_the_event_and_a_removed_event_leaves_the_date_as_it_was()
    {
        var setup = await SetUpAsync();
        var me = (await setup.Admin.GetAsync<MeResponse>("/api/v1/me")).Id;
        var onDay = await AddAsync(setup, new TaskRequest("Pay the florist", Assignees: [me], Due: new TaskDue(On: new DateOnly(2027, 1, 10))));
        var timed = await AddAsync(setup, new TaskRequest("Call the DJ", Due: new TaskDue(On: new DateOnly(2027, 1, 11), At: new TimeOnly(10, 30))));
        var before = await AddAsync(setup, new TaskRequest("Send save-the-dates", Assignees: [me], Due: new TaskDue(Anchor: DueAnchor.Wedding, Days: -90)));
        var sound = await AddAsync(setup, new TaskRequest("Sound check", EventId: setup.Sangeet.Id, Assignees: [me],
            Due: new TaskDue(Anchor: DueAnchor.Event, EventId: setup.Sangeet.Id, Minutes: -120)));

        Assert.Equal((new DateOnly(2027, 1, 10), EndOfDay(new DateOnly(2027, 1, 10)), true), (onDay.DueOn, onDay.DueAt, onDay.AllDay));
        Assert.Equal(new DateTimeOffset(2027, 1, 11, 10, 30, 0, TimeSpan.FromHours(5.5)), timed.DueAt);
        Assert.Equal((WeddingDay.AddDays(-90), EndOfDay(WeddingDay.AddDays(-90))), (before.DueOn, before.DueAt));
        Assert.Equal((new DateTimeOffset(2027, 2, 13, 17, 0, 0, TimeSpan.FromHours(5.5)), false), (sound.DueAt, sound.AllDay));
        Assert.Equal(new TaskDue(Anchor: DueAnchor.Event, EventId: setup.Sangeet.Id, Minutes: -120), sound.Due);

        // The wedding moves a month: the task counted from it moves, the one on a date does not.
        (await setup.Admin.PutJsonAsync($"/api/v1/weddings/{setup.Wedding.Id}", Moved(setup.Wedding, WeddingDay.AddDays(30)), "*"))
            .EnsureSuccessStatusCode();
        Assert.Equal(WeddingDay.AddDays(-60), (await GetAsync(setup, before.Id)).Task.DueOn);
        Assert.Equal(new DateOnly(2027, 1, 10), (await GetAsync(setup, onDay.Id)).Task.DueOn);
        await AssignmentsFollowTheirTasksAsync(setup.Studio);
        // "My tasks" reads the assignments' copies of the dates: the save-the-dates (16 Dec) still comes before the florist (10 Jan).
        Assert.Equal(["Send save-the-dates", "Pay the florist", "Sound check"],
            (await setup.Admin.GetAsync<PagedResponse<TaskResponse>>("/api/v1/tasks/mine")).Items.Select(t => t.Title));

        // The sangeet starts an hour later: the sound check follows it.
        (await setup.Admin.PutJsonAsync($"/api/v1/events/{setup.Sangeet.Id}", SangeetOn(WeddingDay.AddDays(-1), 20), "*")).EnsureSuccessStatusCode();
        Assert.Equal(new DateTimeOffset(2027, 2, 13, 18, 0, 0, TimeSpan.FromHours(5.5)), (await GetAsync(setup, sound.Id)).Task.DueAt);
        await AssignmentsFollowTheirTasksAsync(setup.Studio);

        // The sangeet is removed: the sound check keeps its date and time, now fixed, and its history says why.
        (await setup.Admin.DeleteAsync($"/api/v1/events/{setup.Sangeet.Id}", Cancel)).EnsureSuccessStatusCode();
        var kept = await GetAsync(setup, sound.Id);
        Assert.Equal(new DateTimeOffset(2027, 2, 13, 18, 0, 0, TimeSpan.FromHours(5.5)), kept.Task.DueAt);
        Assert.Equal(new TaskDue(new DateOnly(2027, 2, 13), new TimeOnly(18, 0)), kept.Task.Due);
        Assert.Null(kept.Task.EventId);
        Assert.Contains("Sangeet was removed", Assert.Single(kept.History).Text, StringComparison.Ordinal);
        await AssignmentsFollowTheirTasksAsync(setup.Studio);
    }

    [Fact]
    public async Task Bad_input_gets_every_field_error_and_changes_nothing_stale_writes_409_and_another_studios_ids_404()
    {
        var setup = await SetUpAsync();
        var otherWedding = await setup.Admin.CreateWeddingAsync("Aanya & Rohan");
        var otherEvent = await (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{otherWedding.Id}/events", SangeetOn(WeddingDay)))
            .ReadAsync<EventResponse>(HttpStatusCode.Created);

        async Task<IDictionary<string, string[]>> RefusedAsync(TaskRequest request) =>
            (await (await setup.Admin.PostJsonAsync(setup.Tasks, request)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!;

        Assert.Contains("due.on", (await RefusedAsync(new TaskRequest("No anchor", Due: new TaskDue(Days: -90)))).Keys);
        Assert.Contains("due.eventId", (await RefusedAsync(new TaskRequest("No event", Due: new TaskDue(Anchor: DueAnchor.Event, Minutes: -60)))).Keys);
        Assert.Contains("due.days", (await RefusedAsync(new TaskRequest("No days", Due: new TaskDue(Anchor: DueAnchor.Wedding)))).Keys);
        var all = await RefusedAsync(new TaskRequest("Everything wrong", EventId: otherEvent.Id, Assignees: [Guid.CreateVersion7()],
            Due: new TaskDue(Anchor: DueAnchor.Event, EventId: otherEvent.Id, Minutes: -60)));
        Assert.Equal(EveryField, all.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(await setup.Admin.GetAsync<List<TaskResponse>>(setup.Tasks));

        var task = await AddAsync(setup, new TaskRequest("Book the band", Checklist: [new TaskChecklistItem(null, "Shortlist")]));
        var changed = await (await setup.Admin.PutJsonAsync($"{setup.Tasks}/{task.Id}", new TaskRequest("Book the band and dhol",
            Checklist: [new TaskChecklistItem(task.Checklist[0].Id, "Shortlist", true), new TaskChecklistItem(null, "Advance paid")]), $"\"{task.Version}\""))
            .ReadAsync<TaskResponse>();
        Assert.Equal(task.Checklist[0].Id, changed.Checklist[0].Id);
        Assert.True(changed.Checklist[0].Done);
        await (await setup.Admin.PutJsonAsync($"{setup.Tasks}/{task.Id}", new TaskRequest("Stale"), $"\"{task.Version}\"")).ProblemAsync(HttpStatusCode.Conflict);
        await (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{otherWedding.Id}/tasks/{task.Id}/move", new TaskMoveRequest(TaskState.Done))).ProblemAsync(HttpStatusCode.NotFound);

        var other = await (await NewStudioAsync()).AdminAsync();
        await (await other.GetAsync($"{setup.Tasks}/{task.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync($"{setup.Tasks}/{task.Id}/move", new TaskMoveRequest(TaskState.Done))).ProblemAsync(HttpStatusCode.NotFound);
        await (await other.PutJsonAsync($"{setup.Tasks}/{task.Id}", new TaskRequest("Mine now"), "*")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Book the band and dhol", (await GetAsync(setup, task.Id)).Task.Title);
    }

    [Fact]
    public async Task The_board_moves_tasks_between_columns_and_my_tasks_puts_the_overdue_first()
    {
        var setup = await SetUpAsync();
        var planner = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin, "Priya Planner");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime);
        var a = await AddAsync(setup, new TaskRequest("Later", Assignees: [planner.Id], Due: new TaskDue(On: today.AddDays(20))));
        var b = await AddAsync(setup, new TaskRequest("Overdue", Assignees: [planner.Id], Due: new TaskDue(On: today.AddDays(-3))));
        var c = await AddAsync(setup, new TaskRequest("No date", Assignees: [planner.Id]));
        await AddAsync(setup, new TaskRequest("Someone else's", Due: new TaskDue(On: today.AddDays(-5))));

        var mine = await planner.Client.GetAsync<PagedResponse<TaskResponse>>("/api/v1/tasks/mine");
        Assert.Equal(["Overdue", "Later", "No date"], mine.Items.Select(t => t.Title));
        Assert.True(mine.Items[0].Overdue);
        Assert.Equal("Meera & Sahil", mine.Items[0].WeddingTitle);

        // On the board: b goes to In progress, then c above it; a goes done and leaves "my tasks".
        (await planner.Client.PostJsonAsync($"{setup.Tasks}/{b.Id}/move", new TaskMoveRequest(TaskState.InProgress))).EnsureSuccessStatusCode();
        (await planner.Client.PostJsonAsync($"{setup.Tasks}/{c.Id}/move", new TaskMoveRequest(TaskState.InProgress, 0))).EnsureSuccessStatusCode();
        (await planner.Client.PostJsonAsync($"{setup.Tasks}/{a.Id}/move", new TaskMoveRequest(TaskState.Done))).EnsureSuccessStatusCode();
        var inProgress = await setup.Admin.GetAsync<List<TaskResponse>>($"{setup.Tasks}?status=in-progress");
        Assert.Equal([("No date", 0), ("Overdue", 1)], inProgress.Select(t => (t.Title, t.Position)));
        Assert.Equal(["Overdue", "No date"], (await planner.Client.GetAsync<PagedResponse<TaskResponse>>("/api/v1/tasks/mine")).Items.Select(t => t.Title));
        Assert.Equal(["Later"], (await setup.Admin.GetAsync<List<TaskResponse>>($"{setup.Tasks}?assigneeId={planner.Id}&status=done")).Select(t => t.Title));
        await AssignmentsFollowTheirTasksAsync(setup.Studio);

        // "Needs you" shows the overdue one.
        var needs = (await planner.Client.GetAsync<WeddingOverviewResponse>("/api/v1/weddings/overview")).NeedsYou.Where(n => n.Kind == AttentionKind.TaskDue).ToList();
        Assert.Equal(["Overdue"], needs.Select(n => n.Title));

        // A comment mentioning the planner tells them.
        var comment = await (await setup.Admin.PostJsonAsync($"{setup.Tasks}/{b.Id}/comments", new TaskCommentRequest("@Priya can you chase this?", [planner.Id])))
            .ReadAsync<TaskCommentResponse>(HttpStatusCode.Created);
        Assert.Equal([planner.Id], comment.Mentions);
        var told = (await setup.Admin.GetAsync<PagedResponse<MessageResponse>>($"/api/v1/messages?pageSize=100&weddingId={setup.Wedding.Id}")).Items
            .Where(m => m.TemplateKey == "task-mention").ToList();
        Assert.Equal(3, told.Count);
        Assert.Equal(1, (await GetAsync(setup, b.Id)).Task.Comments);
        Assert.Contains("mentions", (await (await setup.Admin.PostJsonAsync($"{setup.Tasks}/{b.Id}/comments", new TaskCommentRequest("Hi", [Guid.CreateVersion7()])))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task A_checklist_template_applies_with_dates_and_a_second_time_adds_nothing()
    {
        var setup = await SetUpAsync();
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator, setup.Admin);
        (await setup.Admin.PutJsonAsync($"/api/v1/weddings/{setup.Wedding.Id}", Moved(setup.Wedding, WeddingDay, [new TeamAssignment(coordinator.Id, TeamRole.Coordinator)]),
            "*")).EnsureSuccessStatusCode();
        var templates = await setup.Admin.GetAsync<List<TaskTemplateResponse>>("/api/v1/task-templates");
        Assert.Equal(2, templates.Count(t => t.BuiltIn));
        var north = templates.Single(t => t.Name == "North Indian wedding — 6 months");
        Assert.True(north.Items.Count >= 25);

        var applied = await (await setup.Admin.PostJsonAsync($"{setup.Tasks}/from-template", new ApplyTaskTemplateRequest(north.Id))).ReadAsync<ApplyTaskTemplateResponse>();
        Assert.Equal(north.Items.Count, applied.Created);
        // The wedding has a sangeet, not a mehendi, baraat or ceremony: those count from the wedding's day instead.
        Assert.Equal(3, applied.AnchoredToWedding.Count);
        Assert.Contains("Mehendi cones, cushions and music ready", applied.AnchoredToWedding);
        var tasks = await setup.Admin.GetAsync<List<TaskResponse>>(setup.Tasks);
        var venues = tasks.Single(t => t.Title == "Book the venues for the functions");
        Assert.Equal((WeddingDay.AddDays(-170), 4, TaskPriority.Urgent), (venues.DueOn, venues.Checklist.Count, venues.Priority));
        var walkthrough = tasks.Single(t => t.Title == "Décor walkthrough at the sangeet venue");
        Assert.Equal(new DateTimeOffset(2027, 2, 13, 15, 0, 0, TimeSpan.FromHours(5.5)), walkthrough.DueAt);
        Assert.Equal([coordinator.Id], walkthrough.Assignees.Select(a => a.UserId));

        var again = await (await setup.Admin.PostJsonAsync($"{setup.Tasks}/from-template", new ApplyTaskTemplateRequest(north.Id))).ReadAsync<ApplyTaskTemplateResponse>();
        Assert.Equal((0, north.Items.Count), (again.Created, again.Skipped.Count));
        Assert.Equal(tasks.Count, (await setup.Admin.GetAsync<List<TaskResponse>>(setup.Tasks)).Count);
        Assert.Contains("templateId", (await (await setup.Admin.PostJsonAsync($"{setup.Tasks}/from-template", new ApplyTaskTemplateRequest(Guid.CreateVersion7())))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);

        // A studio's own template: a line in minutes needs its event type.
        var bad = await (await setup.Admin.PostJsonAsync("/api/v1/task-templates", new TaskTemplateRequest("Ours", null, [new TaskTemplateItem("Lights", MinutesBefore: 60)])))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("items[0].eventType", bad.Errors!.Keys);
        (await setup.Admin.PostJsonAsync("/api/v1/task-templates", new TaskTemplateRequest("Ours", null, [new TaskTemplateItem("Lights", EventType: EventType.Sangeet, MinutesBefore: 60)])))
            .EnsureSuccessStatusCode();

        // A wedding template saved from this wedding carries its tasks to the next wedding made from it.
        var saved = await (await setup.Admin.PostJsonAsync("/api/v1/templates", new WeddingTemplateRequest("Meera's", null, setup.Wedding.Id)))
            .ReadAsync<WeddingTemplateResponse>(HttpStatusCode.Created);
        var next = await (await setup.Admin.PostJsonAsync($"/api/v1/templates/{saved.Id}/weddings", new WeddingFromTemplateRequest(
            new WeddingRequest("Aanya & Rohan", "Aanya", "Rohan", new DateOnly(2027, 12, 5), "Udaipur", WeddingStatus.Booked, null, 200, null, null),
            new DateOnly(2027, 12, 4), null))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var carried = await setup.Admin.GetAsync<List<TaskResponse>>($"/api/v1/weddings/{next.Id}/tasks");
        Assert.Equal(tasks.Count, carried.Count);
        Assert.Equal(new DateOnly(2027, 12, 5).AddDays(-170), carried.Single(t => t.Title == "Book the venues for the functions").DueOn);
        Assert.Equal(new DateTimeOffset(2027, 12, 4, 15, 0, 0, TimeSpan.FromHours(5.5)), carried.Single(t => t.Title == "Décor walkthrough at the sangeet venue").DueAt);
    }

    [Fact]
    public async Task The_couple_see_and_tick_only_their_own_tasks()
    {
        var setup = await SetUpAsync();
        var couple = await setup.Studio.AddMemberAsync(Role.Client, setup.Admin);
        (await setup.Admin.PutJsonAsync($"/api/v1/weddings/{setup.Wedding.Id}", Moved(setup.Wedding, WeddingDay, [new TeamAssignment(couple.Id, TeamRole.Client)]),
            "*")).EnsureSuccessStatusCode();
        var theirs = await AddAsync(setup, new TaskRequest("Choose the lehenga", Assignees: [couple.Id], Checklist: [new TaskChecklistItem(null, "Visit Chandni Chowk")]));
        var ours = await AddAsync(setup, new TaskRequest("Pay the caterer"));
        var outsider = await setup.Studio.AddMemberAsync(Role.Client, setup.Admin);
        Assert.Contains("assignees", (await (await setup.Admin.PostJsonAsync(setup.Tasks, new TaskRequest("Not their wedding", Assignees: [outsider.Id])))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);

        var own = $"/api/v1/weddings/{setup.Wedding.Id}/our-tasks";
        Assert.Equal(["Choose the lehenga"], (await couple.Client.GetAsync<List<TaskResponse>>(own)).Select(t => t.Title));
        await (await couple.Client.GetAsync($"{own}/{ours.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await couple.Client.PostJsonAsync($"{own}/{ours.Id}/move", new TaskMoveRequest(TaskState.Done))).ProblemAsync(HttpStatusCode.NotFound);
        await (await couple.Client.GetAsync(setup.Tasks, Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("status", (await (await couple.Client.PostJsonAsync($"{own}/{theirs.Id}/move", new TaskMoveRequest(TaskState.Blocked)))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);

        (await couple.Client.PostJsonAsync($"{own}/{theirs.Id}/checklist/{theirs.Checklist[0].Id}", new ChecklistTickRequest(true))).EnsureSuccessStatusCode();
        (await couple.Client.PostJsonAsync($"{own}/{theirs.Id}/move", new TaskMoveRequest(TaskState.Done))).EnsureSuccessStatusCode();
        (await couple.Client.PostJsonAsync($"{own}/{theirs.Id}/comments", new TaskCommentRequest("Done, we loved the red one"))).EnsureSuccessStatusCode();
        var after = await GetAsync(setup, theirs.Id);
        Assert.Equal((TaskState.Done, true, 1), (after.Task.Status, after.Task.Checklist[0].Done, after.CommentList.Count));
        Assert.Equal(TaskState.ToDo, (await GetAsync(setup, ours.Id)).Task.Status);
        await (await outsider.Client.GetAsync(own, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reminders_go_once_before_due_and_once_overdue_through_each_persons_channels_and_again_when_the_date_moves()
    {
        var setup = await SetUpAsync();
        var planner = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin);
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator, setup.Admin);
        (await coordinator.Client.PutJsonAsync("/api/v1/me/reminder-channels", new ReminderChannels(false, false, true))).EnsureSuccessStatusCode();
        Assert.Equal(new ReminderChannels(false, false, true), await coordinator.Client.GetAsync<ReminderChannels>("/api/v1/me/reminder-channels"));
        var now = DateTimeOffset.UtcNow;
        var local = TimeZoneInfo.ConvertTime(now.AddHours(3), TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));
        var soon = await AddAsync(setup, new TaskRequest("Confirm the mehendi artist", Assignees: [planner.Id, coordinator.Id],
            Due: new TaskDue(DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime))));
        var late = await AddAsync(setup, new TaskRequest("Send the room list", Assignees: [planner.Id], Due: new TaskDue(On: new DateOnly(2026, 1, 5))));
        await AddAsync(setup, new TaskRequest("Far away", Assignees: [planner.Id], Due: new TaskDue(On: new DateOnly(2030, 1, 5))));
        await AddAsync(setup, new TaskRequest("Done already", Assignees: [planner.Id], Status: TaskState.Done, Due: new TaskDue(On: new DateOnly(2026, 1, 5))));

        async Task RunAsync(DateTimeOffset at) => await ActivatorUtilities.CreateInstance<TenantJobRunner<TaskReminderJob, DateTimeOffset?>>(Server.Services)
            .RunAsync(setup.Studio.TenantId, null, at, Cancel);
        async Task<List<MessageResponse>> RemindersAsync() => [.. (await setup.Admin.GetAsync<PagedResponse<MessageResponse>>($"/api/v1/messages?pageSize=100&weddingId={setup.Wedding.Id}"))
            .Items.Where(m => m.TemplateKey is "task-due" or "task-overdue")];

        await RunAsync(now);
        await RunAsync(now);
        await using (var rows = await TenantDatabase.OpenAsync(Server, setup.Studio))
        {
            Assert.Equal(2, await rows.TaskReminders.CountAsync(Cancel));
        }
        var sent = await RemindersAsync();
        // Due soon: the planner on three channels, the coordinator by e-mail only; overdue: the planner on three.
        Assert.Equal(3 + 1, sent.Count(m => m.TemplateKey == "task-due"));
        Assert.Equal([coordinator.Email], sent.Where(m => m.TemplateKey == "task-due" && m.Recipient != planner.Id.ToString() && m.Recipient != planner.Email).Select(m => m.Recipient));
        Assert.Equal(3, sent.Count(m => m.TemplateKey == "task-overdue"));
        Assert.Contains(sent, m => m.Subject == "Overdue: Send the room list");

        // Past its time the soon one is overdue: told once more; the late one moves to a new date past: told again.
        (await setup.Admin.PutJsonAsync($"{setup.Tasks}/{late.Id}", new TaskRequest("Send the room list", Assignees: [planner.Id],
            Due: new TaskDue(On: new DateOnly(2026, 2, 5))), $"\"{late.Version}\"")).EnsureSuccessStatusCode();
        await RunAsync(now.AddHours(4));
        await RunAsync(now.AddHours(4));
        sent = await RemindersAsync();
        Assert.Equal(3 + 3 + 3 + 1, sent.Count(m => m.TemplateKey == "task-overdue"));
        Assert.Equal(4, sent.Count(m => m.TemplateKey == "task-due"));
        await using var db = await TenantDatabase.OpenAsync(Server, setup.Studio);
        Assert.Equal(4, await db.TaskReminders.CountAsync(r => r.TaskId == soon.Id || r.TaskId == late.Id, Cancel));
    }

    [Fact]
    public async Task An_automation_creates_a_task_on_the_wedding_exactly_once_however_often_it_sweeps()
    {
        var setup = await SetUpAsync(day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime).AddDays(8));
        foreach (var rule in await setup.Admin.GetAsync<List<AutomationRuleResponse>>("/api/v1/automations"))
        {
            (await setup.Admin.DeleteAsync($"/api/v1/automations/{rule.Id}", Cancel)).EnsureSuccessStatusCode();
        }
        var planner = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin);
        (await setup.Admin.PostJsonAsync("/api/v1/automations", new AutomationRuleRequest("Sangeet prep", AutomationTrigger.EventSoon, null, 7, [],
            [new AutomationAction(AutomationActionKind.CreateTask, Subject: "Prepare {{eventName}}", Text: "Check the run of show", Staff: AutomationStaff.User, UserId: planner.Id, Days: 2)])))
            .EnsureSuccessStatusCode();
        async Task SweepAsync()
        {
            await using var scope = Server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IJobTenant>().EnterAsync(setup.Studio.TenantId, Cancel);
            await scope.ServiceProvider.GetRequiredService<AutomationSweep>().RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), Cancel);
        }
        await Task.WhenAll(SweepAsync(), SweepAsync());
        await SweepAsync();
        var task = Assert.Single(await setup.Admin.GetAsync<List<TaskResponse>>(setup.Tasks));
        Assert.Equal(("Prepare Sangeet", "Check the run of show"), (task.Title, task.Description));
        Assert.Equal([planner.Id], task.Assignees.Select(a => a.UserId));
        await AssignmentsFollowTheirTasksAsync(setup.Studio);
    }
}

public sealed class TaskTestsOnSqlite(SqliteServer server) : TaskTests(server);

public sealed class TaskTestsOnPostgres(PostgresServer server) : TaskTests(server);

using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Realtime;
using WedTech.App.Features.Tasks;
using WedTech.App.Features.Tasks.Components;
using WedTech.App.Features.Tasks.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

/// <summary>
/// The tasks client holds the server's routes; the wedding's tasks show as a list and a board whose cards move where they are
/// dropped; each role is offered only what it may do; a planner applies a checklist; a coordinator ticks; the couple see theirs.
/// </summary>
public class TasksAppTests : AppTestContext
{
    private static readonly Guid T1 = Guid.Parse("01938a00-0000-7000-8000-0000000000a1");
    private static readonly Guid T2 = Guid.Parse("01938a00-0000-7000-8000-0000000000a2");
    private static readonly Guid T3 = Guid.Parse("01938a00-0000-7000-8000-0000000000a3");
    private static readonly Guid Item1 = Guid.Parse("01938a00-0000-7000-8000-0000000000c1");
    private static readonly Guid Tpl = Guid.Parse("01938a00-0000-7000-8000-0000000000d1");
    private static readonly Guid SangeetId = Guid.Parse("01938a00-0000-7000-8000-0000000000e1");
    private static readonly Guid PlannerId = Guid.Parse("01938a00-0000-7000-8000-0000000000f1");

    private static readonly TeamMemberResponse Planner = new(PlannerId, "Priya Planner", Role.Planner, TeamRole.LeadPlanner);

    public static TheoryData<string, string> Routes => new()
    {
        { TasksApi.Routes.OfWedding(WeddingId), $"/api/v1/weddings/{WeddingId}/tasks" },
        { TasksApi.Routes.List(WeddingId, TaskState.InProgress, T1, T2), $"/api/v1/weddings/{WeddingId}/tasks?status=in-progress&assigneeId={T1}&eventId={T2}" },
        { TasksApi.Routes.One(WeddingId, T1), $"/api/v1/weddings/{WeddingId}/tasks/{T1}" },
        { TasksApi.Routes.Move(WeddingId, T1), $"/api/v1/weddings/{WeddingId}/tasks/{T1}/move" },
        { TasksApi.Routes.Tick(WeddingId, T1, Item1), $"/api/v1/weddings/{WeddingId}/tasks/{T1}/checklist/{Item1}" },
        { TasksApi.Routes.Comments(WeddingId, T1), $"/api/v1/weddings/{WeddingId}/tasks/{T1}/comments" },
        { TasksApi.Routes.FromTemplate(WeddingId), $"/api/v1/weddings/{WeddingId}/tasks/from-template" },
        { TasksApi.Routes.Ours(WeddingId), $"/api/v1/weddings/{WeddingId}/our-tasks" },
        { TasksApi.Routes.OurMove(WeddingId, T1), $"/api/v1/weddings/{WeddingId}/our-tasks/{T1}/move" },
        { TasksApi.Routes.OurTick(WeddingId, T1, Item1), $"/api/v1/weddings/{WeddingId}/our-tasks/{T1}/checklist/{Item1}" },
        { TasksApi.Routes.OurComments(WeddingId, T1), $"/api/v1/weddings/{WeddingId}/our-tasks/{T1}/comments" },
        { TasksApi.Routes.MinePage(1, 100), "/api/v1/tasks/mine?page=1&pageSize=100" },
        { TasksApi.Routes.Templates, "/api/v1/task-templates" },
        { TasksApi.Routes.Template(Tpl), $"/api/v1/task-templates/{Tpl}" },
        { TasksApi.Routes.ReminderChannels, "/api/v1/me/reminder-channels" },
        { TasksApi.Routes.Page(WeddingId, T1), $"weddings/{WeddingId}/tasks?task={T1}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_route_is_the_address_the_API_maps(string route, string expected) => route.ShouldBe(expected);

    [Fact]
    public void Due_rules_read_as_a_planner_says_them()
    {
        Func<Guid, string?> names = id => id == SangeetId ? "Sangeet" : null;
        TaskWords.Rule(new TaskDue(Anchor: DueAnchor.Wedding, Days: -90)).ShouldBe("90 days before the wedding");
        TaskWords.Rule(new TaskDue(Anchor: DueAnchor.Wedding, Days: 1)).ShouldBe("1 day after the wedding");
        TaskWords.Rule(new TaskDue(Anchor: DueAnchor.Event, EventId: SangeetId, Minutes: -120), names).ShouldBe("2 h before Sangeet");
        TaskWords.Rule(new TaskDue(Anchor: DueAnchor.Event, EventId: SangeetId, Minutes: 90), names).ShouldBe("1 h 30 min after Sangeet");
        TaskWords.Rule(new TaskDue(On: new DateOnly(2027, 2, 12), At: new TimeOnly(17, 30))).ShouldBe("12 Feb 2027, 17:30");
        TaskWords.Rule((TaskDue?)null).ShouldBe("No due date");
        TaskWords.Rule(new TaskTemplateItem("Décor walkthrough", EventType: EventType.Sangeet, MinutesBefore: 240)).ShouldBe("4 h before the Sangeet");
        TaskWords.Rule(new TaskTemplateItem("Settle balances", DaysBefore: -1)).ShouldBe("1 day after the wedding");
        TaskWords.Of(TaskState.InProgress).ShouldBe("In progress");
    }

    [Fact]
    public void The_dialogs_due_rule_goes_both_ways()
    {
        var rule = new TaskDue(Anchor: DueAnchor.Event, EventId: SangeetId, Minutes: -120);
        var model = TaskDueModel.From(rule);
        (model.Kind, model.Amount, model.InHours, model.Before).ShouldBe((TaskDueModel.Kinds.Event, 2, true, true));
        model.ToDue(out var error).ShouldBe(rule);
        error.ShouldBeNull();

        TaskDueModel.From(new TaskDue(Anchor: DueAnchor.Wedding, Days: -90)).ToDue(out _).ShouldBe(new TaskDue(Anchor: DueAnchor.Wedding, Days: -90));
        new TaskDueModel { Kind = TaskDueModel.Kinds.Date, On = new DateTime(2027, 2, 12), At = "5pm" }.ToDue(out error).ShouldBeNull();
        error.ShouldBe("Write the time as 17:30, or leave it empty for the whole day.");
        new TaskDueModel { Kind = TaskDueModel.Kinds.Event }.ToDue(out error).ShouldBeNull();
        error.ShouldBe("Choose the event it counts from.");
    }

    private static TaskResponse Task(Guid id, string title, TaskState status, int position, bool overdue = false, DateOnly? dueOn = null, TaskDue? due = null,
        IReadOnlyList<TaskChecklistItem>? checklist = null, string? weddingTitle = null, IReadOnlyList<TaskAssignee>? assignees = null) =>
        new(id, WeddingId, weddingTitle, null, title, null, status, TaskPriority.Normal, position, assignees ?? [new TaskAssignee(PlannerId, "Priya Planner", false)],
            due ?? (dueOn is { } d ? new TaskDue(On: d) : null), dueOn, dueOn is { } on ? new DateTimeOffset(on.ToDateTime(new TimeOnly(23, 59)), TimeSpan.FromHours(5.5)) : null,
            true, overdue, checklist ?? [], 0, 1);

    private static List<TaskResponse> Tasks() =>
    [
        Task(T1, "Book the caterer", TaskState.ToDo, 0, dueOn: new DateOnly(2027, 1, 10), due: new TaskDue(Anchor: DueAnchor.Wedding, Days: -150)),
        Task(T2, "Send save-the-dates", TaskState.ToDo, 1, overdue: true, dueOn: new DateOnly(2026, 11, 1)),
        Task(T3, "Block hotel rooms", TaskState.InProgress, 0, checklist: [new TaskChecklistItem(Item1, "Call the hotel", false)]),
    ];

    private static WeddingResponse Wedding() => new(WeddingId, "Sharma–Verma wedding", "Priya", "Rohan", new DateOnly(2027, 6, 10), "Jaipur", WeddingStatus.Booked,
        null, "INR", 300, null, [Planner, WeddingPeople.Kavya, WeddingPeople.Priya], 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private IRenderedComponent<WeddingTasks> RenderTasks(string? query = null)
    {
        Api.Returns($"/api/v1/weddings/{WeddingId}", Wedding());
        Api.Returns(EventsApiSchedule, Schedule(Event(SangeetId.ToString(), EventType.Sangeet, "Sangeet", new DateTime(2027, 6, 9, 19, 0, 0), new DateTime(2027, 6, 9, 23, 0, 0), null)));
        Api.Returns(TasksApi.Routes.OfWedding(WeddingId), Tasks());
        Navigation.NavigateTo($"weddings/{WeddingId}/tasks{query}");
        return Render<WeddingTasks>(p => p.Add(x => x.Id, WeddingId));
    }

    private static string EventsApiSchedule => WedTech.App.Features.Events.EventsApi.Routes.Schedule(WeddingId);

    [Fact]
    public async Task The_list_puts_overdue_first_and_marks_it_with_the_rule_it_counts_by()
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        var page = RenderTasks();
        page.WaitForElement("[data-test=task-row]");

        page.FindAll("[data-test=group]").Select(g => g.TextContent).ShouldBe(["Overdue · 1", "Coming up · 1", "No due date · 1"]);
        var rows = page.FindAll("[data-test=task-row]");
        rows[0].GetAttribute("data-task").ShouldBe(T2.ToString());
        rows[0].QuerySelector("[data-test=task-due]")!.TextContent.ShouldBe("1 Nov 2026 · overdue");
        rows[1].TextContent.ShouldContain("10 Jan 2027");
        rows[1].TextContent.ShouldContain("150 days before the wedding");
        page.FindAll("[data-test=add-task]").Count.ShouldBe(1);
        page.FindAll("[data-test=apply-template]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_card_dropped_on_another_column_moves_there_and_the_server_is_told()
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        Api.Returns(TasksApi.Routes.Move(WeddingId, T1), Tasks()[0] with { Status = TaskState.InProgress }, "POST");
        var page = RenderTasks("?view=board");
        page.WaitForElement("[data-test=task-card]");

        page.FindAll("[data-test=column]").Select(c => c.GetAttribute("data-status")).ShouldBe(["ToDo", "InProgress", "Blocked", "Done"]);
        var card = page.Find($"[data-task='{T1}']");
        card.GetAttribute("draggable").ShouldBe("true");
        await card.TriggerEventAsync("ondragstart", new DragEventArgs());
        await page.FindAll("[data-test=column]")[1].TriggerEventAsync("ondrop", new DragEventArgs());

        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == TasksApi.Routes.Move(WeddingId, T1)));
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("in-progress");
        body.GetProperty("position").ValueKind.ShouldBe(JsonValueKind.Null);

        // Dropped on the top card of In progress: above it, at place 0.
        Api.Returns(TasksApi.Routes.Move(WeddingId, T2), Tasks()[1] with { Status = TaskState.InProgress }, "POST");
        await page.Find($"[data-task='{T2}']").TriggerEventAsync("ondragstart", new DragEventArgs());
        await page.Find($"[data-task='{T3}']").TriggerEventAsync("ondrop", new DragEventArgs());
        page.WaitForAssertion(() => Api.RequestBodies.Count.ShouldBe(2));
        var onto = JsonDocument.Parse(Api.RequestBodies[1]).RootElement;
        (onto.GetProperty("status").GetString(), onto.GetProperty("position").GetInt32()).ShouldBe(("in-progress", 0));
    }

    [Fact]
    public async Task On_a_phone_Move_to_moves_a_card_without_dragging()
    {
        await SignInAsAsync(Role.Coordinator);
        var popovers = Render<MudPopoverProvider>();
        Api.Returns(TasksApi.Routes.Move(WeddingId, T1), Tasks()[0] with { Status = TaskState.Blocked }, "POST");
        var page = RenderTasks("?view=board");
        page.WaitForElement("[data-test=task-card]");

        page.FindAll("[data-test=add-task]").ShouldBeEmpty();
        page.FindAll("[data-test=apply-template]").ShouldBeEmpty();
        await page.InvokeAsync(() => page.Find($"[data-task='{T1}'] [data-test=move-menu] button").Click());
        await popovers.InvokeAsync(() => popovers.WaitForElements("[data-test=move-to]").Single(e => e.GetAttribute("data-status") == "Blocked").Click());

        page.WaitForAssertion(() => Api.RequestBodies.ShouldContain(b => b.Contains("\"status\":\"blocked\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_planner_applies_a_checklist_and_is_told_what_counted_from_the_wedding_day()
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Api.Returns(TasksApi.Routes.Templates, new List<TaskTemplateResponse>
        {
            new(Tpl, "North Indian wedding — 6 months", "From six months out", true, [new TaskTemplateItem("Book the venues", DaysBefore: 170)], 1),
        });
        Api.Returns(TasksApi.Routes.FromTemplate(WeddingId), new ApplyTaskTemplateResponse(26, [], ["Mehendi cones, cushions and music ready"]), "POST");
        var page = RenderTasks();
        page.WaitForElement("[data-test=task-row]");

        await page.InvokeAsync(() => page.Find("[data-test=apply-template]").Click());
        dialogs.WaitForElement("input[data-test=template]").GetAttribute("value").ShouldBe("North Indian wedding — 6 months");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=apply]").Click());

        page.WaitForAssertion(() => page.Find("[data-test=applied]").TextContent.ShouldContain("26 tasks added from North Indian wedding — 6 months."));
        page.Find("[data-test=anchored]").TextContent.ShouldContain("Mehendi cones, cushions and music ready");
        JsonDocument.Parse(Api.RequestBodies.Single()).RootElement.GetProperty("templateId").GetGuid().ShouldBe(Tpl);
    }

    private static TaskDetailResponse Detail() => new(Tasks()[2], [new TaskCommentResponse(Guid.NewGuid(), PlannerId, "Priya Planner", "Ask for the group rate", [], DateTimeOffset.UnixEpoch)], []);

    [Fact]
    public async Task A_reminders_link_opens_the_task_where_a_coordinator_ticks_and_comments_but_edits_nothing()
    {
        await SignInAsAsync(Role.Coordinator);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Api.Returns(TasksApi.Routes.One(WeddingId, T3), Detail());
        Api.Returns(TasksApi.Routes.Tick(WeddingId, T3, Item1), Tasks()[2] with { Checklist = [new TaskChecklistItem(Item1, "Call the hotel", true)] }, "POST");
        Api.Returns(TasksApi.Routes.Comments(WeddingId, T3), new TaskCommentResponse(Guid.NewGuid(), null, "Test Coordinator", "Done @Priya Planner", [PlannerId], DateTimeOffset.UnixEpoch), "POST");
        Api.Returns($"/api/v1/files?ownerType=task&ownerId={T3}&pageSize=100", new PagedResponse<FileResponse>([], 1, 100, 0));
        RenderTasks($"?task={T3}");

        dialogs.WaitForElement("[data-test=task-facts]");
        dialogs.FindAll("#task-title").ShouldBeEmpty();
        dialogs.FindAll("[data-test=save-task]").ShouldBeEmpty();
        dialogs.FindAll("[data-test=delete-task]").ShouldBeEmpty();
        dialogs.Find("[data-test=comments]").TextContent.ShouldContain("Ask for the group rate");

        dialogs.Find("input[data-test=tick]").Change(true);
        dialogs.WaitForAssertion(() => Api.RequestBodies.ShouldContain("{\"done\":true}"));

        dialogs.Find("#task-comment").Input("Done @Priya Planner");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=post-comment]").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=comments]").TextContent.ShouldContain("Done @Priya Planner"));
        var comment = JsonDocument.Parse(Api.RequestBodies.Last()).RootElement;
        comment.GetProperty("mentions")[0].GetGuid().ShouldBe(PlannerId);
    }

    [Fact]
    public async Task A_planner_adds_a_task_due_hours_before_an_event()
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Api.Returns(TasksApi.Routes.OfWedding(WeddingId), new TaskDetailResponse(Tasks()[0], [], []), "POST");
        var page = RenderTasks();
        page.WaitForElement("[data-test=task-row]");

        await page.InvokeAsync(() => page.Find("[data-test=add-task]").Click());
        dialogs.WaitForElement("#task-title").Change("Sound check");
        await dialogs.InvokeAsync(() => dialogs.Find("input[data-test=due-kind-Event]").Click());
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-task]").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=due-error]").TextContent.ShouldBe("Choose the event it counts from."));
        Api.RequestBodies.ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_persons_change_shows_without_reloading()
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        var page = RenderTasks();
        page.WaitForElement("[data-test=task-row]");

        Api.Returns(TasksApi.Routes.OfWedding(WeddingId), Tasks().Append(Task(Guid.NewGuid(), "Order the wedding cards", TaskState.ToDo, 2)).ToList());
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.TasksChanged, 3));

        page.WaitForAssertion(() => page.Markup.ShouldContain("Order the wedding cards"));
    }

    [Fact]
    public async Task My_tasks_on_a_coordinators_phone_puts_overdue_first_and_ticks_one_done()
    {
        await SignInAsAsync(Role.Coordinator);
        Render<MudSnackbarProvider>();
        var mine = new List<TaskResponse>
        {
            Task(T2, "Send save-the-dates", TaskState.ToDo, 1, overdue: true, dueOn: new DateOnly(2026, 11, 1), weddingTitle: "Sharma–Verma wedding"),
            Task(T3, "Block hotel rooms", TaskState.InProgress, 0, checklist: [new TaskChecklistItem(Item1, "Call the hotel", false)], weddingTitle: "Kapoor–Mehta wedding"),
        };
        Api.Returns(TasksApi.Routes.MinePage(1, 100), new PagedResponse<TaskResponse>(mine, 1, 100, 2));
        Api.Returns(TasksApi.Routes.Move(WeddingId, T2), mine[0] with { Status = TaskState.Done }, "POST");
        Api.Returns(TasksApi.Routes.Tick(WeddingId, T3, Item1), mine[1] with { Checklist = [new TaskChecklistItem(Item1, "Call the hotel", true)] }, "POST");
        var page = Render<MyTasks>();
        page.WaitForElement("[data-test=my-task]");

        var first = page.FindAll("[data-test=my-task]")[0];
        first.TextContent.ShouldContain("Sharma–Verma wedding");
        first.QuerySelector("[data-test=task-due]")!.TextContent.ShouldBe("1 Nov 2026 · overdue");
        first.QuerySelector("[data-test=task-title]")!.GetAttribute("href").ShouldBe($"weddings/{WeddingId}/tasks?task={T2}");

        page.Find($"[data-task='{T2}'] input[data-test=task-done]").Change(true);
        page.WaitForAssertion(() => page.Find($"[data-task='{T2}']").TextContent.ShouldContain("Done"));
        JsonDocument.Parse(Api.RequestBodies[0]).RootElement.GetProperty("status").GetString().ShouldBe("done");

        page.Find($"[data-task='{T3}'] input[data-test=tick]").Change(true);
        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.RequestUri!.AbsolutePath == TasksApi.Routes.Tick(WeddingId, T3, Item1)));
    }

    [Fact]
    public async Task The_couple_see_and_tick_only_their_tasks_through_their_own_routes()
    {
        await SignInAsAsync(Role.Client);
        Render<MudPopoverProvider>();
        var ours = new List<TaskResponse>
        {
            Task(T1, "Choose the lehenga", TaskState.ToDo, 0, checklist: [new TaskChecklistItem(Item1, "Shortlist three", false)], assignees: [new TaskAssignee(WeddingPeople.PriyaId, "Priya Sharma", true)]),
        };
        Api.Returns($"/api/v1/weddings/{WeddingId}", Wedding());
        Api.Returns(TasksApi.Routes.Ours(WeddingId), ours);
        Api.Returns(TasksApi.Routes.OurMove(WeddingId, T1), ours[0] with { Status = TaskState.Done }, "POST");
        Api.Returns(TasksApi.Routes.OurTick(WeddingId, T1, Item1), ours[0] with { Checklist = [new TaskChecklistItem(Item1, "Shortlist three", true)] }, "POST");
        var page = Render<OurTasks>(p => p.Add(x => x.Id, WeddingId));
        page.WaitForElement("[data-test=our-task]");

        page.FindAll("[data-test=our-task]").Count.ShouldBe(1);
        page.Find("input[data-test=tick]").Change(true);
        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.RequestUri!.AbsolutePath == TasksApi.Routes.OurTick(WeddingId, T1, Item1)));
        page.Find("input[data-test=task-done]").Change(true);
        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.RequestUri!.AbsolutePath == TasksApi.Routes.OurMove(WeddingId, T1)));
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath.StartsWith(TasksApi.Routes.OfWedding(WeddingId), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminders_link_takes_the_couple_to_their_own_tasks_with_the_task_open()
    {
        await SignInAsAsync(Role.Client);
        Render<MudPopoverProvider>();
        RenderTasks($"?task={T1}");

        Navigation.Uri.ShouldBe($"http://localhost/weddings/{WeddingId}/our-tasks?task={T1}");
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath.StartsWith(TasksApi.Routes.OfWedding(WeddingId), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Role.Admin, true, true)]
    [InlineData(Role.Planner, true, true)]
    [InlineData(Role.Coordinator, true, false)]
    [InlineData(Role.Client, false, false)]
    public async Task The_nav_offers_my_tasks_and_the_checklists_to_whom_may_use_them(Role role, bool mine, bool templates)
    {
        await SignInAsAsync(role);
        var nav = Render<WedTech.App.Layout.NavMenu>();
        nav.FindAll("a[href='tasks']").Count.ShouldBe(mine ? 1 : 0);
        nav.FindAll("a[href='task-templates']").Count.ShouldBe(templates ? 1 : 0);
    }

    [Fact]
    public async Task The_checklist_templates_show_their_lines_and_a_delete_sends_the_version()
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var template = new TaskTemplateResponse(Tpl, "North Indian wedding — 6 months", null, true,
            [new TaskTemplateItem("Book the venues", DaysBefore: 170), new TaskTemplateItem("Décor walkthrough", EventType: EventType.Sangeet, MinutesBefore: 240, AssigneeRole: TeamRole.Coordinator)], 4);
        Api.Returns(TasksApi.Routes.Templates, new List<TaskTemplateResponse> { template });
        Api.Returns(TasksApi.Routes.Template(Tpl), System.Net.HttpStatusCode.NoContent, "DELETE");
        var page = Render<TaskTemplates>();
        page.WaitForElement("[data-test=template]");

        page.Find("[data-test=template]").TextContent.ShouldContain("2 tasks · built in");
        page.Find("[data-test=template-items]").TextContent.ShouldContain("4 h before the Sangeet · Coordinator");
        await page.InvokeAsync(() => page.Find("[data-test=delete-template]").Click());
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Any(b => b.TextContent.Trim() == "Delete").ShouldBeTrue());
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());

        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.Method == HttpMethod.Delete && r.Headers.IfMatch.ToString() == "\"4\""));
    }

    [Fact]
    public async Task A_person_turns_their_e_mail_reminders_off()
    {
        await SignInAsAsync(Role.Coordinator);
        Render<MudSnackbarProvider>();
        Api.Returns(TasksApi.Routes.ReminderChannels, new ReminderChannels(true, true, true));
        Api.Returns(TasksApi.Routes.ReminderChannels, new ReminderChannels(true, true, false), "PUT");
        var card = Render<ReminderChannelsCard>();
        card.WaitForElement("[data-test=channel-email]");

        card.Find("input[data-test=channel-email]").Change(false);

        card.WaitForAssertion(() => Api.RequestBodies.ShouldContain("{\"inApp\":true,\"push\":true,\"email\":false}"));
    }
}

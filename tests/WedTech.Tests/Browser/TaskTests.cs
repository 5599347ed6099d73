using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>
/// A planner applies the North Indian checklist to a new wedding on a desktop, sees its tasks with their dates and drags one
/// from To do to In progress on the board; a coordinator on a 360 px phone ticks one of theirs done in My tasks.
/// </summary>
[Collection(BrowserServer.SecondLane)]
public sealed class TaskTests(BrowserServer server)
{
    private const string NorthIndian = "North Indian wedding — 6 months";
    private const string Venues = "Book the venues for the functions";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>What a phone's screen shows, not the whole page.</summary>
    private static async Task Viewport(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserServer.ArtifactsDirectory, name + ".png") });

    [Fact]
    public async Task A_planner_applies_a_checklist_and_drags_a_task_on_the_board_and_a_coordinator_ticks_one_on_a_phone()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var planner = await api.AddPersonAsync(Role.Planner, "Meera Iyer");
        var coordinator = await api.AddPersonAsync(Role.Coordinator, "Kavya Reddy");
        var date = DateOnly.FromDateTime(DateTime.Today).AddDays(200);
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rahul Verma", date,
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner), new TeamAssignment(coordinator.Id, TeamRole.Coordinator));
        var studio = server.StudioUrl(api.Slug);
        var desktop = await server.NewPageAsync();

        await BrowserServer.ScenarioAsync(desktop, "tasks-desktop", async () =>
        {
            await server.SignInAsync(desktop, api.Slug, planner.Email, $"/app/weddings/{wedding.Id}", $"/app/weddings/{wedding.Id}");
            await desktop.Locator("[data-test=open-tasks]").ClickAsync();
            await desktop.WaitForURLAsync($"{studio}/app/weddings/{wedding.Id}/tasks", BrowserServer.Committed);
            await Expect(desktop.Locator("[data-test=empty]")).ToHaveTextAsync("No tasks yet. Apply a checklist or add a task.");

            // The checklist, chosen by name; what has no event yet counts from the wedding day, and the page says so.
            await desktop.Locator("[data-test=apply-template]").ClickAsync();
            await desktop.Locator("#apply-template-choice").ClickAsync();
            await desktop.GetByRole(AriaRole.Option, new() { Name = NorthIndian }).ClickAsync();
            await Expect(desktop.Locator("#apply-template-choice")).ToHaveValueAsync(NorthIndian);
            await desktop.Locator("[data-test=apply]").ClickAsync();
            await Expect(desktop.Locator("[data-test=applied]")).ToContainTextAsync($"27 tasks added from {NorthIndian}.");
            await Expect(desktop.Locator("[data-test=anchored]")).ToContainTextAsync("Décor walkthrough at the sangeet venue");
            await Expect(desktop.Locator("[data-test=task-row]")).ToHaveCountAsync(27);
            var venues = desktop.Locator("[data-test=task-row]", new() { HasText = Venues });
            await Expect(venues).ToContainTextAsync(IndianFormat.Date(date.AddDays(-170)));
            await Expect(venues).ToContainTextAsync("170 days before the wedding");
            await Expect(venues).ToContainTextAsync("Meera Iyer");
            await BrowserServer.ScreenshotAsync(desktop, "tasks-1-desktop-list");

            // The board: the card dragged from To do onto In progress lands there, and the server has it.
            await desktop.Locator("[data-test=view-board]").ClickAsync();
            await desktop.WaitForURLAsync($"{studio}/app/weddings/{wedding.Id}/tasks?view=board", BrowserServer.Committed);
            var toDo = desktop.Locator("[data-test=column][data-status=ToDo]");
            var inProgress = desktop.Locator("[data-test=column][data-status=InProgress]");
            var card = toDo.Locator("[data-test=task-card]", new() { HasText = Venues });
            await Expect(card).ToBeVisibleAsync();
            var moved = await desktop.RunAndWaitForResponseAsync(() => card.DragToAsync(inProgress),
                response => response.Url.EndsWith("/move", StringComparison.Ordinal));
            moved.Status.ShouldBe(200);
            await Expect(inProgress.Locator("[data-test=task-card]", new() { HasText = Venues })).ToBeVisibleAsync();
            await Expect(toDo.Locator("[data-test=task-card]", new() { HasText = Venues })).ToHaveCountAsync(0);
            await BrowserServer.ScreenshotAsync(desktop, "tasks-2-desktop-board");

            // The task's dialog, as the planner edits it: every field, the rule it counts by, its checklist and comments.
            await inProgress.Locator("[data-test=task-card]", new() { HasText = Venues }).Locator("[data-test=task-title]").ClickAsync();
            var dialog = desktop.Locator("[data-test=task-dialog]");
            await Expect(dialog.Locator("#task-title")).ToHaveValueAsync(Venues);
            await Expect(dialog.Locator("[data-test=due-rule]")).ToContainTextAsync("170 days before the wedding");
            await Expect(dialog.Locator("[data-test=checklist] li")).ToHaveCountAsync(4);
            await BrowserServer.ScreenshotAsync(desktop, "tasks-3-desktop-dialog");
            await desktop.Locator("[data-test=close-task]").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await BrowserServer.GoInAppAsync(desktop, "/app/task-templates");
            await Expect(desktop.Locator("[data-test=template]")).ToHaveCountAsync(2);
            await BrowserServer.ScreenshotAsync(desktop, "tasks-4-desktop-templates");
        });

        var tasks = await api.GetAsync<List<TaskResponse>>($"/api/v1/weddings/{wedding.Id}/tasks");
        tasks.Count.ShouldBe(27);
        tasks.Single(t => t.Title == Venues).Status.ShouldBe(TaskState.InProgress);
        tasks.Single(t => t.Title == Venues).DueOn.ShouldBe(date.AddDays(-170));

        var phone = await server.NewPageAsync(phone: true);
        await BrowserServer.ScenarioAsync(phone, "tasks-phone", async () =>
        {
            await server.SignInAsync(phone, api.Slug, coordinator.Email, "/app/tasks", "/app/tasks");
            var first = phone.Locator("[data-test=my-task]").First;
            await Expect(first).ToContainTextAsync("Sharma–Verma wedding");
            var title = (await first.Locator("[data-test=task-title]").TextContentAsync())!.Trim();
            await BrowserServer.NoHorizontalScrollAsync(phone, "my tasks");
            await BrowserServer.ScreenshotAsync(phone, "tasks-5-phone-my-tasks");

            var done = await phone.RunAndWaitForResponseAsync(() => first.Locator("input[data-test=task-done]").ClickAsync(),
                response => response.Url.EndsWith("/move", StringComparison.Ordinal));
            done.Status.ShouldBe(200);
            await Expect(first.Locator("input[data-test=task-done]")).ToBeCheckedAsync();
            await BrowserServer.ScreenshotAsync(phone, "tasks-6-phone-ticked");
            (await api.GetAsync<List<TaskResponse>>($"/api/v1/weddings/{wedding.Id}/tasks")).Single(t => t.Title == title).Status.ShouldBe(TaskState.Done);

            // The coordinator's view of the wedding's tasks: no planning buttons, on a phone.
            await BrowserServer.GoInAppAsync(phone, $"/app/weddings/{wedding.Id}/tasks");
            await Expect(phone.Locator("[data-test=task-row]")).ToHaveCountAsync(27);
            await Expect(phone.Locator("[data-test=add-task], [data-test=apply-template]")).ToHaveCountAsync(0);
            await BrowserServer.NoHorizontalScrollAsync(phone, "wedding tasks");
            await Viewport(phone, "tasks-7-phone-wedding-tasks");

            // A coordinator's dialog: no fields to edit; ticks, status and comments only.
            await phone.Locator("[data-test=task-row]", new() { HasText = "Décor walkthrough" }).Locator("[data-test=task-title]").ClickAsync();
            var dialog = phone.Locator("[data-test=task-dialog]");
            await Expect(dialog.Locator("[data-test=task-facts]")).ToContainTextAsync("Kavya Reddy");
            await Expect(phone.Locator("#task-title, [data-test=save-task], [data-test=delete-task]")).ToHaveCountAsync(0);
            await Expect(dialog.Locator("input[data-test=tick]")).ToHaveCountAsync(3);
            await BrowserServer.NoHorizontalScrollAsync(phone, "task dialog");
            await Viewport(phone, "tasks-8-phone-dialog");
            await phone.Locator("[data-test=close-task]").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await BrowserServer.GoInAppAsync(phone, "/app/me/reminders");
            await Expect(phone.Locator("input[data-test=channel-email]")).ToBeCheckedAsync();
            await Viewport(phone, "tasks-9-phone-reminders");
        });
    }
}

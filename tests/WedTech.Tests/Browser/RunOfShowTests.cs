using System.Net;
using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>
/// The day itself: a coordinator ticks off the run-of-show on a phone while a planner watches it change on a desktop,
/// and the couple sees their programme and nothing of the studio's own.
/// </summary>
[Collection(BrowserServer.SecondLane)]
public sealed class RunOfShowTests(BrowserServer server)
{
    private const string StaffNote = "Cash envelope is with Meera";
    private const string StaffItem = "Pay the band in cash";
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task A_coordinator_ticks_items_off_on_a_phone_and_the_planners_open_event_page_shows_it_without_reloading()
    {
        var day = await DayAsync();
        var planner = await server.NewPageAsync();
        var coordinator = await server.NewPageAsync(phone: true, size: Phone);

        await BrowserServer.ScenarioAsync(planner, "planner-live", async () =>
        {
            // The planner adds an event through the form, then opens the Sangeet and leaves it open.
            await server.SignInAsync(planner, day.Slug, day.Planner.Email, expectedPath: $"/app/weddings/{day.Wedding.Id}", open: $"/app/weddings/{day.Wedding.Id}");
            await Expect(planner.Locator("[data-test=event-row]")).ToHaveCountAsync(1);
            await planner.Locator("[data-test=add-event]").ClickAsync();
            await planner.GetByLabel("Name", new() { Exact = true }).FillAsync("Haldi at home");
            await planner.Locator("#event-type").ClickAsync();
            await planner.GetByRole(AriaRole.Option, new() { Name = "Haldi" }).ClickAsync();
            await Expect(planner.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Haldi at home");
            await BrowserServer.EnterAsync(planner.GetByLabel("Starts", new() { Exact = true }), "13/02/2027");
            await BrowserServer.EnterAsync(planner.GetByLabel("Start time", new() { Exact = true }), "09:30");
            await BrowserServer.EnterAsync(planner.GetByLabel("Ends", new() { Exact = true }), "13/02/2027");
            await BrowserServer.EnterAsync(planner.GetByLabel("End time", new() { Exact = true }), "12:00");
            await Expect(planner.Locator("[data-test=no-venues]")).ToBeVisibleAsync();
            await planner.Locator("[data-test=save-event]").ClickAsync();
            await Expect(planner.Locator("[data-test=event-row]")).ToHaveCountAsync(2);
            await Expect(planner.Locator("[data-test=event-day-title]")).ToHaveTextAsync(["Sat, 13 Feb 2027"]);
            await Expect(planner.Locator("[data-test=event-time]").First).ToHaveTextAsync("09:30–12:00");
            await Expect(planner.Locator("[data-test=key-moment]")).ToHaveTextAsync("Muhurat 22:45 · Ring ceremony");
            await Accessibility.CheckAsync(planner, "wedding-events");
            await BrowserServer.ScreenshotAsync(planner, "desktop-wedding-events");

            await planner.GetByRole(AriaRole.Link, new() { Name = "Sangeet night" }).ClickAsync();
            await Expect(planner.Locator("[data-test=ros-item]")).ToHaveCountAsync(4);
            await Expect(planner.Locator("[data-test=live]")).ToHaveAttributeAsync("data-live", "true");
            await Expect(planner.Locator("[data-test=ros-progress]")).ToHaveTextAsync("0 of 4 done");
            await planner.EvaluateAsync("() => window.plannerPageMark = 'not reloaded'");
        });

        await BrowserServer.ScenarioAsync(coordinator, "coordinator-phone", async () =>
        {
            // The coordinator reaches the event from their weddings, on a phone.
            await server.SignInAsync(coordinator, day.Slug, day.Coordinator.Email, expectedPath: "/app/weddings");
            await coordinator.GetByRole(AriaRole.Link, new() { Name = day.Wedding.Title }).ClickAsync();
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "Sangeet night" }).ClickAsync();
            await Expect(coordinator.Locator("[data-test=ros-item]")).ToHaveCountAsync(4);
            await Expect(coordinator.Locator("[data-test=live]")).ToHaveAttributeAsync("data-live", "true");
            await Expect(coordinator.Locator("[data-test=add-item], [data-test=ros-edit], [data-test=edit-event]")).ToHaveCountAsync(0);
            await Expect(coordinator.Locator("[data-test=ros-next]")).ToHaveCountAsync(1);
            var done = coordinator.GetByRole(AriaRole.Button, new() { Name = "Mark Welcome drinks done" });
            var box = await done.BoundingBoxAsync();
            box.ShouldNotBeNull();
            box.Height.ShouldBeGreaterThanOrEqualTo(44, "a thumb-sized target");
            await BrowserServer.NoHorizontalScrollAsync(coordinator, "run-of-show");
            await Accessibility.CheckAsync(coordinator, "coordinator-run-of-show");

            await done.ClickAsync();
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Start Family performances" }).ClickAsync();
            await Expect(Item(coordinator, "Welcome drinks")).ToHaveAttributeAsync("data-status", "done");
            // On a phone what is done folds to a line, so that what comes next stays on the screen; one tap shows it in full.
            await Expect(Item(coordinator, "Welcome drinks").Locator("[data-test=ros-changed]")).ToBeHiddenAsync();
            await coordinator.Locator("[data-test=ros-fold]").ClickAsync();
            await Expect(Item(coordinator, "Welcome drinks").Locator("[data-test=ros-changed]")).ToContainTextAsync("Done · ");
            await coordinator.Locator("[data-test=ros-fold]").ClickAsync();
            await Expect(Item(coordinator, "Family performances").Locator("[data-test=ros-now]")).ToBeVisibleAsync();
            await BrowserServer.ScreenshotAsync(coordinator, "phone-coordinator-run-of-show");
        });

        await BrowserServer.ScenarioAsync(planner, "planner-live", async () =>
        {
            // Within a few seconds, on the page that stayed open.
            var soon = new LocatorAssertionsToHaveAttributeOptions { Timeout = 5_000 };
            await Expect(Item(planner, "Welcome drinks")).ToHaveAttributeAsync("data-status", "done", soon);
            await Expect(Item(planner, "Family performances")).ToHaveAttributeAsync("data-status", "in-progress", soon);
            await Expect(Item(planner, "Family performances").Locator("[data-test=ros-now]")).ToBeVisibleAsync();
            await Expect(Item(planner, "Welcome drinks").Locator("[data-test=ros-changed]")).ToContainTextAsync("Done · Kavya Reddy");
            await Expect(planner.Locator("[data-test=ros-progress]")).ToHaveTextAsync("1 of 4 done");
            (await planner.EvaluateAsync<string>("() => window.plannerPageMark")).ShouldBe("not reloaded");
            await Accessibility.CheckAsync(planner, "planner-event");
            await BrowserServer.ScreenshotAsync(planner, "desktop-planner-event-live");

            // The performances run late: everything after them moves 15 minutes, the muhurat stays.
            await planner.GetByRole(AriaRole.Button, new() { Name = "Shift the schedule from Family performances" }).ClickAsync();
            await planner.GetByLabel("Minutes", new() { Exact = true }).FillAsync("15");
            await planner.Locator("[data-test=shift-confirm]").ClickAsync();
            await Expect(planner.GetByText("2 moved, 1 fixed kept in place.")).ToBeVisibleAsync();
            await Expect(Item(planner, "Family performances").Locator(".ros-start")).ToHaveTextAsync("20:15");
            await Expect(Item(planner, "Ring ceremony").Locator(".ros-start")).ToHaveTextAsync("22:45");
            await Expect(Item(planner, StaffItem).Locator(".ros-start")).ToHaveTextAsync("23:45");

            // And a cake is added for the couple to see.
            await planner.Locator("[data-test=add-item]").ClickAsync();
            await planner.GetByLabel("What happens").FillAsync("Cake cutting");
            await BrowserServer.EnterAsync(planner.GetByLabel("Starts", new() { Exact = true }), "13/02/2027");
            await BrowserServer.EnterAsync(planner.GetByLabel("Start time", new() { Exact = true }), "23:00");
            await planner.GetByLabel("Shared with the couple").CheckAsync();
            await planner.Locator("[data-test=save-item]").ClickAsync();
            await Expect(planner.Locator("[data-test=ros-item]")).ToHaveCountAsync(5);
            await Expect(Item(planner, "Cake cutting").Locator("[data-test=ros-shared]")).ToBeVisibleAsync();
        });

        await BrowserServer.ScenarioAsync(coordinator, "coordinator-phone", async () =>
        {
            // The planner's changes show up on the coordinator's phone, and so does a tap.
            var soon = new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 };
            await Expect(Item(coordinator, "Family performances").Locator(".ros-start")).ToHaveTextAsync("20:15", soon);
            await Expect(Item(coordinator, "Cake cutting").Locator(".ros-start")).ToHaveTextAsync("23:00", soon);
            await planner.GetByRole(AriaRole.Button, new() { Name = "Mark Family performances done" }).ClickAsync();
            await Expect(Item(coordinator, "Family performances")).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 5_000 });
            await Expect(Item(coordinator, "Ring ceremony").Locator("[data-test=ros-next]")).ToBeVisibleAsync();
            await Expect(coordinator.Locator("[data-test=ros-progress]")).ToHaveTextAsync("2 of 5 done");
        });
    }

    [Fact]
    public async Task The_couple_sees_their_events_and_the_shared_programme_but_no_staff_only_item_or_note()
    {
        var day = await DayAsync();
        var page = await server.NewPageAsync(phone: true, size: Phone);

        await BrowserServer.ScenarioAsync(page, "client-programme", async () =>
        {
            await server.SignInAsync(page, day.Slug, day.Client.Email, expectedPath: $"/app/weddings/{day.Wedding.Id}");
            await Expect(page.Locator("[data-test=shared-items] li")).ToHaveCountAsync(3);
            await Expect(page.Locator("[data-test=shared-items]")).ToContainTextAsync("Welcome drinks · Lawn");
            await Expect(page.Locator("[data-test=event-status], [data-test=event-progress], [data-test=add-event]")).ToHaveCountAsync(0);
            NothingInternal(await page.ContentAsync());
            await BrowserServer.NoHorizontalScrollAsync(page, "client wedding");
            await Accessibility.CheckAsync(page, "client-wedding-events");
            await BrowserServer.ScreenshotAsync(page, "phone-client-wedding-events");

            await page.GetByRole(AriaRole.Link, new() { Name = "Sangeet night" }).ClickAsync();
            await Expect(page.Locator("[data-test=ros-item]")).ToHaveCountAsync(3);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programme" })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test=ros-fixed]")).ToHaveCountAsync(1);
            await Expect(page.Locator(".mud-main-content button")).ToHaveCountAsync(0);
            NothingInternal(await page.ContentAsync());
            await BrowserServer.NoHorizontalScrollAsync(page, "client event");
            await Accessibility.CheckAsync(page, "client-event");
            await BrowserServer.ScreenshotAsync(page, "phone-client-event");
        });
    }

    private static void NothingInternal(string content)
    {
        content.ShouldNotContain(StaffItem);
        content.ShouldNotContain(StaffNote);
        content.ShouldNotContain("Fireworks need the permit");
        content.ShouldNotContain("Staff-only note");
    }

    private static ILocator Item(IPage page, string title) =>
        page.Locator("[data-test=ros-item]").Filter(new() { Has = page.Locator("[data-test=ros-title]", new() { HasTextString = title }) });

    /// <summary>A studio with a planner, a coordinator and the couple on a wedding whose Sangeet has a run-of-show, made through the API.</summary>
    private async Task<Day> DayAsync()
    {
        var studio = await Studio.CreateAsync(server, Studio.NewSlug("ros"));
        var admin = await studio.AdminAsync();
        using var api = new BrowserApi(studio, admin);
        var planner = await api.AddPersonAsync(Role.Planner, "Meera Iyer");
        var coordinator = await api.AddPersonAsync(Role.Coordinator, "Kavya Reddy");
        var client = await api.AddPersonAsync(Role.Client, "Priya Sharma");
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rahul Verma", new DateOnly(2027, 2, 14),
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner), new TeamAssignment(coordinator.Id, TeamRole.Coordinator), new TeamAssignment(client.Id, TeamRole.Client));
        var sangeet = await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding.Id}/events", new EventRequest(
                EventType.Sangeet, "Sangeet night", new DateTime(2027, 2, 13, 19, 30, 0), new DateTime(2027, 2, 14, 0, 30, 0), "Asia/Kolkata", null,
                "Pastels", 250, "Fireworks need the permit", EventStatus.Confirmed, [new TeamAssignment(coordinator.Id, TeamRole.Coordinator)])))
            .ReadAsync<EventResponse>(HttpStatusCode.Created);
        foreach (var item in new[]
        {
            new RunOfShowItemRequest(new DateTime(2027, 2, 13, 19, 30, 0), 30, "Welcome drinks", null, "Rohan (bar)", "Lawn", null, false, true, null),
            new RunOfShowItemRequest(new DateTime(2027, 2, 13, 20, 0, 0), 90, "Family performances", coordinator.Id, null, "Stage", null, false, true, null),
            new RunOfShowItemRequest(new DateTime(2027, 2, 13, 22, 45, 0), 15, "Ring ceremony", null, "Pandit ji", "Mandap", null, true, true, null),
            new RunOfShowItemRequest(new DateTime(2027, 2, 13, 23, 30, 0), 15, StaffItem, planner.Id, null, null, StaffNote, false, false, null),
        })
        {
            (await admin.PostJsonAsync($"/api/v1/events/{sangeet.Id}/run-of-show", item)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        return new Day(studio.Slug, wedding, planner, coordinator, client);
    }

    private sealed record Day(string Slug, WeddingResponse Wedding, Member Planner, Member Coordinator, Member Client);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

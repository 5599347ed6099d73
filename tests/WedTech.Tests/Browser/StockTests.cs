using System.Net;
using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>
/// The stock in Chromium: a coordinator counts lanterns out and back on a 360 px phone, one of them damaged, and sees no money;
/// the planner's open page follows without reloading and the wedding's budget shows the charge; a planner reserving more than
/// is free reads which wedding holds the pieces, and finds the same on availability.
/// </summary>
[Collection(BrowserServer.SecondLane)]
public sealed class StockTests(BrowserServer server)
{
    private static readonly ViewportSize SmallPhone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task A_coordinator_checks_lanterns_out_and_back_on_a_phone_and_a_planner_sees_the_charge_and_who_holds_the_mandap()
    {
        var studio = await Studio.CreateAsync(server, Studio.NewSlug("stock"));
        var admin = await studio.AdminAsync();
        using var api = new BrowserApi(studio, admin);
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var coordinator = await api.AddPersonAsync(Role.Coordinator, "Kavya Reddy");
        var sharma = await api.CreateWeddingAsync("Sharma–Kapoor", "Meera Sharma", "Sahil Kapoor", new DateOnly(2027, 11, 20),
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner), new TeamAssignment(coordinator.Id, TeamRole.Coordinator));
        var mehta = await api.CreateWeddingAsync("Mehta–Rao", "Anika Mehta", "Dev Rao", new DateOnly(2027, 11, 19), new TeamAssignment(planner.Id, TeamRole.LeadPlanner));
        var mehendi = await api.AddEventAsync(sharma.Id, new EventRequest(EventType.Mehendi, "Mehendi", new DateTime(2027, 11, 18, 11, 0, 0),
            new DateTime(2027, 11, 18, 16, 0, 0), null, null, null, null, null, null, null));
        var pheras = await api.AddEventAsync(sharma.Id, new EventRequest(EventType.Ceremony, "Pheras", new DateTime(2027, 11, 19, 20, 0, 0),
            new DateTime(2027, 11, 19, 23, 30, 0), null, null, null, null, null, null, null));
        var sangeet = await api.AddEventAsync(mehta.Id, new EventRequest(EventType.Sangeet, "Sangeet", new DateTime(2027, 11, 19, 18, 0, 0),
            new DateTime(2027, 11, 19, 23, 0, 0), null, null, null, null, null, null, null));
        var lanterns = await api.AddAsync<StockItemRequest, StockItemResponse>("/api/v1/inventory/items",
            new StockItemRequest("Moroccan lantern", StockCategory.Lights, "piece", 10, "Okhla godown", 2_500_00, 3, 0, null, null));
        var mandap = await api.AddAsync<StockItemRequest, StockItemResponse>("/api/v1/inventory/items",
            new StockItemRequest("Mandap set, gold", StockCategory.MandapSets, "set", 1, "Gurgaon godown", 3_50_000_00, 0, 0, null, null));
        await api.AddAsync<StockReservationRequest, StockReservationResponse>($"/api/v1/events/{mehendi.Id}/stock", new StockReservationRequest(lanterns.Id, 6, 4, 3));
        await api.AddAsync<StockReservationRequest, StockReservationResponse>($"/api/v1/events/{sangeet.Id}/stock", new StockReservationRequest(mandap.Id, 1, 6, 4));

        var stockPath = $"/app/events/{mehendi.Id}/stock";
        var desk = await server.NewPageAsync();
        var phone = await server.NewPageAsync(phone: true, size: SmallPhone);

        await BrowserServer.ScenarioAsync(desk, "planner-opens-the-mehendi-stock", async () =>
        {
            await server.SignInAsync(desk, api.Slug, planner.Email, expectedPath: stockPath, open: stockPath);
            await Expect(desk.Locator("[data-test=reservation]")).ToHaveCountAsync(1);
            await Expect(desk.Locator("[data-test=status]")).ToHaveTextAsync("Reserved");
            await desk.EvaluateAsync("() => window.plannerPageMark = 'not reloaded'");
        });

        await BrowserServer.ScenarioAsync(phone, "coordinator-checks-out-and-back", async () =>
        {
            await server.SignInAsync(phone, api.Slug, coordinator.Email, expectedPath: stockPath, open: stockPath);
            await Expect(phone.Locator("[data-test=event-stock-title]")).ToHaveTextAsync("Stock for Mehendi");
            await Expect(phone.Locator("[data-test=reserve-form], [data-test=release]")).ToHaveCountAsync(0);
            var checkOut = phone.Locator("button[data-test=check-out]");
            await Expect(checkOut).ToHaveTextAsync("Check out 6");
            await ThumbSizedAsync(checkOut);
            await ThumbSizedAsync(phone.Locator("button[data-test=out-count-less]"));
            await BrowserServer.NoHorizontalScrollAsync(phone, "the event's stock on a phone");
            await Accessibility.CheckAsync(phone, "coordinator-event-stock");
            await BrowserServer.ScreenshotAsync(phone, "stockapp-phone-check-out");

            await checkOut.ClickAsync();
            await Expect(phone.Locator("[data-test=status]")).ToHaveTextAsync("Out");
            await Expect(phone.Locator("[data-test=back-count-value]")).ToHaveValueAsync("6");
            await phone.Locator("button[data-test=damaged-count-more]").ClickAsync();
            await Expect(phone.Locator("[data-test=back-count-value]")).ToHaveValueAsync("5");
            await Expect(phone.Locator("[data-test=damaged-count-value]")).ToHaveValueAsync("1");
            await Expect(phone.Locator("[data-test=charge-note]")).ToBeVisibleAsync();
            await ThumbSizedAsync(phone.Locator("button[data-test=return]"));
            await BrowserServer.NoHorizontalScrollAsync(phone, "the return on a phone");
            await BrowserServer.ScreenshotAsync(phone, "stockapp-phone-return");

            await phone.Locator("button[data-test=return]").ClickAsync();
            await Expect(phone.Locator("[data-test=status]")).ToHaveTextAsync("Back");
            await Expect(phone.Locator("[data-test=counts]")).ToHaveTextAsync("Out 6 · back 5 · missing 0 · damaged 1");
            (await phone.ContentAsync()).ShouldNotContain("₹");
            await BrowserServer.ScreenshotAsync(phone, "stockapp-phone-returned");
        });

        await BrowserServer.ScenarioAsync(desk, "planner-sees-the-charge", async () =>
        {
            // The planner's page followed without reloading, and shows what the damaged lantern costs the wedding.
            await Expect(desk.Locator("[data-test=status]")).ToHaveTextAsync("Back", new() { Timeout = 10_000 });
            await Expect(desk.Locator("[data-test=charged]")).ToContainTextAsync("₹2,500");
            (await desk.EvaluateAsync<string>("() => window.plannerPageMark")).ShouldBe("not reloaded");
            await BrowserServer.ScreenshotAsync(desk, "stockapp-desktop-event-stock-charged");

            await BrowserServer.GoInAppAsync(desk, $"/app/weddings/{sharma.Id}/budget");
            await Expect(desk.Locator("[data-test=total-committed]")).ToHaveTextAsync("₹2,500");
            await Expect(desk.GetByText("Stock lost or damaged").First).ToBeVisibleAsync();
        });

        await BrowserServer.ScenarioAsync(desk, "planner-over-reserves-the-mandap", async () =>
        {
            await BrowserServer.GoInAppAsync(desk, $"/app/events/{pheras.Id}/stock");
            await Expect(desk.Locator("[data-test=event-stock-title]")).ToHaveTextAsync("Stock for Pheras");
            await Expect(desk.Locator("[data-test=empty]")).ToBeVisibleAsync();
            await desk.Locator("div.mud-select", new() { Has = desk.Locator("input[data-test=reserve-item]") }).First.ClickAsync();
            await desk.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Mandap set, gold" }).ClickAsync();
            await desk.Locator("button[data-test=reserve]").ClickAsync();
            await Expect(desk.Locator("[data-test=refusal]")).ToContainTextAsync("Not enough Mandap set, gold: none are free then. Held by: Mehta–Rao (Sangeet, 19 Nov) — 1 of 1.");
            await Expect(desk.Locator("[data-test=reservation]")).ToHaveCountAsync(0);
            await Accessibility.CheckAsync(desk, "planner-event-stock-refused");
            await BrowserServer.ScreenshotAsync(desk, "stockapp-desktop-over-reservation");

            // Availability that week says the same: no mandap free on the 19th, and who has it.
            await desk.Locator("[data-test=see-availability]").ClickAsync();
            var mandapRow = desk.Locator("[data-test=availability-table] tr", new() { HasText = "Mandap set, gold" });
            await Expect(mandapRow.Locator("[data-test=short-days]")).ToContainTextAsync("19 Nov");
            await Expect(mandapRow.Locator("[data-test=holder]")).ToContainTextAsync("Mehta–Rao · Sangeet, 19 Nov · 1 set");
            await Accessibility.CheckAsync(desk, "stock-availability");
            await BrowserServer.ScreenshotAsync(desk, "stockapp-desktop-availability");

            // The item's page: its reservations ahead are in 2027, past the 92 days shown; its flags, cost and photos card.
            await BrowserServer.GoInAppAsync(desk, $"/app/stock/{lanterns.Id}");
            await Expect(desk.Locator("[data-test=item-name]")).ToHaveTextAsync("Moroccan lantern");
            await Expect(desk.Locator("[data-test=maintenance]")).ToHaveTextAsync("1 in maintenance");
            await Expect(desk.Locator("[data-test=replacement-cost]")).ToHaveTextAsync("₹2,500 a piece");
            await Expect(desk.Locator("[data-test=attachments]")).ToContainTextAsync("Photos");
            await BrowserServer.ScreenshotAsync(desk, "stockapp-desktop-item");

            await BrowserServer.GoInAppAsync(desk, "/app/stock");
            await Expect(desk.Locator("[data-test=item-link]")).ToHaveCountAsync(2);
            await desk.Locator("[data-test=new-item]").ClickAsync();
            await desk.Locator("[data-test=save-stock-item]").ClickAsync();
            await Expect(desk.Locator("[data-test=stock-item-dialog]")).ToContainTextAsync("Give the item's name.");
            await BrowserServer.ScreenshotAsync(desk, "stockapp-desktop-new-item");
        });

        await BrowserServer.ScenarioAsync(phone, "coordinator-availability-on-a-phone", async () =>
        {
            await BrowserServer.GoInAppAsync(phone, "/app/stock/availability?from=2027-11-17&to=2027-11-21");
            await Expect(phone.Locator("[data-test=holder]")).ToHaveCountAsync(1);
            await BrowserServer.NoHorizontalScrollAsync(phone, "availability on a phone");
            await BrowserServer.ScreenshotAsync(phone, "stockapp-phone-availability");
            await BrowserServer.GoInAppAsync(phone, "/app/stock");
            await Expect(phone.Locator("[data-test=item-link]")).ToHaveCountAsync(2);
            await Expect(phone.Locator("[data-test=new-item]")).ToHaveCountAsync(0);
            (await phone.ContentAsync()).ShouldNotContain("₹");
            await BrowserServer.NoHorizontalScrollAsync(phone, "the stock on a phone");
            await BrowserServer.ScreenshotAsync(phone, "stockapp-phone-stock");
        });
        (await admin.GetAsync<StockItemResponse>($"/api/v1/inventory/items/{lanterns.Id}")).InMaintenance.ShouldBe(1);
        (await admin.GetAsync($"/api/v1/inventory/items/{mandap.Id}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ThumbSizedAsync(ILocator target)
    {
        var box = await target.BoundingBoxAsync();
        box.ShouldNotBeNull();
        box.Height.ShouldBeGreaterThanOrEqualTo(44, "a thumb-sized target");
        box.Width.ShouldBeGreaterThanOrEqualTo(44, "a thumb-sized target");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Inventory;
using WedTech.App.Features.Inventory.Components;
using WedTech.App.Features.Inventory.Pages;
using WedTech.App.Features.Realtime;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

/// <summary>
/// The stock's pages: the list with its New item dialog, an item's page, availability with who holds what, and an event's
/// stock counted out and back with the thumb. Each role sees what it may use, and a coordinator never sees money.
/// </summary>
public class StockPagesTests : AppTestContext
{
    private static readonly Guid E = Guid.Parse("01938a00-0000-7000-8000-0000000000aa");
    private static readonly Guid R = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");
    private static readonly Guid I = Guid.Parse("01938a00-0000-7000-8000-0000000000cc");
    private static readonly Guid W = Guid.Parse("01938a00-0000-7000-8000-0000000000dd");

    private static StockItemResponse Urli(long? cost = 2_500_00) => new(I, "Brass urli", StockCategory.Decor, "piece", 10, "Okhla godown", cost, 4, 2, "Polishing", null,
        3, true, true, 7);

    private static StockReservationResponse Lanterns(int checkedOut, StockReservationStatus status, int returned = 0, int damaged = 0, long? charged = null) =>
        new(R, I, "Moroccan lantern", "piece", "Okhla godown", W, E, "Mehendi", new DateTime(2027, 11, 18, 7, 0, 0), new DateTime(2027, 11, 18, 19, 0, 0), 6, 4, 3,
            checkedOut, returned, 0, damaged, charged, status, 1);

    private static StockHolder Holder(string wedding, string eventName, int quantity, StockReservationStatus status = StockReservationStatus.Reserved) =>
        new(Guid.NewGuid(), W, wedding, E, eventName, new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 16, 0, 0), new DateTime(2027, 11, 20, 1, 0, 0),
            quantity, status == StockReservationStatus.Out ? quantity : 0, 0, status);

    private static PagedResponse<StockItemResponse> Page(params StockItemResponse[] items) => new([.. items], 1, 25, items.Length);

    private void Providers()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    [Fact]
    public async Task A_planner_adds_items_and_sees_costs_a_coordinator_neither()
    {
        await SignInAsAsync(Role.Planner);
        Providers();
        Api.Returns(InventoryApi.Routes.List(null, null, null, 1, 25), Page(Urli()));
        var page = Render<Stock>();
        page.WaitForAssertion(() => page.Find("[data-test=item-link]").GetAttribute("href").ShouldBe($"stock/{I}"));
        page.FindAll("[data-test=new-item]").Count.ShouldBe(1);
        page.Markup.ShouldContain("₹2,500");
        page.Find("[data-test=open-availability]").GetAttribute("href").ShouldBe("stock/availability");
    }

    [Fact]
    public async Task A_coordinator_sees_the_stock_without_money_or_a_new_item_button()
    {
        await SignInAsAsync(Role.Coordinator);
        Providers();
        Api.Returns(InventoryApi.Routes.List(null, null, null, 1, 25), Page(Urli(cost: null)));
        var page = Render<Stock>();
        page.WaitForAssertion(() => page.Find("[data-test=item-link]"));
        page.FindAll("[data-test=new-item]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("₹");
        page.Markup.ShouldNotContain("Replacement cost");
    }

    [Fact]
    public async Task The_filters_in_the_address_are_read_and_a_reservation_elsewhere_moves_the_list()
    {
        await SignInAsAsync(Role.Planner);
        Providers();
        Api.Returns(InventoryApi.Routes.List(null, StockCategory.Lights, StockAlert.LowStock, 1, 25), Page(Urli()));
        Navigation.NavigateTo("stock?category=Lights&flag=LowStock");
        var page = Render<Stock>();
        page.WaitForAssertion(() => page.Find("[data-test=item-link]"));
        page.Find("input[data-test=stock-category]").GetAttribute("value").ShouldBe("Lights");

        Api.Returns(InventoryApi.Routes.List(null, StockCategory.Lights, StockAlert.LowStock, 1, 25), Page(Urli() with { Name = "Brass urli, polished" }));
        var live = Services.GetRequiredService<LiveUpdates>();
        live.Deliver(new WeddingChangedMessage(W, WeddingChange.GuestsChanged, 2));
        live.Deliver(new WeddingChangedMessage(W, WeddingChange.StockChanged, null, E, I));
        page.WaitForAssertion(() => page.Find("[data-test=item-link]").TextContent.ShouldBe("Brass urli, polished"));
        Api.Requests.Count(r => r.RequestUri!.PathAndQuery.StartsWith(InventoryApi.Routes.Items, StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task An_events_stock_follows_its_wedding_and_loads_again_when_its_stock_moves()
    {
        await SignInAsAsync(Role.Coordinator);
        Providers();
        var start = new DateTime(2027, 11, 18, 11, 0, 0);
        Api.Returns($"/api/v1/events/{E}", new EventResponse(E, W, EventType.Mehendi, "Mehendi", start, start.AddHours(5), "Asia/Kolkata", new DateTimeOffset(start, TimeSpan.FromHours(5.5)),
            new DateTimeOffset(start.AddHours(5), TimeSpan.FromHours(5.5)), null, null, null, null, EventStatus.Confirmed, [], [], [], 1, DateTimeOffset.UtcNow));
        Api.Returns(InventoryApi.Routes.EventStock(E), new List<StockReservationResponse> { Lanterns(0, StockReservationStatus.Reserved) });
        var page = Render<EventStock>(p => p.Add(x => x.EventId, E));
        page.WaitForAssertion(() => page.Find("[data-test=status]").TextContent.ShouldBe("Reserved"));
        page.Find("[data-test=event-stock-title]").TextContent.ShouldBe("Stock for Mehendi");

        Api.Returns(InventoryApi.Routes.EventStock(E), new List<StockReservationResponse> { Lanterns(6, StockReservationStatus.Out) });
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(W, WeddingChange.StockChanged, null, E, I));
        page.WaitForAssertion(() => page.Find("[data-test=status]").TextContent.ShouldBe("Out"));
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenDialogAsync(Role role, StockItemResponse? item)
    {
        await SignInAsAsync(role);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<StockItemDialog> { { d => d.Item, item } };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<StockItemDialog>("Item", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=stock-item-form]"));
        return (dialogs, reference.Result);
    }

    [Fact]
    public async Task A_new_item_is_checked_here_then_sent_with_its_cost_in_paise()
    {
        var (dialogs, result) = await OpenDialogAsync(Role.Planner, null);
        Api.Returns(InventoryApi.Routes.Items, Urli(), "POST");

        dialogs.Find("#stock-name").Change(" ");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-stock-item]").Click());
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Give the item's name."));
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);

        dialogs.Find("#stock-name").Change("Brass urli");
        dialogs.Find("#stock-owned").Change("10");
        dialogs.Find("#stock-cost").Change("2500");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-stock-item]").Click());

        (await result.WaitAsync(TimeSpan.FromSeconds(15), Cancel))!.Data.ShouldBeOfType<StockItemResponse>().Id.ShouldBe(I);
        var sent = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        sent.GetProperty("name").GetString().ShouldBe("Brass urli");
        sent.GetProperty("quantityOwned").GetInt32().ShouldBe(10);
        sent.GetProperty("replacementCostPaise").GetInt64().ShouldBe(2_500_00);
    }

    [Fact]
    public async Task The_servers_field_errors_show_on_their_fields()
    {
        var (dialogs, _) = await OpenDialogAsync(Role.Planner, null);
        Api.ReturnsProblem(InventoryApi.Routes.Items, HttpStatusCode.BadRequest, "Some fields need attention",
            new Dictionary<string, string[]> { ["unit"] = ["Keep the unit to 30 characters."], ["warehouse"] = ["Keep the warehouse's name to 100 characters."] }, "POST");
        dialogs.Find("#stock-name").Change("Brass urli");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-stock-item]").Click());

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Keep the unit to 30 characters."));
        dialogs.Markup.ShouldContain("Keep the warehouse's name to 100 characters.");
    }

    [Fact]
    public async Task A_planner_changing_an_item_may_not_change_its_cost_and_the_server_keeps_it()
    {
        var (dialogs, result) = await OpenDialogAsync(Role.Planner, Urli());
        Api.Returns(InventoryApi.Routes.Item(I), Urli(), "PUT");
        dialogs.Find("#stock-cost").HasAttribute("disabled").ShouldBeTrue();
        dialogs.Find("#stock-owned").Change("12");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-stock-item]").Click());

        await result.WaitAsync(TimeSpan.FromSeconds(15), Cancel);
        var put = Api.Requests.Single(r => r.Method == HttpMethod.Put);
        put.Headers.IfMatch.ToString().ShouldBe("\"7\"");
        var sent = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        sent.GetProperty("quantityOwned").GetInt32().ShouldBe(12);
        sent.GetProperty("replacementCostPaise").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private void ItemAnswers(StockItemResponse item, params StockHolder[] holders)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        Api.Returns(InventoryApi.Routes.Item(I), item);
        Api.Returns(InventoryApi.Routes.Availability(today, today.AddDays(91), false, I), new StockAvailabilityResponse(today, today.AddDays(91),
            [new StockAvailability(I, item.Name, item.Category, item.Unit, item.QuantityOwned, 8, 5, 3, null, holders)]));
    }

    [Fact]
    public async Task An_item_shows_its_flags_and_the_reservations_ahead_and_a_coordinator_no_money_or_changes()
    {
        await SignInAsAsync(Role.Coordinator);
        Providers();
        ItemAnswers(Urli(cost: null), Holder("Sharma–Kapoor", "Sangeet", 5, StockReservationStatus.Out));
        var page = Render<StockItemPage>(p => p.Add(x => x.Id, I));

        page.WaitForAssertion(() => page.Find("[data-test=ahead-wedding]").TextContent.ShouldBe("Sharma–Kapoor"));
        page.Find("[data-test=reservations-ahead]").TextContent.ShouldContain("5 of 5 out");
        page.Find("[data-test=low-stock]").TextContent.ShouldContain("Low stock: 3 free, under 4");
        page.Find("[data-test=maintenance]").TextContent.ShouldContain("2 in maintenance");
        page.Find("[data-test=attachments]").TextContent.ShouldContain("Photos");
        page.FindAll("[data-test=edit-item]").ShouldBeEmpty();
        page.FindAll("[data-test=delete-item]").ShouldBeEmpty();
        page.FindAll("[data-test=replacement-cost]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("₹");
    }

    [Fact]
    public async Task Deleting_an_item_the_server_refuses_says_why()
    {
        await SignInAsAsync(Role.Planner);
        Providers();
        var dialogs = Render<MudDialogProvider>();
        ItemAnswers(Urli());
        Api.ReturnsProblem(InventoryApi.Routes.Item(I), HttpStatusCode.Conflict, "Conflict", method: "DELETE",
            detail: "Brass urli has been reserved for events (1 reservation): they keep what went to which wedding and what was charged.");
        var page = Render<StockItemPage>(p => p.Add(x => x.Id, I));
        page.WaitForAssertion(() => page.Find("[data-test=replacement-cost]").TextContent.ShouldContain("₹2,500"));

        var clicked = page.InvokeAsync(() => page.Find("[data-test=delete-item]").Click());
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Any(b => b.TextContent.Trim() == "Delete").ShouldBeTrue());
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Delete").Click());
        await clicked;

        page.WaitForAssertion(() => page.Find("[data-test=delete-refused]").TextContent.ShouldContain("has been reserved for events (1 reservation)"));
        Api.Requests.ShouldContain(r => r.Method == HttpMethod.Delete && r.Headers.IfMatch.ToString() == "\"7\"");
    }

    [Fact]
    public async Task Availability_shows_the_days_none_are_free_and_who_holds_the_pieces()
    {
        await SignInAsAsync(Role.Coordinator);
        Providers();
        var from = new DateOnly(2027, 11, 18);
        var to = new DateOnly(2027, 11, 20);
        Api.Returns(InventoryApi.Routes.Availability(from, to, true), new StockAvailabilityResponse(from, to,
        [
            new StockAvailability(I, "Mandap set, gold", StockCategory.MandapSets, "set", 2, 2, 2, 0,
                [new StockDay(from, 0, 2), new StockDay(from.AddDays(1), 2, 0), new StockDay(to, 2, 0)],
                [Holder("Sharma–Kapoor", "Pheras", 1), Holder("Mehta–Rao", "Sangeet", 1) with { WeddingId = null, EventId = null, Wedding = "Another wedding", EventName = "An event" }]),
            new StockAvailability(Guid.NewGuid(), "Fairy lights", StockCategory.Lights, "string", 40, 40, 0, 40, [], []),
        ]));
        Navigation.NavigateTo("stock/availability?from=2027-11-18&to=2027-11-20");
        var page = Render<StockAvailabilityPage>();

        page.WaitForAssertion(() => page.FindAll("[data-test=holder]").Count.ShouldBe(2));
        page.Find("[data-test=short-days]").TextContent.ShouldBe("None free: 19 Nov, 20 Nov");
        page.FindAll("[data-test=holder]")[0].TextContent.ShouldContain("Sharma–Kapoor · Pheras, 19 Nov · 1 set");
        page.FindAll("[data-test=holder]")[0].QuerySelectorAll("a").Length.ShouldBe(1);
        // A wedding the coordinator is not on: held, but no link to a page they could not open.
        page.FindAll("[data-test=holder]")[1].TextContent.ShouldContain("Another wedding · An event, 19 Nov · 1 set");
        page.FindAll("[data-test=holder]")[1].QuerySelectorAll("a").Length.ShouldBe(0);
        page.Markup.ShouldContain("Fairy lights");
        page.Markup.ShouldNotContain("₹");
    }

    [Fact]
    public async Task A_coordinator_returns_pieces_with_one_damaged_by_thumb_and_sees_no_money()
    {
        await SignInAsAsync(Role.Coordinator);
        Providers();
        Api.Returns(InventoryApi.Routes.EventStock(E), new List<StockReservationResponse> { Lanterns(6, StockReservationStatus.Out) });
        Api.Returns(InventoryApi.Routes.Return(E, R), Lanterns(6, StockReservationStatus.Returned, returned: 5, damaged: 1), "POST");
        var page = Render<EventStock>(p => p.Add(x => x.EventId, E));

        page.WaitForAssertion(() => page.Find("[data-test=back-count-value]").GetAttribute("value").ShouldBe("6"));
        await page.Find("button[data-test=damaged-count-more]").ClickAsync(new());
        page.Find("[data-test=back-count-value]").GetAttribute("value").ShouldBe("5");
        page.Find("[data-test=charge-note]").TextContent.ShouldContain("charged to the wedding's budget");
        page.Markup.ShouldNotContain("₹");
        await page.Find("button[data-test=return]").ClickAsync(new());

        var sent = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        (sent.GetProperty("returned").GetInt32(), sent.GetProperty("missing").GetInt32(), sent.GetProperty("damaged").GetInt32()).ShouldBe((5, 0, 1));
    }

    [Fact]
    public async Task A_planner_sees_what_a_return_charged_and_an_over_reservation_names_who_holds_the_pieces()
    {
        await SignInAsAsync(Role.Planner);
        Providers();
        Api.Returns(InventoryApi.Routes.EventStock(E), new List<StockReservationResponse> { Lanterns(6, StockReservationStatus.Returned, returned: 5, damaged: 1, charged: 2_500_00) });
        Api.Returns(InventoryApi.Routes.List(null, null, null, 1, 100), new PagedResponse<StockItemResponse>([Urli()], 1, 100, 1));
        Api.ReturnsProblem(InventoryApi.Routes.EventStock(E), HttpStatusCode.Conflict, "Conflict", method: "POST",
            detail: "Not enough Brass urli: only 3 of 8 are free then. Held by: Sharma–Kapoor (Sangeet, 19 Nov) — 5 of 8.");
        var page = Render<EventStock>(p => p.Add(x => x.EventId, E));

        page.WaitForAssertion(() => page.Find("[data-test=charged]").TextContent.ShouldContain("₹2,500"));
        page.FindAll("[data-test=return]").ShouldBeEmpty();
        page.Find("[data-test=reserve-form]");
        var select = page.FindComponent<MudSelect<Guid?>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(I));
        page.Find("input[data-test=reserve-quantity]").Change("4");
        await page.Find("button[data-test=reserve]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-test=refusal]").TextContent.ShouldContain("Held by: Sharma–Kapoor (Sangeet, 19 Nov) — 5 of 8."));
    }
}

using System.Net;
using Bunit;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Inventory;
using WedTech.App.Features.Inventory.Pages;
using WedTech.App.Platform;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

/// <summary>The stock's client holds the server's routes; a coordinator checks pieces out and back on the event's stock page.</summary>
public class InventoryAppTests : AppTestContext
{
    private static readonly Guid E = Guid.Parse("01938a00-0000-7000-8000-0000000000aa");
    private static readonly Guid R = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");
    private static readonly Guid I = Guid.Parse("01938a00-0000-7000-8000-0000000000cc");

    public static TheoryData<string, string> Routes => new()
    {
        { InventoryApi.Routes.Items, "/api/v1/inventory/items" },
        { InventoryApi.Routes.List(" urli ", StockCategory.Lights, StockAlert.LowStock, 2, 25), "/api/v1/inventory/items?page=2&pageSize=25&q=urli&category=Lights&flag=LowStock" },
        { InventoryApi.Routes.Item(I), $"/api/v1/inventory/items/{I}" },
        { InventoryApi.Routes.Availability(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28), true), "/api/v1/inventory/availability?from=2027-02-01&to=2027-02-28&days=true" },
        { InventoryApi.Routes.EventStock(E), $"/api/v1/events/{E}/stock" },
        { InventoryApi.Routes.Reservation(E, R), $"/api/v1/events/{E}/stock/{R}" },
        { InventoryApi.Routes.CheckOut(E, R), $"/api/v1/events/{E}/stock/{R}/check-out" },
        { InventoryApi.Routes.Return(E, R), $"/api/v1/events/{E}/stock/{R}/return" },
        { InventoryApi.Routes.PickList(E), $"/api/v1/events/{E}/pick-list.pdf" },
        { InventoryApi.Routes.Availability(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28), false, I), $"/api/v1/inventory/availability?from=2027-02-01&to=2027-02-28&item={I}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_route_is_the_address_the_API_maps(string route, string expected) => route.ShouldBe(expected);

    private static StockReservationResponse Lanterns(int checkedOut, StockReservationStatus status) => new(R, I, "Moroccan lantern", "piece", "Okhla godown", Guid.Empty, E,
        "Mehendi", new DateTime(2027, 11, 18, 7, 0, 0), new DateTime(2027, 11, 18, 19, 0, 0), 6, 4, 3, checkedOut, 0, 0, 0, null, status, 1);

    [Fact]
    public async Task A_coordinator_checks_pieces_out_and_is_offered_no_reservation()
    {
        await SignInAsAsync(Role.Coordinator);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Api.Returns(InventoryApi.Routes.EventStock(E), new List<StockReservationResponse> { Lanterns(0, StockReservationStatus.Reserved) });
        Api.Returns(InventoryApi.Routes.CheckOut(E, R), Lanterns(1, StockReservationStatus.Out), "POST");
        var page = Render<EventStock>(p => p.Add(x => x.EventId, E));

        page.FindAll("[data-test=reserve]").ShouldBeEmpty();
        page.Find("[data-test=reservation]").TextContent.ShouldContain("Moroccan lantern");
        page.FindAll("[data-test=release]").ShouldBeEmpty();
        // All six reserved are offered at once; one fewer with the big minus.
        page.Find("button[data-test=check-out]").TextContent.ShouldContain("Check out 6");
        await page.Find("button[data-test=out-count-less]").ClickAsync(new());
        await page.Find("button[data-test=check-out]").ClickAsync(new());

        Api.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.RequestUri!.PathAndQuery == InventoryApi.Routes.CheckOut(E, R));
        Api.RequestBodies.ShouldContain(b => b.Contains("\"quantity\":5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_return_the_server_refuses_shows_the_planner_why()
    {
        await SignInAsAsync(Role.Coordinator);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Api.Returns(InventoryApi.Routes.EventStock(E), new List<StockReservationResponse> { Lanterns(6, StockReservationStatus.Out) });
        Api.ReturnsProblem(InventoryApi.Routes.Return(E, R), HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            new Dictionary<string, string[]> { ["returned"] = ["Count at least one piece back, missing or damaged."] }, "POST");
        var page = Render<EventStock>(p => p.Add(x => x.EventId, E));

        await page.Find("button[data-test=return]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-test=refusal]").TextContent.ShouldContain("Count at least one piece back, missing or damaged."));
    }

    [Fact]
    public void An_over_reservation_reads_as_who_holds_the_pieces()
    {
        var refused = new ApiProblemException((int)HttpStatusCode.Conflict, "Conflict",
            "Not enough Moroccan lantern: only 2 of 8 are free then. Held by: Sharma–Kapoor (Sangeet, 12 Dec) — 6 of 8.");
        InventoryWords.Refusal(refused).ShouldContain("Held by: Sharma–Kapoor (Sangeet, 12 Dec) — 6 of 8");
        InventoryWords.Of(StockCategory.MandapSets).ShouldBe("Mandap sets");
        (InventoryWords.Count(1, "set"), InventoryWords.Count(6, "piece"), InventoryWords.Count(12, "metre"), InventoryWords.Count(4, "pairs"), InventoryWords.Count(2, "roll of tape"))
            .ShouldBe(("1 set", "6 pieces", "12 metres", "4 pairs", "2 roll of tape"));
    }
}

using System.Net;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class InventoryTests(TestServer server) : ProviderTests(server)
{
    private static StockItemRequest Item(string name = "Brass urli", int owned = 10, long? cost = 2_500_00, int maintenance = 0, int threshold = 0) =>
        new(name, StockCategory.Decor, "piece", owned, "Okhla godown", cost, threshold, maintenance, maintenance > 0 ? "Polishing" : null, null);

    private static WeddingRequest Wedding(string title, IReadOnlyList<TeamAssignment>? team = null) =>
        new(title, "Meera", "Sahil", new DateOnly(2027, 11, 20), "Delhi", WeddingStatus.Booked, null, 300, null, team);

    private static EventRequest Event(string name, DateTime start, DateTime end) =>
        new(EventType.Sangeet, name, start, end, null, null, null, null, null, null, null);

    private static async Task<Guid> WeddingAsync(HttpClient admin, string title, IReadOnlyList<TeamAssignment>? team = null) =>
        (await (await admin.PostJsonAsync("/api/v1/weddings", Wedding(title, team))).ReadAsync<WeddingResponse>(HttpStatusCode.Created)).Id;

    private static async Task<Guid> EventAsync(HttpClient admin, Guid wedding, string name, DateTime start, DateTime end) =>
        (await (await admin.PostJsonAsync($"/api/v1/weddings/{wedding}/events", Event(name, start, end))).ReadAsync<EventResponse>(HttpStatusCode.Created)).Id;

    private static async Task<StockItemResponse> ItemAsync(HttpClient admin, StockItemRequest request) =>
        await (await admin.PostJsonAsync("/api/v1/inventory/items", request)).ReadAsync<StockItemResponse>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> ReserveAsync(HttpClient client, Guid @event, Guid item, int quantity, int setup = 0, int teardown = 0) =>
        client.PostJsonAsync($"/api/v1/events/{@event}/stock", new StockReservationRequest(item, quantity, setup, teardown));

    [Fact]
    public async Task Availability_counts_buffers_maintenance_and_every_wedding_and_a_refusal_names_who_holds_the_pieces()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var urli = await ItemAsync(admin, Item(owned: 10, maintenance: 2));
        Assert.Equal((10, 2, 8, false, true), (urli.QuantityOwned, urli.InMaintenance, urli.FreeNow, urli.LowStock, urli.UnderMaintenance));

        var sharma = await WeddingAsync(admin, "Sharma–Kapoor");
        var sangeet = await EventAsync(admin, sharma, "Sangeet", new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 23, 0, 0));
        var mehta = await WeddingAsync(admin, "Mehta–Rao");
        var lunch = await EventAsync(admin, mehta, "Lunch", new DateTime(2027, 11, 19, 12, 0, 0), new DateTime(2027, 11, 19, 15, 0, 0));
        var party = await EventAsync(admin, mehta, "Cocktails", new DateTime(2027, 11, 19, 20, 0, 0), new DateTime(2027, 11, 19, 22, 0, 0));
        var brunch = await EventAsync(admin, mehta, "Brunch", new DateTime(2027, 11, 20, 10, 0, 0), new DateTime(2027, 11, 20, 14, 0, 0));

        // 5 held from 16:00 (3 hours' setup) to 01:00 (2 hours' teardown).
        var held = await (await ReserveAsync(admin, sangeet, urli.Id, 5, setup: 3, teardown: 2)).ReadAsync<StockReservationResponse>(HttpStatusCode.Created);
        Assert.Equal((new DateTime(2027, 11, 19, 16, 0, 0), new DateTime(2027, 11, 20, 1, 0, 0), StockReservationStatus.Reserved),
            (held.HeldFrom, held.HeldUntil, held.Status));
        // Ends at 16:00 as the other starts (windows are half-open): all 8 usable are free for it; so they are the next morning.
        (await ReserveAsync(admin, lunch, urli.Id, 8, teardown: 1)).EnsureSuccessStatusCode();
        (await ReserveAsync(admin, brunch, urli.Id, 8)).EnsureSuccessStatusCode();

        // During the sangeet only 3 are free: 4 is refused, naming the wedding, the event, the day and the count held.
        var refused = await (await ReserveAsync(admin, party, urli.Id, 4)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("only 3 of 8 are free", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("Sharma–Kapoor (Sangeet, 19 Nov) — 5 of 8", refused.Detail, StringComparison.Ordinal);
        (await ReserveAsync(admin, party, urli.Id, 3)).EnsureSuccessStatusCode();
        await (await ReserveAsync(admin, party, urli.Id, 1)).ProblemAsync(HttpStatusCode.Conflict);

        var availability = await admin.GetAsync<StockAvailabilityResponse>("/api/v1/inventory/availability?from=2027-11-19&to=2027-11-21&days=true");
        var line = Assert.Single(availability.Items);
        Assert.Equal((10, 8, 8, 0), (line.Owned, line.Usable, line.PeakReserved, line.Free));
        Assert.Equal([8, 8, 0], line.Days!.Select(d => d.PeakReserved));
        Assert.Equal([0, 0, 8], line.Days!.Select(d => d.Free));
        // Who holds the pieces those days: each reservation with its wedding, event and window, earliest first.
        Assert.Equal(["Mehta–Rao/Lunch/8", "Sharma–Kapoor/Sangeet/5", "Mehta–Rao/Cocktails/3", "Mehta–Rao/Brunch/8"],
            line.Holders!.Select(h => $"{h.Wedding}/{h.EventName}/{h.Quantity}"));
        Assert.Equal((new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 16, 0, 0), StockReservationStatus.Reserved),
            (line.Holders![1].EventStart, line.Holders[1].HeldFrom, line.Holders[1].Status));
        // A coordinator on neither team sees that the pieces are held and when, but not by whom, for what, or a way in.
        var outsider = await studio.AddMemberAsync(Role.Coordinator);
        var seen = Assert.Single((await outsider.Client.GetAsync<StockAvailabilityResponse>("/api/v1/inventory/availability?from=2027-11-19&to=2027-11-21")).Items);
        Assert.Equal(line.Holders.Select(h => (h.HeldFrom, h.Quantity)), seen.Holders!.Select(h => (h.HeldFrom, h.Quantity)));
        Assert.All(seen.Holders!, h => Assert.Equal(("Another wedding", "An event", (Guid?)null, (Guid?)null), (h.Wedding, h.EventName, h.WeddingId, h.EventId)));
        var later = Assert.Single((await admin.GetAsync<StockAvailabilityResponse>("/api/v1/inventory/availability?from=2027-11-21&to=2027-11-30")).Items);
        Assert.Equal((0, 8, null), (later.PeakReserved, later.Free, later.Days));
        Assert.Empty(later.Holders!);

        // Released: the pieces are free again.
        var partyStock = await admin.GetAsync<List<StockReservationResponse>>($"/api/v1/events/{party}/stock");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/events/{party}/stock/{Assert.Single(partyStock).Id}", Cancel)).StatusCode);
        (await ReserveAsync(admin, party, urli.Id, 3)).EnsureSuccessStatusCode();

        // Bad input: every field at fault, nothing saved.
        var bad = await (await admin.PostJsonAsync($"/api/v1/events/{party}/stock", new StockReservationRequest(Guid.NewGuid(), -1, -2, 500))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["itemId", "quantity", "setupHours", "teardownHours"], bad.Errors!.Keys.Order());
        Assert.Equal(["to"], (await (await admin.GetAsync("/api/v1/inventory/availability?from=2027-11-19&to=2027-11-01", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Single(await admin.GetAsync<List<StockReservationResponse>>($"/api/v1/events/{party}/stock"));
    }

    [Fact]
    public async Task Many_planners_reserving_the_last_pieces_at_once_never_over_reserve()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var planners = new List<Member>();
        for (var i = 0; i < 4; i++)
        {
            planners.Add(await studio.AddMemberAsync(Role.Planner));
        }
        var chairs = await ItemAsync(admin, Item("Chiavari chair", owned: 7));
        var wedding = await WeddingAsync(admin, "Sharma–Kapoor");
        var start = new DateTime(2027, 12, 12, 18, 0, 0);
        var events = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            events.Add(await EventAsync(admin, wedding, $"Dinner {i + 1}", start.AddMinutes(10 * i), start.AddHours(4)));
        }
        // 4 of 7 already held: 3 are left for 20 requests at once, from four planners, for overlapping events.
        (await ReserveAsync(admin, events[0], chairs.Id, 4)).EnsureSuccessStatusCode();
        var requests = Enumerable.Range(0, 20).Select(i => ReserveAsync(planners[i % planners.Count].Client, events[i % events.Count], chairs.Id, 1)).ToList();
        var answers = await Task.WhenAll(requests);
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(17, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var availability = Assert.Single((await admin.GetAsync<StockAvailabilityResponse>("/api/v1/inventory/availability?from=2027-12-12&to=2027-12-12")).Items);
        Assert.Equal((7, 0), (availability.PeakReserved, availability.Free));
        var reserved = 0;
        foreach (var @event in events)
        {
            reserved += (await admin.GetAsync<List<StockReservationResponse>>($"/api/v1/events/{@event}/stock")).Sum(r => r.Quantity);
        }
        Assert.Equal(7, reserved);

        // Two pieces at a time for the last piece: all refused.
        var more = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => ReserveAsync(planners[i % planners.Count].Client, events[i % events.Count], chairs.Id, 2)));
        Assert.All(more, a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task A_coordinator_checks_out_and_returns_and_missing_and_damaged_pieces_are_charged_to_the_wedding()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator);
        var outsider = await studio.AddMemberAsync(Role.Coordinator);
        var lanterns = await ItemAsync(admin, Item("Moroccan lantern", owned: 10, cost: 2_500_00));
        var wedding = await WeddingAsync(admin, "Sharma–Kapoor", [new TeamAssignment(coordinator.Id, TeamRole.Coordinator)]);
        var mehendi = await EventAsync(admin, wedding, "Mehendi", new DateTime(2027, 11, 18, 11, 0, 0), new DateTime(2027, 11, 18, 16, 0, 0));
        var reservation = await (await ReserveAsync(admin, mehendi, lanterns.Id, 6)).ReadAsync<StockReservationResponse>(HttpStatusCode.Created);
        var root = $"/api/v1/events/{mehendi}/stock/{reservation.Id}";

        // The coordinator sees the item without its cost, and may not reserve.
        Assert.Null((await coordinator.Client.GetAsync<StockItemResponse>($"/api/v1/inventory/items/{lanterns.Id}")).ReplacementCostPaise);
        await (await ReserveAsync(coordinator.Client, mehendi, lanterns.Id, 1)).ProblemAsync(HttpStatusCode.Forbidden);
        // A coordinator not on the wedding does not see its event.
        await (await outsider.Client.PostJsonAsync($"{root}/check-out", new StockCheckOutRequest(1))).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(["quantity"], (await (await coordinator.Client.PostJsonAsync($"{root}/check-out", new StockCheckOutRequest(7))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(["quantity"], (await (await coordinator.Client.PostJsonAsync($"{root}/check-out", new StockCheckOutRequest(-1))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await coordinator.Client.PostJsonAsync($"{root}/check-out", new StockCheckOutRequest(4))).ReadAsync<StockReservationResponse>();
        var out6 = await (await coordinator.Client.PostJsonAsync($"{root}/check-out", new StockCheckOutRequest(2))).ReadAsync<StockReservationResponse>();
        Assert.Equal((6, StockReservationStatus.Out), (out6.CheckedOut, out6.Status));

        // A return of more than went out, or of negative pieces: field errors, nothing changed.
        var tooMany = await (await coordinator.Client.PostJsonAsync($"{root}/return", new StockReturnRequest(5, 1, 1, null))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["returned"], tooMany.Errors!.Keys);
        var negative = await (await coordinator.Client.PostJsonAsync($"{root}/return", new StockReturnRequest(-1, -1, 0, null))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["missing", "returned"], negative.Errors!.Keys.Order());
        Assert.Equal((0, 0, 0), Counts(Assert.Single(await admin.GetAsync<List<StockReservationResponse>>($"/api/v1/events/{mehendi}/stock"))));

        Assert.DoesNotContain((await admin.GetAsync<BudgetResponse>($"/api/v1/weddings/{wedding}/budget")).Categories, c => c.Name == "Stock lost or damaged");
        // 3 back, 1 missing, 1 damaged; the coordinator types no money and reads none.
        var partial = await (await coordinator.Client.PostJsonAsync($"{root}/return", new StockReturnRequest(3, 1, 1, "One cracked in transit"))).ReadAsync<StockReservationResponse>();
        Assert.Equal((3, 1, 1, StockReservationStatus.Out, (long?)null), (partial.Returned, partial.Missing, partial.Damaged, partial.Status, partial.ChargedPaise));
        var last = await (await coordinator.Client.PostJsonAsync($"{root}/return", new StockReturnRequest(0, 0, 1, null))).ReadAsync<StockReservationResponse>();
        Assert.Equal((3, 1, 2, StockReservationStatus.Returned, (long?)null), (last.Returned, last.Missing, last.Damaged, last.Status, last.ChargedPaise));
        await (await coordinator.Client.PostJsonAsync($"{root}/return", new StockReturnRequest(1, 0, 0, null))).ProblemAsync(HttpStatusCode.BadRequest);

        var budgetBefore = await admin.GetAsync<BudgetResponse>($"/api/v1/weddings/{wedding}/budget");
        var charged = Assert.Single(await admin.GetAsync<List<StockReservationResponse>>($"/api/v1/events/{mehendi}/stock"));
        Assert.Equal(3 * 2_500_00L, charged.ChargedPaise);
        // In the wedding's budget as an actual cost.
        var stockLine = Assert.Single(budgetBefore.Categories, c => c.Name == "Stock lost or damaged");
        Assert.Equal((0L, 3 * 2_500_00L, 3 * 2_500_00L, 0L), (stockLine.PlannedPaise, stockLine.CommittedPaise, stockLine.PaidPaise, stockLine.OutstandingPaise));
        Assert.Equal(3 * 2_500_00L, budgetBefore.Totals.CommittedPaise);
        // The missing piece left the owned count; the damaged ones are in maintenance.
        var item = await admin.GetAsync<StockItemResponse>($"/api/v1/inventory/items/{lanterns.Id}");
        Assert.Equal((9, 2, 7, true), (item.QuantityOwned, item.InMaintenance, item.FreeNow, item.UnderMaintenance));
        Assert.Equal(lanterns.Id, Assert.Single((await admin.GetAsync<PagedResponse<StockItemResponse>>("/api/v1/inventory/items?flag=Maintenance")).Items).Id);

        var audit = await admin.GetAsync<PagedResponse<AuditEntryResponse>>($"/api/v1/audit?entityId={reservation.Id}");
        Assert.Contains(audit.Items, e => e.Action == "stock.returned" && e.Details!.Contains("1 missing (left the owned count)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reserving_checking_out_and_returning_tell_the_wedding_s_watchers_and_an_item_with_reservations_is_not_deleted()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var urli = await ItemAsync(admin, Item("Brass urli", owned: 4));
        var spare = await ItemAsync(admin, Item("Spare urli", owned: 1));
        var wedding = await WeddingAsync(admin, "Sharma–Kapoor");
        var sangeet = await EventAsync(admin, wedding, "Sangeet", new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 23, 0, 0));
        var token = (await studio.LoginAsync(studio.AdminEmail)).AccessToken;
        await using var listener = await RealtimeListener.ConnectAsync(Server.Factory, studio.Slug, token);
        await listener.JoinAsync(wedding);

        var held = await (await ReserveAsync(admin, sangeet, urli.Id, 2)).ReadAsync<StockReservationResponse>(HttpStatusCode.Created);
        var root = $"/api/v1/events/{sangeet}/stock/{held.Id}";
        (await admin.PostJsonAsync($"{root}/check-out", new StockCheckOutRequest(2))).EnsureSuccessStatusCode();
        (await admin.PostJsonAsync($"{root}/return", new StockReturnRequest(2, 0, 0, null))).EnsureSuccessStatusCode();
        for (var i = 0; i < 3; i++)
        {
            var change = await listener.NextChangeAsync();
            while (change.Change != WeddingChange.StockChanged)
            {
                change = await listener.NextChangeAsync();
            }
            Assert.Equal((wedding, sangeet, urli.Id), (change.WeddingId, change.EventId, change.ItemId));
        }

        // An item with reservations keeps them: deleting it is refused, saying why; one never reserved goes.
        var refused = await (await admin.DeleteAsync($"/api/v1/inventory/items/{urli.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Brass urli has been reserved for events (1 reservation)", refused.Detail, StringComparison.Ordinal);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator);
        await (await coordinator.Client.DeleteAsync($"/api/v1/inventory/items/{spare.Id}", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        using var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/inventory/items/{spare.Id}");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await (await admin.SendAsync(stale, Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/inventory/items/{spare.Id}", Cancel)).StatusCode);
        await (await admin.GetAsync($"/api/v1/inventory/items/{spare.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([urli.Id], (await admin.GetAsync<PagedResponse<StockItemResponse>>("/api/v1/inventory/items")).Items.Select(i => i.Id));
    }

    private static (int, int, int) Counts(StockReservationResponse r) => (r.Returned, r.Missing, r.Damaged);

    [Fact]
    public async Task Stock_rented_in_from_a_vendor_serves_only_its_booking_s_wedding_and_items_keep_photos()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var sharma = await WeddingAsync(admin, "Sharma–Kapoor");
        var mehta = await WeddingAsync(admin, "Mehta–Rao");
        var sangeet = await EventAsync(admin, sharma, "Sangeet", new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 23, 0, 0));
        var other = await EventAsync(admin, mehta, "Sangeet", new DateTime(2027, 11, 21, 19, 0, 0), new DateTime(2027, 11, 21, 23, 0, 0));
        var vendor = await (await admin.PostJsonAsync("/api/v1/vendors", new VendorRequest("Jaipur Tent House", ["Tent house"], null, null, null, null, "Jaipur", null, null, 4, null)))
            .ReadAsync<VendorResponse>(HttpStatusCode.Created);
        var booking = await (await admin.PostJsonAsync($"/api/v1/weddings/{sharma}/bookings", new BookingRequest(vendor.Id, sangeet, "Chandeliers", null, BookingStatus.Booked,
            [], null, null, null, null, null))).ReadAsync<BookingResponse>(HttpStatusCode.Created);

        Assert.Equal(["vendorBookingId"], (await (await admin.PostJsonAsync("/api/v1/inventory/items", Item() with { VendorBookingId = Guid.NewGuid() }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        var chandeliers = await ItemAsync(admin, Item("Crystal chandelier", owned: 6) with { VendorBookingId = booking.Id, Warehouse = null });
        Assert.Equal((booking.Id, sharma, "Jaipur Tent House"), (chandeliers.VendorBookingId, chandeliers.RentedForWeddingId, chandeliers.RentedFromVendor));

        var refused = await (await ReserveAsync(admin, other, chandeliers.Id, 1)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("rented in from Jaipur Tent House for another wedding", refused.Detail, StringComparison.Ordinal);
        var held = await (await ReserveAsync(admin, sangeet, chandeliers.Id, 6)).ReadAsync<StockReservationResponse>(HttpStatusCode.Created);
        Assert.Equal("Rented from Jaipur Tent House: goes back to them", held.Warehouse);

        // A photo of the item, kept by the Files module; a coordinator sees it.
        using var photo = new MultipartFormDataContent { { new ByteArrayContent("Crystal chandelier, 5 arms\n"u8.ToArray()), "file", "chandelier.txt" } };
        (await admin.PostAsync($"/api/v1/files?ownerType=stock-item&ownerId={chandeliers.Id}", photo, Cancel)).EnsureSuccessStatusCode();
        var coordinator = await studio.AddMemberAsync(Role.Coordinator);
        var files = await coordinator.Client.GetAsync($"/api/v1/files?ownerType=stock-item&ownerId={chandeliers.Id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        Assert.Contains("chandelier.txt", await files.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_are_checked_field_by_field_flagged_when_low_and_another_studios_are_not_found()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        var bad = await (await admin.PostJsonAsync("/api/v1/inventory/items", new StockItemRequest(" ", StockCategory.Linen, "", -1, null, -5, -1, -1, null, null)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["inMaintenance", "lowStockThreshold", "name", "quantityOwned", "replacementCostPaise", "unit"], bad.Errors!.Keys.Order());
        Assert.Equal(["inMaintenance"], (await (await admin.PostJsonAsync("/api/v1/inventory/items", Item(owned: 2, maintenance: 3))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(0, (await admin.GetAsync<PagedResponse<StockItemResponse>>("/api/v1/inventory/items")).TotalCount);

        var low = await ItemAsync(admin, Item("Fairy lights", owned: 4, threshold: 5) with { Category = StockCategory.Lights });
        var plenty = await ItemAsync(admin, Item("Mandap set, gold", owned: 2, threshold: 1) with { Category = StockCategory.MandapSets, Warehouse = "Gurgaon" });
        Assert.True(low.LowStock);
        Assert.False(plenty.LowStock);
        Assert.Equal([low.Id], (await admin.GetAsync<PagedResponse<StockItemResponse>>("/api/v1/inventory/items?flag=LowStock")).Items.Select(i => i.Id));
        Assert.Equal([plenty.Id], (await admin.GetAsync<PagedResponse<StockItemResponse>>("/api/v1/inventory/items?q=gurgaon")).Items.Select(i => i.Id));
        Assert.Equal([low.Id], (await admin.GetAsync<PagedResponse<StockItemResponse>>("/api/v1/inventory/items?category=Lights")).Items.Select(i => i.Id));

        // Updated with If-Match; a stale version is 409; a negative quantity changes nothing.
        var updated = await (await admin.PutJsonAsync($"/api/v1/inventory/items/{low.Id}", Item("Fairy lights", owned: 12, threshold: 5), "\"1\"")).ReadAsync<StockItemResponse>();
        Assert.Equal((12, false, 2L), (updated.QuantityOwned, updated.LowStock, updated.Version));
        await (await admin.PutJsonAsync($"/api/v1/inventory/items/{low.Id}", Item("Fairy lights", owned: 3), "\"1\"")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["quantityOwned"], (await (await admin.PutJsonAsync($"/api/v1/inventory/items/{low.Id}", Item("Fairy lights", owned: -3), "\"2\"")).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(12, (await admin.GetAsync<StockItemResponse>($"/api/v1/inventory/items/{low.Id}")).QuantityOwned);

        // Another studio sees none of it.
        var wedding = await WeddingAsync(admin, "Sharma–Kapoor");
        var sangeet = await EventAsync(admin, wedding, "Sangeet", new DateTime(2027, 11, 19, 19, 0, 0), new DateTime(2027, 11, 19, 23, 0, 0));
        var reservation = await (await ReserveAsync(admin, sangeet, low.Id, 2)).ReadAsync<StockReservationResponse>(HttpStatusCode.Created);
        var other = await NewStudioAsync();
        using var otherAdmin = await other.AdminAsync();
        await (await otherAdmin.GetAsync($"/api/v1/inventory/items/{low.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PutJsonAsync($"/api/v1/inventory/items/{low.Id}", Item(), "\"2\"")).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.GetAsync($"/api/v1/events/{sangeet}/stock", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await ReserveAsync(otherAdmin, sangeet, low.Id, 1)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostJsonAsync($"/api/v1/events/{sangeet}/stock/{reservation.Id}/check-out", new StockCheckOutRequest(1))).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.GetAsync($"/api/v1/events/{sangeet}/pick-list.pdf", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await otherAdmin.GetAsync<StockAvailabilityResponse>("/api/v1/inventory/availability?from=2027-11-19&to=2027-11-19")).Items);

        // The pick list: the items, where they are, how many.
        var pdf = await admin.GetAsync($"/api/v1/events/{sangeet}/pick-list.pdf", Cancel);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfTools.RunAsync("pdftotext", await pdf.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains("Pick list: Sharma–Kapoor, Sangeet", text, StringComparison.Ordinal);
        Assert.Contains("Fairy lights", text, StringComparison.Ordinal);
        Assert.Contains("Okhla godown", text, StringComparison.Ordinal);
        Assert.Contains("2 piece", text, StringComparison.Ordinal);
    }
}

public sealed class InventoryTestsOnSqlite(SqliteServer server) : InventoryTests(server);

public sealed class InventoryTestsOnPostgres(PostgresServer server) : InventoryTests(server);

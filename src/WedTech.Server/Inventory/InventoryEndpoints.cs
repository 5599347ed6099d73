using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Inventory;

public static class InventoryEndpoints
{
    public static readonly ApiTag Tag = new("Inventory", "The studio's stock of decor, props and furniture: items, availability across weddings, reservations per event, check-out and return.");

    public static RouteGroupBuilder MapInventory(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/inventory/items").WithApiTag(Tag);
        items.MapGet("/", ([AsParameters] StockListQuery query, StockService service, CancellationToken ct) =>
            service.ListAsync(new StockFilter(query.q, query.category, query.flag), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.InventoryView)
            .WithSummary("List stock items").WithDescription("By name; search name and warehouse (q), filter by category and by flag (low stock: fewer free now than the threshold; maintenance). The replacement cost needs financial:view.");
        items.MapPost("/", async (StockItemRequest request, StockService service, CancellationToken ct) =>
        {
            var item = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/inventory/items/{item.Id}", item).WithETag(item.Version);
        }).RequireAuthorization(Permissions.InventoryManage).WithSummary("Add a stock item")
            .WithDescription("Name, category, unit, quantity owned (0 or more), warehouse, replacement cost (needs financial:create), low-stock threshold and pieces in maintenance.");
        items.MapGet("/{id:guid}", async (Guid id, StockService service, CancellationToken ct) =>
        {
            var item = await service.GetAsync(id, ct);
            return TypedResults.Ok(item).WithETag(item.Version);
        }).RequireAuthorization(Permissions.InventoryView).WithSummary("Get a stock item").WithDescription("With what is free now and its flags; the ETag header carries its version for If-Match.");
        items.MapPut("/{id:guid}", async (Guid id, StockItemRequest request, StockService service, HttpContext http, CancellationToken ct) =>
        {
            var item = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(item).WithETag(item.Version);
        }).RequireAuthorization(Permissions.InventoryManage).RequiresIfMatch().WithSummary("Update a stock item")
            .WithDescription("Replace an item's details and counts; requires If-Match (reservations of the item change its version too), answers 409 when someone changed it since.");

        items.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, StockService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.InventoryManage).WithSummary("Delete a stock item")
            .WithDescription("Only an item never reserved: one with reservations is refused with 409 saying why (they are the history of what went where and what was charged); set what is owned to 0 instead. If-Match optional.");

        api.MapGet("/inventory/availability", ([AsParameters] StockAvailabilityQuery query, StockService service, CancellationToken ct) =>
            service.AvailabilityAsync(query.from, query.to, query.days ?? false, query.item, ct))
            .WithApiTag(Tag).RequireAuthorization(Permissions.InventoryView).WithSummary("Availability of the stock")
            .WithDescription("For the days from `from` to `to` (both included, at most 92), every item (or one): owned, usable (not in maintenance), the most reserved at once across every wedding, what is free at that tightest moment, who holds its pieces (wedding, event, window), and per day when `days=true`.");

        var stock = api.MapGroup("/events/{eventId:guid}/stock").WithApiTag(Tag);
        stock.MapGet("/", (Guid eventId, ReservationService service, CancellationToken ct) => service.ListAsync(eventId, ct))
            .RequireAuthorization(Permissions.InventoryView).WithSummary("An event's stock").WithDescription("The pieces reserved for the event, what went out and what came back; the charges need financial:view.");
        stock.MapPost("/", async (Guid eventId, StockReservationRequest request, ReservationService service, CancellationToken ct) =>
        {
            var reservation = await service.ReserveAsync(eventId, request, ct);
            return TypedResults.Created($"/api/v1/events/{eventId}/stock/{reservation.Id}", reservation);
        }).RequireAuthorization(Permissions.InventoryManage).WithSummary("Reserve stock for an event")
            .WithDescription("Holds the pieces from the setup buffer before the event to the teardown buffer after it. Refused with 409 naming the weddings that hold them when fewer are free at any moment of that window; of two planners reserving the last pieces at once, one gets them and the other 409.");
        stock.MapDelete("/{id:guid}", async Task<NoContent> (Guid eventId, Guid id, ReservationService service, CancellationToken ct) =>
        {
            await service.CancelAsync(eventId, id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.InventoryManage).WithSummary("Release a reservation").WithDescription("Refused with 409 once pieces of it went out.");
        stock.MapPost("/{id:guid}/check-out", (Guid eventId, Guid id, StockCheckOutRequest request, ReservationService service, CancellationToken ct) =>
            service.CheckOutAsync(eventId, id, request, ct))
            .RequireAuthorization(Permissions.InventoryHandle).WithSummary("Check pieces out").WithDescription("Pieces leaving the warehouse for the event: in all at most what is reserved.");
        stock.MapPost("/{id:guid}/return", (Guid eventId, Guid id, StockReturnRequest request, ReservationService service, CancellationToken ct) =>
            service.ReturnAsync(eventId, id, request, ct))
            .RequireAuthorization(Permissions.InventoryHandle).WithSummary("Record a return")
            .WithDescription("Pieces back, missing and damaged, together at most what is out. Missing pieces leave the owned count, damaged ones go to maintenance; both are charged to the wedding's budget at the item's replacement cost, worked out by the server.");
        api.MapGet("/events/{eventId:guid}/pick-list.pdf", async (Guid eventId, ReservationService service, CancellationToken ct) =>
        {
            var (bytes, name) = await service.PickListAsync(eventId, ct);
            return TypedResults.File(bytes, "application/pdf", name);
        }).WithApiTag(Tag).RequireAuthorization(Permissions.InventoryView).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("An event's pick list").WithDescription("A4 PDF: each item, its warehouse, the pieces reserved and out, with boxes to tick when picked and back.");
        return api;
    }
}

/// <summary>The query string of the stock list.</summary>
public sealed record StockListQuery([property: QueryText(100)] string? q, StockCategory? category, StockAlert? flag, int? page, int? pageSize) : PageQuery(page, pageSize);

/// <summary>The query string of availability.</summary>
public sealed record StockAvailabilityQuery(DateOnly from, DateOnly to, bool? days, Guid? item);

using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Seating;

public static class SeatingEndpoints
{
    public static readonly ApiTag Tag = new("Seating", "An event's tables and who sits where: seating by hand and automatically, pairs kept apart, and the printed chart, place cards and escort list.");

    public static RouteGroupBuilder MapSeating(this RouteGroupBuilder api)
    {
        var seating = api.MapGroup("/weddings/{weddingId:guid}/events/{eventId:guid}/seating").WithApiTag(Tag);

        seating.MapGet("/", async (Guid weddingId, Guid eventId, SeatingService service, CancellationToken ct) =>
        {
            var found = await service.GetAsync(weddingId, eventId, ct);
            return TypedResults.Ok(found).WithETag(found.Version);
        }).RequireAuthorization(Permissions.GuestView).WithSummary("An event's seating")
            .WithDescription("The tables in order with the guests at each, every household coming (invited and not declined) with where each member sits, and the pairs kept apart; the studio's notes only for the studio. The ETag carries the seating's version.");

        seating.MapPut("/", async (Guid weddingId, Guid eventId, SeatingPlanRequest request, SeatingService service, HttpContext http, CancellationToken ct) =>
        {
            var saved = await service.SavePlanAsync(weddingId, eventId, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(saved).WithETag(saved.Version);
        }).RequireAuthorization(Permissions.SeatingManage).RequiresIfMatch().WithSummary("Set the pairs kept apart")
            .WithDescription("The whole list of pairs of guests never to sit at one table, with a reason each, and the studio's notes. A pair seated together now is refused. Requires the seating's If-Match.");

        seating.MapPost("/moves", async (Guid weddingId, Guid eventId, SeatingMovesRequest request, SeatingService service, HttpContext http, CancellationToken ct) =>
        {
            var saved = await service.MoveAsync(weddingId, eventId, request, Concurrency.IfMatch(http), ct);
            return TypedResults.Ok(saved).WithETag(saved.Version);
        }).RequireAuthorization(Permissions.SeatingManage).WithSummary("Seat, move or unseat guests")
            .WithDescription("Households (every member coming) and single guests to a table, or off their table (no tableId), all together or none: refused, naming the clash, when a table would have more guests than seats, a pair kept apart would share a table, or a household would sit at two tables (unless splitHousehold). If-Match (the seating's version) optional.");

        seating.MapPost("/arrange", async (Guid weddingId, Guid eventId, ArrangeRequest request, SeatingService service, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.ArrangeAsync(weddingId, eventId, request, Concurrency.IfMatch(http), ct);
            return TypedResults.Ok(result).WithETag(result.Seating.Version);
        }).RequireAuthorization(Permissions.SeatingManage).WithSummary("Seat everyone automatically")
            .WithDescription("Seats every guest not yet seated (with reseatAll, everyone afresh), keeping households together, pairs apart and tables within their seats, and sides and groups together where it can; answers the households it could not seat and why. If-Match (the seating's version) optional.");

        seating.MapGet("/print", async (Guid weddingId, Guid eventId, [AsParameters] SeatingPrintQuery query, SeatingPrints prints, CancellationToken ct) =>
        {
            var file = await prints.MakeAsync(weddingId, eventId, ApiConventions.ParseEnum<SeatingPrint>(query.kind, nameof(query.kind)) ?? SeatingPrint.Chart, ct);
            return TypedResults.File(file.Content, "application/pdf", file.Name);
        }).RequireAuthorization(Permissions.GuestView).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("Print the seating")
            .WithDescription("A4 PDF: kind=chart (default; table by table with who sits there), place-cards (one card per seated guest with name and table, eight a page with cut lines) or escort-list (every seated guest by name with their table). Names and tables only.");

        seating.MapPost("/tables", async (Guid weddingId, Guid eventId, SeatingTableRequest request, SeatingService service, CancellationToken ct) =>
        {
            var table = await service.CreateTableAsync(weddingId, eventId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/events/{eventId}/seating/tables/{table.Id}", table).WithETag(table.Version);
        }).RequireAuthorization(Permissions.SeatingManage).WithSummary("Add a table")
            .WithDescription("A table with its name or number, shape and 1 to 40 seats; last in the order unless a position is given.");

        seating.MapPut("/tables/{tableId:guid}", async (Guid weddingId, Guid eventId, Guid tableId, SeatingTableRequest request, SeatingService service, HttpContext http,
            CancellationToken ct) =>
        {
            var table = await service.UpdateTableAsync(weddingId, eventId, tableId, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(table).WithETag(table.Version);
        }).RequireAuthorization(Permissions.SeatingManage).RequiresIfMatch().WithSummary("Change a table")
            .WithDescription("Its name, shape, seats (never fewer than the guests at it) and place in the order. Requires If-Match.");

        seating.MapDelete("/tables/{tableId:guid}", async Task<NoContent> (Guid weddingId, Guid eventId, Guid tableId, SeatingService service, HttpContext http,
            CancellationToken ct) =>
        {
            await service.DeleteTableAsync(weddingId, eventId, tableId, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.SeatingManage).WithSummary("Remove a table")
            .WithDescription("The guests seated at it are unseated. If-Match optional.");

        return api;
    }
}

/// <summary>The query string of the seating's printouts.</summary>
public sealed record SeatingPrintQuery([property: ApiEnum(typeof(SeatingPrint))] string? kind);

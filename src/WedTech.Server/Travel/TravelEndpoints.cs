using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Travel;

public static class TravelEndpoints
{
    public static readonly ApiTag Tag = new("Travel", "Guests' arrivals and departures, the wedding's vehicles and drivers, and the pickups and drops that carry guests, with each driver's manifest.");

    public static RouteGroupBuilder MapTravel(this RouteGroupBuilder api)
    {
        var ofWedding = api.MapGroup("/weddings/{weddingId:guid}").WithApiTag(Tag);
        MapLegs(ofWedding);
        MapVehicles(ofWedding);
        MapTrips(ofWedding);
        return api;
    }

    private static void MapLegs(RouteGroupBuilder ofWedding)
    {
        ofWedding.MapGet("/travel", (Guid weddingId, [AsParameters] TravelLegListQuery query, TravelService travel, CancellationToken ct) =>
            travel.ListAsync(weddingId, new TravelLegFilter(ApiConventions.ParseEnum<TravelDirection>(query.direction, nameof(query.direction)), query.day, query.householdId,
                query.unplaced ?? false), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("Guests' arrivals and departures")
            .WithDescription("In time order: who, when (the local time at the place and the instant), how (mode, carrier, number), where (place, terminal), whether they need a pickup and the trip they are on. Filter by direction, day (local), household, or unplaced=true for those waiting for a pickup. Notes need wedding:internal.");

        ofWedding.MapPost("/travel", async (Guid weddingId, TravelLegRequest request, TravelService travel, CancellationToken ct) =>
        {
            var created = await travel.CreateAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/travel/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.TravelManage).WithSummary("Record an arrival or departure")
            .WithDescription("Members of one household, the local time at the place (without an offset) and its zone (the studio's when left out), the mode, carrier and number, the airport, station or address and its terminal.");

        ofWedding.MapGet("/travel/{id:guid}", async (Guid weddingId, Guid id, TravelService travel, CancellationToken ct) =>
        {
            var leg = await travel.GetAsync(weddingId, id, ct);
            return TypedResults.Ok(leg).WithETag(leg.Version);
        }).RequireAuthorization(Permissions.GuestView).WithSummary("An arrival or departure").WithDescription("The ETag carries its version.");

        ofWedding.MapPut("/travel/{id:guid}", async (Guid weddingId, Guid id, TravelLegRequest request, TravelService travel, HttpContext http, CancellationToken ct) =>
        {
            var leg = await travel.UpdateAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(leg).WithETag(leg.Version);
        }).RequireAuthorization(Permissions.TravelManage).RequiresIfMatch().WithSummary("Change an arrival or departure")
            .WithDescription("A changed direction, or no pickup needed, takes it off its trip. When the trip's guests were told of it, they are told again. Requires If-Match.");

        ofWedding.MapDelete("/travel/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, TravelService travel, HttpContext http, CancellationToken ct) =>
        {
            await travel.DeleteAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.TravelManage).WithSummary("Remove an arrival or departure")
            .WithDescription("Takes it off its trip too; its household is told when the trip was announced. If-Match optional.");
    }

    private static void MapVehicles(RouteGroupBuilder ofWedding)
    {
        ofWedding.MapGet("/vehicles", (Guid weddingId, [AsParameters] VehicleListQuery query, TravelService travel, CancellationToken ct) =>
            travel.VehiclesAsync(weddingId, query.ToPaging(), ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("The wedding's vehicles")
            .WithDescription("Each vehicle, its seats, its driver's name and phone, its transport company and how many trips it is on. Notes need wedding:internal.");

        ofWedding.MapPost("/vehicles", async (Guid weddingId, VehicleRequest request, TravelService travel, CancellationToken ct) =>
        {
            var created = await travel.CreateVehicleAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/vehicles/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.TravelManage).WithSummary("Add a vehicle")
            .WithDescription("What it is, its seats, registration, the driver's name and mobile (Indian, or with its country code) and the transport company.");

        ofWedding.MapGet("/vehicles/{id:guid}", async (Guid weddingId, Guid id, TravelService travel, CancellationToken ct) =>
        {
            var vehicle = await travel.VehicleAsync(weddingId, id, ct);
            return TypedResults.Ok(vehicle).WithETag(vehicle.Version);
        }).RequireAuthorization(Permissions.GuestView).WithSummary("A vehicle").WithDescription("The ETag carries its version.");

        ofWedding.MapPut("/vehicles/{id:guid}", async (Guid weddingId, Guid id, VehicleRequest request, TravelService travel, HttpContext http, CancellationToken ct) =>
        {
            var vehicle = await travel.UpdateVehicleAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(vehicle).WithETag(vehicle.Version);
        }).RequireAuthorization(Permissions.TravelManage).RequiresIfMatch().WithSummary("Change a vehicle")
            .WithDescription("Refused (409) with fewer seats than a trip of it carries. A new driver, number or vehicle is told to the guests of its announced trips. Requires If-Match.");

        ofWedding.MapDelete("/vehicles/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, TravelService travel, HttpContext http, CancellationToken ct) =>
        {
            await travel.DeleteVehicleAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.TravelManage).WithSummary("Remove a vehicle")
            .WithDescription("Its trips are left without a vehicle; guests told of them are told again. If-Match optional.");

        ofWedding.MapGet("/vehicles/{id:guid}/manifest", async (Guid weddingId, Guid id, [AsParameters] ManifestQuery query, DriverManifest manifests, CancellationToken ct) =>
        {
            var file = await manifests.MakeAsync(weddingId, id, query.day!.Value, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization(Permissions.TravelManage).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("A driver's manifest for a day")
            .WithDescription("PDF: the vehicle's trips on the day (local), each with its households, guests, flight or train and the household's phone. In the audit log.");

        ofWedding.MapPost("/vehicles/{id:guid}/manifest/send", async (Guid weddingId, Guid id, ManifestSendRequest request, DriverManifest manifests, CancellationToken ct) =>
        {
            var message = await manifests.SendAsync(weddingId, id, request, ct);
            return TypedResults.Accepted($"/api/v1/messages/{message.Id}", message);
        })
            .RequireAuthorization(Permissions.TravelManage).WithSummary("Send a driver the day's trips")
            .WithDescription("By WhatsApp or SMS through the outbox (the driver-manifest template): each trip's time, place, people and households with their flights; no phone numbers. Refused (409) when the vehicle has no trips that day.");
    }

    private static void MapTrips(RouteGroupBuilder ofWedding)
    {
        ofWedding.MapGet("/trips", (Guid weddingId, [AsParameters] TripListQuery query, TripService trips, CancellationToken ct) =>
            trips.ListAsync(weddingId, new TripFilter(ApiConventions.ParseEnum<TravelDirection>(query.direction, nameof(query.direction)), query.from, query.to, query.vehicleId),
                query.ToPaging(), ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("Pickups and drops")
            .WithDescription("In time order, each with its vehicle and driver, its arrivals or departures and how many people it carries. Filter by direction, from and to (instants: from=now, to=now+2h gives the pickups due) or vehicle.");

        ofWedding.MapPost("/trips", async (Guid weddingId, TripRequest request, TripService trips, CancellationToken ct) =>
        {
            var created = await trips.CreateAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/trips/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.TravelManage).WithSummary("Make a pickup or drop")
            .WithDescription("Refused (409) when an arrival chosen is on another trip, its people are more than the vehicle seats, or the vehicle is on another trip within two hours.");

        ofWedding.MapPost("/trips/plan", (Guid weddingId, TripPlanRequest request, TripService trips, CancellationToken ct) => trips.PlanAsync(weddingId, request, ct))
            .RequireAuthorization(Permissions.TravelManage).WithSummary("Plan pickups from the arrivals waiting")
            .WithDescription("Groups the arrivals (or departures) that need a pickup and have none by place and terminal, each trip taking those within windowMinutes (default 60) of its first; each trip gets the smallest free vehicle that seats its people. Answers the trips made.");

        ofWedding.MapGet("/trips/{id:guid}", async (Guid weddingId, Guid id, TripService trips, CancellationToken ct) =>
        {
            var trip = await trips.GetAsync(weddingId, id, ct);
            return TypedResults.Ok(trip).WithETag(trip.Version);
        }).RequireAuthorization(Permissions.GuestView).WithSummary("A pickup or drop").WithDescription("The ETag carries its version.");

        ofWedding.MapPut("/trips/{id:guid}", async (Guid weddingId, Guid id, TripRequest request, TripService trips, HttpContext http, CancellationToken ct) =>
        {
            var trip = await trips.UpdateAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(trip).WithETag(trip.Version);
        }).RequireAuthorization(Permissions.TravelManage).RequiresIfMatch().WithSummary("Change a pickup or drop")
            .WithDescription("By the same rules. Once its guests were told, each change tells those on it the new pickup, and those taken off that it is cancelled. Requires If-Match.");

        ofWedding.MapDelete("/trips/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, TripService trips, HttpContext http, CancellationToken ct) =>
        {
            await trips.DeleteAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.TravelManage).WithSummary("Cancel a pickup or drop")
            .WithDescription("Its arrivals wait for another trip; guests told of it are told it is cancelled. If-Match optional.");

        ofWedding.MapPost("/trips/{id:guid}/notice", (Guid weddingId, Guid id, TripNoticeRequest request, TripService trips, CancellationToken ct) =>
            trips.AnnounceAsync(weddingId, id, request, ct))
            .RequireAuthorization(Permissions.TravelManage).WithSummary("Tell the guests their pickup")
            .WithDescription("Each household on the trip gets its pickup (time, place, vehicle, driver and number) by WhatsApp, SMS or e-mail through the outbox; from then on every change tells them again. Refused (409) without a vehicle or once the trip has left. Answers how many were told and who could not be reached.");
    }
}

/// <summary>The query string of a wedding's arrivals and departures.</summary>
public sealed record TravelLegListQuery(int? page, int? pageSize, [property: ApiEnum(typeof(TravelDirection))] string? direction, DateOnly? day, Guid? householdId, bool? unplaced)
    : PageQuery(page, pageSize);

/// <summary>The query string of a wedding's vehicles.</summary>
public sealed record VehicleListQuery(int? page, int? pageSize) : PageQuery(page, pageSize);

/// <summary>The query string of a wedding's trips.</summary>
public sealed record TripListQuery(int? page, int? pageSize, [property: ApiEnum(typeof(TravelDirection))] string? direction, DateTimeOffset? from, DateTimeOffset? to,
    Guid? vehicleId) : PageQuery(page, pageSize);

/// <summary>The day of a driver's manifest.</summary>
public sealed record ManifestQuery([property: System.ComponentModel.DataAnnotations.Required] DateOnly? day);

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Events;

public static class EventsEndpoints
{
    public static readonly ApiTag Tag = new("Events", "A wedding's events (mehndi, sangeet, pheras…) with their venue, time and team.");

    public static readonly ApiTag RunOfShowTag = new("Run-of-show", "An event's minute-by-minute schedule, as followed on the day.");

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        var ofWedding = api.MapGroup("/weddings/{weddingId:guid}").WithApiTag(Tag);
        ofWedding.MapGet("/events", (Guid weddingId, [AsParameters] EventListQuery query, EventService service, CancellationToken ct) =>
            service.ListForWeddingAsync(weddingId, query.ToFilter(mine: false), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.WeddingView)
            .WithSummary("A wedding's events").WithDescription("The wedding's timeline: its events in time order, with progress, key moments (muhurats) and clashes; filter by status, type and venue-local date.");

        ofWedding.MapGet("/schedule", (Guid weddingId, EventService service, CancellationToken ct) => service.ScheduleAsync(weddingId, ct))
            .RequireAuthorization(Permissions.WeddingView)
            .WithSummary("A wedding's whole schedule").WithDescription("Every event with its run-of-show, in time order, as the caller may see them.");

        ofWedding.MapPost("/events", async (Guid weddingId, EventRequest request, EventService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/events/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.WeddingEdit).WithSummary("Add an event to a wedding")
            .WithDescription("Start and end are the venue's local time without offset; the zone defaults to the venue's, else the studio's.");

        var events = api.MapGroup("/events").WithApiTag(Tag);
        events.MapGet("/", ([AsParameters] EventsAcrossWeddingsQuery query, EventService service, CancellationToken ct) =>
            service.ListAcrossWeddingsAsync(query.ToFilter(query.mine ?? false), EventsModule.MaxRangeDays, query.ToPaging(), ct))
            .RequireAuthorization(Permissions.WeddingView)
            .WithSummary("Events across weddings").WithDescription($"Events of every wedding the caller sees between two venue-local dates (at most {EventsModule.MaxRangeDays} days; default the coming week); mine=true keeps those of weddings or events the caller is on.");

        events.MapGet("/{id:guid}", async (Guid id, EventService service, CancellationToken ct) =>
        {
            var found = await service.GetAsync(id, ct);
            return TypedResults.Ok(found).WithETag(found.Version);
        }).RequireAuthorization(Permissions.WeddingView).WithSummary("Get an event").WithDescription("One event with its team, clashes and run-of-show, as the caller may see them.");

        events.MapPut("/{id:guid}", async (Guid id, EventRequest request, EventService service, HttpContext http, CancellationToken ct) =>
        {
            var updated = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(updated).WithETag(updated.Version);
        }).RequireAuthorization(Permissions.WeddingEdit).RequiresIfMatch().WithSummary("Update an event")
            .WithDescription("Replace an event's details (If-Match required). Moving its start moves its run-of-show by as much, except fixed items.");

        events.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, EventService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.WeddingEdit).WithSummary("Delete an event").WithDescription("Delete an event and its run-of-show; If-Match optional.");

        MapRunOfShow(events.MapGroup("/{eventId:guid}/run-of-show").WithApiTag(RunOfShowTag));
        return api;
    }

    private static void MapRunOfShow(RouteGroupBuilder items)
    {
        items.MapPost("/", async (Guid eventId, RunOfShowItemRequest request, RunOfShowService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(eventId, request, ct);
            return TypedResults.Created($"/api/v1/events/{eventId}/run-of-show/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.WeddingEdit).WithSummary("Add a run-of-show item");

        items.MapPost("/shift", async (Guid eventId, RunOfShowShiftRequest request, RunOfShowService service, HttpContext http, CancellationToken ct) =>
        {
            var shifted = await service.ShiftAsync(eventId, request.FromItemId!.Value, request.Minutes!.Value, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(shifted).WithETag(shifted.Event.Version);
        }).RequireAuthorization(Permissions.WeddingEdit).RequiresIfMatch().WithSummary("Shift the schedule")
            .WithDescription("Move an item and every later one by N minutes; fixed items (muhurats) and done items stay. If-Match is the event's ETag.");

        items.MapGet("/{itemId:guid}", async (Guid eventId, Guid itemId, RunOfShowService service, CancellationToken ct) =>
        {
            var item = await service.GetAsync(eventId, itemId, ct);
            return TypedResults.Ok(item).WithETag(item.Version);
        }).RequireAuthorization(Permissions.WeddingView).WithSummary("Get a run-of-show item");

        items.MapPut("/{itemId:guid}", async (Guid eventId, Guid itemId, RunOfShowItemRequest request, RunOfShowService service, HttpContext http, CancellationToken ct) =>
        {
            var item = await service.UpdateAsync(eventId, itemId, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(item).WithETag(item.Version);
        }).RequireAuthorization(Permissions.WeddingEdit).RequiresIfMatch().WithSummary("Update a run-of-show item").WithDescription("Replace an item (If-Match required).");

        items.MapDelete("/{itemId:guid}", async Task<NoContent> (Guid eventId, Guid itemId, RunOfShowService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(eventId, itemId, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.WeddingEdit).WithSummary("Delete a run-of-show item");

        items.MapPost("/{itemId:guid}/status", async (Guid eventId, Guid itemId, RunOfShowStatusRequest request, RunOfShowService service, HttpContext http, CancellationToken ct) =>
        {
            var item = await service.SetStatusAsync(eventId, itemId, request.Status!.Value, Concurrency.IfMatch(http), ct);
            return TypedResults.Ok(item).WithETag(item.Version);
        }).RequireAuthorization(Permissions.RunOfShowProgress).WithSummary("Mark a run-of-show item")
            .WithDescription("Pending, in progress, done or slipped: what the coordinator taps on the day. If-Match optional.");
    }
}

/// <summary>The query string of a wedding's event list.</summary>
public record EventListQuery(int? page, int? pageSize, [property: ApiEnum(typeof(EventStatus))] string? status, [property: ApiEnum(typeof(EventType))] string? type,
    DateOnly? from, DateOnly? to) : PageQuery(page, pageSize)
{
    public EventFilter ToFilter(bool mine) =>
        new(ApiConventions.ParseEnum<EventStatus>(status, nameof(status)), ApiConventions.ParseEnum<EventType>(type, nameof(type)), from, to, mine);

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        base.Validate(validationContext).Concat(QueryRules.DateRange(from, to));
}

/// <summary>The query string of the events across weddings: mine=true keeps those of weddings or events the caller is on.</summary>
public sealed record EventsAcrossWeddingsQuery(int? page, int? pageSize, string? status, string? type, DateOnly? from, DateOnly? to, bool? mine)
    : EventListQuery(page, pageSize, status, type, from, to);

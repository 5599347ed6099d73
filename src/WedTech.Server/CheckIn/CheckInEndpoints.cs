namespace WedTech.Server.CheckIn;

public static class CheckInEndpoints
{
    public static readonly ApiTag Tag = new("Check-in", "Guests at an event's door: checked in from their guest pass (the QR on their RSVP page) or by name, and the arrivals so far.");

    public static RouteGroupBuilder MapCheckIn(this RouteGroupBuilder api)
    {
        var ofEvent = api.MapGroup("/events/{eventId:guid}").WithApiTag(Tag);
        ofEvent.MapPost("/check-ins", (Guid eventId, CheckInRequest request, CheckInService service, CancellationToken ct) => service.CheckInAsync(eventId, request, ct))
            .RequireAuthorization(Permissions.GuestCheckIn).WithSummary("Check a household in")
            .WithDescription("From the code of its guest pass (code) or the household picked by name (householdId): the members who arrived (members), or every member invited to the event. Members already in keep their first arrival, so a second scan or two coordinators at once change nothing and the answer says who checked them in and when (outcome already-arrived). A pass of another event's uninvited household, another wedding or another studio, or a replaced or made-up one, is refused with a field error on code that tells nothing of the household.");

        ofEvent.MapGet("/check-ins/{householdId:guid}", (Guid eventId, Guid householdId, CheckInService service, CancellationToken ct) => service.GetAsync(eventId, householdId, ct))
            .RequireAuthorization(Permissions.GuestCheckIn).WithSummary("A household at the door")
            .WithDescription("The household's members invited to the event, with food, allergies and when and by whom each arrived; checks in nobody.");

        ofEvent.MapDelete("/check-ins/{householdId:guid}", (Guid eventId, Guid householdId, [AsParameters] UndoCheckInQuery query, CheckInService service, CancellationToken ct) =>
            service.UndoAsync(eventId, householdId, query.guestId, ct))
            .RequireAuthorization(Permissions.GuestCheckIn).WithSummary("Undo an arrival")
            .WithDescription("One member's arrival (guestId) or the whole household's is undone; the household as it is afterwards.");

        ofEvent.MapGet("/arrivals", (Guid eventId, [AsParameters] ArrivalListQuery query, CheckInService service, CancellationToken ct) =>
            service.EventAsync(eventId, query.ToFilter(), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("An event's arrivals")
            .WithDescription("Guests arrived and places expected (answered attending), and a page of the invited households by name with how many of each are in; show=arrived or not-arrived, and search names in any script (q).");

        api.MapGroup("/weddings/{weddingId:guid}").WithApiTag(Tag).MapGet("/arrivals", (Guid weddingId, CheckInService service, CancellationToken ct) => service.WeddingAsync(weddingId, ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("A wedding's arrivals")
            .WithDescription("Per event: guests arrived, places expected, households invited and households with someone in.");

        api.MapGroup("/weddings/{weddingId:guid}/households/{householdId:guid}").WithApiTag(Tag).MapGet("/guest-pass", async (Guid weddingId, Guid householdId, CheckInService service, CancellationToken ct) =>
            TypedResults.File(await service.PassAsync(weddingId, householdId, ct), "image/png", "guest-pass.png"))
            .RequireAuthorization(Permissions.GuestView).Produces(StatusCodes.Status200OK, contentType: "image/png")
            .WithSummary("A household's guest pass")
            .WithDescription("The QR the household shows at the door, as a PNG: the same as on its RSVP page. It goes with the household's RSVP link: 409 while there is none, and a new or revoked link ends the old pass.");
        return api;
    }
}

/// <summary>The query string of an undo: one member, or the whole household when left out.</summary>
public sealed record UndoCheckInQuery(Guid? guestId);

/// <summary>The query string of an event's arrivals.</summary>
public sealed record ArrivalListQuery([property: ApiEnum(typeof(ArrivalFilter))] string? show, [property: QueryText(100)] string? q, int? page, int? pageSize)
    : PageQuery(page, pageSize)
{
    public ArrivalListFilter ToFilter() => new(ApiConventions.ParseEnum<ArrivalFilter>(show, nameof(show)) ?? ArrivalFilter.All, q);
}

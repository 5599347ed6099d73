using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Rooms;

public static class RoomsEndpoints
{
    public static readonly ApiTag Tag = new("Rooms", "Rooms held at hotels for a wedding's guests, the rooms given to households, and the hotel's rooming list.");

    public static RouteGroupBuilder MapRooms(this RouteGroupBuilder api)
    {
        var ofWedding = api.MapGroup("/weddings/{weddingId:guid}").WithApiTag(Tag);
        ofWedding.MapGet("/room-blocks", (Guid weddingId, [AsParameters] RoomBlockListQuery query, RoomService rooms, CancellationToken ct) =>
            rooms.ListAsync(weddingId, new RoomBlockFilter(query.venueId, query.householdId), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.GuestView).WithSummary("A wedding's room blocks")
            .WithDescription("By first night: each block's hotel, room type, rooms, nights, who pays, the rooms still free on its fullest night and the rooms given (household, guests, dates). The rate needs financial:view; the studio's notes wedding:internal. Filter by hotel (venueId) or household.");

        ofWedding.MapPost("/room-blocks", async (Guid weddingId, RoomBlockRequest request, RoomService rooms, CancellationToken ct) =>
        {
            var created = await rooms.CreateBlockAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/room-blocks/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.RoomManage).WithSummary("Hold rooms at a hotel")
            .WithDescription("A hotel of the venue book, a room type, how many rooms, check-in and check-out days (at most 60 nights), the rate per room per night in paise and who pays.");

        ofWedding.MapGet("/room-blocks/{id:guid}", async (Guid weddingId, Guid id, RoomService rooms, CancellationToken ct) =>
        {
            var block = await rooms.GetAsync(weddingId, id, ct);
            return TypedResults.Ok(block).WithETag(block.Version);
        }).RequireAuthorization(Permissions.GuestView).WithSummary("A room block").WithDescription("One block with its rooms given; the ETag carries its version.");

        ofWedding.MapPut("/room-blocks/{id:guid}", async (Guid weddingId, Guid id, RoomBlockRequest request, RoomService rooms, HttpContext http, CancellationToken ct) =>
        {
            var block = await rooms.UpdateBlockAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(block).WithETag(block.Version);
        }).RequireAuthorization(Permissions.RoomManage).RequiresIfMatch().WithSummary("Change a room block")
            .WithDescription("Refused (409) when it would hold fewer rooms than are given on a night, or (400) leave out nights a room is given for. Requires If-Match.");

        ofWedding.MapDelete("/room-blocks/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, RoomService rooms, HttpContext http, CancellationToken ct) =>
        {
            await rooms.DeleteBlockAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.RoomManage).WithSummary("Release a room block").WithDescription("Deletes the block and the rooms given from it. If-Match optional.");

        ofWedding.MapPost("/room-blocks/{id:guid}/rooms", async (Guid weddingId, Guid id, RoomAllotmentRequest request, RoomService rooms, CancellationToken ct) =>
        {
            var block = await rooms.AllotAsync(weddingId, id, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/room-blocks/{id}", block).WithETag(block.Version);
        }).RequireAuthorization(Permissions.RoomManage).WithSummary("Give a room to guests")
            .WithDescription("Members of one household, for nights within the block's. Refused (409), naming the night, when the block's rooms are all given on a night or a guest already has a room that night. Answers the block.");

        ofWedding.MapPut("/rooms/{id:guid}", async (Guid weddingId, Guid id, RoomAllotmentRequest request, RoomService rooms, HttpContext http, CancellationToken ct) =>
        {
            var room = await rooms.UpdateAllotmentAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(room).WithETag(room.Version);
        }).RequireAuthorization(Permissions.RoomManage).RequiresIfMatch().WithSummary("Change a room given to guests")
            .WithDescription("Its guests or nights, by the same rules. Requires If-Match (the room's version); the answer is the room, its ETag the new version.");

        ofWedding.MapDelete("/rooms/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, RoomService rooms, HttpContext http, CancellationToken ct) =>
        {
            await rooms.DeleteAllotmentAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.RoomManage).WithSummary("Take a room back").WithDescription("The room is free again for its nights. If-Match optional.");

        ofWedding.MapGet("/rooming-list", async (Guid weddingId, [AsParameters] RoomingListQuery query, RoomingList list, CancellationToken ct) =>
        {
            var file = await list.MakeAsync(weddingId, query.venueId, ApiConventions.ParseEnum<RoomingListFormat>(query.format, nameof(query.format)) ?? RoomingListFormat.Xlsx, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization(Permissions.GuestView)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", additionalContentTypes: ["application/pdf"])
            .WithSummary("The rooming list for the hotel")
            .WithDescription("Every room given, by hotel and check-in day: room type, guests, household, check-in, check-out and nights; one hotel (venueId) or all. Names and dates only. format=xlsx (default) or pdf. In the audit log.");
        return api;
    }
}

/// <summary>The query string of a wedding's room blocks.</summary>
public sealed record RoomBlockListQuery(int? page, int? pageSize, Guid? venueId, Guid? householdId) : PageQuery(page, pageSize);

/// <summary>The query string of the rooming list.</summary>
public sealed record RoomingListQuery([property: ApiEnum(typeof(RoomingListFormat))] string? format, Guid? venueId);

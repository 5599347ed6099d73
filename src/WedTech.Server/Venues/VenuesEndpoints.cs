using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Venues;

public static class VenuesEndpoints
{
    public static readonly ApiTag Tag = new("Venues", "The studio's venue book.");

    public static RouteGroupBuilder MapVenues(this RouteGroupBuilder api)
    {
        var venues = api.MapGroup("/venues").WithApiTag(Tag);

        venues.MapGet("/", ([AsParameters] VenueListQuery query, VenueService service, CancellationToken ct) =>
            service.ListAsync(new VenueFilter(query.q, query.city, query.stateCode), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.VenueView)
            .WithSummary("List venues").WithDescription("The studio's venue book by name; search name and city in any script (q), filter by city and GST state code.");

        venues.MapPost("/", async (VenueRequest request, VenueService service, CancellationToken ct) =>
        {
            var venue = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/venues/{venue.Id}", venue).WithETag(venue.Version);
        }).RequireAuthorization(Permissions.VenueManage).WithSummary("Add a venue")
            .WithDescription("A venue in India needs its GST state code; abroad, its country and IANA time zone. Contact phones are stored in E.164.");

        venues.MapGet("/{id:guid}", async (Guid id, VenueService service, CancellationToken ct) =>
        {
            var venue = await service.GetAsync(id, ct);
            return TypedResults.Ok(venue).WithETag(venue.Version);
        }).RequireAuthorization(Permissions.VenueView).WithSummary("Get a venue").WithDescription("One venue with the number of events using it; the ETag header carries its version for If-Match.");

        venues.MapPut("/{id:guid}", async (Guid id, VenueRequest request, VenueService service, HttpContext http, CancellationToken ct) =>
        {
            var venue = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(venue).WithETag(venue.Version);
        }).RequireAuthorization(Permissions.VenueManage).RequiresIfMatch().WithSummary("Update a venue").WithDescription("Replace a venue's details; requires If-Match, answers 409 when someone changed it since.");

        venues.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, VenueService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.VenueManage).WithSummary("Delete a venue")
            .WithDescription("Remove a venue from the book; refused with 409 while events use it. If-Match optional.");

        return api;
    }
}

/// <summary>The query string of the venue book.</summary>
public sealed record VenueListQuery([property: QueryText(100)] string? q, [property: QueryText(100, ErrorMessage = "Give a city name of at most 100 characters.")] string? city,
    [property: GstStateCode] string? stateCode, int? page, int? pageSize) : PageQuery(page, pageSize);

/// <summary>Empty, or a GST state code (two digits, like 07 for Delhi).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class GstStateCodeAttribute() : ValidationAttribute("This is not a GST state code; use two digits, like 07 for Delhi.")
{
    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || IndianStates.ByCode.ContainsKey(text.Trim());
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WedTech.Server.Files;
using WedTech.Server.Identity;

namespace WedTech.Server.Weddings;

public static class WeddingsEndpoints
{
    public static readonly ApiTag Tag = new("Weddings", "Weddings: the couple, dates, budget, team and status.");

    public static RouteGroupBuilder MapWeddings(this RouteGroupBuilder api)
    {
        var weddings = api.MapGroup("/weddings").WithApiTag(Tag);

        weddings.MapGet("/", ([AsParameters] WeddingListQuery query, WeddingService service, CancellationToken ct) =>
            service.ListAsync(query.ToFilter(), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.WeddingView)
            .WithSummary("List weddings").WithDescription("Weddings the caller may see, by date; filter by status (inquiry, booked, in-progress, completed, cancelled), date range and couple's name.");

        weddings.MapGet("/overview", (WeddingService service, [FromServices] IEnumerable<IAttentionSource> attention, CancellationToken ct) =>
            service.OverviewAsync(upcoming: 8, attention, ct))
            .RequireAuthorization(Permissions.WeddingView)
            .WithSummary("Dashboard overview").WithDescription("Counts by status, the next eight weddings still to happen, and what needs the caller soon (needsYou: run-of-show items of theirs today, events without a venue, weddings nobody from the studio is on), among the weddings the caller may see.");

        weddings.MapPost("/", async (WeddingRequest request, WeddingService service, CancellationToken ct) =>
        {
            var wedding = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/weddings/{wedding.Id}", wedding).WithETag(wedding.Version);
        }).RequireAuthorization(Permissions.WeddingCreate).WithSummary("Create a wedding");

        weddings.MapGet("/{id:guid}", async (Guid id, WeddingService service, CancellationToken ct) =>
        {
            var wedding = await service.GetAsync(id, ct);
            return TypedResults.Ok(wedding).WithETag(wedding.Version);
        }).RequireAuthorization(Permissions.WeddingView).WithSummary("Get a wedding").WithDescription("One wedding; the ETag header carries its version for If-Match.");

        weddings.MapPut("/{id:guid}", async (Guid id, WeddingRequest request, WeddingService service, HttpContext http, CancellationToken ct) =>
        {
            var wedding = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(wedding).WithETag(wedding.Version);
        }).RequireAuthorization(Permissions.WeddingEdit).RequiresIfMatch().WithSummary("Update a wedding").WithDescription("Replace a wedding's details; requires If-Match, answers 409 when someone changed it since.");

        weddings.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, WeddingService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.WeddingDelete).WithSummary("Delete a wedding").WithDescription("Delete a wedding (kept, hidden); If-Match optional.");

        return api;
    }
}

/// <summary>The query string of the wedding list.</summary>
public sealed record WeddingListQuery(int? page, int? pageSize, [property: ApiEnum(typeof(WeddingStatus))] string? status, DateOnly? from, DateOnly? to,
    [property: QueryText(100)] string? q) : PageQuery(page, pageSize)
{
    public WeddingFilter ToFilter() => new(ApiConventions.ParseEnum<WeddingStatus>(status, nameof(status)), from, to, q);

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        base.Validate(validationContext).Concat(QueryRules.DateRange(from, to));
}

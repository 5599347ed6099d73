using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Templates;

public static class TemplatesEndpoints
{
    public static readonly ApiTag Tag = new("Templates", "Wedding templates: a wedding's events and run-of-show saved to start new weddings from.");

    public static RouteGroupBuilder MapWeddingTemplates(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/templates").WithApiTag(Tag);

        templates.MapGet("/", ([AsParameters] TemplateListQuery query, TemplateService service, CancellationToken ct) =>
            service.ListAsync(query.q, query.ToPaging(), ct))
            .RequireAuthorization(Permissions.WeddingCreate)
            .WithSummary("List wedding templates").WithDescription("The studio's wedding templates by name, with their number of days, events and run-of-show items; search name and description (q).");

        templates.MapGet("/{id:guid}", async (Guid id, TemplateService service, CancellationToken ct) =>
        {
            var template = await service.GetAsync(id, ct);
            return TypedResults.Ok(template).WithETag(template.Version);
        }).RequireAuthorization(Permissions.WeddingCreate).WithSummary("Get a wedding template")
            .WithDescription("A template's events by day with their run-of-show; the ETag header carries its version for If-Match.");

        templates.MapPost("/", async (WeddingTemplateRequest request, TemplateService service, CancellationToken ct) =>
        {
            var template = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/templates/{template.Id}", template).WithETag(template.Version);
        }).RequireAuthorization(Permissions.TemplateManage).WithSummary("Save a wedding as a template")
            .WithDescription("Saves the events of a wedding (cancelled ones aside) and their run-of-show by day and local time, without venues, people or dates. Names are unique (409).");

        templates.MapPut("/{id:guid}", async (Guid id, WeddingTemplateUpdate request, TemplateService service, HttpContext http, CancellationToken ct) =>
        {
            var template = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(template).WithETag(template.Version);
        }).RequireAuthorization(Permissions.TemplateManage).RequiresIfMatch().WithSummary("Rename a wedding template")
            .WithDescription("Change a template's name and description; requires If-Match, answers 409 when someone changed it since or the name is taken.");

        templates.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, TemplateService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.TemplateManage).WithSummary("Delete a wedding template").WithDescription("Weddings made from it keep their events. If-Match optional.");

        templates.MapPost("/{id:guid}/weddings", async (Guid id, WeddingFromTemplateRequest request, TemplateService service,
            CancellationToken ct) =>
        {
            var wedding = await service.CreateWeddingAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{wedding.Id}", wedding).WithETag(wedding.Version);
        }).RequireAuthorization(Permissions.WeddingCreate).WithSummary("Create a wedding from a template")
            .WithDescription("A new wedding with the template's events and run-of-show: day 0 on firstDay, the same local times, in timeZone (default the studio's). All or nothing.");

        return api;
    }
}

/// <summary>The query string of the wedding templates.</summary>
public sealed record TemplateListQuery([property: QueryText(100)] string? q, int? page, int? pageSize) : PageQuery(page, pageSize);

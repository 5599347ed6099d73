using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Automations;

public static class AutomationsEndpoints
{
    public static readonly ApiTag Tag = new("Automations",
        "The studio's rules: when something happens on a lead or a date of a wedding comes near, and the conditions hold, send a message, tell someone, add a follow-up or move the lead. Each rule fires once per subject and occurrence.");

    public static RouteGroupBuilder MapAutomations(this RouteGroupBuilder api)
    {
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        var cron = services.GetRequiredService<IConfiguration>()["Automations:SweepCron"] ?? AutomationsModule.DefaultSweepCron;
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<AutomationSweepScheduler>(AutomationSweepScheduler.RecurringJobId,
            scheduler => scheduler.QueueAsync(CancellationToken.None), cron);

        var automations = api.MapGroup("/automations").WithApiTag(Tag);

        automations.MapGet("/", async (AutomationService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .RequireAuthorization(Permissions.AutomationManage).WithSummary("List automations")
            .WithDescription("The studio's rules in the order they were made, with how often each has fired and when last.");

        automations.MapPost("/", async (AutomationRuleRequest request, AutomationService service, CancellationToken ct) =>
        {
            var rule = await service.CreateAsync(request, null, ct);
            return TypedResults.Created($"/api/v1/automations/{rule.Id}", rule).WithETag(rule.Version);
        }).RequireAuthorization(Permissions.AutomationManage).WithSummary("Add an automation")
            .WithDescription("A rule fires only for what happens from now on. Refused with field errors when a part does not fit the trigger, a merge field is unknown, or the rule would start itself again through the studio's active rules.");

        automations.MapGet("/recipes", () => TypedResults.Ok(AutomationService.Recipes()))
            .RequireAuthorization(Permissions.AutomationManage).WithSummary("List recipes")
            .WithDescription("The built-in rules a new studio starts with, to add again; a note says why one starts paused.");

        automations.MapGet("/choices", async (AutomationService service, CancellationToken ct) => TypedResults.Ok(await service.ChoicesAsync(ct)))
            .RequireAuthorization(Permissions.AutomationManage).WithSummary("List what a rule may use")
            .WithDescription("The studio's pipeline stages, for a stage-changed trigger and a move.");

        automations.MapPost("/recipes/{key}", async (string key, AutomationService service, CancellationToken ct) =>
        {
            var rule = await service.AddRecipeAsync(key, ct);
            return TypedResults.Created($"/api/v1/automations/{rule.Id}", rule).WithETag(rule.Version);
        }).RequireAuthorization(Permissions.AutomationManage).WithSummary("Add a recipe").WithDescription("Adds the built-in rule as one of the studio's own, as the recipe says (paused or not).");

        automations.MapGet("/firings", async ([AsParameters] AutomationFiringQuery query, AutomationService service, CancellationToken ct) =>
            TypedResults.Ok(await service.HistoryAsync(null, query.outcome, query.ToPaging(), ct)))
            .RequireAuthorization(Permissions.AutomationManage).WithSummary("List recent firings")
            .WithDescription("What the studio's automations did, newest first: the rule, the lead or wedding, the occurrence, when, and done, skipped (a condition did not hold) or failed with the reason.");

        automations.MapGet("/{id:guid}", async (Guid id, AutomationService service, CancellationToken ct) =>
        {
            var rule = await service.GetAsync(id, ct);
            return TypedResults.Ok(rule).WithETag(rule.Version);
        }).RequireAuthorization(Permissions.AutomationManage).WithSummary("Get an automation").WithDescription("One rule; the ETag header carries its version for If-Match.");

        automations.MapPut("/{id:guid}", async (Guid id, AutomationRuleRequest request, AutomationService service, HttpContext http, CancellationToken ct) =>
        {
            var rule = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(rule).WithETag(rule.Version);
        }).RequireAuthorization(Permissions.AutomationManage).RequiresIfMatch().WithSummary("Change an automation")
            .WithDescription("Replaces the rule; requires If-Match. A changed trigger, stage or number of days fires only for what happens from now on.");

        automations.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, AutomationService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.AutomationManage).WithSummary("Remove an automation").WithDescription("Removes the rule and its history. If-Match optional.");

        automations.MapPost("/{id:guid}/pause", async (Guid id, AutomationService service, HttpContext http, CancellationToken ct) =>
        {
            var rule = await service.SetPausedAsync(id, true, Concurrency.IfMatch(http), ct);
            return TypedResults.Ok(rule).WithETag(rule.Version);
        }).RequireAuthorization(Permissions.AutomationManage).WithSummary("Pause an automation").WithDescription("The rule stops firing until resumed. If-Match optional.");

        automations.MapPost("/{id:guid}/resume", async (Guid id, AutomationService service, HttpContext http, CancellationToken ct) =>
        {
            var rule = await service.SetPausedAsync(id, false, Concurrency.IfMatch(http), ct);
            return TypedResults.Ok(rule).WithETag(rule.Version);
        }).RequireAuthorization(Permissions.AutomationManage).WithSummary("Resume an automation")
            .WithDescription("The rule fires again for what happens from now on; what happened while it was paused is not fired. Refused when it would now loop. If-Match optional.");

        automations.MapGet("/{id:guid}/history", async (Guid id, [AsParameters] AutomationFiringQuery query, AutomationService service, CancellationToken ct) =>
            TypedResults.Ok(await service.HistoryAsync(id, query.outcome, query.ToPaging(), ct)))
            .RequireAuthorization(Permissions.AutomationManage).WithSummary("List an automation's firings").WithDescription("What one rule did, newest first.");

        return api;
    }
}

/// <summary>The query string of an automation history.</summary>
public sealed record AutomationFiringQuery(AutomationOutcome? outcome, int? page, int? pageSize) : PageQuery(page, pageSize);

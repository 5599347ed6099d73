using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Budget;

public static class BudgetEndpoints
{
    public static readonly ApiTag Tag = new("Budget", "Each wedding's budget: planned lines (fixed or per guest of an event), its vendors' committed and paid amounts, the studio's fee, a what-if, and the part shared with the couple.");

    public static RouteGroupBuilder MapBudget(this RouteGroupBuilder api)
    {
        var budget = api.MapGroup("/weddings/{weddingId:guid}/budget").WithApiTag(Tag);

        budget.MapGet("", async (Guid weddingId, BudgetService service, CancellationToken ct) =>
        {
            var result = await service.GetAsync(weddingId, ct);
            return TypedResults.Ok(result).WithETag(result.Version);
        }).RequireAuthorization(Permissions.FinancialView).WithSummary("The wedding's budget")
            .WithDescription("Each category's planned, committed (booked vendors, GST included), paid and outstanding amounts, the totals with the studio's fee and what the couple pays, the lines, and the events' attending headcounts that per-guest amounts use. The ETag carries the settings' version (0 before their first change).");

        budget.MapPut("/settings", async (Guid weddingId, BudgetSettingsRequest request, BudgetService service, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.SaveSettingsAsync(weddingId, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(result).WithETag(result.Version);
        }).RequireAuthorization(Permissions.FinancialCreate).RequiresIfMatch().WithSummary("Change the fee and sharing")
            .WithDescription("The fee model (fixed, percent of spend, markup) with its amount or basis points, and whether the couple sees the budget. Changed amounts need financial:edit. Requires If-Match (0 before the first change).");

        budget.MapPost("/lines", async (Guid weddingId, BudgetLineRequest request, BudgetService service, CancellationToken ct) =>
        {
            var line = await service.CreateLineAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/budget/lines/{line.Id}", line).WithETag(line.Version);
        }).RequireAuthorization(Permissions.FinancialCreate).WithSummary("Add a budget line")
            .WithDescription("A category, a description, and an amount, or an event and an amount per guest (multiplied by its attending headcount).");

        budget.MapPut("/lines/{id:guid}", async (Guid weddingId, Guid id, BudgetLineRequest request, BudgetService service, HttpContext http, CancellationToken ct) =>
        {
            var line = await service.UpdateLineAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(line).WithETag(line.Version);
        }).RequireAuthorization(Permissions.FinancialCreate).RequiresIfMatch().WithSummary("Change a budget line")
            .WithDescription("Changed amounts need financial:edit. Requires If-Match.");

        budget.MapDelete("/lines/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, BudgetService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteLineAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.FinancialEdit).WithSummary("Remove a budget line").WithDescription("If-Match optional.");

        budget.MapPost("/what-if", (Guid weddingId, BudgetWhatIfRequest request, BudgetService service, CancellationToken ct) => service.WhatIfAsync(weddingId, request, ct))
            .RequireAuthorization(Permissions.FinancialView).WithSummary("What if…")
            .WithDescription("The budget as it would be with other headcounts, changed, removed or new lines, and another fee: computed exactly as saving them would, and not saved.");

        budget.MapGet("/shared", (Guid weddingId, BudgetService service, CancellationToken ct) => service.SharedAsync(weddingId, ct))
            .RequireAuthorization(Permissions.BudgetShared).WithSummary("The budget shared with the couple")
            .WithDescription("Each category's amount to the couple (any markup included), the lines shared with them, the studio's fee (none under a markup) and the total. Never the vendors' costs, payments or the studio's margin. Empty until the studio shares it.");
        return api;
    }
}

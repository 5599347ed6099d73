using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Reports;

public static class ReportsEndpoints
{
    public static readonly ApiTag Tag = new("Reports", "Reports made in the background (PDF, xlsx, csv) and their progress.");

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithApiTag(Tag).RequireAuthorization(Permissions.WeddingView);
        reports.MapPost("/", async Task<Accepted<ReportResponse>> (ReportRequest request, ReportService service, CancellationToken ct) =>
        {
            var report = await service.RequestAsync(request, ct);
            return TypedResults.Accepted($"/api/v1/reports/{report.Id}", report);
        }).WithSummary("Ask for a report").WithDescription(
            "A background job makes it, with only what the caller may see: wedding-summary (PDF; needs weddingId), weddings-list (xlsx or csv) " +
            "or run-sheet (PDF; needs eventId: the event's run-of-show to print, the couple's without staff-only items and notes). " +
            "Poll the report for its progress; when it has succeeded, download fileId at /api/v1/files/{fileId}/content. The caller is also notified in the app.");
        reports.MapGet("/", ([AsParameters] PageQuery query, ReportService service, CancellationToken ct) => service.ListAsync(query.ToPaging(), ct))
            .WithSummary("The caller's reports, newest first");
        reports.MapGet("/{id:guid}", (Guid id, ReportService service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithSummary("A report's status and progress");
        return api;
    }
}

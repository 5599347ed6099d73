using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Weddings;

namespace WedTech.Server.Reports;

/// <summary>Asks for reports and tells their progress; each user sees their own reports only.</summary>
public sealed class ReportService(TenantDbContext db, CurrentUser currentUser, WeddingService weddings, EventService events, TenantJobs jobs, AuditLog audit, TimeProvider time)
{
    public async Task<ReportResponse> RequestAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var kind = request.Kind!.Value;
        var format = request.Format ?? (kind == ReportKind.WeddingsList ? ReportFormat.Xlsx : ReportFormat.Pdf);
        var weddingId = kind == ReportKind.WeddingSummary ? request.WeddingId : null;
        var errors = new FieldErrors();
        switch (kind)
        {
            case ReportKind.WeddingSummary when format != ReportFormat.Pdf:
                errors.Add("format", "The wedding summary is a PDF.");
                break;
            case ReportKind.RunSheet when format != ReportFormat.Pdf:
                errors.Add("format", "The run sheet is a PDF.");
                break;
            case ReportKind.WeddingsList when format == ReportFormat.Pdf:
                errors.Add("format", "The weddings list comes as xlsx or csv.");
                break;
        }
        if (kind == ReportKind.WeddingSummary && request.WeddingId is null)
        {
            errors.Add("weddingId", "Choose the wedding to summarise.");
        }
        if (kind == ReportKind.RunSheet && request.EventId is null)
        {
            errors.Add("eventId", "Choose the event whose run sheet to print.");
        }
        errors.ThrowIfAny();
        switch (kind)
        {
            case ReportKind.WeddingSummary when !await weddings.IsVisibleAsync(request.WeddingId!.Value, cancellationToken):
                throw ApiException.NotFound("Wedding");
            case ReportKind.RunSheet:
                weddingId = await events.Visible().Where(e => e.Id == request.EventId).Select(e => (Guid?)e.WeddingId).FirstOrDefaultAsync(cancellationToken)
                    ?? throw ApiException.NotFound("Event");
                break;
        }
        var report = new Report
        {
            Kind = kind, Format = format, WeddingId = weddingId, EventId = kind == ReportKind.RunSheet ? request.EventId : null,
            RequestedBy = currentUser.Required.Id, CreatedAt = time.GetUtcNow(),
        };
        db.Reports.Add(report);
        audit.Record("report.requested", nameof(Report), report.Id, $"{ApiConventions.EnumName(kind)} ({ApiConventions.EnumName(format)})");
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<ReportJob, Guid>(report.Id);
        return (await NamedAsync([report], cancellationToken))[0];
    }

    public async Task<ReportResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await NamedAsync([await Own().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ApiException.NotFound("Report")], cancellationToken))[0];

    public async Task<PagedResponse<ReportResponse>> ListAsync(Paging paging, CancellationToken cancellationToken)
    {
        var page = await Own().OrderByDescending(r => r.Id).ToPageAsync(paging, r => r, cancellationToken);
        return new PagedResponse<ReportResponse>(await NamedAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }

    /// <summary>The reports with the titles of their weddings and the names of their events, as the caller may see them now.</summary>
    private async Task<List<ReportResponse>> NamedAsync(IReadOnlyList<Report> reports, CancellationToken cancellationToken)
    {
        var weddingIds = reports.Where(r => r.WeddingId is not null).Select(r => r.WeddingId!.Value).ToHashSet();
        var eventIds = reports.Where(r => r.EventId is not null).Select(r => r.EventId!.Value).ToHashSet();
        var titles = await weddings.TitlesAsync(weddingIds, cancellationToken);
        var names = eventIds.Count == 0 ? []
            : await events.Visible().AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return [.. reports.Select(r => r.ToResponse(
            r.WeddingId is { } wedding ? titles.GetValueOrDefault(wedding) : null, r.EventId is { } e ? names.GetValueOrDefault(e) : null))];
    }

    /// <summary>Whether the caller may reach a report's file: it is their own report.</summary>
    public Task<bool> IsOwnAsync(Guid id, CancellationToken cancellationToken) =>
        currentUser.User is null ? Task.FromResult(false) : Own().AnyAsync(r => r.Id == id, cancellationToken);

    private IQueryable<Report> Own()
    {
        var userId = currentUser.Required.Id;
        return db.Reports.AsNoTracking().Where(r => r.RequestedBy == userId);
    }
}

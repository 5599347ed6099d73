using System.Globalization;
using System.Text;
using MiniExcelLibs;
using WedTech.Server.Events;
using WedTech.Server.Files;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Platform.Pdf;
using WedTech.Server.Platform.Spreadsheets;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Reports;

/// <summary>
/// Makes one report as the user who asked for it (so it holds only what they may see), stores it as a
/// file of the report, and tells them in the app. A report already finished is left as it is on a re-run.
/// </summary>
public sealed class ReportJob(
    TenantDbContext db, WeddingService weddings, EventService events, FileService files, OutboxService outbox, IStudioSettings studio, TimeProvider time,
    ILogger<ReportJob> logger) : ITenantJob<Guid>
{
    public async Task RunAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null or { Status: ReportStatus.Succeeded or ReportStatus.Failed })
        {
            return;
        }
        report.Status = ReportStatus.Running;
        await ProgressAsync(report, 5, cancellationToken);
        string name;
        try
        {
            await using var content = new MemoryStream();
            name = report.Kind switch
            {
                ReportKind.WeddingSummary => await WeddingSummaryPdfAsync(report, content, cancellationToken),
                ReportKind.RunSheet => await RunSheetPdfAsync(report, content, cancellationToken),
                _ => await WeddingsListAsync(report, content, cancellationToken),
            };
            content.Position = 0;
            var file = await files.StoreAsync(FileOwnerTypes.Report, report.Id, name, content, cancellationToken);
            report.FileId = file.Id;
            report.Status = ReportStatus.Succeeded;
            report.Progress = 100;
        }
        catch (ApiException e)
        {
            // What the requester may see changed since they asked (a wedding or event deleted, or unassigned).
            report.Status = ReportStatus.Failed;
            report.Error = e.Status == StatusCodes.Status404NotFound
                ? $"The {(report.Kind == ReportKind.RunSheet ? "event" : "wedding")} was deleted, or you are no longer on its team"
                : e.Detail ?? e.Title;
            name = "";
        }
        report.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Report {ReportId} {Status}", report.Id, report.Status);
        await outbox.QueueAsync(new SendMessageRequest(MessageChannel.InApp, report.RequestedBy.ToString(), null,
            report.Status == ReportStatus.Succeeded ? "report-ready" : "report-failed", "en",
            new Dictionary<string, string> { ["reportName"] = report.Status == ReportStatus.Succeeded ? name : ReportName(report) }, report.WeddingId),
            $"report-{report.Id}", cancellationToken, link: AppLinks.Report(report.Id));
    }

    private async Task ProgressAsync(Report report, int progress, CancellationToken cancellationToken)
    {
        report.Progress = progress;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string ReportName(Report report) => report.Kind switch
    {
        ReportKind.WeddingSummary => "Wedding summary",
        ReportKind.RunSheet => "Run sheet",
        _ => "Weddings list",
    };

    private async Task<string> WeddingsListAsync(Report report, Stream content, CancellationToken cancellationToken)
    {
        var rows = new List<Dictionary<string, object?>>();
        for (var page = 1; ; page++)
        {
            var batch = await weddings.ListAsync(new WeddingFilter(null, null, null, null), Paging.From(page, Paging.MaxPageSize), cancellationToken);
            rows.AddRange(batch.Items.Select(w => new Dictionary<string, object?>
            {
                ["Wedding"] = w.Title, ["Bride"] = w.BrideName, ["Groom"] = w.GroomName,
                ["Date"] = w.PrimaryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["City"] = w.City,
                ["Status"] = ApiConventions.EnumName(w.Status), ["Guests (estimate)"] = w.GuestCountEstimate,
            }));
            await ProgressAsync(report, Math.Min(80, 5 + (int)(75.0 * rows.Count / Math.Max(1, batch.TotalCount))), cancellationToken);
            if (rows.Count >= batch.TotalCount || batch.Items.Count == 0)
            {
                break;
            }
        }
        var stamp = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (report.Format == ReportFormat.Csv)
        {
            await WriteCsvAsync(rows, content, cancellationToken);
            return $"weddings-{stamp}.csv";
        }
        await content.SaveAsAsync(rows, sheetName: "Weddings", cancellationToken: cancellationToken);
        return $"weddings-{stamp}.xlsx";
    }

    private static Task WriteCsvAsync(List<Dictionary<string, object?>> rows, Stream content, CancellationToken cancellationToken)
    {
        var headers = rows.FirstOrDefault()?.Keys.ToList() ?? ["Wedding", "Bride", "Groom", "Date", "City", "Status", "Guests (estimate)"];
        return CsvTable.WriteAsync(headers, rows.Select(row => (IReadOnlyList<object?>)headers.Select(h => row[h]).ToList()), content, cancellationToken);
    }

    private async Task<string> WeddingSummaryPdfAsync(Report report, Stream content, CancellationToken cancellationToken)
    {
        var wedding = await weddings.GetAsync(report.WeddingId!.Value, cancellationToken);
        await ProgressAsync(report, 40, cancellationToken);
        using (var pdf = new ReportPdf())
        {
            pdf.Line(wedding.Title, 20, bold: true, gap: 4);
            pdf.Line($"{wedding.BrideName} & {wedding.GroomName}", 13, gap: 14);
            pdf.Line("Details", 13, bold: true);
            pdf.Line($"Date: {IndianFormat.Date(wedding.PrimaryDate)}");
            pdf.Line($"City: {wedding.City ?? "—"}");
            pdf.Line($"Status: {ApiConventions.EnumName(wedding.Status)}");
            if (wedding.GuestCountEstimate is { } guests)
            {
                pdf.Line($"Guests (estimate): {IndianFormat.Count(guests)}");
            }
            if (wedding.EstimatedBudgetPaise is { } budget)
            {
                pdf.Line($"Budget (estimate): {IndianFormat.Rupees(budget)}");
            }
            pdf.Space(10);
            pdf.Line("Team", 13, bold: true);
            if (wedding.Team.Count == 0)
            {
                pdf.Line("No one is assigned yet.");
            }
            foreach (var member in wedding.Team)
            {
                pdf.Line($"{member.Name} — {ApiConventions.EnumName(member.Role)}");
            }
            pdf.Save(content, $"Wedding summary: {wedding.Title}", $"Wedding summary — {wedding.Title} · {MadeOn(await studio.TimeZoneAsync(cancellationToken))}");
        }
        await ProgressAsync(report, 80, cancellationToken);
        return $"wedding-summary-{wedding.PrimaryDate:yyyy-MM-dd}.pdf";
    }

    /// <summary>One event's run-of-show as the requester may see it (the couple: shared items only, no notes).</summary>
    private async Task<string> RunSheetPdfAsync(Report report, Stream content, CancellationToken cancellationToken)
    {
        var e = await events.GetAsync(report.EventId!.Value, cancellationToken);
        var weddingTitle = (await weddings.TitlesAsync([e.WeddingId], cancellationToken)).GetValueOrDefault(e.WeddingId) ?? throw ApiException.NotFound("Wedding");
        await ProgressAsync(report, 40, cancellationToken);
        using (var pdf = new ReportPdf())
        {
            RunSheet.Draw(pdf, weddingTitle, e);
            pdf.Save(content, $"{RunSheet.Name(e)}: {weddingTitle}", $"{RunSheet.Name(e)} · {weddingTitle} · {MadeOn(e.TimeZone)}");
        }
        await ProgressAsync(report, 80, cancellationToken);
        return $"{RunSheet.Name(e)} {e.Start:yyyy-MM-dd}.pdf";
    }

    /// <summary>When the file was made, on the clock of the people reading it: the venue's for a run sheet, the studio's otherwise.</summary>
    private string MadeOn(string zone) => "made " + ReportPdf.MadeAt(time.GetUtcNow(), zone);
}

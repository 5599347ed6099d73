using WedTech.App.Features.Identity;

namespace WedTech.App.Features.Reports;

/// <summary>What people read for reports: their kinds, formats and states, and who is offered them.</summary>
public static class ReportNames
{
    /// <summary>
    /// Reports are the studio's paperwork, offered to its staff (as the run sheet is). The server would make the couple one
    /// of their own wedding, but the app offers them none: their wedding's page is their summary.
    /// </summary>
    public static bool Offered(SessionState session) => session.Can(Permissions.WeddingInternal);

    public static string Of(ReportKind kind) => kind switch
    {
        ReportKind.WeddingSummary => "Wedding summary",
        ReportKind.WeddingsList => "Weddings list",
        ReportKind.RunSheet => "Run sheet",
        _ => "Report",
    };

    public static string Of(ReportFormat format) => format switch
    {
        ReportFormat.Pdf => "PDF",
        ReportFormat.Xlsx => "Excel (xlsx)",
        ReportFormat.Csv => "CSV",
        _ => "File",
    };

    /// <summary>What the report is about: its wedding (and event), when it has one; null for the weddings list.</summary>
    public static string? Subject(ReportResponse report) => report switch
    {
        { WeddingId: null, EventId: null } => null,
        { EventId: not null, EventName: { } e, WeddingTitle: { } w } => $"{e} · {w}",
        { EventId: null, WeddingTitle: { } w } => w,
        { EventId: not null } => "An event no longer shown to you",
        _ => "A wedding no longer shown to you",
    };

    /// <summary>Where the report has got, in words: the progress bar beside it says how far.</summary>
    public static string State(ReportResponse report) => report.Status switch
    {
        ReportStatus.Queued => "Waiting to start",
        ReportStatus.Running => $"Being made · {report.Progress}%",
        ReportStatus.Succeeded => "Ready",
        _ => "Could not be made",
    };

    /// <summary>Why a report failed, as a sentence (the server's reason, or a plain one when it gave none).</summary>
    public static string Failure(ReportResponse report) =>
        string.IsNullOrWhiteSpace(report.Error) ? "Something went wrong while making it. Ask for it again."
            : report.Error.TrimEnd().EndsWith('.') ? report.Error.Trim() : report.Error.Trim() + ".";
}

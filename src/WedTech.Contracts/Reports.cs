using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>
/// wedding-summary: one wedding as a PDF (details, team, status); weddings-list: every visible wedding as XLSX or CSV;
/// run-sheet: one event's run-of-show as a printable PDF (give <c>eventId</c>).
/// </summary>
public enum ReportKind { WeddingSummary, WeddingsList, RunSheet }

public enum ReportFormat { Pdf, Xlsx, Csv }

public enum ReportStatus { Queued, Running, Succeeded, Failed }

public sealed record ReportRequest([property: Required] ReportKind? Kind, ReportFormat? Format, Guid? WeddingId, Guid? EventId = null);

/// <summary>
/// A report being made or made; <see cref="FileId"/> (download at /api/v1/files/{id}/content) once it succeeded. A run sheet
/// names its <see cref="EventId"/> and the event's wedding. <see cref="WeddingTitle"/> and <see cref="EventName"/> are as the
/// requester may see them now: empty for a wedding or event since deleted or no longer theirs.
/// </summary>
public sealed record ReportResponse(Guid Id, ReportKind Kind, ReportFormat Format, Guid? WeddingId, ReportStatus Status, int Progress,
    Guid? FileId, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, Guid? EventId = null, string? WeddingTitle = null, string? EventName = null);

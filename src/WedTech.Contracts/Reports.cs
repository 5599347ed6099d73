using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>wedding-summary: one wedding as a PDF (details, team, status); weddings-list: every visible wedding as XLSX or CSV.</summary>
public enum ReportKind { WeddingSummary, WeddingsList }

public enum ReportFormat { Pdf, Xlsx, Csv }

public enum ReportStatus { Queued, Running, Succeeded, Failed }

public sealed record ReportRequest([property: Required] ReportKind? Kind, ReportFormat? Format, Guid? WeddingId);

/// <summary>A report being made or made; <see cref="FileId"/> (download at /api/v1/files/{id}/content) once it succeeded.</summary>
public sealed record ReportResponse(Guid Id, ReportKind Kind, ReportFormat Format, Guid? WeddingId, ReportStatus Status, int Progress,
    Guid? FileId, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

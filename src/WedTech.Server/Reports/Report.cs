namespace WedTech.Server.Reports;

/// <summary>A report a user asked for: made by a job, as that user, into a stored file.</summary>
public sealed class Report
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public ReportKind Kind { get; init; }
    public ReportFormat Format { get; init; }
    public Guid? WeddingId { get; init; }

    /// <summary>The event of a run sheet (its wedding is <see cref="WeddingId"/>).</summary>
    public Guid? EventId { get; init; }

    public Guid RequestedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public ReportStatus Status { get; set; } = ReportStatus.Queued;
    public int Progress { get; set; }
    public Guid? FileId { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public ReportResponse ToResponse(string? weddingTitle = null, string? eventName = null) =>
        new(Id, Kind, Format, WeddingId, Status, Progress, FileId, Error, CreatedAt, FinishedAt, EventId, weddingTitle, eventName);
}

public sealed class ReportModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Report>(report =>
    {
        report.ToTable("reports");
        report.Property(r => r.Id).ValueGeneratedNever();
        report.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        report.Property(r => r.Format).HasConversion<string>().HasMaxLength(10);
        report.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Error).HasMaxLength(500);
        report.HasIndex(r => new { r.RequestedBy, r.CreatedAt });
    });
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class ReportTables
{
    extension(TenantDbContext db)
    {
        public DbSet<Report> Reports => db.Set<Report>();
    }
}

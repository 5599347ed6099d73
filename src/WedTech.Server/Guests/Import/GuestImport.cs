using System.Text.Json;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests.Import;

/// <summary>
/// A guest list import asked for and run by <see cref="GuestImportJob"/>: the upload as sent (with the planner's mapping
/// and choices) until it is imported, then what the import did. The upload is kept here, beside the status, rather than
/// in the file storage: it is personal data, and in one database it is dropped in the same save that writes the
/// households (or records the failure), with no file left behind when a save or a job fails.
/// </summary>
public sealed class GuestImport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public required string FileName { get; init; }

    /// <summary>The file as uploaded; null once the import is done or failed.</summary>
    public byte[]? Content { get; set; }

    public required ImportMapping Mapping { get; init; }
    public SimilarChoice Similar { get; init; }
    public List<SimilarHouseholdChoice> Choices { get; init; } = [];
    public GuestImportStatus Status { get; set; } = GuestImportStatus.Queued;
    public int RowsDone { get; set; }
    public int RowsTotal { get; init; }
    public GuestImportResult? Result { get; set; }
    public string? Error { get; set; }
    public Guid RequestedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// The wedding, while this import writes to its list (null otherwise). Unique: a second import of the same wedding
    /// that sets it waits in the database until the first one's transaction ends, so imports of one list run one at a
    /// time and each plans against what the one before it wrote.
    /// </summary>
    public Guid? ImportingWeddingId { get; set; }

    public GuestImportResponse ToResponse() => new(Id, WeddingId, FileName, Status, RowsDone, RowsTotal, Result, Error, CreatedAt, FinishedAt);
}

public sealed class GuestImportModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<GuestImport>(import =>
    {
        import.ToTable("guest_imports");
        import.Property(i => i.Id).ValueGeneratedNever();
        import.Property(i => i.FileName).HasMaxLength(255);
        import.Property(i => i.Mapping).HasConversion(
            mapping => JsonSerializer.Serialize(mapping, ApiJson.Options), json => JsonSerializer.Deserialize<ImportMapping>(json, ApiJson.Options)!);
        import.Property(i => i.Similar).HasConversion<string>().HasMaxLength(10);
        import.Property(i => i.Choices).HasJsonConversion();
        import.Property(i => i.Status).HasConversion<string>().HasMaxLength(10);
        import.Property(i => i.Result).HasConversion(
            result => JsonSerializer.Serialize(result, ApiJson.Options), json => JsonSerializer.Deserialize<GuestImportResult>(json, ApiJson.Options));
        import.Property(i => i.Error).HasMaxLength(500);
        import.HasIndex(i => i.ImportingWeddingId).IsUnique();
        import.HasIndex(i => new { i.WeddingId, i.CreatedAt });
        import.HasOne<Wedding>().WithMany().HasForeignKey(i => i.WeddingId).OnDelete(DeleteBehavior.Cascade);
    });
}

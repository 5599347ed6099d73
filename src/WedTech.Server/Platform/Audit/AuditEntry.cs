namespace WedTech.Server.Platform.Audit;

/// <summary>Who did what, when, from where. Append-only; kept in the tenant's own database.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; init; }
    public Guid? UserId { get; init; }
    public string? UserEmail { get; init; }
    public required string Action { get; init; }
    public string? EntityType { get; init; }
    public Guid? EntityId { get; init; }
    public string? Details { get; init; }
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }
}

public sealed class AuditModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<AuditEntry>(entry =>
    {
        entry.ToTable("audit_entries");
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.UserEmail).HasMaxLength(254);
        entry.Property(e => e.EntityType).HasMaxLength(64);
        entry.Property(e => e.Details).HasMaxLength(2000);
        entry.Property(e => e.IpAddress).HasMaxLength(45);
        entry.Property(e => e.UserAgent).HasMaxLength(300);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.EntityType, e.EntityId });
    });
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class AuditTables
{
    extension(TenantDbContext db)
    {
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();
    }
}

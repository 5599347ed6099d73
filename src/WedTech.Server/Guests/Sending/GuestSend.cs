using WedTech.Server.Weddings;

namespace WedTech.Server.Guests.Sending;

/// <summary>
/// One sending of invitations or reminders to a wedding's households, now or at <see cref="SendAt"/>: what was asked (kept,
/// so that a scheduled reminder finds those who have still not answered when it runs) and how it went.
/// </summary>
public sealed class GuestSend
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public GuestMessageKind Kind { get; init; }
    public MessageChannel Channel { get; init; }
    public Guid? EventId { get; init; }
    public required string Language { get; init; }

    /// <summary>The households chosen; empty for all of the wedding's.</summary>
    public List<Guid> HouseholdIds { get; init; } = [];

    public DateTimeOffset? SendAt { get; init; }
    public GuestSendStatus Status { get; set; }
    public int Queued { get; set; }
    public int NotSent { get; set; }
    public string? Problem { get; set; }
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>A message of a <see cref="GuestSend"/> to one household, and the outbox message that carries it.</summary>
public sealed class GuestMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SendId { get; init; }
    public Guid HouseholdId { get; init; }
    public Guid MessageId { get; init; }
    public GuestMessageKind Kind { get; init; }
    public MessageChannel Channel { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class GuestSendModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GuestSend>(send =>
        {
            send.ToTable("guest_sends");
            send.Property(s => s.Id).ValueGeneratedNever();
            send.Property(s => s.Kind).HasConversion<string>().HasMaxLength(12);
            send.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
            send.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
            send.Property(s => s.Language).HasMaxLength(5);
            send.Property(s => s.HouseholdIds).HasJsonConversion();
            send.Property(s => s.Problem).HasMaxLength(500);
            send.HasIndex(s => s.WeddingId);
            send.HasOne<Wedding>().WithMany().HasForeignKey(s => s.WeddingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<GuestMessage>(message =>
        {
            message.ToTable("guest_messages");
            message.Property(m => m.Id).ValueGeneratedNever();
            message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(12);
            message.Property(m => m.Channel).HasConversion<string>().HasMaxLength(20);
            message.HasIndex(m => new { m.SendId, m.HouseholdId }).IsUnique();
            message.HasIndex(m => new { m.HouseholdId, m.CreatedAt });
            message.HasOne<GuestSend>().WithMany().HasForeignKey(m => m.SendId).OnDelete(DeleteBehavior.Cascade);
            // What was sent to a household goes with it.
            message.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>The sending part's tables, read and written only by the Guests module.</summary>
public static class GuestSendTables
{
    extension(TenantDbContext db)
    {
        public DbSet<GuestSend> GuestSends => db.Set<GuestSend>();
        public DbSet<GuestMessage> GuestMessages => db.Set<GuestMessage>();
    }
}

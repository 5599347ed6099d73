using WedTech.Server.Events;
using WedTech.Server.Guests;

namespace WedTech.Server.Seating;

/// <summary>
/// An event's seating: who sits at which table, the pairs of guests to keep apart and the households the planner let sit
/// apart. One per event, made on its first write. A seat or pair that changes is a change of the plan (a new version), so
/// that two planners moving guests at once cannot both fill the last seat of a table.
/// </summary>
[AuditChanges("seating")]
public sealed class SeatingPlan : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid EventId { get; init; }

    /// <summary>For the studio only; never shown to the couple.</summary>
    public string? Notes { get; set; }

    /// <summary>The households whose members may sit at different tables (split on purpose).</summary>
    public List<Guid> SplitHouseholds { get; set; } = [];

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    [PartOfRecord]
    public List<Seat> Seats { get; init; } = [];

    [PartOfRecord]
    public List<KeepApartPair> KeepApart { get; init; } = [];
}

/// <summary>A guest at a table. Goes with the guest, the table and the event.</summary>
public sealed class Seat
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PlanId { get; init; }
    public Guid TableId { get; set; }
    public Guid GuestId { get; init; }
}

/// <summary>Two guests never to sit at one table ("the feuding uncles"). Goes with either guest.</summary>
public sealed class KeepApartPair
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PlanId { get; init; }
    public Guid FirstGuestId { get; init; }
    public Guid SecondGuestId { get; init; }
    public string? Reason { get; set; }
}

/// <summary>A table of an event, in the order the planner gives.</summary>
[AuditChanges("seating-table")]
public sealed class SeatingTable : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid EventId { get; init; }
    public required string Name { get; set; }
    public TableShape Shape { get; set; }
    public int Seats { get; set; }
    public int Position { get; set; }

    /// <summary>For the studio only; never shown to the couple.</summary>
    public string? Notes { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class SeatingModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SeatingPlan>(plan =>
        {
            plan.ToTable("seating_plans");
            plan.Property(p => p.Id).ValueGeneratedNever();
            plan.Property(p => p.Notes).HasMaxLength(SeatingLimits.MaxNotes);
            plan.Property(p => p.SplitHouseholds).HasJsonConversion();
            plan.Property(p => p.Version).IsConcurrencyToken();
            plan.HasIndex(p => p.EventId).IsUnique();
            plan.HasOne<WeddingEvent>().WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
            plan.HasMany(p => p.Seats).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
            plan.HasMany(p => p.KeepApart).WithOne().HasForeignKey(k => k.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Seat>(seat =>
        {
            seat.ToTable("seats");
            seat.Property(s => s.Id).ValueGeneratedNever();
            seat.HasIndex(s => new { s.PlanId, s.GuestId }).IsUnique();
            seat.HasIndex(s => s.GuestId);
            seat.HasOne<SeatingTable>().WithMany().HasForeignKey(s => s.TableId).OnDelete(DeleteBehavior.Cascade);
            seat.HasOne<Guest>().WithMany().HasForeignKey(s => s.GuestId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<KeepApartPair>(pair =>
        {
            pair.ToTable("keep_apart_pairs");
            pair.Property(k => k.Id).ValueGeneratedNever();
            pair.Property(k => k.Reason).HasMaxLength(SeatingLimits.MaxReason);
            pair.HasOne<Guest>().WithMany().HasForeignKey(k => k.FirstGuestId).OnDelete(DeleteBehavior.Cascade);
            pair.HasOne<Guest>().WithMany().HasForeignKey(k => k.SecondGuestId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SeatingTable>(table =>
        {
            table.ToTable("seating_tables");
            table.Property(t => t.Id).ValueGeneratedNever();
            table.Property(t => t.Name).HasMaxLength(SeatingLimits.MaxTableName);
            table.Property(t => t.Shape).HasConversion<string>().HasMaxLength(10);
            table.Property(t => t.Notes).HasMaxLength(SeatingLimits.MaxNotes);
            table.Property(t => t.Version).IsConcurrencyToken();
            table.HasIndex(t => new { t.EventId, t.Position });
            table.HasOne<WeddingEvent>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class SeatingModuleTables
{
    extension(TenantDbContext db)
    {
        public DbSet<SeatingPlan> SeatingPlans => db.Set<SeatingPlan>();
        public DbSet<Seat> Seats => db.Set<Seat>();
        public DbSet<KeepApartPair> KeepApartPairs => db.Set<KeepApartPair>();
        public DbSet<SeatingTable> SeatingTables => db.Set<SeatingTable>();
    }
}

using WedTech.Server.Events;
using WedTech.Server.Guests;
using WedTech.Server.Identity;

namespace WedTech.Server.CheckIn;

/// <summary>
/// A member of a household checked in at an event's door: when and by whom. One row per member and event (a unique index),
/// so that a second scan or two coordinators scanning the same pass at once never count a guest twice. Made and removed
/// (an undo), never edited; each is in the audit log.
/// </summary>
public sealed class Arrival
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public Guid HouseholdId { get; init; }
    public Guid GuestId { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>The member of the studio who checked the guest in; null once their account is gone (the name stays).</summary>
    public Guid? ByUserId { get; init; }

    public required string ByName { get; init; }
}

public sealed class CheckInModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Arrival>(arrival =>
    {
        arrival.ToTable("arrivals");
        arrival.Property(a => a.Id).ValueGeneratedNever();
        arrival.Property(a => a.ByName).HasMaxLength(200);
        arrival.HasIndex(a => new { a.EventId, a.GuestId }).IsUnique();
        arrival.HasIndex(a => new { a.EventId, a.HouseholdId });
        // An arrival goes with its guest (and so with the household) and with its event.
        arrival.HasOne<Guest>().WithMany().HasForeignKey(a => a.GuestId).OnDelete(DeleteBehavior.Cascade);
        arrival.HasOne<WeddingEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        arrival.HasOne<User>().WithMany().HasForeignKey(a => a.ByUserId).OnDelete(DeleteBehavior.SetNull);
    });
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class CheckInTables
{
    extension(TenantDbContext db)
    {
        public DbSet<Arrival> Arrivals => db.Set<Arrival>();
    }
}

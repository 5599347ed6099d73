using WedTech.Server.Guests;
using WedTech.Server.Weddings;

namespace WedTech.Server.Travel;

/// <summary>
/// Members of one household arriving at or leaving from a place at a time: the wall clock at the place
/// (<see cref="Time"/> in <see cref="TimeZone"/>) and the instant (<see cref="At"/>), for ordering and for the trips.
/// </summary>
[AuditChanges("travel-leg")]
public sealed class TravelLeg : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid HouseholdId { get; set; }
    public List<Guid> Guests { get; set; } = [];
    public TravelDirection Direction { get; set; }
    public TravelMode Mode { get; set; }
    public DateTime Time { get; set; }
    public required string TimeZone { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Carrier { get; set; }
    public string? Number { get; set; }
    public required string Place { get; set; }
    public string? Terminal { get; set; }
    public bool NeedsPickup { get; set; } = true;

    /// <summary>The trip it is on: the one place that says so (a leg is on one trip at most; its version guards that).</summary>
    public Guid? TripId { get; set; }

    /// <summary>Given by the guests on their RSVP page.</summary>
    public bool FromGuest { get; init; }

    /// <summary>For the studio only.</summary>
    public string? Notes { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A vehicle kept for the wedding, with its driver (whose phone is personal data, gone with the wedding's travel).</summary>
[AuditChanges("vehicle")]
public sealed class Vehicle : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public required string Kind { get; set; }
    public int Seats { get; set; }
    public string? Registration { get; set; }
    public required string DriverName { get; set; }
    public required string DriverPhone { get; set; }
    public string? Vendor { get; set; }

    /// <summary>For the studio only.</summary>
    public string? Notes { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A pickup (arrivals) or a drop (departures): a vehicle at a place at a time with the legs it carries.
/// <see cref="Legs"/> is the trip's record of them, so that any change of who is on it is a new version of the trip (and
/// in its audit entry); each leg's <see cref="TravelLeg.TripId"/> says the same and is what queries use.
/// </summary>
[AuditChanges("pickup-trip")]
public sealed class PickupTrip : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public TravelDirection Direction { get; set; }
    public DateTime Time { get; set; }
    public required string TimeZone { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Place { get; set; }
    public string? Terminal { get; set; }
    public Guid? VehicleId { get; set; }
    public List<Guid> Legs { get; set; } = [];

    /// <summary>When its households were first told, and how: from then on a change tells them again, the same way.</summary>
    [NotAudited]
    public DateTimeOffset? AnnouncedAt { get; set; }

    [NotAudited]
    public MessageChannel? AnnouncedBy { get; set; }

    [NotAudited]
    public string? AnnouncedLanguage { get; set; }

    /// <summary>For the studio only.</summary>
    public string? Notes { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class TravelModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TravelLeg>(leg =>
        {
            leg.ToTable("travel_legs");
            leg.Property(l => l.Id).ValueGeneratedNever();
            leg.Property(l => l.Guests).HasJsonConversion();
            leg.Property(l => l.Direction).HasConversion<string>().HasMaxLength(10);
            leg.Property(l => l.Mode).HasConversion<string>().HasMaxLength(10);
            leg.Property(l => l.TimeZone).HasMaxLength(64);
            leg.Property(l => l.Carrier).HasMaxLength(TravelLimits.MaxCarrier);
            leg.Property(l => l.Number).HasMaxLength(TravelLimits.MaxNumber);
            leg.Property(l => l.Place).HasMaxLength(TravelLimits.MaxPlace);
            leg.Property(l => l.Terminal).HasMaxLength(TravelLimits.MaxTerminal);
            leg.Property(l => l.Notes).HasMaxLength(TravelLimits.MaxNotes);
            leg.Property(l => l.Version).IsConcurrencyToken();
            leg.HasIndex(l => new { l.WeddingId, l.At });
            leg.HasIndex(l => l.HouseholdId);
            leg.HasIndex(l => l.TripId);
            leg.HasOne<Wedding>().WithMany().HasForeignKey(l => l.WeddingId).OnDelete(DeleteBehavior.Cascade);
            // The household's travel goes with it.
            leg.HasOne<Household>().WithMany().HasForeignKey(l => l.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            leg.HasOne<PickupTrip>().WithMany().HasForeignKey(l => l.TripId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Vehicle>(vehicle =>
        {
            vehicle.ToTable("vehicles");
            vehicle.Property(v => v.Id).ValueGeneratedNever();
            vehicle.Property(v => v.Kind).HasMaxLength(60);
            vehicle.Property(v => v.Registration).HasMaxLength(20);
            vehicle.Property(v => v.DriverName).HasMaxLength(100);
            vehicle.Property(v => v.DriverPhone).HasMaxLength(20);
            vehicle.Property(v => v.Vendor).HasMaxLength(100);
            vehicle.Property(v => v.Notes).HasMaxLength(TravelLimits.MaxNotes);
            vehicle.Property(v => v.Version).IsConcurrencyToken();
            vehicle.HasIndex(v => v.WeddingId);
            vehicle.HasOne<Wedding>().WithMany().HasForeignKey(v => v.WeddingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PickupTrip>(trip =>
        {
            trip.ToTable("pickup_trips");
            trip.Property(t => t.Id).ValueGeneratedNever();
            trip.Property(t => t.Direction).HasConversion<string>().HasMaxLength(10);
            trip.Property(t => t.TimeZone).HasMaxLength(64);
            trip.Property(t => t.Place).HasMaxLength(TravelLimits.MaxPlace);
            trip.Property(t => t.Terminal).HasMaxLength(TravelLimits.MaxTerminal);
            trip.Property(t => t.Legs).HasJsonConversion();
            trip.Property(t => t.AnnouncedBy).HasConversion<string>().HasMaxLength(10);
            trip.Property(t => t.AnnouncedLanguage).HasMaxLength(5);
            trip.Property(t => t.Notes).HasMaxLength(TravelLimits.MaxNotes);
            trip.Property(t => t.Version).IsConcurrencyToken();
            trip.HasIndex(t => new { t.WeddingId, t.At });
            trip.HasIndex(t => t.VehicleId);
            trip.HasOne<Wedding>().WithMany().HasForeignKey(t => t.WeddingId).OnDelete(DeleteBehavior.Cascade);
            trip.HasOne<Vehicle>().WithMany().HasForeignKey(t => t.VehicleId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}

public static class TravelTables
{
    extension(TenantDbContext db)
    {
        public DbSet<TravelLeg> TravelLegs => db.Set<TravelLeg>();
        public DbSet<Vehicle> Vehicles => db.Set<Vehicle>();
        public DbSet<PickupTrip> PickupTrips => db.Set<PickupTrip>();
    }
}

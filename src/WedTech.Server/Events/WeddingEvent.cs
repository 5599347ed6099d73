using WedTech.Server.Identity;
using WedTech.Server.Venues;
using WedTech.Server.Weddings;

namespace WedTech.Server.Events;

/// <summary>
/// One event of a wedding (Mehendi, Sangeet, …). <see cref="Start"/> and <see cref="End"/> are wall-clock times at the
/// venue in <see cref="TimeZone"/>, the truth the planner typed; <see cref="StartsAt"/>/<see cref="EndsAt"/> are the same
/// moments as instants, kept for ordering across zones, clash checks and "today" queries.
/// </summary>
[AuditChanges("event")]
public sealed class WeddingEvent : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Wedding? Wedding { get; init; }
    public EventType Type { get; set; }
    public required string Name { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public required string TimeZone { get; set; }

    [NotAudited]
    public DateTimeOffset StartsAt { get; set; }

    [NotAudited]
    public DateTimeOffset EndsAt { get; set; }

    public Guid? VenueId { get; set; }
    public Venue? Venue { get; set; }
    public string? DressCode { get; set; }
    public int? ExpectedGuests { get; set; }

    /// <summary>For the studio only; never shown to the couple.</summary>
    public string? Notes { get; set; }

    public EventStatus Status { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    [PartOfRecord]
    public List<EventTeamMember> Team { get; init; } = [];

    public List<RunOfShowItem> Items { get; init; } = [];
}

/// <summary>A member of the wedding's team assigned to one of its events, with a role on it.</summary>
public sealed class EventTeamMember : ITeamMember
{
    public Guid EventId { get; init; }
    public Guid UserId { get; init; }
    public TeamRole Role { get; set; }
}

/// <summary>
/// One timed item of an event's run-of-show, at <see cref="Start"/> local to the event's venue. Its own version lets a
/// coordinator tick it off while a planner edits another item.
/// </summary>
public sealed class RunOfShowItem : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }

    /// <summary>The event's wedding, so that visibility and realtime need no join through the event.</summary>
    public Guid WeddingId { get; init; }

    public DateTime Start { get; set; }
    public int DurationMinutes { get; set; }
    public required string Title { get; set; }
    public Guid? OwnerUserId { get; set; }
    public string? OwnerName { get; set; }

    /// <summary>The vendor who owns the item (their arrival, set from their booking): it is on the vendor's day page.</summary>
    public Guid? OwnerVendorId { get; set; }
    public string? Location { get; set; }

    /// <summary>For the studio only; never shown to the couple.</summary>
    public string? Notes { get; set; }

    public RunOfShowStatus Status { get; set; }

    /// <summary>A muhurat: stays where it is when the schedule around it shifts.</summary>
    public bool IsFixed { get; set; }

    /// <summary>Shown to the couple in their portal.</summary>
    public bool IsShared { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }
    public Guid? StatusChangedById { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class EventModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WeddingEvent>(e =>
        {
            e.ToTable("events");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(120);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.DressCode).HasMaxLength(200);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.WeddingId, x.StartsAt });
            e.HasIndex(x => x.StartsAt);
            e.HasIndex(x => new { x.VenueId, x.StartsAt });
            e.HasOne(x => x.Wedding).WithMany().HasForeignKey(x => x.WeddingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Venue).WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Team).WithOne().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EventTeamMember>(member =>
        {
            member.ToTable("event_team_members");
            member.HasKey(t => new { t.EventId, t.UserId });
            member.HasIndex(t => t.UserId);
            member.Property(t => t.Role).HasConversion<string>().HasMaxLength(20);
            member.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RunOfShowItem>(item =>
        {
            item.ToTable("run_of_show_items");
            item.Property(x => x.Id).ValueGeneratedNever();
            item.Property(x => x.Title).HasMaxLength(200);
            item.Property(x => x.OwnerName).HasMaxLength(120);
            item.Property(x => x.Location).HasMaxLength(120);
            item.Property(x => x.Notes).HasMaxLength(2000);
            item.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            item.Property(x => x.Version).IsConcurrencyToken();
            item.HasIndex(x => new { x.EventId, x.Start });
            item.HasIndex(x => x.WeddingId);
            item.HasOne<User>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class EventTables
{
    extension(TenantDbContext db)
    {
        public DbSet<WeddingEvent> Events => db.Set<WeddingEvent>();
        public DbSet<EventTeamMember> EventTeamMembers => db.Set<EventTeamMember>();
        public DbSet<RunOfShowItem> RunOfShowItems => db.Set<RunOfShowItem>();
    }
}

using WedTech.Server.Guests;
using WedTech.Server.Venues;
using WedTech.Server.Weddings;

namespace WedTech.Server.Rooms;

/// <summary>
/// Rooms held at a hotel for a wedding. The hotel is picked from the venue book; its name and city are kept with the block,
/// so a block outlives the hotel's removal from the book.
/// </summary>
[AuditChanges("room-block")]
public sealed class RoomBlock : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid? VenueId { get; set; }
    public required string Hotel { get; set; }
    public string? City { get; set; }
    public required string RoomType { get; set; }
    public int Rooms { get; set; }
    public DateOnly CheckIn { get; set; }
    public DateOnly CheckOut { get; set; }

    /// <summary>Per room per night.</summary>
    [Money]
    public long? RatePaise { get; set; }

    public RoomPayer PaidBy { get; set; }

    /// <summary>For the studio only.</summary>
    public string? Notes { get; set; }

    /// <summary>
    /// Changed whenever a room of the block is given, changed or taken back: a concurrency token, so that two people giving the
    /// block's last room at the same moment cannot both succeed. Not an edit of the block.
    /// </summary>
    [NotAudited]
    public Guid RoomsStamp { get; set; }

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A room of a block given to members of one household for some of the block's nights.</summary>
[AuditChanges("room-allotment")]
public sealed class RoomAllotment : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WeddingId { get; init; }
    public Guid BlockId { get; init; }
    public Guid HouseholdId { get; set; }
    public List<Guid> Guests { get; set; } = [];
    public DateOnly CheckIn { get; set; }
    public DateOnly CheckOut { get; set; }
    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether the two stays share a night (a check-out day is free for the next check-in).</summary>
    public bool SharesANightWith(DateOnly checkIn, DateOnly checkOut) => CheckIn < checkOut && checkIn < CheckOut;
}

public sealed class RoomModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RoomBlock>(block =>
        {
            block.ToTable("room_blocks");
            block.Property(b => b.Id).ValueGeneratedNever();
            block.Property(b => b.Hotel).HasMaxLength(200);
            block.Property(b => b.City).HasMaxLength(100);
            block.Property(b => b.RoomType).HasMaxLength(100);
            block.Property(b => b.PaidBy).HasConversion<string>().HasMaxLength(10);
            block.Property(b => b.Notes).HasMaxLength(2000);
            block.Property(b => b.Version).IsConcurrencyToken();
            block.Property(b => b.RoomsStamp).IsConcurrencyToken();
            block.HasIndex(b => new { b.WeddingId, b.CheckIn });
            block.HasOne<Wedding>().WithMany().HasForeignKey(b => b.WeddingId).OnDelete(DeleteBehavior.Cascade);
            block.HasOne<Venue>().WithMany().HasForeignKey(b => b.VenueId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<RoomAllotment>(allotment =>
        {
            allotment.ToTable("room_allotments");
            allotment.Property(a => a.Id).ValueGeneratedNever();
            allotment.Property(a => a.Guests).HasJsonConversion();
            allotment.Property(a => a.Version).IsConcurrencyToken();
            allotment.HasIndex(a => a.BlockId);
            allotment.HasIndex(a => a.HouseholdId);
            allotment.HasOne<RoomBlock>().WithMany().HasForeignKey(a => a.BlockId).OnDelete(DeleteBehavior.Cascade);
            // The household's personal data goes with it: who slept where.
            allotment.HasOne<Household>().WithMany().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

public static class RoomTables
{
    extension(TenantDbContext db)
    {
        public DbSet<RoomBlock> RoomBlocks => db.Set<RoomBlock>();
        public DbSet<RoomAllotment> RoomAllotments => db.Set<RoomAllotment>();
    }
}

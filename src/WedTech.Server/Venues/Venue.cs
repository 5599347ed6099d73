namespace WedTech.Server.Venues;

/// <summary>A venue of the studio's venue book, reused by the events of any wedding.</summary>
[AuditChanges("venue")]
public sealed class Venue : IVersioned, ITimestamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Address { get; set; }
    public required string City { get; set; }

    /// <summary>Two-digit GST state code for a venue in India (the GST place of supply); null abroad.</summary>
    public string? StateCode { get; set; }

    public string Country { get; set; } = "IN";
    public string? MapUrl { get; set; }
    public int? Capacity { get; set; }
    public List<VenueContact> Contacts { get; set; } = [];
    public string? Notes { get; set; }
    public required string TimeZone { get; set; }

    /// <summary>Name and city, lower-cased, for search in any script on either provider.</summary>
    [NotAudited]
    public string SearchText { get; private set; } = "";

    public long Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public void RefreshSearchText() => SearchText = string.Join('\n', Name, City).ToLowerInvariant();
}

public sealed class VenueModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Venue>(venue =>
    {
        venue.ToTable("venues");
        venue.Property(v => v.Id).ValueGeneratedNever();
        venue.Property(v => v.Name).HasMaxLength(200);
        venue.Property(v => v.Address).HasMaxLength(500);
        venue.Property(v => v.City).HasMaxLength(100);
        venue.Property(v => v.StateCode).HasMaxLength(2);
        venue.Property(v => v.Country).HasMaxLength(2);
        venue.Property(v => v.MapUrl).HasMaxLength(500);
        venue.Property(v => v.Notes).HasMaxLength(4000);
        venue.Property(v => v.TimeZone).HasMaxLength(64);
        venue.Property(v => v.SearchText).HasMaxLength(302);
        venue.Property(v => v.Version).IsConcurrencyToken();
        // A handful of contacts per venue, always read with it.
        venue.Property(v => v.Contacts).HasJsonConversion();
        venue.HasIndex(v => v.Name);
        venue.HasIndex(v => v.City);
    });
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class VenueTables
{
    extension(TenantDbContext db)
    {
        public DbSet<Venue> Venues => db.Set<Venue>();
    }
}

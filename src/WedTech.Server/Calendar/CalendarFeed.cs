using WedTech.Server.Identity;

namespace WedTech.Server.Calendar;

/// <summary>
/// A calendar subscription address. The secret in the address is kept only as its SHA-256 hash; the
/// feed shows what its user may see at the moment it is fetched.
/// </summary>
public sealed class CalendarFeed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public CalendarFeedKind Kind { get; init; }

    /// <summary>The user who created the feed: it shows what they may see, and only they list and revoke it.</summary>
    public Guid UserId { get; init; }

    /// <summary>The one wedding of a wedding feed; null for a personal feed.</summary>
    public Guid? WeddingId { get; init; }

    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class CalendarFeedModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<CalendarFeed>(feed =>
    {
        feed.ToTable("calendar_feeds");
        feed.Property(f => f.Id).ValueGeneratedNever();
        feed.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        feed.Property(f => f.TokenHash).HasMaxLength(64);
        feed.HasIndex(f => f.TokenHash).IsUnique();
        feed.HasIndex(f => f.UserId);
        feed.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    });
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class CalendarTables
{
    extension(TenantDbContext db)
    {
        public DbSet<CalendarFeed> CalendarFeeds => db.Set<CalendarFeed>();
    }
}

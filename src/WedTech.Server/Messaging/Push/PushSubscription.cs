using WedTech.Server.Identity;

namespace WedTech.Server.Messaging.Push;

/// <summary>One browser (or installed app) of a user that receives Web Push notifications.</summary>
public sealed class PushSubscription
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }

    /// <summary>The push service's URL for this browser; unique, and a capability (whoever has it and the keys can push).</summary>
    public required string Endpoint { get; init; }

    /// <summary>The browser's P-256 public key (base64url, 65 bytes uncompressed).</summary>
    public required string P256dh { get; set; }

    /// <summary>The browser's authentication secret (base64url, 16 bytes).</summary>
    public required string Auth { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

public sealed class PushModel : ITenantModel
{
    public const int MaxEndpointLength = 2048;

    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<PushSubscription>(subscription =>
    {
        subscription.ToTable("push_subscriptions");
        subscription.Property(s => s.Id).ValueGeneratedNever();
        subscription.Property(s => s.Endpoint).HasMaxLength(MaxEndpointLength);
        subscription.HasIndex(s => s.Endpoint).IsUnique();
        subscription.HasIndex(s => s.UserId);
        subscription.Property(s => s.P256dh).HasMaxLength(100);
        subscription.Property(s => s.Auth).HasMaxLength(40);
        subscription.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    });
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class PushTables
{
    extension(TenantDbContext db)
    {
        public DbSet<PushSubscription> PushSubscriptions => db.Set<PushSubscription>();
    }
}

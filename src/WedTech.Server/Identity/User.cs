namespace WedTech.Server.Identity;

/// <summary>A person who signs in to one studio: staff (admin, planner, coordinator) or a client.</summary>
public sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string Name { get; set; }
    public Role Role { get; set; }
    public UserStatus Status { get; set; }
    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever existing sessions must end (password reset, disable); access tokens carry it.</summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();

    public int FailedLoginCount { get; set; }
    public DateTimeOffset? LockoutEndsAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastLoginAt { get; set; }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}

/// <summary>A refresh token, stored as a hash. Tokens rotated from one login form a family.</summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid FamilyId { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
}

public enum OneTimeTokenPurpose { Invitation, PasswordReset, SignInHandoff }

/// <summary>A single-use secret sent by e-mail (invitation, password reset), stored as a hash.</summary>
public sealed class OneTimeToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public OneTimeTokenPurpose Purpose { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

public sealed class IdentityModel : ITenantModel
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.Id).ValueGeneratedNever();
            user.Property(u => u.Email).HasMaxLength(254);
            user.Property(u => u.NormalizedEmail).HasMaxLength(254);
            user.HasIndex(u => u.NormalizedEmail).IsUnique();
            user.Property(u => u.Name).HasMaxLength(100);
            user.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
            user.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
            user.Property(u => u.PasswordHash).HasMaxLength(200);
            user.Property(u => u.SecurityStamp).HasMaxLength(64);
        });
        modelBuilder.Entity<RefreshToken>(token =>
        {
            token.ToTable("refresh_tokens");
            token.Property(t => t.Id).ValueGeneratedNever();
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.FamilyId);
            token.HasIndex(t => t.UserId);
            token.Property(t => t.RevokedReason).HasMaxLength(40);
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OneTimeToken>(token =>
        {
            token.ToTable("one_time_tokens");
            token.Property(t => t.Id).ValueGeneratedNever();
            token.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>The module's tables, read and written only by the module.</summary>
public static class IdentityTables
{
    extension(TenantDbContext db)
    {
        public DbSet<User> Users => db.Set<User>();
        public DbSet<RefreshToken> RefreshTokens => db.Set<RefreshToken>();
        public DbSet<OneTimeToken> OneTimeTokens => db.Set<OneTimeToken>();
    }
}

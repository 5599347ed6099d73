using Microsoft.AspNetCore.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Caching;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Identity;

internal sealed class StudioAdmins(IPasswordHasher<User> hasher, CacheInvalidator invalidator, TimeProvider time) : IStudioAdmins
{
    public void CheckPassword(string password, string email, string field) => PasswordRules.Check(password, email, field);

    public string HashPassword(string password) => hasher.HashPassword(null!, password);

    public bool VerifyPassword(string hash, string password) => hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;

    public async Task EnsureFirstAdminAsync(TenantDbContext db, string slug, string name, string email, string? passwordHash, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            return;
        }
        var admin = new User
        {
            Email = email,
            NormalizedEmail = normalized,
            Name = name,
            Role = Role.Admin,
            Status = UserStatus.Active,
            PasswordHash = passwordHash,
            CreatedAt = time.GetUtcNow(),
        };
        db.Users.Add(admin);
        db.AuditEntries.Add(new AuditEntry { At = time.GetUtcNow(), UserId = admin.Id, UserEmail = admin.Email, Action = "tenant.created", Details = slug });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Guid> MakeAdminAsync(TenantDbContext db, Guid tenantId, string email, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken) ?? throw ApiException.NotFound("User");
        if (user.PasswordHash is null)
        {
            throw ApiException.Conflict("This person has not accepted their invitation yet.");
        }
        var from = user.Role;
        var wasDisabled = user.Status == UserStatus.Disabled;
        user.Role = Role.Admin;
        user.Status = UserStatus.Active;
        user.SecurityStamp = User.NewSecurityStamp();
        await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow).SetProperty(t => t.RevokedReason, "operator-make-admin"), cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow, Action = "user.role-changed", EntityType = nameof(User), EntityId = user.Id,
            Details = $"{user.Email}: {ApiConventions.EnumName(from)} → admin{(wasDisabled ? ", re-enabled" : "")} (by the platform operator)",
        });
        await db.SaveChangesAsync(cancellationToken);
        // With Redis, every server drops its copy at once; otherwise, run from the CLI process, this takes
        // effect when the servers' copies expire (30 s).
        await invalidator.InvalidateAsync(UserDirectory.Key(tenantId, user.Id), cancellationToken);
        return user.Id;
    }
}

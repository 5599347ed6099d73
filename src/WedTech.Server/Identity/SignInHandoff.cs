using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Identity;

/// <summary>
/// Carries a new studio's admin from the signup page (on the product's own host) to their studio's
/// host, signed in. Cookies cannot cross hosts, so signup hands over a sealed, two-minute, single-use
/// ticket in the address; the studio's host redeems it for a session.
/// </summary>
public sealed class SignInHandoff(IDataProtectionProvider protection, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("WedTech.SignInHandoff.v1").ToTimeLimitedDataProtector();

    public string Issue(Guid tenantId, string email) =>
        _protector.Protect($"{tenantId:N}|{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}|{User.Normalize(email)}", time.GetUtcNow().Add(Lifetime));

    /// <summary>The session for a ticket, at most once; null when the ticket is not good here (any reason).</summary>
    public async Task<TokenResponse?> RedeemAsync(string ticket, TenantDbContext db, TenantContext tenant, TokenService tokens, AuditLog audit, CancellationToken cancellationToken)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(ticket, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[0] != tenant.Current.Id.ToString("N"))
        {
            return null;
        }
        var email = parts[2];
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email, cancellationToken);
        if (user is not { Status: UserStatus.Active })
        {
            return null;
        }
        // Redeemed tickets are remembered by hash; the unique index refuses a second use, even a concurrent one.
        var now = time.GetUtcNow();
        db.OneTimeTokens.Add(new OneTimeToken
        {
            UserId = user.Id,
            Purpose = OneTimeTokenPurpose.SignInHandoff,
            TokenHash = TokenService.Hash(parts[1]),
            CreatedAt = now,
            ExpiresAt = now.Add(Lifetime),
            UsedAt = now,
        });
        user.LastLoginAt = now;
        var session = tokens.Issue(user, tenant.Current, Guid.CreateVersion7());
        audit.Record("auth.login", nameof(User), user.Id, "signed in after signup", userId: user.Id, userEmail: user.Email);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return null;
        }
        return session;
    }
}

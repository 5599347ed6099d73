using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Identity;

/// <summary>Login with lockout, refresh-token rotation with reuse detection, logout.</summary>
/// <remarks>
/// Every failed sign-in looks and costs the same, whether the address has no account, the password is wrong or
/// the account is locked: one password verification at the configured cost, one audit entry saved, the same 401.
/// So neither the answer nor its timing tells which addresses have accounts, or when a lock began; the owner of a
/// locked account learns of it by e-mail, sent in the background.
/// </remarks>
public sealed class AuthService(
    TenantDbContext db, TenantContext tenant, TokenService tokens, PasswordVerifier passwords, IPasswordHasher<User> hasher, AuditLog audit,
    UserDirectory directory, TenantJobs jobs, IOptions<AuthOptions> options, TimeProvider time)
{
    public async Task<TokenResponse> LoginAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var normalized = User.Normalize(request.Email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        var verification = passwords.Verify(user, request.Password);

        if (user?.PasswordHash is null)
        {
            await RecordFailureAsync(null, request.Email, "unknown user", cancellationToken);
            throw InvalidCredentials();
        }
        if (user.LockoutEndsAt > now)
        {
            await RecordFailureAsync(user, user.Email, "locked out", cancellationToken);
            throw InvalidCredentials();
        }

        if (verification == PasswordVerificationResult.Failed || user.Status != UserStatus.Active)
        {
            if (verification == PasswordVerificationResult.Failed && ++user.FailedLoginCount >= options.Value.MaxFailedLogins)
            {
                user.FailedLoginCount = 0;
                user.LockoutEndsAt = now.AddMinutes(options.Value.LockoutMinutes);
                audit.Record("user.locked-out", nameof(User), user.Id, userId: user.Id, userEmail: user.Email);
                jobs.Enqueue<AccountEmailJob, AccountEmail>(AccountEmail.Locked(user.Email, audit.Origin()));
            }
            await RecordFailureAsync(user, user.Email, user.Status != UserStatus.Active ? "user not active" : "wrong password", cancellationToken);
            throw InvalidCredentials();
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password);
        }
        user.FailedLoginCount = 0;
        user.LockoutEndsAt = null;
        user.LastLoginAt = now;
        var response = tokens.Issue(user, tenant.Current, familyId: Guid.CreateVersion7());
        audit.Record("auth.login", nameof(User), user.Id, userId: user.Id, userEmail: user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }

    public async Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = TokenService.Hash(refreshToken);
        var stored = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (stored is null || stored.ExpiresAt <= now)
        {
            throw InvalidRefreshToken();
        }
        if (stored.RevokedAt is not null)
        {
            if (stored.RevokedReason == RevokedReasons.Rotated)
            {
                await RevokeFamilyAsync(stored, RevokedReasons.Reused, cancellationToken);
            }
            throw InvalidRefreshToken();
        }

        // Claim the token atomically: of two concurrent refreshes with one token, only one wins.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == stored.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, RevokedReasons.Rotated), cancellationToken);
        if (claimed == 0)
        {
            await RevokeFamilyAsync(stored, RevokedReasons.Reused, cancellationToken);
            throw InvalidRefreshToken();
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == stored.UserId, cancellationToken);
        if (user is not { Status: UserStatus.Active })
        {
            throw InvalidRefreshToken();
        }
        var response = tokens.Issue(user, tenant.Current, stored.FamilyId);
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }

    public async Task LogoutAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = TokenService.Hash(refreshToken);
        var stored = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (stored is null)
        {
            return;
        }
        await RevokeFamilyAsync(stored, RevokedReasons.Logout, cancellationToken);
        audit.Record("auth.logout", nameof(User), stored.UserId, userId: stored.UserId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Ends every session of a user (password reset, disable): refresh tokens revoked now, access tokens
    /// rejected once the caller has saved the new stamp and invalidated the user's cached snapshot.
    /// </summary>
    public async Task RevokeAllSessionsAsync(User user, string reason, CancellationToken cancellationToken)
    {
        user.SecurityStamp = User.NewSecurityStamp();
        await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, time.GetUtcNow()).SetProperty(t => t.RevokedReason, reason), cancellationToken);
    }

    private async Task RevokeFamilyAsync(RefreshToken token, string reason, CancellationToken cancellationToken)
    {
        var revoked = await db.RefreshTokens.Where(t => t.FamilyId == token.FamilyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, time.GetUtcNow()).SetProperty(t => t.RevokedReason, reason), cancellationToken);
        // The session's access tokens stop working now (UserSnapshot.EndedSessions), not when they expire.
        await directory.InvalidateAsync(token.UserId, CancellationToken.None);
        if (reason == RevokedReasons.Reused)
        {
            audit.Record("auth.refresh-token-reused", nameof(User), token.UserId, $"revoked {revoked} token(s) of the family", userId: token.UserId);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task RecordFailureAsync(User? user, string email, string reason, CancellationToken cancellationToken)
    {
        audit.Record("auth.login-failed", nameof(User), user?.Id, reason, userId: user?.Id, userEmail: email.Length > 254 ? email[..254] : email);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ApiException InvalidCredentials() =>
        new(StatusCodes.Status401Unauthorized, "Sign-in failed", "The e-mail or password is not right.");

    private static ApiException InvalidRefreshToken() =>
        new(StatusCodes.Status401Unauthorized, "Session expired", "Sign in again.");

    public static class RevokedReasons
    {
        public const string Rotated = "rotated";
        public const string Reused = "reuse-detected";
        public const string Logout = "logout";
        public const string PasswordReset = "password-reset";
        public const string Disabled = "user-disabled";
    }
}

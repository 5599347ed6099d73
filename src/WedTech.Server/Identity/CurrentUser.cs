using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using WedTech.Server.Platform.Caching;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Identity;

/// <summary>What every authenticated request needs to know about its user; cached per tenant and user.</summary>
/// <param name="EndedSessions">
/// Sessions (refresh-token families) ended on purpose (sign-out, reuse of a refresh token) recently enough that access
/// tokens issued to them may still be unexpired: those tokens are refused at once, not when they expire.
/// </param>
[ImmutableObject(true)]
public sealed record UserSnapshot(Guid Id, string Email, string Name, Role Role, UserStatus Status, string SecurityStamp, IReadOnlyList<Guid> EndedSessions)
{
    public static UserSnapshot From(User u, IReadOnlyList<Guid> endedSessions) => new(u.Id, u.Email, u.Name, u.Role, u.Status, u.SecurityStamp, endedSessions);

    /// <summary>
    /// Whether an access token with these claims may still act for this user: the user is active, no session-ending
    /// change (password reset, disable) happened since it was issued, and its own session was not ended.
    /// </summary>
    public bool Accepts(ClaimsPrincipal principal) =>
        Status == UserStatus.Active
        && SecurityStamp == principal.FindFirstValue(TokenClaims.SecurityStamp)
        && !(Guid.TryParse(principal.FindFirstValue(TokenClaims.Session), out var session) && EndedSessions.Contains(session));
}

/// <summary>The signed-in user of this request, with their current role (not the role in the token).</summary>
public sealed class CurrentUser : IWriteActor
{
    public UserSnapshot? User { get; private set; }

    public bool IsPerson => User is not null;

    Guid? IWriteActor.UserId => User?.Id;

    string? IWriteActor.UserEmail => User?.Email;

    public UserSnapshot Required => User ?? throw new InvalidOperationException("No authenticated user in this scope.");

    public bool Can(string permission) => User is { } user && Permissions.Has(user.Role, permission);

    internal void Set(UserSnapshot user) => User = user;
}

/// <summary>Cached user snapshots of the current tenant; writes that change a user call <see cref="InvalidateAsync"/>.</summary>
public sealed class UserDirectory(HybridCache cache, CacheInvalidator invalidator, TenantContext tenant, IDatabaseProvider databases,
    IOptions<AuthOptions> auth, TimeProvider time)
{
    // Short, because without Redis to carry invalidations another server node learns of a disabled user
    // or a role change only when its copy expires.
    private static readonly HybridCacheEntryOptions Options = new() { Expiration = TimeSpan.FromSeconds(30), LocalCacheExpiration = TimeSpan.FromSeconds(30) };

    public async ValueTask<UserSnapshot?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var tag = Key(tenant.Current.Id, userId);
        // Access tokens of a session ended before this moment have all expired (lifetime plus the validator's clock skew).
        var endedSince = time.GetUtcNow() - TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes + 1);
        var entry = await cache.GetOrCreateAsync(invalidator.Key(tag), (databases, tenant.Current.DatabaseName, userId, endedSince), static async (state, ct) =>
        {
            // Its own context: the read may outlive the request that started it.
            await using var db = state.databases.CreateTenantContext(state.DatabaseName);
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == state.userId, ct);
            if (user is null)
            {
                return new Entry(null);
            }
            var ended = await db.RefreshTokens.AsNoTracking()
                .Where(t => t.UserId == state.userId && t.RevokedAt > state.endedSince && t.RevokedReason != AuthService.RevokedReasons.Rotated)
                .Select(t => t.FamilyId).Distinct().ToListAsync(ct);
            return new Entry(UserSnapshot.From(user, ended));
        }, Options, [tag], cancellationToken);
        return entry.User;
    }

    /// <summary>Drops a user's snapshot, including one being read at this moment (see <see cref="CacheGenerations"/>).</summary>
    public ValueTask InvalidateAsync(Guid userId, CancellationToken cancellationToken = default) =>
        invalidator.InvalidateAsync(Key(tenant.Current.Id, userId), cancellationToken);

    /// <summary>The tag of one user's snapshot (and, with the generation, its cache key).</summary>
    public static string Key(Guid tenantId, Guid userId) => $"t:{tenantId:N}:user:{userId:N}";

    [ImmutableObject(true)]
    public sealed record Entry(UserSnapshot? User);
}

using System.Buffers.Text;
using System.Security.Cryptography;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Guests;

/// <summary>
/// A household's personal RSVP link: <c>https://{studio}/rsvp/{token}</c>, a 128-bit random token of which the household
/// keeps only the SHA-256. A new one replaces the old.
/// </summary>
public static class RsvpLinks
{
    /// <summary>The length of a token: 16 bytes in unpadded base64url.</summary>
    public const int TokenLength = 22;

    /// <summary>
    /// Issues a new link, replacing the household's link; or, <paramref name="onlyIfNone"/>, only when it has none (null
    /// when it has one: a link is never shown again, nor taken from the guests who have it).
    /// </summary>
    public static async Task<(string Token, DateTimeOffset IssuedAt)?> IssueAsync(TenantDbContext db, Guid householdId, TimeProvider time, bool onlyIfNone,
        CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var hash = TokenService.Hash(token);
        var now = time.GetUtcNow();
        var households = db.Households.Where(h => h.Id == householdId);
        if (onlyIfNone)
        {
            households = households.Where(h => h.RsvpTokenHash == null);
        }
        // Written directly: the link is not part of the household people edit, so its version and audit of fields stay.
        var written = await households.ExecuteUpdateAsync(set => set.SetProperty(h => h.RsvpTokenHash, hash).SetProperty(h => h.RsvpLinkIssuedAt, now), cancellationToken);
        return written == 1 ? (token, now) : null;
    }

    public static string Url(StudioAddresses addresses, string slug, string token) => $"{addresses.For(slug)}/rsvp/{token}";
}

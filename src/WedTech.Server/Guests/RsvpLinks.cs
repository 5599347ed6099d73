using System.Buffers.Text;
using System.Security.Cryptography;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Guests;

/// <summary>
/// A household's personal RSVP link: <c>https://{studio}/rsvp/{token}</c>, a 128-bit token of which the household keeps only
/// the SHA-256. The token is an HMAC of the studio, the household and the moment the link was issued, under a key derived
/// from the server's signing key: so an invitation and every later reminder carry the same link without the token being
/// stored, and issuing a new link (a new moment) or revoking it ends the old one.
/// </summary>
public sealed class RsvpLinks(TenantDbContext db, TenantContext tenant, StudioAddresses addresses, SigningKey signingKey, TimeProvider time)
{
    /// <summary>The length of a token: 16 bytes in unpadded base64url.</summary>
    public const int TokenLength = 22;

    // Derived on first use: the guest's page has this service injected but only "find my invitation" issues links.
    private byte[]? _key;

    /// <summary>
    /// Issues a new link, replacing the household's link; or, <paramref name="onlyIfNone"/>, only when it has none (null
    /// when it has one: it is not taken from the guests who have it).
    /// </summary>
    public async Task<(string Token, DateTimeOffset IssuedAt)?> IssueAsync(Guid householdId, bool onlyIfNone, CancellationToken cancellationToken)
    {
        // Whole milliseconds: what both databases keep, so that the token can be derived again from the stored moment.
        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var token = Token(householdId, issuedAt);
        var households = db.Households.Where(h => h.Id == householdId);
        if (onlyIfNone)
        {
            households = households.Where(h => h.RsvpTokenHash == null);
        }
        return await WriteAsync(households, token, issuedAt, cancellationToken) ? (token, issuedAt) : null;
    }

    /// <summary>
    /// The household's link as the guests already have it, to send again; a household without one (or with one made before
    /// links were derived) gets a new one. Two senders at once end with the same link.
    /// </summary>
    public async Task<string> ForSendingAsync(Guid householdId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await db.Households.AsNoTracking().Where(h => h.Id == householdId)
                .Select(h => new { h.RsvpTokenHash, h.RsvpLinkIssuedAt }).FirstOrDefaultAsync(cancellationToken)
                ?? throw ApiException.NotFound("Household");
            if (stored is { RsvpTokenHash: { } hash, RsvpLinkIssuedAt: { } at } && TokenService.Hash(Token(householdId, at)) == hash)
            {
                return Url(Token(householdId, at));
            }
            var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
            var token = Token(householdId, issuedAt);
            // Only over what was read: a link another sender issued meanwhile is kept, and read again.
            if (await WriteAsync(db.Households.Where(h => h.Id == householdId && h.RsvpTokenHash == stored.RsvpTokenHash), token, issuedAt, cancellationToken))
            {
                return Url(token);
            }
            if (attempt == 2)
            {
                throw new InvalidOperationException("The household's RSVP link kept changing while it was being sent.");
            }
        }
    }

    private byte[] Key => _key ??= HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Key.Key, 32, info: "WedTech RSVP links"u8.ToArray());

    public string Url(string token) => $"{addresses.For(tenant.Current.Slug)}/rsvp/{token}";

    private string Token(Guid householdId, DateTimeOffset issuedAt)
    {
        Span<byte> subject = stackalloc byte[40];
        tenant.Current.Id.TryWriteBytes(subject[..16]);
        householdId.TryWriteBytes(subject[16..32]);
        BitConverter.TryWriteBytes(subject[32..], issuedAt.ToUnixTimeMilliseconds());
        return Base64Url.EncodeToString(HMACSHA256.HashData(Key, subject).AsSpan(0, 16));
    }

    // Written directly: the link is not part of the household people edit, so its version and audit of fields stay.
    private static async Task<bool> WriteAsync(IQueryable<Household> households, string token, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        await households.ExecuteUpdateAsync(set => set.SetProperty(h => h.RsvpTokenHash, TokenService.Hash(token)).SetProperty(h => h.RsvpLinkIssuedAt, issuedAt)
            .SetProperty(h => h.RsvpLinkOpenedAt, (DateTimeOffset?)null), cancellationToken) == 1;
}

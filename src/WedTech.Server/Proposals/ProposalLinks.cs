using System.Buffers.Text;
using System.Security.Cryptography;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Proposals;

/// <summary>
/// The couple's link to a proposal: <c>https://{studio}/proposal/{token}</c>, a 128-bit token of which the proposal keeps only
/// the SHA-256. The token is an HMAC of the studio, the proposal and the moment the link was issued, under a key derived from
/// the server's signing key: every version sent carries the same link without the token being stored, and a new link (a new
/// moment) or revoking it ends the old one.
/// </summary>
public sealed class ProposalLinks(TenantContext tenant, StudioAddresses addresses, SigningKey signingKey)
{
    public const int TokenLength = 22;

    private byte[]? _key;

    private byte[] Key => _key ??= HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Key.Key, 32, info: "WedTech proposal links"u8.ToArray());

    /// <summary>The proposal's link as the couple have it; a proposal without one (or revoked) gets a new one.</summary>
    public string Keep(Proposal proposal, DateTimeOffset now)
    {
        if (proposal is { LinkTokenHash: { } hash, LinkIssuedAt: { } at } && TokenService.Hash(Token(proposal.Id, at)) == hash)
        {
            return Url(Token(proposal.Id, at));
        }
        return Issue(proposal, now);
    }

    /// <summary>A new link, ending the old one.</summary>
    public string Issue(Proposal proposal, DateTimeOffset now)
    {
        // Whole milliseconds: what both databases keep, so that the token can be derived again from the stored moment.
        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var token = Token(proposal.Id, issuedAt);
        proposal.LinkTokenHash = TokenService.Hash(token);
        proposal.LinkIssuedAt = issuedAt;
        return Url(token);
    }

    /// <summary>The link, when the proposal has one that works.</summary>
    public string? Current(Proposal proposal) =>
        proposal is { LinkTokenHash: { } hash, LinkIssuedAt: { } at } && TokenService.Hash(Token(proposal.Id, at)) == hash ? Url(Token(proposal.Id, at)) : null;

    /// <summary>The stored hash a token would have; null for what cannot be a token.</summary>
    public static string? HashOf(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? TokenService.Hash(token) : null;

    public string Url(string token) => $"{addresses.For(tenant.Current.Slug)}/proposal/{token}";

    private string Token(Guid proposalId, DateTimeOffset issuedAt)
    {
        Span<byte> subject = stackalloc byte[40];
        tenant.Current.Id.TryWriteBytes(subject[..16]);
        proposalId.TryWriteBytes(subject[16..32]);
        BitConverter.TryWriteBytes(subject[32..], issuedAt.ToUnixTimeMilliseconds());
        return Base64Url.EncodeToString(HMACSHA256.HashData(Key, subject).AsSpan(0, 16));
    }
}

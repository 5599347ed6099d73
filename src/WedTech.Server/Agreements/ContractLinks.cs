using System.Buffers.Text;
using System.Security.Cryptography;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Agreements;

/// <summary>
/// A version's signing link, <c>https://{studio}/sign/{token}</c>: a 128-bit HMAC of the studio, the version and the moment it
/// was issued, under a key derived from the server's signing key; the version keeps only its SHA-256. One-time codes are kept
/// as an HMAC of the version and the code under another derived key.
/// </summary>
public sealed class ContractLinks(TenantContext tenant, StudioAddresses addresses, SigningKey signingKey, TimeProvider time)
{
    public const int TokenLength = 22;

    private byte[]? _linkKey;
    private byte[]? _codeKey;

    private byte[] LinkKey => _linkKey ??= HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Key.Key, 32, info: "WedTech contract signing links"u8.ToArray());
    private byte[] CodeKey => _codeKey ??= HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Key.Key, 32, info: "WedTech contract signing codes"u8.ToArray());

    public (string Token, DateTimeOffset IssuedAt) Issue(Guid versionId)
    {
        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        Span<byte> subject = stackalloc byte[40];
        tenant.Current.Id.TryWriteBytes(subject[..16]);
        versionId.TryWriteBytes(subject[16..32]);
        BitConverter.TryWriteBytes(subject[32..], issuedAt.ToUnixTimeMilliseconds());
        return (Base64Url.EncodeToString(HMACSHA256.HashData(LinkKey, subject).AsSpan(0, 16)), issuedAt);
    }

    public static string Hash(string token) => TokenService.Hash(token);

    public string Url(string token) => $"{addresses.For(tenant.Current.Slug)}/sign/{token}";

    /// <summary>The HMAC of a one-time code for a version (a 6-digit code's plain SHA-256 would be guessed from the hash at once).</summary>
    public string CodeHash(Guid versionId, string code)
    {
        var subject = new byte[16 + code.Length];
        versionId.TryWriteBytes(subject.AsSpan(0, 16));
        System.Text.Encoding.ASCII.GetBytes(code, subject.AsSpan(16));
        return Convert.ToHexStringLower(HMACSHA256.HashData(CodeKey, subject));
    }

    /// <summary>Whether a token has the shape of one (so that anything else is refused before the database is asked).</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace WedTech.Server.Files;

public readonly record struct SignedFileLink(Guid TenantId, Guid FileId, DateTimeOffset ExpiresAt);

/// <summary>
/// Tokens for download links that need no sign-in: the tenant, the file and the expiry, sealed with the
/// server's data-protection keys (authenticated encryption), so none of them can be altered or forged.
/// </summary>
public sealed class SignedFileLinks(IDataProtectionProvider protection)
{
    private const int MaxTokenLength = 1000;
    private readonly IDataProtector _protector = protection.CreateProtector("WedTech.Files.SignedLink.v1");

    public string Create(SignedFileLink link) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{link.TenantId:N}.{link.FileId:N}.{link.ExpiresAt.ToUnixTimeSeconds()}"));

    /// <summary>The link a token stands for, or null when it was not made here or was altered.</summary>
    public SignedFileLink? Read(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        var parts = payload.Split('.');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var tenantId) && Guid.TryParseExact(parts[1], "N", out var fileId)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            ? new SignedFileLink(tenantId, fileId, DateTimeOffset.FromUnixTimeSeconds(expires))
            : null;
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace WedTech.Server.Messaging.Webhooks;

/// <summary>
/// Twilio's request signature: Base64(HMAC-SHA1(AuthToken, the full URL Twilio called + every POST parameter,
/// sorted by name (ordinal), as name followed by value)).
/// </summary>
public static class TwilioSignature
{
    public static byte[] Compute(string authToken, string url, IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, values) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var value in values.Order(StringComparer.Ordinal))
            {
                data.Append(name).Append(value);
            }
        }
#pragma warning disable CA5350 // Twilio signs with HMAC-SHA1; verifying its signature needs the same.
        return HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
    }

    /// <summary>Whether the X-Twilio-Signature header is Twilio's for this request; compared in constant time.</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, StringValues>> parameters, string? header)
    {
        var given = new byte[20];
        return !string.IsNullOrEmpty(header)
            && Convert.TryFromBase64String(header, given, out var length) && length == given.Length
            && CryptographicOperations.FixedTimeEquals(given, Compute(authToken, url, parameters));
    }
}

/// <summary>Meta's webhook signature: X-Hub-Signature-256 = "sha256=" + hex(HMAC-SHA256(AppSecret, the raw body)).</summary>
public static class WhatsAppSignature
{
    private const string Prefix = "sha256=";

    public static string Header(string appSecret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>Whether the header is Meta's signature of this body; compared in constant time.</summary>
    public static bool IsValid(string appSecret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64)
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
    }
}

using System.Security.Cryptography;
using System.Text;

namespace WedTech.Server.Payments.Razorpay;

/// <summary>
/// Razorpay's signatures, both hex HMAC-SHA256 (https://razorpay.com/docs/webhooks/validate-test/,
/// https://razorpay.com/docs/payments/payment-links/apis/#verify-signature), compared in constant time.
/// </summary>
public static class RazorpaySignatures
{
    private const int HexLength = 64;

    /// <summary>
    /// Whether <c>X-Razorpay-Signature</c> is the webhook secret's HMAC-SHA256 of the body exactly as received (before any
    /// parsing: a re-serialised body signs differently). False for a missing, short or non-hex header, or an empty secret.
    /// </summary>
    public static bool IsValidWebhook(ReadOnlySpan<byte> body, string? signatureHeader, string webhookSecret) =>
        !string.IsNullOrEmpty(webhookSecret)
        && Matches(signatureHeader, HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhookSecret), body));

    /// <summary>
    /// Whether <c>razorpay_signature</c>, on the couple's return to a link's callback URL, is the key secret's HMAC-SHA256 of
    /// <c>payment_link_id|payment_link_reference_id|payment_link_status|payment_id</c> (the callback's razorpay_payment_link_id,
    /// razorpay_payment_link_reference_id, razorpay_payment_link_status and razorpay_payment_id).
    /// </summary>
    public static bool IsValidLinkCallback(string linkId, string referenceId, string status, string paymentId, string? signature, string keySecret) =>
        !string.IsNullOrEmpty(keySecret)
        && Matches(signature, HMACSHA256.HashData(Encoding.UTF8.GetBytes(keySecret), Encoding.UTF8.GetBytes($"{linkId}|{referenceId}|{status}|{paymentId}")));

    private static bool Matches(string? hex, ReadOnlySpan<byte> expected)
    {
        if (hex is null || hex.Length != HexLength)
        {
            return false;
        }
        Span<byte> given = stackalloc byte[HexLength / 2];
        return Convert.FromHexString(hex, given, out _, out var written) == System.Buffers.OperationStatus.Done && written == given.Length
            && CryptographicOperations.FixedTimeEquals(given, expected);
    }
}

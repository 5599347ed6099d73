namespace WedTech.Server.Payments.Razorpay;

/// <summary>A studio's own Razorpay account: its API key (key id and secret, HTTP basic authentication).</summary>
public sealed record RazorpayAccount(string KeyId, string KeySecret);

/// <summary>
/// A Payment Link to create (POST /v1/payment_links): <see cref="ReferenceId"/> is unique per link on the account (Razorpay
/// refuses a second link with it), <see cref="CallbackUrl"/> is where the couple's browser is sent back (GET) after paying.
/// </summary>
public sealed record RazorpayLinkRequest(
    long AmountPaise, string ReferenceId, string Description, string CustomerName, string? CustomerEmail, string? CustomerPhone,
    string CallbackUrl, DateTimeOffset? ExpireBy, IReadOnlyDictionary<string, string> Notes);

/// <summary>A payment made on a link, as the link lists it.</summary>
public sealed record RazorpayLinkPayment(string PaymentId, long AmountPaise, string Status, string? Method, DateTimeOffset CreatedAt);

/// <summary>A Payment Link (plink_…): created, partially_paid, paid, expired or cancelled.</summary>
public sealed record RazorpayLink(
    string Id, string ShortUrl, string Status, long AmountPaise, long AmountPaidPaise, string? ReferenceId, IReadOnlyList<RazorpayLinkPayment> Payments);

/// <summary>A payment (pay_…): created, authorized, captured, refunded or failed.</summary>
public sealed record RazorpayPayment(
    string Id, long AmountPaise, string Status, string? Method, string? OrderId, long AmountRefundedPaise, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Notes);

/// <summary>A refund (rfnd_…): pending, processed or failed.</summary>
public sealed record RazorpayRefund(string Id, string PaymentId, long AmountPaise, string Status);

/// <summary>
/// Razorpay's REST API (https://razorpay.com/docs/api/), written over HttpClient: no SDK is available here.
/// Razorpay's refusals (4xx with its error object) are thrown as <see cref="RazorpayException"/>.
/// </summary>
public interface IRazorpayClient
{
    Task<RazorpayLink> CreateLinkAsync(RazorpayAccount account, RazorpayLinkRequest request, CancellationToken cancellationToken);

    Task<RazorpayLink> FetchLinkAsync(RazorpayAccount account, string linkId, CancellationToken cancellationToken);

    Task<RazorpayPayment> FetchPaymentAsync(RazorpayAccount account, string paymentId, CancellationToken cancellationToken);

    /// <summary>A refund of part or all of a captured payment; <paramref name="receipt"/> is our reference, unique per refund.</summary>
    Task<RazorpayRefund> RefundAsync(RazorpayAccount account, string paymentId, long amountPaise, string receipt, CancellationToken cancellationToken);
}

/// <summary>Razorpay answered with an error (its <c>error.code</c> and <c>error.description</c>), or could not be reached.</summary>
public sealed class RazorpayException(string message, int? status = null, string? code = null, Exception? inner = null) : Exception(message, inner)
{
    public int? Status { get; } = status;

    public string? Code { get; } = code;
}

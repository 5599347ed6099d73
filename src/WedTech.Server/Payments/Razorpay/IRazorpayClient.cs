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

/// <summary>
/// A payment (pay_…): created, authorized, captured, refunded or failed. Notes sent empty (Razorpay's <c>[]</c>) or null are
/// an empty dictionary.
/// </summary>
public sealed record RazorpayPayment(
    string Id, long AmountPaise, string Status, string? Method, string? OrderId, long AmountRefundedPaise, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Notes)
{
    /// <summary>Why a failed payment failed: Razorpay's <c>error_code</c> (BAD_REQUEST_ERROR, GATEWAY_ERROR…), null otherwise.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Razorpay's <c>error_description</c> of a failed payment, written for the payer.</summary>
    public string? ErrorDescription { get; init; }
}

/// <summary>A refund (rfnd_…): pending, processed or failed.</summary>
public sealed record RazorpayRefund(string Id, string PaymentId, long AmountPaise, string Status)
{
    /// <summary>The receipt we sent with the refund (our reference), as Razorpay returns it; null when none was sent.</summary>
    public string? Receipt { get; init; }
}

/// <summary>
/// Razorpay's REST API (https://razorpay.com/docs/api/), written over HttpClient: no SDK is available here.
/// Razorpay's refusals (4xx with its error object) are thrown as <see cref="RazorpayException"/>, and so are Razorpay not being
/// reached, not answering within <see cref="RazorpayOptions.Timeout"/>, answering what cannot be read, and an id that is not of
/// Razorpay's shape (<see cref="RazorpayException.InvalidIdCode"/>, refused before any request). The caller cancelling is an
/// <see cref="OperationCanceledException"/>, as usual.
/// </summary>
public interface IRazorpayClient
{
    Task<RazorpayLink> CreateLinkAsync(RazorpayAccount account, RazorpayLinkRequest request, CancellationToken cancellationToken);

    Task<RazorpayLink> FetchLinkAsync(RazorpayAccount account, string linkId, CancellationToken cancellationToken);

    Task<RazorpayPayment> FetchPaymentAsync(RazorpayAccount account, string paymentId, CancellationToken cancellationToken);

    /// <summary>
    /// A refund of part or all of a captured payment; <paramref name="receipt"/> is our reference, unique per refund (at most 40
    /// characters), returned with the refund and in its webhooks.
    /// </summary>
    Task<RazorpayRefund> RefundAsync(RazorpayAccount account, string paymentId, long amountPaise, string receipt, CancellationToken cancellationToken);
}

/// <summary>
/// Razorpay answered with an error (its <c>error.code</c> and <c>error.description</c>), or could not be reached (no
/// <see cref="Status"/>), or the call was refused before it was made (<see cref="InvalidIdCode"/>, an account without a key).
/// </summary>
public sealed class RazorpayException(string message, int? status = null, string? code = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The <see cref="Code"/> of an id that is not of Razorpay's shape (pay_…, plink_…): no request was made.</summary>
    public const string InvalidIdCode = "INVALID_ID";

    /// <summary>The HTTP status Razorpay answered; null when it was not reached or did not answer in time.</summary>
    public int? Status { get; } = status;

    /// <summary>Razorpay's <c>error.code</c>: BAD_REQUEST_ERROR (the request as sent is refused), GATEWAY_ERROR, SERVER_ERROR.</summary>
    public string? Code { get; } = code;

    /// <summary>Razorpay's <c>error.description</c>, as it wrote it (in English, for the merchant).</summary>
    public string? Description { get; init; }

    /// <summary>Razorpay's <c>error.field</c>: the field of the request it refused (amount, reference_id…), when it names one.</summary>
    public string? Field { get; init; }
}

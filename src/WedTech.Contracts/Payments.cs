using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>
/// The couple's payment plan: what they pay the studio, and when (an advance on booking, before the wedding, after it).
/// The instalments add up to what the studio charges; payments received are applied to them in due order.
/// </summary>
public sealed record PaymentPlanRequest(
    [property: Required, MaxLength(VendorLimits.MaxInstalments)] IReadOnlyList<InstalmentRequest>? Instalments);

/// <summary>An instalment of the couple's plan as it stands, and whether it can be paid online now (<see cref="PayOnline"/>).</summary>
public sealed record PlanInstalment(Instalment Instalment, bool PayOnline);

public sealed record PaymentPlanResponse(
    Guid WeddingId, IReadOnlyList<PlanInstalment> Instalments, long TotalPaise, long ReceivedPaise, long RefundedPaise, long DuePaise, long Version);

/// <summary>Where a payment of the couple's stands: received (captured), or refunded in part or whole.</summary>
public enum ClientPaymentState { Received, PartlyRefunded, Refunded }

/// <summary>
/// A payment received outside Razorpay (cash, cheque, NEFT, a UPI reference), recorded by staff. <see cref="PaidOn"/> is
/// not after today; <see cref="Mode"/> is never <see cref="PaymentMode.Online"/> (Razorpay records those itself).
/// </summary>
public sealed record ClientPaymentRequest(
    [property: Required] DateOnly? PaidOn,
    [property: Required] PaymentMode? Mode,
    [property: StringLength(60)] string? Reference,
    [property: Required, Range(1, VendorLimits.MaxAmountPaise)] long? AmountPaise,
    [property: StringLength(500)] string? Notes);

/// <summary>
/// A payment from the couple, with its receipt number. <see cref="GatewayPaymentId"/>: Razorpay's payment id (pay_…) for
/// one made online; <see cref="Method"/>: how it was paid there (upi, card, netbanking, wallet).
/// </summary>
public sealed record ClientPaymentResponse(
    Guid Id, Guid WeddingId, string ReceiptNumber, DateOnly PaidOn, PaymentMode Mode, string? Method, string? Reference, long AmountPaise,
    long RefundedPaise, ClientPaymentState State, string? GatewayPaymentId, string? Notes, string RecordedBy, DateTimeOffset RecordedAt,
    IReadOnlyList<RefundResponse> Refunds, long Version);

public sealed record RefundRequest(
    [property: Required, Range(1, VendorLimits.MaxAmountPaise)] long? AmountPaise,
    [property: Required, StringLength(300, MinimumLength = 3)] string Reason);

/// <summary>A refund: <see cref="Pending"/> until Razorpay says it is processed (at once for a payment received outside Razorpay).</summary>
public sealed record RefundResponse(Guid Id, long AmountPaise, string Reason, bool Pending, string? GatewayRefundId, DateTimeOffset At);

public sealed record ClientPaymentListResponse(IReadOnlyList<ClientPaymentResponse> Items);

/// <summary>Where to send the couple to pay an instalment: Razorpay's hosted page for its payment link.</summary>
public sealed record PayLinkResponse(string Url, long AmountPaise, string LinkId);

/// <summary>
/// The couple's billing in their portal: the tax invoices and credit notes issued to them, their receipts, their plan, and
/// the next instalment due (null when all is paid).
/// </summary>
public sealed record BillingOverviewResponse(
    Guid WeddingId, IReadOnlyList<InvoiceResponse> Invoices, IReadOnlyList<ClientPaymentResponse> Payments, PaymentPlanResponse Plan,
    PlanInstalment? NextDue, bool PayOnline);

/// <summary>
/// What Razorpay sends the couple's browser back with after paying a link (its callback's query string): the app hands it
/// over, the server checks its signature with the studio's key and records the payment if the webhook has not yet.
/// </summary>
public sealed record OnlinePaymentReturn(
    [property: Required, StringLength(40)] string PaymentLinkId,
    [property: Required, StringLength(40)] string ReferenceId,
    [property: Required, StringLength(20)] string Status,
    [property: Required, StringLength(40)] string PaymentId,
    [property: Required, StringLength(128)] string Signature);

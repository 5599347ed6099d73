using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>
/// A document of the studio's to the couple: an <see cref="Estimate"/> (a proforma, no tax liability, its own series), a
/// <see cref="TaxInvoice"/> (CGST Rule 46), or a <see cref="CreditNote"/> against an issued tax invoice (its own series).
/// </summary>
public enum InvoiceKind { Estimate, TaxInvoice, CreditNote }

/// <summary>A draft may be changed or deleted; an issued document has its number and never changes; it is only cancelled.</summary>
public enum InvoiceStatus { Draft, Issued, Cancelled }

/// <summary>How GST is charged: CGST + SGST when the place of supply is the studio's own state, IGST otherwise.</summary>
public enum TaxSplit { Intrastate, Interstate }

public static class InvoiceLimits
{
    public const int MaxLines = 60;
    public const int MaxDescription = 300;
    public const int MaxNotes = 1000;
    public const int MaxQuantity = 100_000;
    /// <summary>Series prefixes are short so that prefix, financial year and serial fit GST's 16 characters: INV/26-27/0001.</summary>
    public const int MaxPrefix = 4;
    /// <summary>The SAC for event management services, the default of a line.</summary>
    public const string EventManagementSac = "998596";
    /// <summary>GSTN's place-of-supply code for a supply to a place outside India.</summary>
    public const string OtherCountryCode = "96";
}

/// <summary>
/// What the studio's invoices carry about the studio: its legal name, address and state (the state of its GSTIN), the
/// default SAC, the prefixes of its three series, and its logo (an image file on the studio,
/// <see cref="LogoFileId"/>). <see cref="Gstin"/> is the studio's GSTIN from its general settings. Razorpay: the studio's own
/// account (key id; the key secret and the webhook secret are write-only and sealed); <see cref="RazorpayWebhookUrl"/> is
/// the address to give Razorpay's dashboard.
/// </summary>
public sealed record BillingSettingsResponse(
    string LegalName, string? Gstin, string? Address, string? City, string? StateCode, string? StateName, string? Pincode,
    string DefaultSac, string InvoicePrefix, string EstimatePrefix, string CreditNotePrefix, Guid? LogoFileId,
    string? BankDetails, string? Terms, string? RazorpayKeyId, bool RazorpayReady, string RazorpayWebhookUrl, long Version);

/// <summary>
/// <see cref="RazorpayKeySecret"/> and <see cref="RazorpayWebhookSecret"/>: left out keeps the stored one, "" removes it.
/// </summary>
public sealed record BillingSettingsRequest(
    [property: Required, StringLength(150, MinimumLength = 2)] string LegalName,
    [property: StringLength(300)] string? Address,
    [property: StringLength(100)] string? City,
    [property: StringLength(2)] string? StateCode,
    [property: StringLength(6)] string? Pincode,
    [property: StringLength(8)] string? DefaultSac,
    [property: StringLength(InvoiceLimits.MaxPrefix)] string? InvoicePrefix,
    [property: StringLength(InvoiceLimits.MaxPrefix)] string? EstimatePrefix,
    [property: StringLength(InvoiceLimits.MaxPrefix)] string? CreditNotePrefix,
    Guid? LogoFileId,
    [property: StringLength(500)] string? BankDetails,
    [property: StringLength(InvoiceLimits.MaxNotes)] string? Terms,
    [property: StringLength(40)] string? RazorpayKeyId,
    [property: StringLength(100)] string? RazorpayKeySecret,
    [property: StringLength(100)] string? RazorpayWebhookSecret);

/// <summary>
/// Whom a document is to: the couple, or a family's company. <see cref="Gstin"/> makes the recipient registered (B2B): its
/// state code must be <see cref="StateCode"/>. <see cref="Country"/> (ISO 3166 alpha-2, default IN): a recipient abroad
/// has no state.
/// </summary>
public sealed record InvoiceRecipient(
    [property: Required, StringLength(150, MinimumLength = 1)] string Name,
    [property: StringLength(300)] string? Address,
    [property: StringLength(100)] string? City,
    [property: StringLength(2)] string? StateCode,
    [property: StringLength(2)] string? Country,
    [property: StringLength(20)] string? Gstin);

/// <summary>A line: <see cref="Quantity"/> × <see cref="UnitPaise"/> is the taxable value, taxed at <see cref="GstRateBasisPoints"/> (1800 = 18%).</summary>
public sealed record InvoiceLineRequest(
    [property: Required, StringLength(InvoiceLimits.MaxDescription, MinimumLength = 1)] string Description,
    [property: StringLength(8)] string? Sac,
    [property: Range(1, InvoiceLimits.MaxQuantity)] int? Quantity,
    [property: Required, Range(0, VendorLimits.MaxAmountPaise)] long? UnitPaise,
    [property: Required] int? GstRateBasisPoints);

/// <summary>
/// A draft. <see cref="EventId"/>: the event the supply is for; its venue's state is the place of supply for a recipient
/// without a GSTIN (IGST Act s.12(7)); left out, the wedding's first event with a venue. <see cref="CreditNoteForId"/>: for a
/// credit note, the issued tax invoice it reduces (its recipient and place of supply are the invoice's). <see cref="DueOn"/>:
/// when the couple is to pay it (receivables age from it; from the issue date when left out).
/// </summary>
public sealed record InvoiceRequest(
    [property: Required] InvoiceKind? Kind,
    [property: Required] InvoiceRecipient? Recipient,
    [property: Required, MaxLength(InvoiceLimits.MaxLines)] IReadOnlyList<InvoiceLineRequest>? Lines,
    Guid? EventId,
    Guid? CreditNoteForId,
    DateOnly? DueOn,
    bool? ReverseCharge,
    [property: StringLength(InvoiceLimits.MaxNotes)] string? Notes);

/// <summary>A line as taxed: CGST and SGST (each at half the rate) or IGST, each rounded half up to the paisa.</summary>
public sealed record InvoiceLine(
    string Description, string Sac, int Quantity, long UnitPaise, long TaxablePaise, int GstRateBasisPoints,
    long CgstPaise, long SgstPaise, long IgstPaise, long TotalPaise);

/// <summary>
/// A document as the studio keeps it. <see cref="Number"/> and <see cref="IssuedOn"/> are set when it is issued.
/// <see cref="PlaceOfSupply"/>: a GST state code, or <see cref="InvoiceLimits.OtherCountryCode"/> for abroad.
/// <see cref="RoundOffPaise"/> brings <see cref="TotalPaise"/> to whole rupees. <see cref="CreditedPaise"/>: for a tax
/// invoice, what its issued credit notes take off it; <see cref="BalancePaise"/>: what is still to be received on it.
/// </summary>
public sealed record InvoiceResponse(
    Guid Id, Guid WeddingId, InvoiceKind Kind, InvoiceStatus Status, string? Number, DateOnly? IssuedOn, DateOnly? DueOn,
    InvoiceRecipient Recipient, string PlaceOfSupply, string PlaceOfSupplyName, TaxSplit Split, bool ReverseCharge,
    IReadOnlyList<InvoiceLine> Lines, long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise, long RoundOffPaise,
    long TotalPaise, string AmountInWords, Guid? EventId, Guid? CreditNoteForId, string? CreditNoteForNumber,
    long CreditedPaise, long BalancePaise, string? Notes, string? CancelReason, DateTimeOffset? CancelledAt, long Version);

public sealed record InvoiceListResponse(IReadOnlyList<InvoiceResponse> Items);

public sealed record CancelInvoiceRequest([property: Required, StringLength(300, MinimumLength = 3)] string Reason);

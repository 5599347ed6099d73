using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>Where a booking stands: asked, quoted, booked (committed in the budget), or cancelled.</summary>
public enum BookingStatus { Enquiry, Quoted, Booked, Cancelled }

/// <summary>How money was paid: to a vendor, or by the couple (<see cref="Online"/>: through the studio's payment gateway, Razorpay).</summary>
public enum PaymentMode { Upi, Neft, Rtgs, Imps, Cash, Cheque, Card, Online }

/// <summary>When an instalment of a booking falls: the advance that secures it, before the event, after it, or otherwise.</summary>
public enum InstalmentKind { Advance, BeforeEvent, AfterEvent, Other }

/// <summary>Where an instalment stands, the booking's payments applied to its instalments in due order.</summary>
public enum InstalmentState { Paid, PartlyPaid, Due, Overdue }

/// <summary>A vendor's answer to the arrival time on their day link.</summary>
public enum ArrivalAnswer { Waiting, Confirmed, Proposed }

/// <summary>What vendors, bookings and their payments hold at most.</summary>
public static class VendorLimits
{
    public const int MaxName = 120;
    public const int MaxCategory = 40;
    public const int MaxCategories = 8;
    public const int MaxContacts = 6;
    public const int MaxNotes = 1000;
    public const int MaxAddress = 300;
    public const int MaxLines = 40;
    public const int MaxInstalments = 12;
    public const int MaxQuantity = 100_000;
    /// <summary>₹100 crore in paise: no line, instalment or payment is more.</summary>
    public const long MaxAmountPaise = 100_000_000_00_00;
    /// <summary>₹1 lakh in paise: the most a per-guest price (a plate, a favour) is.</summary>
    public const long MaxPerGuestPaise = 1_00_000_00;

    /// <summary>The categories every studio starts with; a studio adds its own by using them.</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "Caterer", "Decorator", "Photographer", "Videographer", "Mehendi artist", "Makeup artist", "Pandit", "DJ", "Dhol",
        "Band", "Tent house", "Florist", "Transport", "Venue", "Invitations", "Lighting", "Choreographer", "Entertainment",
    ];

    /// <summary>GST rates in basis points (1800 = 18%), the ones in use before and after the 2025 rate change.</summary>
    public static readonly IReadOnlyList<int> GstRates = [0, 25, 150, 300, 500, 1200, 1800, 2800, 4000];
}

/// <summary>A person at a vendor: the owner, the manager, the one who comes on the day. <see cref="Phone"/> is stored as E.164.</summary>
public sealed record VendorContact(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: StringLength(60)] string? Role,
    [property: StringLength(20)] string? Phone,
    [property: StringLength(254)] string? Email);

/// <summary>
/// Where the studio pays the vendor: a bank account (holder, number, IFSC) or a UPI id, or both. Kept encrypted; every
/// answer shows it masked. Setting it the first time needs financial:create, changing it financial:edit, and each change is
/// audited and announced to the studio's admins.
/// </summary>
public sealed record VendorBankDetails(
    [property: StringLength(100)] string? AccountName,
    [property: StringLength(24)] string? AccountNumber,
    [property: StringLength(14)] string? Ifsc,
    [property: StringLength(100)] string? UpiId);

/// <summary>
/// A vendor of the studio's vendor book. <see cref="Gstin"/> is checked (format, state code, check digit) and gives the
/// state when <see cref="StateCode"/> is left out; <see cref="Pan"/> must match the GSTIN's. <see cref="Bank"/>: left
/// out keeps what is stored, all its fields empty removes it. <see cref="Rating"/> 1–5. Identifiers may be typed with spaces and in
/// lower case; they are kept upper-case without them.
/// </summary>
public sealed record VendorRequest(
    [property: Required, StringLength(VendorLimits.MaxName, MinimumLength = 1)] string Name,
    [property: Required, MinLength(1), MaxLength(VendorLimits.MaxCategories)] IReadOnlyList<string> Categories,
    [property: MaxLength(VendorLimits.MaxContacts)] IReadOnlyList<VendorContact>? Contacts,
    [property: StringLength(20)] string? Gstin,
    [property: StringLength(12)] string? Pan,
    [property: StringLength(VendorLimits.MaxAddress)] string? Address,
    [property: StringLength(80)] string? City,
    [property: StringLength(2)] string? StateCode,
    VendorBankDetails? Bank,
    [property: Range(1, 5)] int? Rating,
    [property: StringLength(VendorLimits.MaxNotes)] string? Notes);

/// <summary>The vendor's payment details as every answer shows them: "HDFC0001234 · ••••5678", "me•••@okhdfc".</summary>
public sealed record MaskedBankDetails(string? AccountName, string? Account, string? Ifsc, string? UpiId, DateTimeOffset ChangedAt);

/// <summary>A wedding the vendor served (or is booked for): its title, main day and the bookings.</summary>
public sealed record VendorWedding(Guid WeddingId, string Title, DateOnly Date, int Bookings);

/// <summary>
/// A vendor. <see cref="Bank"/> is masked and null for those without financial:view. <see cref="Weddings"/> (only in the
/// answer for one vendor): the weddings the caller sees that booked it.
/// </summary>
public sealed record VendorResponse(
    Guid Id, string Name, IReadOnlyList<string> Categories, IReadOnlyList<VendorContact> Contacts, string? Gstin, string? Pan, string? Address,
    string? City, string? StateCode, string? StateName, MaskedBankDetails? Bank, int? Rating, string? Notes, int Bookings,
    IReadOnlyList<VendorWedding>? Weddings, long Version);

/// <summary>The categories to choose from: the built-in ones, then the studio's own in use.</summary>
public sealed record VendorCategoriesResponse(IReadOnlyList<string> Categories);

/// <summary>
/// A line of a vendor's quote: <see cref="Quantity"/> × <see cref="UnitPaise"/>, or, <see cref="PerGuest"/>, the attending
/// headcount of the booking's event × the price per guest (a per-plate price); GST at <see cref="GstRateBasisPoints"/>
/// (1800 = 18%) on the taxable amount, rounded to the paisa.
/// </summary>
public sealed record QuoteLineRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Description,
    [property: Range(1, VendorLimits.MaxQuantity)] int? Quantity,
    [property: Required, Range(0, VendorLimits.MaxAmountPaise)] long? UnitPaise,
    bool? PerGuest,
    [property: Required] int? GstRateBasisPoints);

/// <summary>A quote line as priced now: the quantity used (the headcount for a per-guest line), taxable, tax and total.</summary>
public sealed record QuoteLine(
    string Description, int Quantity, long UnitPaise, bool PerGuest, int GstRateBasisPoints, long TaxablePaise, long TaxPaise, long TotalPaise);

/// <summary>An instalment of a booking's payment schedule. <see cref="Id"/> keeps an instalment's identity across edits (left out for a new one).</summary>
public sealed record InstalmentRequest(
    Guid? Id,
    [property: Required, StringLength(80, MinimumLength = 1)] string Label,
    [property: Required] InstalmentKind? Kind,
    [property: Required] DateOnly? DueOn,
    [property: Required, Range(1, VendorLimits.MaxAmountPaise)] long? AmountPaise);

/// <summary>An instalment with what of it is paid (the booking's payments applied in due order) and where it stands.</summary>
public sealed record Instalment(Guid Id, string Label, InstalmentKind Kind, DateOnly DueOn, long AmountPaise, long PaidPaise, InstalmentState State);

/// <summary>
/// A vendor booked for a wedding and, optionally, one of its events. <see cref="Category"/> is its budget category (the
/// vendor's first when left out). <see cref="ArrivalTime"/>: when the vendor arrives at the event (the venue's wall clock);
/// it is a run-of-show item the vendor owns. <see cref="DayContactName"/>/<see cref="DayContactPhone"/>: whom the coordinator
/// calls on the day. The schedule's instalments add up to at most the quote's total. A per-guest line needs an event.
/// </summary>
public sealed record BookingRequest(
    [property: Required] Guid? VendorId,
    Guid? EventId,
    [property: Required, StringLength(120, MinimumLength = 1)] string Service,
    [property: StringLength(VendorLimits.MaxCategory)] string? Category,
    [property: Required] BookingStatus? Status,
    [property: Required, MaxLength(VendorLimits.MaxLines)] IReadOnlyList<QuoteLineRequest> Lines,
    [property: MaxLength(VendorLimits.MaxInstalments)] IReadOnlyList<InstalmentRequest>? Schedule,
    DateTime? ArrivalTime,
    [property: StringLength(100)] string? DayContactName,
    [property: StringLength(20)] string? DayContactPhone,
    [property: StringLength(VendorLimits.MaxNotes)] string? Notes);

/// <summary>
/// A booking with its quote priced now and its money: <see cref="TotalPaise"/> (taxable + GST), <see cref="PaidPaise"/>
/// (paid and TDS withheld), <see cref="OutstandingPaise"/> (what is still owed: only a booked vendor is owed anything). Every amount, the lines and
/// the schedule are null for those without financial:view. <see cref="Arrival"/>: the vendor's answer on the day link.
/// </summary>
public sealed record BookingResponse(
    Guid Id, Guid WeddingId, Guid? EventId, string? EventName, Guid VendorId, string VendorName, string Service, string Category, BookingStatus Status,
    IReadOnlyList<QuoteLine>? Lines, long? TaxablePaise, long? TaxPaise, long? TotalPaise, long? PaidPaise, long? OutstandingPaise,
    IReadOnlyList<Instalment>? Schedule, DateTime? ArrivalTime, string? DayContactName, string? DayContactPhone, VendorArrival? Arrival,
    string? Notes, long Version);

/// <summary>The wedding's bookings and, for those with financial:view, what they add up to.</summary>
public sealed record BookingListResponse(
    IReadOnlyList<BookingResponse> Items, long? CommittedPaise, long? PaidPaise, long? OutstandingPaise);

/// <summary>
/// A payment to the vendor: <see cref="AmountPaise"/> paid and <see cref="TdsPaise"/> withheld as TDS (both settle the
/// vendor's bill). Refused on a cancelled booking, and when the booking would be paid more than its total.
/// </summary>
public sealed record VendorPaymentRequest(
    [property: Required] DateOnly? PaidOn,
    [property: Required] PaymentMode? Mode,
    [property: StringLength(60)] string? Reference,
    [property: Required, Range(1, VendorLimits.MaxAmountPaise)] long? AmountPaise,
    [property: Range(0, VendorLimits.MaxAmountPaise)] long? TdsPaise,
    [property: StringLength(500)] string? Notes);

public sealed record VendorPaymentResponse(
    Guid Id, Guid BookingId, DateOnly PaidOn, PaymentMode Mode, string? Reference, long AmountPaise, long TdsPaise, string? Notes, string RecordedBy,
    DateTimeOffset RecordedAt, long Version);

/// <summary>
/// The vendor's answer to their arrival time: confirmed, or another time proposed (with a note), and when. Sent: when the
/// day link last went, and on which channel.
/// </summary>
public sealed record VendorArrival(ArrivalAnswer Answer, DateTime? ProposedTime, string? Note, DateTimeOffset? AnsweredAt, DateTimeOffset? LinkSentAt,
    MessageChannel? LinkSentBy);

/// <summary>
/// A vendor of an event as the coordinator needs it on the day: who, the service, when they arrive, whom to call, and
/// whether they confirmed. No money.
/// </summary>
public sealed record EventVendorResponse(
    Guid BookingId, Guid VendorId, string VendorName, string Service, string Category, DateTime? ArrivalTime, string? DayContactName,
    string? DayContactPhone, VendorArrival Arrival);

/// <summary>
/// Sends the vendor's contact for the day a link (WhatsApp or SMS, English or Hindi) to a page without an account: their
/// run-of-show items and arrival time for the event, where they confirm or propose another time. A new link ends the old one.
/// </summary>
public sealed record VendorDayLinkRequest([property: Required] MessageChannel? Channel, [property: StringLength(5)] string? Language);

/// <summary>The link sent, and the message queued in the outbox.</summary>
public sealed record VendorDayLinkResponse(string Url, Guid MessageId);

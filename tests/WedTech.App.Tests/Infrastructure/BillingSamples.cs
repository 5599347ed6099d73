using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests.Infrastructure;

/// <summary>Invoices, the couple's plan and their payments as the billing API answers them, for the Sharma–Verma wedding in Jaipur.</summary>
internal static class BillingSamples
{
    public static readonly Guid DraftId = Guid.Parse("01938a00-0000-7000-8000-0000000001a1");
    public static readonly Guid IssuedId = Guid.Parse("01938a00-0000-7000-8000-0000000001a2");
    public static readonly Guid AdvanceId = Guid.Parse("01938a00-0000-7000-8000-0000000001b1");
    public static readonly Guid BalanceId = Guid.Parse("01938a00-0000-7000-8000-0000000001b2");
    public static readonly Guid PaymentId = Guid.Parse("01938a00-0000-7000-8000-0000000001c1");

    public static readonly InvoiceRecipient Couple = new("Priya Sharma & Rohan Verma", "12 Civil Lines", "Jaipur", "08", "IN", null);

    /// <summary>Planning fee ₹2,00,000 + décor coordination 2 × ₹25,000, GST 18% within Rajasthan.</summary>
    public static InvoiceResponse Invoice(Guid id, InvoiceStatus status, InvoiceKind kind = InvoiceKind.TaxInvoice, long version = 2, long balance = 295000_00) => new(
        id, WeddingId, kind, status, status == InvoiceStatus.Draft ? null : "INV/26-27/00007", status == InvoiceStatus.Draft ? null : new DateOnly(2026, 12, 1),
        new DateOnly(2026, 12, 15), Couple, "08", "Rajasthan (08)", TaxSplit.Intrastate, false,
        [
            new InvoiceLine("Wedding planning fee", "998596", 1, 200000_00, 200000_00, 1800, 18000_00, 18000_00, 0, 236000_00),
            new InvoiceLine("Décor coordination", "998596", 2, 25000_00, 50000_00, 1800, 4500_00, 4500_00, 0, 59000_00),
        ],
        250000_00, 22500_00, 22500_00, 0, 0, 295000_00, "Rupees Two Lakh Ninety-Five Thousand Only", null, null, null, 0,
        status == InvoiceStatus.Issued ? balance : 0, null, status == InvoiceStatus.Cancelled ? "Raised twice" : null, null, version);

    public static Instalment Advance(long paid = 100000_00) =>
        new(AdvanceId, "Advance", InstalmentKind.Advance, new DateOnly(2026, 11, 1), 100000_00, paid, paid >= 100000_00 ? InstalmentState.Paid : InstalmentState.Overdue);

    public static Instalment Balance() => new(BalanceId, "Before the wedding", InstalmentKind.BeforeEvent, new DateOnly(2027, 2, 1), 195000_00, 0, InstalmentState.Due);

    public static PaymentPlanResponse Plan(long advancePaid = 100000_00, long version = 3) => new(
        WeddingId, [new PlanInstalment(Advance(advancePaid), advancePaid < 100000_00), new PlanInstalment(Balance(), true)],
        295000_00, advancePaid, 0, 295000_00 - advancePaid, version);

    public static ClientPaymentResponse Payment(PaymentMode mode = PaymentMode.Neft, long refunded = 0) => new(
        PaymentId, WeddingId, "RCT/26-27/00003", new DateOnly(2026, 11, 2), mode, mode == PaymentMode.Online ? "upi" : null, mode == PaymentMode.Online ? null : "UTR123456",
        100000_00, refunded, refunded == 0 ? ClientPaymentState.Received : ClientPaymentState.PartlyRefunded, mode == PaymentMode.Online ? "pay_Q1w2e3r4" : null, null,
        "Test Admin", DateTimeOffset.UnixEpoch, [], 1);
}

using MudBlazor;

namespace WedTech.App.Features.Billing;

/// <summary>How invoices, payments and the books read: kinds and statuses of documents, payment states, the modes the couple pays by, periods.</summary>
public static class BillingWords
{
    public static string Of(InvoiceKind kind) => kind switch
    {
        InvoiceKind.Estimate => "Estimate",
        InvoiceKind.TaxInvoice => "Tax invoice",
        _ => "Credit note",
    };

    public static string Of(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "Draft",
        InvoiceStatus.Issued => "Issued",
        _ => "Cancelled",
    };

    public static Color ColorOf(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => Color.Default,
        InvoiceStatus.Issued => Color.Success,
        _ => Color.Error,
    };

    public static Color ColorOf(InvoiceKind kind) => kind switch
    {
        InvoiceKind.Estimate => Color.Info,
        InvoiceKind.TaxInvoice => Color.Primary,
        _ => Color.Warning,
    };

    public static string Of(ClientPaymentState state) => state switch
    {
        ClientPaymentState.Received => "Received",
        ClientPaymentState.PartlyRefunded => "Partly refunded",
        _ => "Refunded",
    };

    public static Color ColorOf(ClientPaymentState state) => state switch
    {
        ClientPaymentState.Received => Color.Success,
        ClientPaymentState.PartlyRefunded => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>How a payment was made: the mode, and for one made online, how it was paid there ("Online · UPI").</summary>
    public static string How(ClientPaymentResponse payment) => payment.Mode == PaymentMode.Online
        ? "Online" + (payment.Method is { Length: > 0 } method ? " · " + Method(method) : "")
        : Vendors.VendorWords.Of(payment.Mode);

    private static string Method(string method) => method.ToLowerInvariant() switch
    {
        "upi" => "UPI",
        "card" => "Card",
        "netbanking" => "Net banking",
        "wallet" => "Wallet",
        "emi" => "EMI",
        _ => method,
    };

    /// <summary>The modes a payment recorded by staff may have: every one but Online (Razorpay records those).</summary>
    public static IReadOnlyList<PaymentMode> RecordedModes { get; } = [.. Enum.GetValues<PaymentMode>().Where(m => m != PaymentMode.Online)];

    /// <summary>The document's name as a list shows it: "INV/26-27/00001", or "Draft tax invoice".</summary>
    public static string Title(InvoiceResponse invoice) => invoice.Number ?? $"Draft {Of(invoice.Kind).ToLowerInvariant()}";

    /// <summary>"Rajasthan (08)", "Outside India": a place of supply as the invoice names it.</summary>
    /// <summary>The server's name of the place of supply: "Rajasthan (08)", or "Outside India".</summary>
    public static string PlaceOfSupply(InvoiceResponse invoice) => invoice.PlaceOfSupplyName;

    /// <summary>Today at the studio (its time zone), against which instalments are due and periods are counted.</summary>
    public static DateOnly Today(TimeProvider time, string? zone) =>
        DateOnly.FromDateTime(Events.EventTimes.InZone(time.GetUtcNow(), zone ?? Tenancy.StudioZone.Default));

    /// <summary>Whether an instalment is past its due date and not paid in full.</summary>
    public static bool IsOverdue(Instalment instalment, DateOnly today) =>
        instalment.State == InstalmentState.Overdue || (instalment.State != InstalmentState.Paid && instalment.DueOn < today);

    /// <summary>Rupees typed with more than two decimals, which no amount in paise can be (₹10.005).</summary>
    public static bool FinerThanPaise(decimal? rupees) => rupees is { } r && r * 100 != decimal.Truncate(r * 100);
}

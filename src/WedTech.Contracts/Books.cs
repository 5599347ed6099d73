namespace WedTech.Contracts;

/// <summary>
/// A wedding's profit and loss over a period. <see cref="InvoicedPaise"/>: taxable value of tax invoices issued less credit
/// notes (GST is the government's, not income); <see cref="ReceivedPaise"/>: received from the couple less refunds;
/// vendors: booked vendors' quotes (committed) and what was paid them; <see cref="MarginPaise"/>: invoiced less committed.
/// </summary>
public sealed record ProfitAndLossRow(
    Guid WeddingId, string Title, DateOnly Date, long InvoicedPaise, long GstPaise, long ReceivedPaise, long VendorCommittedPaise,
    long VendorPaidPaise, long MarginPaise);

/// <summary>A month of the studio's books: what was invoiced, received and paid out to vendors in it.</summary>
public sealed record ProfitAndLossMonth(string Month, long InvoicedPaise, long GstPaise, long ReceivedPaise, long VendorPaidPaise, long NetPaise);

public sealed record ProfitAndLossResponse(
    DateOnly From, DateOnly To, IReadOnlyList<ProfitAndLossRow> Weddings, IReadOnlyList<ProfitAndLossMonth> Months,
    long InvoicedPaise, long ReceivedPaise, long VendorCommittedPaise, long VendorPaidPaise, long MarginPaise);

/// <summary>What the couple of a wedding still owes on issued invoices, by how long past its due date (or issue date).</summary>
public sealed record ReceivableRow(
    Guid WeddingId, string Title, long CurrentPaise, long Days31To60Paise, long Over60Paise, long TotalPaise, DateOnly? OldestDueOn);

public sealed record ReceivablesResponse(
    DateOnly Today, IReadOnlyList<ReceivableRow> Weddings, long CurrentPaise, long Days31To60Paise, long Over60Paise, long TotalPaise);

namespace WedTech.Server.Books.Exports;

/// <summary>What the accountant's exports are made from: the studio, and its issued documents and receipts in a date range.</summary>
public sealed record Ledger(LedgerStudio Studio, DateOnly From, DateOnly To, IReadOnlyList<LedgerDocument> Documents, IReadOnlyList<LedgerReceipt> Receipts);

/// <summary>The studio: <see cref="StateCode"/> is its GST state (the first two digits of its GSTIN).</summary>
public sealed record LedgerStudio(string LegalName, string? Gstin, string? StateCode);

/// <summary>
/// An issued tax invoice or credit note (estimates are not in the books; a cancelled document is left out).
/// <see cref="PlaceOfSupply"/>: a GST state code, or "96" for abroad. A credit note names the invoice it reduces.
/// Amounts are positive for both kinds; the kind says which way they go.
/// </summary>
public sealed record LedgerDocument(
    InvoiceKind Kind, string Number, DateOnly IssuedOn, string Party, string? PartyGstin, string? PartyStateCode, string? PartyAddress,
    string PlaceOfSupply, bool ReverseCharge, string? OriginalNumber, DateOnly? OriginalIssuedOn, IReadOnlyList<InvoiceLine> Lines,
    long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise, long RoundOffPaise, long TotalPaise, string Wedding);

/// <summary>Money received from a party (the invoices' recipient), or, <see cref="Refund"/>, paid back to them.</summary>
public sealed record LedgerReceipt(
    string Number, DateOnly On, string Party, PaymentMode Mode, string? Reference, long AmountPaise, bool Refund, string Wedding);

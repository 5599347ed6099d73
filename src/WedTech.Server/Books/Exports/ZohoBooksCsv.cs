using System.Globalization;
using WedTech.Contracts;
using WedTech.Server.Platform.Spreadsheets;

namespace WedTech.Server.Books.Exports;

/// <summary>
/// The books as the CSV files Zoho Books (India edition) imports: Sales → Invoices → Import Invoices takes
/// <see cref="WriteAsync"/>'s file, Sales → Credit Notes → Import Credit Notes <see cref="WriteCreditNotesAsync"/>'s. One row per
/// line; the document's fields repeat on each of its rows, as in Zoho's sample file. GST as Zoho's import recognises it
/// (zoho.com/in/books/kb/gst/gst-import-format): GST Treatment business_registered_regular, consumer or overseas; Place of
/// Supply as Zoho's state codes (MH, KA, TS …; OT for a supply abroad, as Zoho asks); Item Tax GST18 (a tax group of CGST
/// and SGST, intrastate) or IGST18 (interstate), with Item Tax % and Item Tax Type (Tax Group / Item Amount). The round-off
/// is the invoice's Adjustment. Dates yyyy-MM-dd; amounts in rupees. RFC 4180, UTF-8 with a byte-order mark, and a text cell
/// that starts with = + - or @ gets a leading ' (<see cref="CsvTable"/>).
/// </summary>
public static class ZohoBooksCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> InvoiceHeaders =
    [
        "Invoice Date", "Invoice Number", "Invoice Status", "Customer Name", "GST Treatment", "GST Identification Number (GSTIN)",
        "Place of Supply", "Currency Code", "Exchange Rate", "Is Inclusive Tax", "Item Name", "Item Type", "HSN/SAC", "Quantity",
        "Item Price", "Item Tax", "Item Tax %", "Item Tax Type", "Adjustment", "Adjustment Description", "Notes",
    ];

    public static readonly IReadOnlyList<string> CreditNoteHeaders =
    [
        "Credit Note Date", "Credit Note Number", "Credit Note Status", "Customer Name", "GST Treatment", "GST Identification Number (GSTIN)",
        "Place of Supply", "Reference#", "Currency Code", "Exchange Rate", "Is Inclusive Tax", "Item Name", "Item Type", "HSN/SAC", "Quantity",
        "Item Price", "Item Tax", "Item Tax %", "Item Tax Type", "Adjustment", "Adjustment Description", "Notes",
    ];

    /// <summary>Zoho Books' codes for India's states and union territories (its "valid state codes" list), by GST state code.</summary>
    public static readonly IReadOnlyDictionary<string, string> StateCodes = new Dictionary<string, string>
    {
        ["01"] = "JK", ["02"] = "HP", ["03"] = "PB", ["04"] = "CH", ["05"] = "UK", ["06"] = "HR", ["07"] = "DL", ["08"] = "RJ",
        ["09"] = "UP", ["10"] = "BR", ["11"] = "SK", ["12"] = "AR", ["13"] = "NL", ["14"] = "MN", ["15"] = "MZ", ["16"] = "TR",
        ["17"] = "ML", ["18"] = "AS", ["19"] = "WB", ["20"] = "JH", ["21"] = "OD", ["22"] = "CG", ["23"] = "MP", ["24"] = "GJ",
        ["26"] = "DN", ["27"] = "MH", ["29"] = "KA", ["30"] = "GA", ["31"] = "LD", ["32"] = "KL", ["33"] = "TN", ["34"] = "PY",
        ["35"] = "AN", ["36"] = "TS", ["37"] = "AD", ["38"] = "LA", ["96"] = "OT", ["97"] = "OT",
    };

    /// <summary>The tax invoices, a row per line.</summary>
    public static Task WriteAsync(Ledger ledger, Stream output, CancellationToken cancellationToken) =>
        CsvTable.WriteAsync(InvoiceHeaders, Rows(ledger, InvoiceKind.TaxInvoice), output, cancellationToken);

    /// <summary>The credit notes, a row per line, each naming the invoice it reduces in Reference#.</summary>
    public static Task WriteCreditNotesAsync(Ledger ledger, Stream output, CancellationToken cancellationToken) =>
        CsvTable.WriteAsync(CreditNoteHeaders, Rows(ledger, InvoiceKind.CreditNote), output, cancellationToken);

    private static IEnumerable<IReadOnlyList<object?>> Rows(Ledger ledger, InvoiceKind kind) =>
        ledger.Documents.Where(d => d.Kind == kind).OrderBy(d => d.IssuedOn).ThenBy(d => d.Number, StringComparer.Ordinal)
            .SelectMany(d => d.Lines.Select(line => Row(ledger.Studio, d, line)));

    private static IReadOnlyList<object?> Row(LedgerStudio studio, LedgerDocument d, InvoiceLine line)
    {
        var abroad = ExportText.Abroad(d);
        var intrastate = !abroad && d.PlaceOfSupply == studio.StateCode;
        var rate = ExportText.Percent(line.GstRateBasisPoints);
        var rateName = rate.ToString("0.##", CultureInfo.InvariantCulture);
        List<object?> head =
        [
            d.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Number, "Open", d.Party,
            ExportText.Registered(d) ? "business_registered_regular" : abroad ? "overseas" : "consumer", d.PartyGstin,
            StateCodes.GetValueOrDefault(d.PlaceOfSupply, d.PlaceOfSupply),
        ];
        if (d.Kind == InvoiceKind.CreditNote)
        {
            head.Add(d.OriginalNumber);
        }
        return
        [
            .. head,
            "INR", 1, "false", line.Description, "service", line.Sac, line.Quantity, ExportText.Decimal(line.UnitPaise),
            (intrastate ? "GST" : "IGST") + rateName, rate, intrastate ? "Tax Group" : "Item Amount",
            ExportText.Decimal(d.RoundOffPaise), d.RoundOffPaise == 0 ? null : "Round off", d.Wedding,
        ];
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MiniExcelLibs;
using WedTech.Contracts;
using WedTech.Server.Books.Exports;
using WedTech.Server.Guests.Import;

namespace WedTech.Tests;

/// <summary>
/// The accountant's exports without a server: a hand-made month of books (intrastate and interstate invoices, a registered
/// and an unregistered recipient, one abroad, credit notes, round-offs up and down, receipts in cash and online and a
/// refund, names with "&amp;", quotes, a formula and Devanagari) written by each writer and read back with a real reader —
/// XDocument for Tally's XML, the product's own RFC 4180 reader for Zoho's CSV, MiniExcel for the GSTR-1 workbook.
/// </summary>
public sealed partial class AccountantExportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Company = "Sharma & Sons \"Royal\" Pvt Ltd";
    private const string Couple = "अनन्या और रोहन";
    private const string Meera = "Meera & Kabir";
    private const string Formula = "=HYPERLINK(\"http://x\")";
    private const string Abroad = "John O'Neil \"Jack\"";

    private static readonly LedgerStudio Studio = new("Shaadi & Co. Events", "27AAPFU0939F1ZV", "27");

    /// <summary>A line taxed as the invoices do: CGST and SGST each at half the rate, or IGST, each rounded half up to the paisa.</summary>
    private static InvoiceLine Line(string description, string sac, int quantity, long unitPaise, int rate, bool intrastate)
    {
        var taxable = quantity * unitPaise;
        long Tax(int basisPoints) => (taxable * basisPoints + 5_000) / 10_000;
        var (cgst, sgst, igst) = intrastate ? (Tax(rate / 2), Tax(rate / 2), 0L) : (0L, 0L, Tax(rate));
        return new InvoiceLine(description, sac, quantity, unitPaise, taxable, rate, cgst, sgst, igst, taxable + cgst + sgst + igst);
    }

    /// <summary>A document whose totals are its lines', rounded to the rupee as the invoices are.</summary>
    private static LedgerDocument Document(InvoiceKind kind, string number, int day, string party, string? gstin, string place, InvoiceLine[] lines,
        string? original = null, int? originalDay = null)
    {
        var taxable = lines.Sum(l => l.TaxablePaise);
        var (cgst, sgst, igst) = (lines.Sum(l => l.CgstPaise), lines.Sum(l => l.SgstPaise), lines.Sum(l => l.IgstPaise));
        var exact = taxable + cgst + sgst + igst;
        var rest = exact % 100;
        var roundOff = rest >= 50 ? 100 - rest : -rest;
        return new LedgerDocument(kind, number, new DateOnly(2026, 11, day), party, gstin, gstin?[..2] ?? (place == "96" ? null : place), "12 MG Road\nPune",
            place, false, original, originalDay is { } d ? new DateOnly(2026, 11, d) : null, lines, taxable, cgst, sgst, igst, roundOff, exact + roundOff,
            "Ananya & Rohan's wedding");
    }

    private static readonly LedgerDocument Inv1 = Document(InvoiceKind.TaxInvoice, "INV/26-27/00001", 2, Company, "27AAACS1234A1Z5", "27",
        [Line("Decor & lighting — संगीत", "998596", 2, 45_000_35, 1800, true), Line("Guest transport", "996601", 1, 12_345_67, 1200, true)]);
    private static readonly LedgerDocument Inv2 = Document(InvoiceKind.TaxInvoice, "INV/26-27/00002", 5, Couple, null, "29",
        [Line("Wedding planning", "998596", 1, 2_00_000_40, 1800, false)]);
    private static readonly LedgerDocument Inv4 = Document(InvoiceKind.TaxInvoice, "INV/26-27/00004", 10, Meera, null, "27",
        [Line("Mehendi evening", "998596", 1, 50_000_00, 1800, true)]);
    private static readonly LedgerDocument Inv5 = Document(InvoiceKind.TaxInvoice, "INV/26-27/00005", 12, Formula, null, "29",
        [Line("-Sangeet sound", "998596", 1, 40_000_50, 1800, false)]);
    private static readonly LedgerDocument Inv6 = Document(InvoiceKind.TaxInvoice, "INV/26-27/00006", 15, Abroad, null, "96",
        [Line("Destination wedding planning", "998596", 1, 1_00_000_00, 1800, false)]);
    private static readonly LedgerDocument Cn1 = Document(InvoiceKind.CreditNote, "CN/26-27/00001", 20, Company, "27AAACS1234A1Z5", "27",
        [Line("Decor scaled down", "998596", 1, 10_000_00, 1800, true)], "INV/26-27/00001", 2);
    private static readonly LedgerDocument Cn2 = Document(InvoiceKind.CreditNote, "CN/26-27/00002", 25, Meera, null, "27",
        [Line("Mehendi shortened", "998596", 1, 5_000_00, 1800, true)], "INV/26-27/00004", 10);
    private static readonly LedgerDocument Cn3 = Document(InvoiceKind.CreditNote, "CN/26-27/00003", 26, Couple, null, "29",
        [Line("Planning discount", "998596", 1, 20_000_00, 1800, false)], "INV/26-27/00002", 5);

    private static readonly LedgerDocument[] Documents = [Inv1, Inv2, Inv4, Inv5, Inv6, Cn1, Cn2, Cn3];

    private static readonly LedgerReceipt[] Receipts =
    [
        new("RCPT-001", new DateOnly(2026, 11, 3), Company, PaymentMode.Upi, "UTR123456", 1_20_028_00, false, "Ananya & Rohan's wedding"),
        new("RCPT-002", new DateOnly(2026, 11, 11), Meera, PaymentMode.Cash, null, 59_000_00, false, "Ananya & Rohan's wedding"),
        new("RFND-001", new DateOnly(2026, 11, 26), Meera, PaymentMode.Online, "pay_ABC", 5_900_00, true, "Ananya & Rohan's wedding"),
        new("RCPT-003", new DateOnly(2026, 11, 28), "Patel Family", PaymentMode.Neft, "N123", 1_000_00, false, "Ananya & Rohan's wedding"),
    ];

    private static readonly Ledger Books = new(Studio, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Documents, Receipts);

    private static readonly Ledger Empty = new(Studio, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), [], []);

    private static async Task<MemoryStream> WriteAsync(Func<Ledger, Stream, CancellationToken, Task> writer, Ledger ledger)
    {
        var stream = new MemoryStream();
        await writer(ledger, stream, Cancel);
        stream.Position = 0;
        return stream;
    }

    private static decimal Rupees(long paise) => paise / 100m;

    private static long Net(Func<LedgerDocument, long> amount) =>
        Documents.Sum(d => d.Kind == InvoiceKind.CreditNote ? -amount(d) : amount(d));

    [Fact]
    public void The_hand_made_books_are_what_the_tests_say_they_are()
    {
        // Round-offs of both signs, and the invoice above ₹1,00,000 to an unregistered recipient in another state.
        Assert.Equal(3, Inv1.RoundOffPaise);
        Assert.Equal(-47, Inv2.RoundOffPaise);
        Assert.Equal(41, Inv5.RoundOffPaise);
        Assert.True(Inv2.TotalPaise > 1_00_000_00 && Inv5.TotalPaise < 1_00_000_00);
    }

    // ---------------------------------------------------------------- Tally

    private static async Task<XDocument> TallyAsync(Ledger ledger) => XDocument.Load(await WriteAsync(TallyXml.WriteAsync, ledger));

    private static decimal Amount(XElement entry)
    {
        var text = (string)entry.Element("AMOUNT")!;
        Assert.Matches(AmountPattern(), text);
        return decimal.Parse(text, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^-?\d+\.\d\d$")]
    private static partial Regex AmountPattern();

    [Fact]
    public async Task Tally_gets_its_import_envelope_with_the_masters_before_the_vouchers()
    {
        var xml = await TallyAsync(Books);
        var root = xml.Root!;
        Assert.Equal("ENVELOPE", root.Name.LocalName);
        Assert.Equal("Import Data", (string)root.Element("HEADER")!.Element("TALLYREQUEST")!);
        var imports = root.Element("BODY")!.Elements("IMPORTDATA").ToList();
        Assert.Equal(["All Masters", "Vouchers"], imports.Select(i => (string)i.Element("REQUESTDESC")!.Element("REPORTNAME")!));
        var masters = imports[0].Descendants("TALLYMESSAGE").Select(m => m.Elements().Single().Name.LocalName).Distinct();
        Assert.Equal(["LEDGER"], masters);
        Assert.Equal(["VOUCHER"], imports[1].Descendants("TALLYMESSAGE").Select(m => m.Elements().Single().Name.LocalName).Distinct());
        // In the document's order, every ledger comes before the first voucher.
        var order = root.Descendants().Where(e => e.Name.LocalName is "LEDGER" or "VOUCHER").Select(e => e.Name.LocalName).ToList();
        Assert.Equal(order.Count(n => n == "LEDGER"), order.IndexOf("VOUCHER"));

        var ledgers = imports[0].Descendants("LEDGER").ToDictionary(l => (string)l.Attribute("NAME")!);
        // Each party once, spelled as written: "&", quotes and Devanagari survive the escaping.
        foreach (var party in new[] { Company, Couple, Meera, Formula, Abroad, "Patel Family" })
        {
            Assert.Equal("Sundry Debtors", (string)ledgers[party].Element("PARENT")!);
            Assert.Equal(party, (string)ledgers[party].Element("NAME.LIST")!.Element("NAME")!);
        }
        Assert.Equal("27AAACS1234A1Z5", (string)ledgers[Company].Element("PARTYGSTIN")!);
        Assert.Equal("Regular", (string)ledgers[Company].Element("GSTREGISTRATIONTYPE")!);
        Assert.Equal("Karnataka", (string)ledgers[Couple].Element("LEDSTATENAME")!);
        Assert.Null(ledgers[Couple].Element("PARTYGSTIN"));
        Assert.Equal(["12 MG Road", "Pune"], ledgers[Company].Element("ADDRESS.LIST")!.Elements("ADDRESS").Select(a => (string)a));
        Assert.Equal("Sales Accounts", (string)ledgers[TallyXml.SalesLedger].Element("PARENT")!);
        Assert.Equal("Indirect Expenses", (string)ledgers[TallyXml.RoundOffLedger].Element("PARENT")!);
        foreach (var (name, head) in new[] { (TallyXml.CgstLedger, "Central Tax"), (TallyXml.SgstLedger, "State Tax"), (TallyXml.IgstLedger, "Integrated Tax") })
        {
            Assert.Equal("Duties & Taxes", (string)ledgers[name].Element("PARENT")!);
            Assert.Equal("GST", (string)ledgers[name].Element("TAXTYPE")!);
            Assert.Equal(head, (string)ledgers[name].Element("GSTDUTYHEAD")!);
        }
        Assert.Equal("Bank Accounts", (string)ledgers[TallyXml.BankLedger].Element("PARENT")!);
        Assert.Equal("Cash-in-Hand", (string)ledgers[TallyXml.CashLedger].Element("PARENT")!);
        // The raw file escapes what XML must.
        var raw = Encoding.UTF8.GetString((await WriteAsync(TallyXml.WriteAsync, Books)).ToArray());
        Assert.Contains("Sharma &amp; Sons", raw, StringComparison.Ordinal);
        Assert.Contains(Couple, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_Tally_voucher_balances_to_zero_and_the_GST_ledgers_hold_the_books_taxes()
    {
        var vouchers = (await TallyAsync(Books)).Descendants("VOUCHER").ToList();
        Assert.Equal(Documents.Length + Receipts.Length, vouchers.Count);
        foreach (var voucher in vouchers)
        {
            var entries = voucher.Elements("ALLLEDGERENTRIES.LIST").ToList();
            Assert.True(entries.Count >= 2);
            Assert.Equal(0m, entries.Sum(Amount));
            foreach (var entry in entries)
            {
                // Tally's convention: a debit is deemed positive and its amount negative.
                Assert.Equal(Amount(entry) < 0, (string)entry.Element("ISDEEMEDPOSITIVE")! == "Yes");
            }
        }
        decimal Credited(string ledger) => vouchers.SelectMany(v => v.Elements("ALLLEDGERENTRIES.LIST"))
            .Where(e => (string)e.Element("LEDGERNAME")! == ledger).Sum(Amount);
        Assert.Equal(Rupees(Net(d => d.CgstPaise)), Credited(TallyXml.CgstLedger));
        Assert.Equal(Rupees(Net(d => d.SgstPaise)), Credited(TallyXml.SgstLedger));
        Assert.Equal(Rupees(Net(d => d.IgstPaise)), Credited(TallyXml.IgstLedger));
        Assert.Equal(Rupees(Net(d => d.TaxablePaise)), Credited(TallyXml.SalesLedger));
        Assert.NotEqual(0m, Credited(TallyXml.IgstLedger));

        var byNumber = vouchers.ToDictionary(v => (string)v.Element("VOUCHERNUMBER")!);
        Assert.Equal(Documents.Select(d => d.Number).Concat(Receipts.Select(r => r.Number)).Order(), byNumber.Keys.Order());
        Assert.Equal("Sales", (string)byNumber["INV/26-27/00001"].Element("VOUCHERTYPENAME")!);
        Assert.Equal("20261102", (string)byNumber["INV/26-27/00001"].Element("DATE")!);
        Assert.Equal("Maharashtra", (string)byNumber["INV/26-27/00001"].Element("PLACEOFSUPPLY")!);
        Assert.Equal("Other Countries", (string)byNumber["INV/26-27/00006"].Element("PLACEOFSUPPLY")!);
        // The party is debited the invoice's total; round-offs: up is a credit, down a debit.
        var party = Entry(byNumber["INV/26-27/00001"], Company);
        Assert.Equal(("Yes", -120028.00m), ((string)party.Element("ISDEEMEDPOSITIVE")!, Amount(party)));
        Assert.Equal(("New Ref", "INV/26-27/00001"), ((string)party.Element("BILLALLOCATIONS.LIST")!.Element("BILLTYPE")!,
            (string)party.Element("BILLALLOCATIONS.LIST")!.Element("NAME")!));
        Assert.Equal(0.03m, Amount(Entry(byNumber["INV/26-27/00001"], TallyXml.RoundOffLedger)));
        var down = Entry(byNumber["INV/26-27/00002"], TallyXml.RoundOffLedger);
        Assert.Equal(("Yes", -0.47m), ((string)down.Element("ISDEEMEDPOSITIVE")!, Amount(down)));
        // A credit note credits the party against the invoice it reduces.
        var note = byNumber["CN/26-27/00001"];
        Assert.Equal("Credit Note", (string)note.Element("VOUCHERTYPENAME")!);
        Assert.Equal("INV/26-27/00001", (string)note.Element("REFERENCE")!);
        Assert.Equal("20261102", (string)note.Element("REFERENCEDATE")!);
        var credited = Entry(note, Company);
        Assert.Equal(("No", 11800.00m), ((string)credited.Element("ISDEEMEDPOSITIVE")!, Amount(credited)));
        Assert.Equal(("Agst Ref", "INV/26-27/00001"), ((string)credited.Element("BILLALLOCATIONS.LIST")!.Element("BILLTYPE")!,
            (string)credited.Element("BILLALLOCATIONS.LIST")!.Element("NAME")!));
        Assert.Equal(-900.00m, Amount(Entry(note, TallyXml.CgstLedger)));
        // Money in by UPI to the bank, in cash to cash; a refund is a payment out of the bank.
        Assert.Equal(("Receipt", -120028.00m), ((string)byNumber["RCPT-001"].Element("VOUCHERTYPENAME")!, Amount(Entry(byNumber["RCPT-001"], TallyXml.BankLedger))));
        Assert.Equal(-59000.00m, Amount(Entry(byNumber["RCPT-002"], TallyXml.CashLedger)));
        Assert.DoesNotContain(byNumber["RCPT-002"].Elements("ALLLEDGERENTRIES.LIST"), e => (string)e.Element("LEDGERNAME")! == TallyXml.BankLedger);
        Assert.Equal(("Payment", 5900.00m, -5900.00m), ((string)byNumber["RFND-001"].Element("VOUCHERTYPENAME")!,
            Amount(Entry(byNumber["RFND-001"], TallyXml.BankLedger)), Amount(Entry(byNumber["RFND-001"], Meera))));
    }

    private static XElement Entry(XElement voucher, string ledger) =>
        voucher.Elements("ALLLEDGERENTRIES.LIST").Single(e => (string)e.Element("LEDGERNAME")! == ledger);

    [Fact]
    public async Task Tally_vouchers_keep_their_GUIDs_from_one_export_to_the_next()
    {
        static List<(string Number, string Guid, string RemoteId)> Ids(XDocument xml) => [.. xml.Descendants("VOUCHER")
            .Select(v => ((string)v.Element("VOUCHERNUMBER")!, (string)v.Element("GUID")!, (string)v.Attribute("REMOTEID")!))];
        var first = Ids(await TallyAsync(Books));
        Assert.All(first, id => Assert.Equal(id.Guid, id.RemoteId));
        Assert.Equal(first.Count, first.Select(id => id.Guid).Distinct().Count());
        // Another export of a longer period: the same documents keep their ids.
        var later = Ids(await TallyAsync(Books with { To = new DateOnly(2026, 12, 31), Documents = [.. Enumerable.Reverse(Documents)] }));
        Assert.Equal(first.OrderBy(id => id.Number), later.OrderBy(id => id.Number));
        // Another studio's document of the same number is another voucher.
        var other = Ids(await TallyAsync(Books with { Studio = Studio with { Gstin = "29AAPFU0939F1ZV" } }));
        Assert.Empty(other.Select(id => id.Guid).Intersect(first.Select(id => id.Guid)));
    }

    [Fact]
    public async Task A_document_whose_total_is_not_its_parts_is_refused_rather_than_written_unbalanced()
    {
        var wrong = Books with { Documents = [Inv1 with { TotalPaise = Inv1.TotalPaise + 1 }] };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => WriteAsync(TallyXml.WriteAsync, wrong));
        Assert.Contains("INV/26-27/00001", refused.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- Zoho Books

    private static async Task<List<SheetRow>> CsvAsync(Func<Ledger, Stream, CancellationToken, Task> writer, Ledger ledger)
    {
        var bytes = (await WriteAsync(writer, ledger)).ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return [.. GuestFile.Read(new MemoryStream(bytes), "zoho.csv").Sheets.Single().Rows];
    }

    private static Dictionary<string, string> Named(IReadOnlyList<string> headers, SheetRow row) =>
        headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => row.Cell(x.i));

    [Fact]
    public async Task Zoho_gets_a_row_per_invoice_line_with_its_GST_as_Zoho_imports_it()
    {
        var rows = await CsvAsync(ZohoBooksCsv.WriteAsync, Books);
        Assert.Equal(ZohoBooksCsv.InvoiceHeaders, rows[0].Cells);
        var lines = rows.Skip(1).Select(r => Named(ZohoBooksCsv.InvoiceHeaders, r)).ToList();
        var invoices = Documents.Where(d => d.Kind == InvoiceKind.TaxInvoice).ToList();
        Assert.Equal(invoices.Sum(d => d.Lines.Count), lines.Count);
        foreach (var invoice in invoices)
        {
            var of = lines.Where(l => l["Invoice Number"] == invoice.Number).ToList();
            Assert.Equal(invoice.Lines.Count, of.Count);
            Assert.Equal(invoice.Party == Formula ? "'" + Formula : invoice.Party, of[0]["Customer Name"]);
            Assert.Equal(invoice.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), of[0]["Invoice Date"]);
            // Quantity × price is the taxable value, and the adjustment the round-off, to the paisa.
            Assert.Equal(Rupees(invoice.TaxablePaise), of.Sum(l => int.Parse(l["Quantity"], CultureInfo.InvariantCulture) * decimal.Parse(l["Item Price"], CultureInfo.InvariantCulture)));
            Assert.All(of, l => Assert.Equal(Rupees(invoice.RoundOffPaise), decimal.Parse(l["Adjustment"], CultureInfo.InvariantCulture)));
        }
        var byNumber = lines.ToLookup(l => l["Invoice Number"]);
        var company = byNumber["INV/26-27/00001"].ToList();
        Assert.Equal(("business_registered_regular", "27AAACS1234A1Z5", "MH"), (company[0]["GST Treatment"], company[0]["GST Identification Number (GSTIN)"], company[0]["Place of Supply"]));
        Assert.Equal([("GST18", "18", "Tax Group", "998596"), ("GST12", "12", "Tax Group", "996601")],
            company.Select(l => (l["Item Tax"], l["Item Tax %"], l["Item Tax Type"], l["HSN/SAC"])));
        var couple = byNumber["INV/26-27/00002"].Single();
        Assert.Equal(("consumer", "", "KA", "IGST18", "Item Amount"), (couple["GST Treatment"], couple["GST Identification Number (GSTIN)"], couple["Place of Supply"], couple["Item Tax"], couple["Item Tax Type"]));
        Assert.Equal(Couple, couple["Customer Name"]);
        // A negative adjustment is a number, not a guarded text.
        Assert.Equal("-0.47", couple["Adjustment"]);
        Assert.Equal(("overseas", "OT", "IGST18"), (byNumber["INV/26-27/00006"].Single()["GST Treatment"], byNumber["INV/26-27/00006"].Single()["Place of Supply"],
            byNumber["INV/26-27/00006"].Single()["Item Tax"]));
        Assert.Equal(Abroad, byNumber["INV/26-27/00006"].Single()["Customer Name"]);
        // A cell a spreadsheet would run as a formula is made text.
        var formula = byNumber["INV/26-27/00005"].Single();
        Assert.Equal("'" + Formula, formula["Customer Name"]);
        Assert.Equal("'-Sangeet sound", formula["Item Name"]);
        Assert.Equal(("INR", "1", "false", "service"), (formula["Currency Code"], formula["Exchange Rate"], formula["Is Inclusive Tax"], formula["Item Type"]));
    }

    [Fact]
    public async Task Zoho_gets_the_credit_notes_in_a_file_of_their_own_naming_the_invoice_each_reduces()
    {
        var rows = await CsvAsync(ZohoBooksCsv.WriteCreditNotesAsync, Books);
        Assert.Equal(ZohoBooksCsv.CreditNoteHeaders, rows[0].Cells);
        var notes = rows.Skip(1).Select(r => Named(ZohoBooksCsv.CreditNoteHeaders, r)).ToList();
        Assert.Equal([("CN/26-27/00001", "INV/26-27/00001", "MH"), ("CN/26-27/00002", "INV/26-27/00004", "MH"), ("CN/26-27/00003", "INV/26-27/00002", "KA")],
            notes.Select(n => (n["Credit Note Number"], n["Reference#"], n["Place of Supply"])));
        Assert.Equal(Rupees(Documents.Where(d => d.Kind == InvoiceKind.CreditNote).Sum(d => d.TaxablePaise)),
            notes.Sum(n => int.Parse(n["Quantity"], CultureInfo.InvariantCulture) * decimal.Parse(n["Item Price"], CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(notes, n => n["Credit Note Number"].StartsWith("INV", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- GSTR-1

    private static readonly string[] SheetNames =
        [Gstr1Workbook.B2b, Gstr1Workbook.B2cl, Gstr1Workbook.B2cs, Gstr1Workbook.Cdnr, Gstr1Workbook.Cdnur, Gstr1Workbook.Exp,
            Gstr1Workbook.HsnB2b, Gstr1Workbook.HsnB2c, Gstr1Workbook.Docs];

    /// <summary>A sheet's data rows under its headers in row 4, as the offline tool reads them.</summary>
    private static List<IDictionary<string, object?>> Sheet(MemoryStream workbook, string name)
    {
        workbook.Position = 0;
        return [.. MiniExcel.Query(workbook, useHeaderRow: true, sheetName: name, excelType: ExcelType.XLSX, startCell: "A4").Cast<IDictionary<string, object?>>()];
    }

    private static decimal Number(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_GSTR1_workbook_has_the_offline_tools_sheets_with_a_b2b_row_per_invoice_and_rate()
    {
        var workbook = await WriteAsync(Gstr1Workbook.WriteAsync, Books);
        Assert.Equal(SheetNames, MiniExcel.GetSheetNames(workbook));
        workbook.Position = 0;
        var top = MiniExcel.Query(workbook, useHeaderRow: false, sheetName: Gstr1Workbook.B2b, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(4).ToList();
        Assert.Equal("Summary For B2B, SEZ, DE (4A, 4B, 6B, 6C)", top[0]["A"]);
        Assert.Equal(("No. of Recipients", 1m), (top[1]["A"], Number(top[2]["A"])));
        Assert.Equal(["GSTIN/UIN of Recipient", "Receiver Name", "Invoice Number", "Invoice date", "Invoice Value", "Place Of Supply", "Reverse Charge",
            "Applicable % of Tax Rate", "Invoice Type", "E-Commerce GSTIN", "Rate", "Taxable Value", "Cess Amount"], top[3].Values.Select(v => (string?)v));

        var b2b = Sheet(workbook, Gstr1Workbook.B2b);
        // Amounts are numbers in the sheet, not text that looks like one.
        Assert.All(b2b, r => Assert.IsType<double>(r["Taxable Value"]));
        Assert.Equal([(12m, 12345.67m), (18m, 90000.70m)], b2b.Select(r => (Number(r["Rate"]), Number(r["Taxable Value"]))).OrderBy(x => x.Item1));
        Assert.All(b2b, r => Assert.Equal(("27AAACS1234A1Z5", Company, "INV/26-27/00001", "02-Nov-2026", 120028.00m, "27-Maharashtra", "N", "Regular B2B"),
            ((string)r["GSTIN/UIN of Recipient"]!, (string)r["Receiver Name"]!, (string)r["Invoice Number"]!, (string)r["Invoice date"]!, Number(r["Invoice Value"]),
                (string)r["Place Of Supply"]!, (string)r["Reverse Charge"]!, (string)r["Invoice Type"]!)));

        // Above ₹1,00,000, interstate, unregistered: invoice-wise in b2cl.
        var b2cl = Sheet(workbook, Gstr1Workbook.B2cl).Single();
        Assert.Equal(("INV/26-27/00002", "29-Karnataka", 236000.00m, 18m, 200000.40m),
            ((string)b2cl["Invoice Number"]!, (string)b2cl["Place Of Supply"]!, Number(b2cl["Invoice Value"]), Number(b2cl["Rate"]), Number(b2cl["Taxable Value"])));

        var exp = Sheet(workbook, Gstr1Workbook.Exp).Single();
        Assert.Equal(("WPAY", "INV/26-27/00006", 100000.00m), ((string)exp["Export Type"]!, (string)exp["Invoice Number"]!, Number(exp["Taxable Value"])));
    }

    [Fact]
    public async Task B2C_small_supplies_are_summed_by_place_and_rate_less_their_credit_notes_and_notes_go_where_their_invoices_went()
    {
        var workbook = await WriteAsync(Gstr1Workbook.WriteAsync, Books);
        var b2cs = Sheet(workbook, Gstr1Workbook.B2cs);
        // Maharashtra: ₹50,000 less the ₹5,000 credit note; Karnataka: the small interstate one. The big one is not here.
        Assert.Equal([("OE", "27-Maharashtra", 18m, 45000.00m), ("OE", "29-Karnataka", 18m, 40000.50m)],
            b2cs.Select(r => ((string)r["Type"]!, (string)r["Place Of Supply"]!, Number(r["Rate"]), Number(r["Taxable Value"]))));

        var cdnr = Sheet(workbook, Gstr1Workbook.Cdnr).Single();
        Assert.Equal(("27AAACS1234A1Z5", "CN/26-27/00001", "20-Nov-2026", "C", "Regular B2B", 11800.00m, 10000.00m),
            ((string)cdnr["GSTIN/UIN of Recipient"]!, (string)cdnr["Note Number"]!, (string)cdnr["Note Date"]!, (string)cdnr["Note Type"]!,
                (string)cdnr["Note Supply Type"]!, Number(cdnr["Note Value"]), Number(cdnr["Taxable Value"])));
        var cdnur = Sheet(workbook, Gstr1Workbook.Cdnur).Single();
        Assert.Equal(("B2CL", "CN/26-27/00003", "29-Karnataka", 20000.00m),
            ((string)cdnur["UR Type"]!, (string)cdnur["Note Number"]!, (string)cdnur["Place Of Supply"]!, Number(cdnur["Taxable Value"])));
    }

    [Fact]
    public async Task The_HSN_summary_adds_up_to_the_books_and_the_documents_issued_count_the_cancelled_numbers()
    {
        var workbook = await WriteAsync(Gstr1Workbook.WriteAsync, Books);
        var b2b = Sheet(workbook, Gstr1Workbook.HsnB2b);
        var b2c = Sheet(workbook, Gstr1Workbook.HsnB2c);
        // The registered recipient's SACs only, its credit note netted.
        Assert.Equal([("996601", 12m, 12345.67m), ("998596", 18m, 80000.70m)],
            b2b.Select(r => ((string)r["HSN"]!, Number(r["Rate"]), Number(r["Taxable Value"]))));
        Assert.All(b2b.Concat(b2c), r => Assert.Equal(("NA", 0m), ((string)r["UQC"]!, Number(r["Total Quantity"]))));
        var all = b2b.Concat(b2c).ToList();
        Assert.Equal(Rupees(Net(d => d.TaxablePaise)), all.Sum(r => Number(r["Taxable Value"])));
        Assert.Equal(Rupees(Net(d => d.IgstPaise)), all.Sum(r => Number(r["Integrated Tax Amount"])));
        Assert.Equal(Rupees(Net(d => d.CgstPaise)), all.Sum(r => Number(r["Central Tax Amount"])));
        Assert.Equal(Rupees(Net(d => d.SgstPaise)), all.Sum(r => Number(r["State/UT Tax Amount"])));
        Assert.Equal(Rupees(Net(d => d.TaxablePaise + d.CgstPaise + d.SgstPaise + d.IgstPaise)), all.Sum(r => Number(r["Total Value"])));

        var docs = Sheet(workbook, Gstr1Workbook.Docs);
        Assert.Equal([("Invoices for outward supply", "INV/26-27/00001", "INV/26-27/00006", 6m, 1m), ("Credit Note", "CN/26-27/00001", "CN/26-27/00003", 3m, 0m)],
            docs.Select(r => ((string)r["Nature of Document"]!, (string)r["Sr. No. From"]!, (string)r["Sr. No. To"]!, Number(r["Total Number"]), Number(r["Cancelled"]))));
    }

    // ---------------------------------------------------------------- nothing to export

    [Fact]
    public async Task An_empty_period_gives_valid_empty_files()
    {
        var tally = await TallyAsync(Empty);
        Assert.Empty(tally.Descendants("VOUCHER"));
        Assert.Equal(["All Masters", "Vouchers"], tally.Descendants("REPORTNAME").Select(r => (string)r));
        Assert.Contains(tally.Descendants("LEDGER"), l => (string)l.Attribute("NAME")! == TallyXml.CgstLedger);
        Assert.DoesNotContain(tally.Descendants("LEDGER"), l => (string)l.Element("PARENT")! == "Sundry Debtors");

        Assert.Equal([ZohoBooksCsv.InvoiceHeaders], (await CsvAsync(ZohoBooksCsv.WriteAsync, Empty)).Select(r => r.Cells));
        Assert.Equal([ZohoBooksCsv.CreditNoteHeaders], (await CsvAsync(ZohoBooksCsv.WriteCreditNotesAsync, Empty)).Select(r => r.Cells));

        var workbook = await WriteAsync(Gstr1Workbook.WriteAsync, Empty);
        Assert.Equal(SheetNames, MiniExcel.GetSheetNames(workbook));
        foreach (var name in SheetNames)
        {
            Assert.Empty(Sheet(workbook, name));
        }
    }
}

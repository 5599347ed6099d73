using System.Globalization;
using MiniExcelLibs;
using WedTech.Contracts;

namespace WedTech.Server.Books.Exports;

/// <summary>
/// The period's outward supplies as the GST offline tool's GSTR-1 Excel template lays them out, for the accountant to import
/// into the tool (or check against the portal): each sheet as the template has it — its title in row 1, the summary's labels
/// and values in rows 2 and 3, the column headers in row 4 and the data from row 5 — with the template's sheet names and
/// headers, which the tool reads by name. The sheets that a studio's supplies use:
/// <list type="bullet">
/// <item><c>b2b,sez,de</c> (table 4): invoices to a registered recipient, a row per invoice and rate.</item>
/// <item><c>b2cl</c> (table 5): interstate invoices to an unregistered recipient above ₹1,00,000 (₹2,50,000 before August 2024,
/// CGST Rule 59(4) as amended by Notification 12/2024-CT), a row per invoice and rate.</item>
/// <item><c>b2cs</c> (table 7): every other invoice to an unregistered recipient, summed by place of supply and rate (type OE),
/// less the credit notes against them.</item>
/// <item><c>cdnr</c> / <c>cdnur</c> (table 9B): credit notes to a registered recipient; to an unregistered one when the invoice
/// was a B2C large one or an export.</item>
/// <item><c>exp</c> (table 6A): supplies with the place of supply abroad (96), with IGST paid (WPAY) or not (WOPAY).</item>
/// <item><c>hsn(b2b)</c> and <c>hsn(b2c)</c> (table 12, split since May 2025): per SAC and rate, credit notes netted; services
/// have no unit or quantity (UQC NA, quantity 0).</item>
/// <item><c>docs</c> (table 13): per series, the first and last number, how many numbers and how many of them cancelled (a
/// number missing from the issued ones).</item>
/// </list>
/// Amounts are numbers in rupees, exact from the paise; dates dd-MMM-yyyy; places "27-Maharashtra".
/// </summary>
public static class Gstr1Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string B2b = "b2b,sez,de";
    public const string B2cl = "b2cl";
    public const string B2cs = "b2cs";
    public const string Cdnr = "cdnr";
    public const string Cdnur = "cdnur";
    public const string Exp = "exp";
    public const string HsnB2b = "hsn(b2b)";
    public const string HsnB2c = "hsn(b2c)";
    public const string Docs = "docs";

    private static readonly DateOnly LowerB2clLimitFrom = new(2024, 8, 1);

    private enum Section { B2b, B2cl, B2cs, Exp }

    private sealed record RateTotals(int Rate, long Taxable, long Cgst, long Sgst, long Igst);

    private sealed record Sheet(string Title, IReadOnlyList<string> Headers, IReadOnlyList<(string Column, string Label, object? Value)> Summary,
        IReadOnlyList<IReadOnlyList<object?>> Rows);

    public static async Task WriteAsync(Ledger ledger, Stream output, CancellationToken cancellationToken)
    {
        var invoices = ledger.Documents.Where(d => d.Kind == InvoiceKind.TaxInvoice).OrderBy(d => d.IssuedOn).ThenBy(d => d.Number, StringComparer.Ordinal).ToList();
        var notes = ledger.Documents.Where(d => d.Kind == InvoiceKind.CreditNote).OrderBy(d => d.IssuedOn).ThenBy(d => d.Number, StringComparer.Ordinal).ToList();
        var byNumber = ledger.Documents.Where(d => d.Kind == InvoiceKind.TaxInvoice).GroupBy(d => d.Number).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Section SectionOf(LedgerDocument d) => Classify(ledger.Studio, d);
        // A credit note goes where the invoice it reduces went; without that invoice in the period, by the note itself.
        Section NoteSection(LedgerDocument note) =>
            note.OriginalNumber is not null && byNumber.TryGetValue(note.OriginalNumber, out var original) ? SectionOf(original) : SectionOf(note);

        var sheets = new Dictionary<string, object>
        {
            [B2b] = Layout(B2bSheet(invoices.Where(d => SectionOf(d) == Section.B2b))),
            [B2cl] = Layout(B2clSheet(invoices.Where(d => SectionOf(d) == Section.B2cl))),
            [B2cs] = Layout(B2csSheet(invoices.Where(d => SectionOf(d) == Section.B2cs), notes.Where(n => !ExportText.Registered(n) && NoteSection(n) == Section.B2cs))),
            [Cdnr] = Layout(CdnrSheet(notes.Where(ExportText.Registered))),
            [Cdnur] = Layout(CdnurSheet(notes.Where(n => !ExportText.Registered(n) && NoteSection(n) is Section.B2cl or Section.Exp).Select(n => (n, NoteSection(n))))),
            [Exp] = Layout(ExpSheet(invoices.Where(d => SectionOf(d) == Section.Exp))),
            [HsnB2b] = Layout(HsnSheet(ledger.Documents.Where(ExportText.Registered))),
            [HsnB2c] = Layout(HsnSheet(ledger.Documents.Where(d => !ExportText.Registered(d)))),
            [Docs] = Layout(DocsSheet(ledger.Documents)),
        };
        await output.SaveAsAsync(sheets, printHeader: false, cancellationToken: cancellationToken);
    }

    private static Section Classify(LedgerStudio studio, LedgerDocument d)
    {
        if (ExportText.Abroad(d))
        {
            return Section.Exp;
        }
        if (ExportText.Registered(d))
        {
            return Section.B2b;
        }
        var limitPaise = (d.IssuedOn < LowerB2clLimitFrom ? 2_50_000L : 1_00_000L) * 100;
        return d.PlaceOfSupply != studio.StateCode && d.TotalPaise > limitPaise ? Section.B2cl : Section.B2cs;
    }

    private static Sheet B2bSheet(IEnumerable<LedgerDocument> invoices)
    {
        var list = invoices.ToList();
        var rows = list.SelectMany(d => Rates(d).Select(r => (IReadOnlyList<object?>)
        [
            d.PartyGstin!.Trim().ToUpperInvariant(), d.Party, d.Number, Date(d.IssuedOn), ExportText.Decimal(d.TotalPaise), Place(d.PlaceOfSupply),
            d.ReverseCharge ? "Y" : "N", null, "Regular B2B", null, ExportText.Percent(r.Rate), ExportText.Decimal(r.Taxable), 0m,
        ])).ToList();
        return new Sheet("Summary For B2B, SEZ, DE (4A, 4B, 6B, 6C)",
            ["GSTIN/UIN of Recipient", "Receiver Name", "Invoice Number", "Invoice date", "Invoice Value", "Place Of Supply", "Reverse Charge",
                "Applicable % of Tax Rate", "Invoice Type", "E-Commerce GSTIN", "Rate", "Taxable Value", "Cess Amount"],
            [
                ("GSTIN/UIN of Recipient", "No. of Recipients", list.Select(d => d.PartyGstin).Distinct().Count()),
                ("Invoice Number", "No. of Invoices", list.Count),
                ("Invoice Value", "Total Invoice Value", ExportText.Decimal(list.Sum(d => d.TotalPaise))),
                ("Taxable Value", "Total Taxable Value", ExportText.Decimal(list.Sum(d => d.TaxablePaise))),
                ("Cess Amount", "Total Cess", 0m),
            ], rows);
    }

    private static Sheet B2clSheet(IEnumerable<LedgerDocument> invoices)
    {
        var list = invoices.ToList();
        var rows = list.SelectMany(d => Rates(d).Select(r => (IReadOnlyList<object?>)
        [
            d.Number, Date(d.IssuedOn), ExportText.Decimal(d.TotalPaise), Place(d.PlaceOfSupply), null, ExportText.Percent(r.Rate),
            ExportText.Decimal(r.Taxable), 0m, null,
        ])).ToList();
        return new Sheet("Summary For B2CL(5)",
            ["Invoice Number", "Invoice date", "Invoice Value", "Place Of Supply", "Applicable % of Tax Rate", "Rate", "Taxable Value", "Cess Amount", "E-Commerce GSTIN"],
            [
                ("Invoice Number", "No. of Invoices", list.Count),
                ("Invoice Value", "Total Inv Value", ExportText.Decimal(list.Sum(d => d.TotalPaise))),
                ("Taxable Value", "Total Taxable Value", ExportText.Decimal(list.Sum(d => d.TaxablePaise))),
                ("Cess Amount", "Total Cess", 0m),
            ], rows);
    }

    private static Sheet B2csSheet(IEnumerable<LedgerDocument> invoices, IEnumerable<LedgerDocument> notes)
    {
        var rows = invoices.SelectMany(d => Rates(d).Select(r => (d.PlaceOfSupply, r.Rate, r.Taxable)))
            .Concat(notes.SelectMany(n => Rates(n).Select(r => (n.PlaceOfSupply, r.Rate, Taxable: -r.Taxable))))
            .GroupBy(x => (x.PlaceOfSupply, x.Rate))
            .OrderBy(g => g.Key.PlaceOfSupply, StringComparer.Ordinal).ThenBy(g => g.Key.Rate)
            .Select(g => (IReadOnlyList<object?>)["OE", Place(g.Key.PlaceOfSupply), null, ExportText.Percent(g.Key.Rate), ExportText.Decimal(g.Sum(x => x.Taxable)), 0m, null])
            .ToList();
        return new Sheet("Summary For B2CS(7)",
            ["Type", "Place Of Supply", "Applicable % of Tax Rate", "Rate", "Taxable Value", "Cess Amount", "E-Commerce GSTIN"],
            [
                ("Taxable Value", "Total Taxable  Value", rows.Sum(r => (decimal)r[4]!)),
                ("Cess Amount", "Total Cess", 0m),
            ], rows);
    }

    private static Sheet CdnrSheet(IEnumerable<LedgerDocument> notes)
    {
        var list = notes.ToList();
        var rows = list.SelectMany(n => Rates(n).Select(r => (IReadOnlyList<object?>)
        [
            n.PartyGstin!.Trim().ToUpperInvariant(), n.Party, n.Number, Date(n.IssuedOn), "C", Place(n.PlaceOfSupply), n.ReverseCharge ? "Y" : "N",
            "Regular B2B", ExportText.Decimal(n.TotalPaise), null, ExportText.Percent(r.Rate), ExportText.Decimal(r.Taxable), 0m,
        ])).ToList();
        return new Sheet("Summary For CDNR(9B)",
            ["GSTIN/UIN of Recipient", "Receiver Name", "Note Number", "Note Date", "Note Type", "Place Of Supply", "Reverse Charge", "Note Supply Type",
                "Note Value", "Applicable % of Tax Rate", "Rate", "Taxable Value", "Cess Amount"],
            [
                ("GSTIN/UIN of Recipient", "No. of Recipients", list.Select(n => n.PartyGstin).Distinct().Count()),
                ("Note Number", "No. of Notes", list.Count),
                ("Note Value", "Total Note Value", ExportText.Decimal(list.Sum(n => n.TotalPaise))),
                ("Taxable Value", "Total Taxable Value", ExportText.Decimal(list.Sum(n => n.TaxablePaise))),
                ("Cess Amount", "Total Cess", 0m),
            ], rows);
    }

    private static Sheet CdnurSheet(IEnumerable<(LedgerDocument Note, Section Of)> notes)
    {
        var list = notes.ToList();
        var rows = list.SelectMany(x => Rates(x.Note).Select(r => (IReadOnlyList<object?>)
        [
            x.Of == Section.B2cl ? "B2CL" : x.Note.IgstPaise > 0 ? "EXPWP" : "EXPWOP", x.Note.Number, Date(x.Note.IssuedOn), "C",
            x.Of == Section.B2cl ? Place(x.Note.PlaceOfSupply) : null, ExportText.Decimal(x.Note.TotalPaise), null, ExportText.Percent(r.Rate),
            ExportText.Decimal(r.Taxable), 0m,
        ])).ToList();
        return new Sheet("Summary For CDNUR(9B)",
            ["UR Type", "Note Number", "Note Date", "Note Type", "Place Of Supply", "Note Value", "Applicable % of Tax Rate", "Rate", "Taxable Value", "Cess Amount"],
            [
                ("Note Number", "No. of Notes", list.Count),
                ("Note Value", "Total Note Value", ExportText.Decimal(list.Sum(x => x.Note.TotalPaise))),
                ("Taxable Value", "Total Taxable Value", ExportText.Decimal(list.Sum(x => x.Note.TaxablePaise))),
                ("Cess Amount", "Total Cess", 0m),
            ], rows);
    }

    private static Sheet ExpSheet(IEnumerable<LedgerDocument> invoices)
    {
        var list = invoices.ToList();
        var rows = list.SelectMany(d => Rates(d).Select(r => (IReadOnlyList<object?>)
        [
            d.IgstPaise > 0 ? "WPAY" : "WOPAY", d.Number, Date(d.IssuedOn), ExportText.Decimal(d.TotalPaise), null, null, null,
            ExportText.Percent(r.Rate), ExportText.Decimal(r.Taxable), 0m,
        ])).ToList();
        return new Sheet("Summary For EXP(6)",
            ["Export Type", "Invoice Number", "Invoice date", "Invoice Value", "Port Code", "Shipping Bill Number", "Shipping Bill Date", "Rate", "Taxable Value", "Cess Amount"],
            [
                ("Invoice Number", "No. of Invoices", list.Count),
                ("Invoice Value", "Total Invoice Value", ExportText.Decimal(list.Sum(d => d.TotalPaise))),
                ("Taxable Value", "Total Taxable Value", ExportText.Decimal(list.Sum(d => d.TaxablePaise))),
                ("Cess Amount", "Total Cess", 0m),
            ], rows);
    }

    private static Sheet HsnSheet(IEnumerable<LedgerDocument> documents)
    {
        var rows = documents
            .SelectMany(d => d.Lines.Select(line => (Line: line, Sign: d.Kind == InvoiceKind.CreditNote ? -1 : 1)))
            .GroupBy(x => (Sac: x.Line.Sac.Trim(), x.Line.GstRateBasisPoints))
            .OrderBy(g => g.Key.Sac, StringComparer.Ordinal).ThenBy(g => g.Key.GstRateBasisPoints)
            .Select(g =>
            {
                long Sum(Func<InvoiceLine, long> amount) => g.Sum(x => x.Sign * amount(x.Line));
                var service = g.Key.Sac.StartsWith("99", StringComparison.Ordinal);
                var description = g.First().Line.Description.Trim();
                return (IReadOnlyList<object?>)
                [
                    g.Key.Sac, description[..Math.Min(30, description.Length)].TrimEnd(), service ? "NA" : "OTH-OTHERS",
                    service ? 0 : g.Sum(x => x.Sign * x.Line.Quantity),
                    ExportText.Decimal(Sum(l => l.TaxablePaise + l.CgstPaise + l.SgstPaise + l.IgstPaise)), ExportText.Percent(g.Key.GstRateBasisPoints),
                    ExportText.Decimal(Sum(l => l.TaxablePaise)), ExportText.Decimal(Sum(l => l.IgstPaise)), ExportText.Decimal(Sum(l => l.CgstPaise)),
                    ExportText.Decimal(Sum(l => l.SgstPaise)), 0m,
                ];
            }).ToList();
        return new Sheet("Summary For HSN(12)",
            ["HSN", "Description", "UQC", "Total Quantity", "Total Value", "Rate", "Taxable Value", "Integrated Tax Amount", "Central Tax Amount",
                "State/UT Tax Amount", "Cess Amount"],
            [
                ("HSN", "No. of HSN", rows.Select(r => r[0]).Distinct().Count()),
                ("Total Value", "Total Value", rows.Sum(r => (decimal)r[4]!)),
                ("Taxable Value", "Total Taxable Value", rows.Sum(r => (decimal)r[6]!)),
                ("Integrated Tax Amount", "Total Integrated Tax", rows.Sum(r => (decimal)r[7]!)),
                ("Central Tax Amount", "Total Central Tax", rows.Sum(r => (decimal)r[8]!)),
                ("State/UT Tax Amount", "Total State/UT Tax", rows.Sum(r => (decimal)r[9]!)),
                ("Cess Amount", "Total Cess", 0m),
            ], rows);
    }

    private static Sheet DocsSheet(IEnumerable<LedgerDocument> documents)
    {
        var rows = documents
            .GroupBy(d => (Nature: d.Kind == InvoiceKind.CreditNote ? "Credit Note" : "Invoices for outward supply", Series: Series(d.Number).Prefix))
            .OrderBy(g => g.Key.Nature == "Credit Note" ? 1 : 0).ThenBy(g => g.Key.Series, StringComparer.Ordinal)
            .Select(g =>
            {
                var numbered = g.Select(d => (d.Number, Series(d.Number).Serial)).ToList();
                if (numbered.Any(x => x.Serial is null))
                {
                    var names = numbered.Select(x => x.Number).Order(StringComparer.Ordinal).ToList();
                    return (IReadOnlyList<object?>)[g.Key.Nature, names[0], names[^1], names.Count, 0];
                }
                var first = numbered.MinBy(x => x.Serial!.Value);
                var last = numbered.MaxBy(x => x.Serial!.Value);
                // Numbers are given in order when a document is issued: one missing between the first and the last was cancelled.
                var total = (int)(last.Serial!.Value - first.Serial!.Value + 1);
                var issued = numbered.Select(x => x.Serial).Distinct().Count();
                return (IReadOnlyList<object?>)[g.Key.Nature, first.Number, last.Number, total, total - issued];
            }).ToList();
        return new Sheet("Summary of documents issued during the tax period (13)",
            ["Nature of Document", "Sr. No. From", "Sr. No. To", "Total Number", "Cancelled"],
            [
                ("Total Number", "Total Number", rows.Sum(r => (int)r[3]!)),
                ("Cancelled", "Total Cancelled", rows.Sum(r => (int)r[4]!)),
            ], rows);
    }

    /// <summary>"INV/26-27/00012" is the series "INV/26-27/" and the serial 12; a number not ending in digits has no serial.</summary>
    private static (string Prefix, long? Serial) Series(string number)
    {
        var digits = number.Length;
        while (digits > 0 && char.IsAsciiDigit(number[digits - 1]))
        {
            digits--;
        }
        return digits < number.Length && number.Length - digits <= 18
            ? (number[..digits], long.Parse(number.AsSpan(digits), CultureInfo.InvariantCulture))
            : (number, null);
    }

    private static IEnumerable<RateTotals> Rates(LedgerDocument d) =>
        d.Lines.GroupBy(l => l.GstRateBasisPoints).OrderBy(g => g.Key)
            .Select(g => new RateTotals(g.Key, g.Sum(l => l.TaxablePaise), g.Sum(l => l.CgstPaise), g.Sum(l => l.SgstPaise), g.Sum(l => l.IgstPaise)));

    /// <summary>The template's rows: the title, the summary's labels and values under their columns, the headers, the data.</summary>
    private static List<Dictionary<string, object?>> Layout(Sheet sheet)
    {
        var width = sheet.Headers.Count;
        Dictionary<string, object?> Row(IReadOnlyList<object?> values) =>
            Enumerable.Range(0, width).ToDictionary(i => Column(i), i => i < values.Count ? values[i] : null);
        var labels = new object?[width];
        var values = new object?[width];
        foreach (var (column, label, value) in sheet.Summary)
        {
            var at = sheet.Headers.ToList().IndexOf(column);
            labels[at] = label;
            values[at] = value;
        }
        return [Row([sheet.Title]), Row(labels), Row(values), Row([.. sheet.Headers]), .. sheet.Rows.Select(Row)];
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : "A" + (char)('A' + index - 26);

    private static string Date(DateOnly on) => on.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>The place of supply as the template's list has it: "27-Maharashtra", "96-Other Countries".</summary>
    private static string Place(string code) => $"{code}-{ExportText.StateName(code)}";
}

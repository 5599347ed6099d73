using System.Globalization;
using System.Text;
using System.Xml;
using WedTech.Contracts;

namespace WedTech.Server.Books.Exports;

/// <summary>
/// The books as a file for Tally Prime (and Tally.ERP 9): its XML import envelope (Gateway of Tally → Import → Transactions),
/// first the masters (REPORTNAME All Masters: a ledger per party under Sundry Debtors with its GSTIN and state, the sales
/// ledger, the output GST ledgers under Duties &amp; Taxes with their duty heads, Round Off, Bank and Cash), then the
/// vouchers (REPORTNAME Vouchers): Sales for a tax invoice, Credit Note for a credit note (against the invoice it reduces),
/// Receipt for money received, Payment for a refund. Tally's sign convention: a debit is ISDEEMEDPOSITIVE Yes with a
/// negative AMOUNT, a credit No with a positive one; every voucher's amounts add up to exactly zero. Amounts are rupees
/// with two decimals written from the integer paise. Each voucher carries a GUID and REMOTEID made from the studio and the
/// document's number, the same on every export, so importing the file again alters the vouchers instead of adding them twice.
/// </summary>
public static class TallyXml
{
    public const string ContentType = "application/xml; charset=utf-8";

    public const string SalesLedger = "Event Management Services";
    public const string CgstLedger = "Output CGST";
    public const string SgstLedger = "Output SGST";
    public const string IgstLedger = "Output IGST";
    public const string RoundOffLedger = "Round Off";
    public const string BankLedger = "Bank";
    public const string CashLedger = "Cash";

    private sealed record Entry(string Ledger, long DebitPaise, bool Party = false, string? Bill = null, string? BillType = null);

    public static async Task WriteAsync(Ledger ledger, Stream output, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "ENVELOPE", null);
        await xml.WriteStartElementAsync(null, "HEADER", null);
        await xml.WriteElementStringAsync(null, "TALLYREQUEST", null, "Import Data");
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "BODY", null);

        await StartImportAsync(xml, "All Masters");
        foreach (var party in Parties(ledger))
        {
            await PartyLedgerAsync(xml, party);
        }
        await LedgerAsync(xml, SalesLedger, "Sales Accounts", ("GSTTYPEOFSUPPLY", "Services"));
        await LedgerAsync(xml, CgstLedger, "Duties & Taxes", ("TAXTYPE", "GST"), ("GSTDUTYHEAD", "Central Tax"));
        await LedgerAsync(xml, SgstLedger, "Duties & Taxes", ("TAXTYPE", "GST"), ("GSTDUTYHEAD", "State Tax"));
        await LedgerAsync(xml, IgstLedger, "Duties & Taxes", ("TAXTYPE", "GST"), ("GSTDUTYHEAD", "Integrated Tax"));
        await LedgerAsync(xml, RoundOffLedger, "Indirect Expenses");
        await LedgerAsync(xml, BankLedger, "Bank Accounts");
        await LedgerAsync(xml, CashLedger, "Cash-in-Hand");
        await EndImportAsync(xml);

        await StartImportAsync(xml, "Vouchers");
        foreach (var document in ledger.Documents.OrderBy(d => d.IssuedOn).ThenBy(d => d.Number, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DocumentVoucherAsync(xml, ledger.Studio, document);
        }
        foreach (var receipt in ledger.Receipts.OrderBy(r => r.On).ThenBy(r => r.Number, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ReceiptVoucherAsync(xml, ledger.Studio, receipt);
        }
        await EndImportAsync(xml);

        await xml.WriteEndElementAsync(); // BODY
        await xml.WriteEndElementAsync(); // ENVELOPE
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>A document's entries: the party against sales, each tax and the round-off; a credit note the other way round.</summary>
    private static List<Entry> DocumentEntries(LedgerDocument d)
    {
        if (d.TaxablePaise + d.CgstPaise + d.SgstPaise + d.IgstPaise + d.RoundOffPaise != d.TotalPaise)
        {
            throw new InvalidOperationException($"{d.Number}: its total is not its taxable value, taxes and round-off; the voucher would not balance.");
        }
        // A tax invoice debits the party and credits sales and the taxes; a round-off up is a credit (income), down a debit.
        var sign = d.Kind == InvoiceKind.CreditNote ? -1 : 1;
        var entries = new List<Entry>
        {
            d.Kind == InvoiceKind.CreditNote
                ? new(Clean(d.Party), -d.TotalPaise, Party: true, Bill: d.OriginalNumber ?? d.Number, BillType: d.OriginalNumber is null ? "New Ref" : "Agst Ref")
                : new(Clean(d.Party), d.TotalPaise, Party: true, Bill: d.Number, BillType: "New Ref"),
            new(SalesLedger, -sign * d.TaxablePaise),
        };
        if (d.CgstPaise != 0)
        {
            entries.Add(new(CgstLedger, -sign * d.CgstPaise));
        }
        if (d.SgstPaise != 0)
        {
            entries.Add(new(SgstLedger, -sign * d.SgstPaise));
        }
        if (d.IgstPaise != 0)
        {
            entries.Add(new(IgstLedger, -sign * d.IgstPaise));
        }
        if (d.RoundOffPaise != 0)
        {
            entries.Add(new(RoundOffLedger, -sign * d.RoundOffPaise));
        }
        return entries;
    }

    private static async Task DocumentVoucherAsync(XmlWriter xml, LedgerStudio studio, LedgerDocument d)
    {
        var type = d.Kind == InvoiceKind.CreditNote ? "Credit Note" : "Sales";
        var abroad = ExportText.Abroad(d);
        await StartVoucherAsync(xml, type, ExportText.StableId(studio, type, d.Number), d.IssuedOn, d.Number, Clean(d.Party),
            d.Kind == InvoiceKind.CreditNote ? $"Credit note against {d.OriginalNumber} — {d.Wedding}" : d.Wedding);
        if (d.Kind == InvoiceKind.CreditNote && d.OriginalNumber is not null)
        {
            await xml.WriteElementStringAsync(null, "REFERENCE", null, Clean(d.OriginalNumber));
            if (d.OriginalIssuedOn is { } originalOn)
            {
                await xml.WriteElementStringAsync(null, "REFERENCEDATE", null, Date(originalOn));
            }
        }
        if (ExportText.Registered(d))
        {
            await xml.WriteElementStringAsync(null, "PARTYGSTIN", null, Clean(d.PartyGstin));
        }
        await xml.WriteElementStringAsync(null, "GSTREGISTRATIONTYPE", null, Registration(d.PartyGstin, abroad));
        await xml.WriteElementStringAsync(null, "PLACEOFSUPPLY", null, ExportText.StateName(d.PlaceOfSupply));
        if (!abroad)
        {
            await xml.WriteElementStringAsync(null, "STATENAME", null, ExportText.StateName(d.PlaceOfSupply));
            await xml.WriteElementStringAsync(null, "COUNTRYOFRESIDENCE", null, "India");
        }
        await EntriesAsync(xml, DocumentEntries(d));
        await xml.WriteEndElementAsync(); // VOUCHER
        await xml.WriteEndElementAsync(); // TALLYMESSAGE
    }

    private static async Task ReceiptVoucherAsync(XmlWriter xml, LedgerStudio studio, LedgerReceipt r)
    {
        var type = r.Refund ? "Payment" : "Receipt";
        var money = r.Mode == PaymentMode.Cash ? CashLedger : BankLedger;
        var narration = string.Join(" — ", new[] { r.Refund ? "Refund" : null, r.Wedding, r.Reference is null ? null : $"{r.Mode} {r.Reference}" }.OfType<string>());
        await StartVoucherAsync(xml, type, ExportText.StableId(studio, type, r.Number), r.On, r.Number, Clean(r.Party), narration);
        // Money in: the bank or cash is debited and the party credited; a refund is the other way round.
        var partyDebit = r.Refund ? r.AmountPaise : -r.AmountPaise;
        await EntriesAsync(xml,
        [
            new(Clean(r.Party), partyDebit, Party: true, Bill: r.Number, BillType: "On Account"),
            new(money, -partyDebit),
        ]);
        await xml.WriteEndElementAsync(); // VOUCHER
        await xml.WriteEndElementAsync(); // TALLYMESSAGE
    }

    private static async Task StartVoucherAsync(XmlWriter xml, string type, Guid id, DateOnly on, string number, string party, string narration)
    {
        await xml.WriteStartElementAsync(null, "TALLYMESSAGE", null);
        await xml.WriteAttributeStringAsync("xmlns", "UDF", null, "TallyUDF");
        await xml.WriteStartElementAsync(null, "VOUCHER", null);
        await xml.WriteAttributeStringAsync(null, "REMOTEID", null, id.ToString());
        await xml.WriteAttributeStringAsync(null, "VCHTYPE", null, type);
        await xml.WriteAttributeStringAsync(null, "ACTION", null, "Create");
        await xml.WriteAttributeStringAsync(null, "OBJVIEW", null, "Accounting Voucher View");
        await xml.WriteElementStringAsync(null, "DATE", null, Date(on));
        await xml.WriteElementStringAsync(null, "EFFECTIVEDATE", null, Date(on));
        await xml.WriteElementStringAsync(null, "GUID", null, id.ToString());
        await xml.WriteElementStringAsync(null, "VOUCHERTYPENAME", null, type);
        await xml.WriteElementStringAsync(null, "VOUCHERNUMBER", null, Clean(number));
        await xml.WriteElementStringAsync(null, "PARTYLEDGERNAME", null, party);
        await xml.WriteElementStringAsync(null, "NARRATION", null, Clean(narration));
        await xml.WriteElementStringAsync(null, "PERSISTEDVIEW", null, "Accounting Voucher View");
        await xml.WriteElementStringAsync(null, "ISINVOICE", null, "No");
    }

    private static async Task EntriesAsync(XmlWriter xml, IEnumerable<Entry> entries)
    {
        foreach (var entry in entries)
        {
            var debit = entry.DebitPaise > 0;
            // Tally: a debit is "deemed positive" and its amount negative.
            var amount = ExportText.Rupees(-entry.DebitPaise);
            await xml.WriteStartElementAsync(null, "ALLLEDGERENTRIES.LIST", null);
            await xml.WriteElementStringAsync(null, "LEDGERNAME", null, entry.Ledger);
            await xml.WriteElementStringAsync(null, "ISDEEMEDPOSITIVE", null, debit ? "Yes" : "No");
            await xml.WriteElementStringAsync(null, "ISPARTYLEDGER", null, entry.Party ? "Yes" : "No");
            await xml.WriteElementStringAsync(null, "AMOUNT", null, amount);
            if (entry.Bill is not null)
            {
                await xml.WriteStartElementAsync(null, "BILLALLOCATIONS.LIST", null);
                if (entry.BillType != "On Account")
                {
                    await xml.WriteElementStringAsync(null, "NAME", null, Clean(entry.Bill));
                }
                await xml.WriteElementStringAsync(null, "BILLTYPE", null, entry.BillType ?? "On Account");
                await xml.WriteElementStringAsync(null, "AMOUNT", null, amount);
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        }
    }

    private sealed record Party(string Name, string? Gstin, string? StateCode, string? Address, bool Abroad);

    /// <summary>Every party once, as its documents name it (the one with a GSTIN first), then those who only paid.</summary>
    private static IEnumerable<Party> Parties(Ledger ledger)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in ledger.Documents.OrderBy(d => ExportText.Registered(d) ? 0 : 1).ThenBy(d => d.IssuedOn))
        {
            if (seen.Add(Clean(d.Party)))
            {
                yield return new Party(Clean(d.Party), d.PartyGstin, d.PartyStateCode ?? (ExportText.Abroad(d) ? null : d.PlaceOfSupply), d.PartyAddress, ExportText.Abroad(d));
            }
        }
        foreach (var r in ledger.Receipts)
        {
            if (seen.Add(Clean(r.Party)))
            {
                yield return new Party(Clean(r.Party), null, null, null, false);
            }
        }
    }

    private static async Task PartyLedgerAsync(XmlWriter xml, Party party)
    {
        await StartLedgerAsync(xml, party.Name, "Sundry Debtors");
        await xml.WriteElementStringAsync(null, "ISBILLWISEON", null, "Yes");
        if (!string.IsNullOrWhiteSpace(party.Address))
        {
            await xml.WriteStartElementAsync(null, "ADDRESS.LIST", null);
            await xml.WriteAttributeStringAsync(null, "TYPE", null, "String");
            foreach (var line in Clean(party.Address).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await xml.WriteElementStringAsync(null, "ADDRESS", null, line);
            }
            await xml.WriteEndElementAsync();
        }
        if (!party.Abroad)
        {
            await xml.WriteElementStringAsync(null, "COUNTRYOFRESIDENCE", null, "India");
            if (party.StateCode is not null)
            {
                await xml.WriteElementStringAsync(null, "LEDSTATENAME", null, ExportText.StateName(party.StateCode));
            }
        }
        await xml.WriteElementStringAsync(null, "GSTREGISTRATIONTYPE", null, Registration(party.Gstin, party.Abroad));
        if (!string.IsNullOrWhiteSpace(party.Gstin))
        {
            await xml.WriteElementStringAsync(null, "PARTYGSTIN", null, Clean(party.Gstin));
        }
        await EndLedgerAsync(xml);
    }

    private static async Task LedgerAsync(XmlWriter xml, string name, string parent, params (string Tag, string Value)[] fields)
    {
        await StartLedgerAsync(xml, name, parent);
        foreach (var (tag, value) in fields)
        {
            await xml.WriteElementStringAsync(null, tag, null, value);
        }
        await EndLedgerAsync(xml);
    }

    private static async Task StartLedgerAsync(XmlWriter xml, string name, string parent)
    {
        await xml.WriteStartElementAsync(null, "TALLYMESSAGE", null);
        await xml.WriteAttributeStringAsync("xmlns", "UDF", null, "TallyUDF");
        await xml.WriteStartElementAsync(null, "LEDGER", null);
        await xml.WriteAttributeStringAsync(null, "NAME", null, name);
        await xml.WriteAttributeStringAsync(null, "ACTION", null, "Create");
        await xml.WriteStartElementAsync(null, "NAME.LIST", null);
        await xml.WriteAttributeStringAsync(null, "TYPE", null, "String");
        await xml.WriteElementStringAsync(null, "NAME", null, name);
        await xml.WriteEndElementAsync();
        await xml.WriteElementStringAsync(null, "PARENT", null, parent);
    }

    private static async Task EndLedgerAsync(XmlWriter xml)
    {
        await xml.WriteEndElementAsync(); // LEDGER
        await xml.WriteEndElementAsync(); // TALLYMESSAGE
    }

    private static async Task StartImportAsync(XmlWriter xml, string report)
    {
        await xml.WriteStartElementAsync(null, "IMPORTDATA", null);
        await xml.WriteStartElementAsync(null, "REQUESTDESC", null);
        await xml.WriteElementStringAsync(null, "REPORTNAME", null, report);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "REQUESTDATA", null);
    }

    private static async Task EndImportAsync(XmlWriter xml)
    {
        await xml.WriteEndElementAsync(); // REQUESTDATA
        await xml.WriteEndElementAsync(); // IMPORTDATA
    }

    private static string Registration(string? gstin, bool abroad) =>
        !string.IsNullOrWhiteSpace(gstin) ? "Regular" : abroad ? "Unregistered" : "Consumer";

    private static string Date(DateOnly on) => on.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Clean(string? text) => ExportText.XmlSafe(text).Trim();
}

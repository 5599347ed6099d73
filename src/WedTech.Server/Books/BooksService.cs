using System.Globalization;
using WedTech.Server.Books.Exports;
using WedTech.Server.Invoicing;
using WedTech.Server.Payments;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Vendors;
using WedTech.Server.Weddings;

namespace WedTech.Server.Books;

/// <summary>
/// The studio's books, made from its issued invoices and credit notes, the money received from couples, and its vendors'
/// bookings and payments: profit and loss per wedding and per month, what couples still owe by age, and the files its
/// accountant imports (Tally XML, Zoho Books CSV, the GSTR-1 workbook).
/// </summary>
public sealed class BooksService(
    IInvoiceLedger invoices, IPaymentLedger payments, IVendorCosts vendors, IWeddingDirectory weddings, IBillingSettings billing, IStudioSettings studio, AuditLog audit)
{
    /// <summary>A period the books are asked about spans at most this many days (a few financial years).</summary>
    public const int MaxDays = 3 * 366;

    public async Task<ProfitAndLossResponse> ProfitAndLossAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var visible = await weddings.VisibleIds().ToListAsync(cancellationToken);
        var dates = await weddings.PrimaryDatesAsync(visible, cancellationToken);
        var ofPeriod = dates.Where(d => d.Value >= from && d.Value <= to).Select(d => d.Key).ToList();
        var titles = await weddings.TitlesAsync(ofPeriod, cancellationToken);

        // Per wedding: the whole of each wedding held in the period.
        var documents = await invoices.IssuedAsync(null, null, ofPeriod, cancellationToken);
        var received = await payments.BetweenAsync(null, null, ofPeriod, cancellationToken);
        var costs = await vendors.TotalsAsync(ofPeriod, cancellationToken);
        var rows = ofPeriod.Select(id =>
        {
            var (invoiced, gst) = Net(documents.Where(d => d.WeddingId == id));
            var cost = costs.GetValueOrDefault(id) ?? new WeddingVendorTotals(0, 0);
            return new ProfitAndLossRow(id, titles.GetValueOrDefault(id, "A wedding"), dates[id], invoiced, gst, NetIn(received.Where(r => r.WeddingId == id)),
                cost.CommittedPaise, cost.PaidPaise, invoiced - cost.CommittedPaise);
        }).OrderBy(r => r.Date).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();

        // Per month: what was issued, received and paid out in the period, whichever wedding it was for (a deleted one too:
        // its documents stay in the books).
        var monthDocuments = (await invoices.IssuedAsync(from, to, null, cancellationToken)).GroupBy(d => Month(d.IssuedOn)).ToDictionary(g => g.Key, g => Net(g));
        var monthIn = (await payments.BetweenAsync(from, to, null, cancellationToken)).GroupBy(m => Month(m.On)).ToDictionary(g => g.Key, NetIn);
        var monthOut = (await vendors.PaidBetweenAsync(from, to, cancellationToken))
            .GroupBy(p => Month(p.PaidOn)).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountPaise));
        var months = new List<ProfitAndLossMonth>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var key = Month(month);
            var (invoiced, gst) = monthDocuments.GetValueOrDefault(key);
            var paidOut = monthOut.GetValueOrDefault(key);
            months.Add(new ProfitAndLossMonth(key, invoiced, gst, monthIn.GetValueOrDefault(key), paidOut, invoiced - paidOut));
        }
        return new ProfitAndLossResponse(from, to, rows, months, rows.Sum(r => r.InvoicedPaise), rows.Sum(r => r.ReceivedPaise), rows.Sum(r => r.VendorCommittedPaise),
            rows.Sum(r => r.VendorPaidPaise), rows.Sum(r => r.MarginPaise));
    }

    /// <summary>What each couple still owes on issued tax invoices (received money allocated oldest first), by days past due.</summary>
    public async Task<ReceivablesResponse> ReceivablesAsync(CancellationToken cancellationToken)
    {
        var today = await studio.TodayAsync(cancellationToken);
        var documents = await invoices.IssuedAsync(null, null, null, cancellationToken);
        var received = (await payments.BetweenAsync(null, null, null, cancellationToken)).GroupBy(m => m.WeddingId).ToDictionary(g => g.Key, NetIn);
        var rows = new List<ReceivableRow>();
        foreach (var wedding in documents.GroupBy(d => d.WeddingId))
        {
            var credited = wedding.Where(d => d.CreditNoteForId is not null).GroupBy(d => d.CreditNoteForId!.Value).ToDictionary(g => g.Key, g => g.Sum(d => d.TotalPaise));
            var owed = InvoiceBalances.Allocate(
                wedding.Where(d => d.Kind == InvoiceKind.TaxInvoice).Select(d => (d.Id, d.IssuedOn, d.DueOn, d.Number, d.TotalPaise, credited.GetValueOrDefault(d.Id))),
                received.GetValueOrDefault(wedding.Key)).Where(o => o.BalancePaise > 0).ToList();
            if (owed.Count == 0)
            {
                continue;
            }
            long current = 0, middle = 0, old = 0;
            foreach (var o in owed)
            {
                var days = today.DayNumber - (o.DueOn ?? o.IssuedOn).DayNumber;
                _ = days <= 30 ? current += o.BalancePaise : days <= 60 ? middle += o.BalancePaise : old += o.BalancePaise;
            }
            rows.Add(new ReceivableRow(wedding.Key, "", current, middle, old, current + middle + old, owed.Min(o => o.DueOn ?? o.IssuedOn)));
        }
        var titles = await weddings.TitlesAsync([.. rows.Select(r => r.WeddingId)], cancellationToken);
        rows = [.. rows.Select(r => r with { Title = titles.GetValueOrDefault(r.WeddingId, "A wedding") }).OrderByDescending(r => r.Over60Paise).ThenByDescending(r => r.TotalPaise)];
        return new ReceivablesResponse(today, rows, rows.Sum(r => r.CurrentPaise), rows.Sum(r => r.Days31To60Paise), rows.Sum(r => r.Over60Paise), rows.Sum(r => r.TotalPaise));
    }

    /// <summary>The ledger the accountant's files are made from; asking for it is in the audit log.</summary>
    public async Task<Ledger> LedgerAsync(DateOnly from, DateOnly to, string export, CancellationToken cancellationToken)
    {
        var studioBilling = await billing.StudioAsync(cancellationToken);
        var documents = await invoices.IssuedAsync(from, to, null, cancellationToken);
        var originals = (await invoices.IssuedAsync(null, null, [.. documents.Where(d => d.CreditNoteForId is not null).Select(d => d.WeddingId).Distinct()], cancellationToken))
            .ToDictionary(d => d.Id);
        var money = await payments.BetweenAsync(from, to, null, cancellationToken);
        var titles = await weddings.TitlesAsync([.. documents.Select(d => d.WeddingId).Concat(money.Select(m => m.WeddingId)).Distinct()], cancellationToken);
        // A receipt is from the party its wedding's invoices are to (the latest), or from the couple when none is issued yet.
        var parties = (await invoices.IssuedAsync(null, null, [.. money.Select(m => m.WeddingId).Distinct()], cancellationToken))
            .GroupBy(d => d.WeddingId).ToDictionary(g => g.Key, g => g.Last().Recipient.Name);
        var party = new Dictionary<Guid, string>();
        foreach (var id in money.Select(m => m.WeddingId).Distinct())
        {
            party[id] = parties.TryGetValue(id, out var name) ? name
                : await weddings.NamesAsync(id, cancellationToken) is { } names ? $"{names.BrideName} & {names.GroomName}" : "A couple";
        }
        audit.Record("books.exported", details: $"{export} {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        return new Ledger(
            new LedgerStudio(studioBilling.LegalName, studioBilling.Gstin, studioBilling.Gstin?[..2] ?? studioBilling.StateCode), from, to,
            [.. documents.Select(d =>
            {
                var original = d.CreditNoteForId is { } o ? originals.GetValueOrDefault(o) : null;
                var address = string.Join(", ", new[] { d.Recipient.Address, d.Recipient.City }.OfType<string>());
                return new LedgerDocument(d.Kind, d.Number, d.IssuedOn, d.Recipient.Name, d.Recipient.Gstin, d.Recipient.StateCode, address.Length > 0 ? address : null,
                    d.PlaceOfSupply, d.ReverseCharge, original?.Number, original?.IssuedOn, d.Lines, d.TaxablePaise, d.CgstPaise, d.SgstPaise, d.IgstPaise,
                    d.RoundOffPaise, d.TotalPaise, titles.GetValueOrDefault(d.WeddingId, ""));
            })],
            [.. money.Select(m => new LedgerReceipt(m.Number, m.On, party[m.WeddingId], m.Mode, m.Reference, m.AmountPaise, m.Refund, titles.GetValueOrDefault(m.WeddingId, "")))]);
    }

    /// <summary>Tax invoices less credit notes: their taxable value, and their GST.</summary>
    private static (long Taxable, long Gst) Net(IEnumerable<IssuedDocument> documents) => documents.Aggregate((0L, 0L), (sum, d) =>
        d.Kind == InvoiceKind.CreditNote ? (sum.Item1 - d.TaxablePaise, sum.Item2 - d.GstPaise) : (sum.Item1 + d.TaxablePaise, sum.Item2 + d.GstPaise));

    private static long NetIn(IEnumerable<MoneyIn> money) => money.Sum(m => m.Refund ? -m.AmountPaise : m.AmountPaise);

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

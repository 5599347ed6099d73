using System.Net;
using System.Xml.Linq;
using MiniExcelLibs;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>The studio's books through the API: profit and loss, receivables by age, and the accountant's files read back.</summary>
public abstract class BooksTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task The_books_add_up_the_invoices_payments_and_vendors_and_the_exports_read_back()
    {
        var studio = await NewStudioAsync();
        using var admin = await studio.AdminAsync();
        await Billing.ReadyAsync(admin);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime);
        var wedding = await admin.CreateWeddingAsync("Meera & Sahil", today.AddDays(30));
        var api = $"/api/v1/weddings/{wedding.Id}";
        // ₹2,00,000 + 18% to the couple in Rajasthan, ₹50,000 + 18% to a company in Maharashtra; a credit note of ₹20,000 + 18% on the first.
        var first = await Billing.IssueAsync(admin, wedding.Id, await Billing.DraftAsync(admin, wedding.Id,
            Billing.Invoice(lines: [new InvoiceLineRequest("Planning fee", null, 1, 2_00_000_00, 1800)]) with { DueOn = today.AddDays(-45) }));
        var second = await Billing.IssueAsync(admin, wedding.Id, await Billing.DraftAsync(admin, wedding.Id,
            Billing.Invoice(recipient: "Sharma & Sons Pvt Ltd", gstin: Billing.Gstin("27"), state: "27", lines: [new InvoiceLineRequest("Décor management", null, 1, 50_000_00, 1800)])));
        await Billing.IssueAsync(admin, wedding.Id, await Billing.DraftAsync(admin, wedding.Id, Billing.Invoice(kind: InvoiceKind.CreditNote, creditNoteFor: first.Id,
            lines: [new InvoiceLineRequest("Fee reduced", null, 1, 20_000_00, 1800)])));
        (await admin.PostJsonAsync($"{api}/payments", new ClientPaymentRequest(today, PaymentMode.Neft, "UTR 1", 1_00_000_00, null))).EnsureSuccessStatusCode();
        var vendor = await (await admin.PostJsonAsync("/api/v1/vendors", new VendorRequest("Phoolwala Decor", ["Decorator"], null, null, null, null, "Jaipur", "08", null, null, null)))
            .ReadAsync<VendorResponse>(HttpStatusCode.Created);
        var booking = await (await admin.PostJsonAsync($"{api}/bookings", new BookingRequest(vendor.Id, null, "Mandap", null, BookingStatus.Booked,
            [new QuoteLineRequest("Mandap", 1, 1_00_000_00, null, 1800)], null, null, null, null, null))).ReadAsync<BookingResponse>(HttpStatusCode.Created);
        (await admin.PostJsonAsync($"{api}/bookings/{booking.Id}/payments", new VendorPaymentRequest(today, PaymentMode.Neft, "NEFT 9", 40_000_00, 0, null))).EnsureSuccessStatusCode();

        var from = today.AddDays(-60);
        var to = today.AddDays(60);
        var pnl = await admin.GetAsync<ProfitAndLossResponse>($"/api/v1/books/profit-and-loss?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var row = Assert.Single(pnl.Weddings);
        Assert.Equal((2_30_000_00L, 41_400_00L, 1_00_000_00L, 1_18_000_00L, 40_000_00L, 1_12_000_00L),
            (row.InvoicedPaise, row.GstPaise, row.ReceivedPaise, row.VendorCommittedPaise, row.VendorPaidPaise, row.MarginPaise));
        var month = pnl.Months.Single(m => m.Month == today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((2_30_000_00L, 1_00_000_00L, 40_000_00L), (month.InvoicedPaise, month.ReceivedPaise, month.VendorPaidPaise));

        // Owed: ₹2,36,000 − ₹23,600 credited on the first (due 45 days ago), less ₹1,00,000 received, oldest first; ₹59,000 on the second, current.
        var receivables = await admin.GetAsync<ReceivablesResponse>("/api/v1/books/receivables");
        var owed = Assert.Single(receivables.Weddings);
        Assert.Equal((59_000_00L, 1_12_400_00L, 0L, 1_71_400_00L), (owed.CurrentPaise, owed.Days31To60Paise, owed.Over60Paise, owed.TotalPaise));

        var period = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var tally = XDocument.Parse(await admin.GetStringAsync($"/api/v1/books/tally?{period}", Cancel));
        var vouchers = tally.Descendants("VOUCHER").ToList();
        Assert.Equal(["Credit Note", "Receipt", "Sales", "Sales"], vouchers.Select(v => (string)v.Attribute("VCHTYPE")!).Order());
        // Each voucher's ledger entries (not their bill allocations) balance to zero.
        Assert.All(vouchers, v => Assert.Equal(0m, v.Elements().Where(e => e.Name.LocalName.EndsWith("LEDGERENTRIES.LIST", StringComparison.Ordinal))
            .Sum(e => decimal.Parse(e.Element("AMOUNT")!.Value, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains(second.Number!, tally.ToString(), StringComparison.Ordinal);

        var zoho = await admin.GetStringAsync($"/api/v1/books/zoho-books/invoices?{period}", Cancel);
        Assert.Contains(first.Number!, zoho, StringComparison.Ordinal);
        Assert.Contains("\"Sharma & Sons Pvt Ltd\"", zoho.Replace("Sharma & Sons Pvt Ltd,", "\"Sharma & Sons Pvt Ltd\",", StringComparison.Ordinal), StringComparison.Ordinal);
        using var gstr1 = new MemoryStream(await admin.GetByteArrayAsync($"/api/v1/books/gstr1?{period}", Cancel));
        Assert.Contains("b2b,sez,de", gstr1.GetSheetNames());

        // Bad periods are field errors; coordinators and the couple see no books; another studio sees none of these.
        Assert.Contains("to", (await (await admin.GetAsync($"/api/v1/books/profit-and-loss?from={to:yyyy-MM-dd}&to={from:yyyy-MM-dd}", Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await admin.GetAsync("/api/v1/books/tally?from=2020-01-01&to=2026-12-31", Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        var coordinator = await studio.AddMemberAsync(Role.Coordinator, admin);
        await (await coordinator.Client.GetAsync("/api/v1/books/receivables", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        using var stranger = await (await NewStudioAsync()).AdminAsync();
        Assert.Empty((await stranger.GetAsync<ReceivablesResponse>("/api/v1/books/receivables")).Weddings);
    }
}

public sealed class BooksTestsOnSqlite(SqliteServer server) : BooksTests(server);

public sealed class BooksTestsOnPostgres(PostgresServer server) : BooksTests(server);

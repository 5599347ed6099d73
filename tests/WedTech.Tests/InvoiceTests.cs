using System.Net;
using WedTech.Contracts;
using WedTech.Server.Invoicing;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// GST tax invoices: the place of supply and the tax split for every kind of recipient and venue, numbers under concurrent
/// issue, the round-off and amount in words, credit notes, cancelling, the PDF read back, and bad input changing nothing.
/// </summary>
public abstract class InvoiceTests(TestServer server) : ProviderTests(server)
{
    private sealed record Setup(Studio Studio, HttpClient Admin, WeddingResponse Wedding)
    {
        public string Invoices => $"/api/v1/weddings/{Wedding.Id}/invoices";
    }

    private async Task<Setup> SetUpAsync(bool ready = true)
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        if (ready)
        {
            await Billing.ReadyAsync(admin);
        }
        return new Setup(studio, admin, await admin.CreateWeddingAsync("Meera & Sahil", new DateOnly(2027, 2, 14)));
    }

    private static async Task<Guid> EventAtAsync(Setup setup, string? state, string country = "IN")
    {
        var venue = await (await setup.Admin.PostJsonAsync("/api/v1/venues", new VenueRequest($"Venue {Guid.NewGuid():N}", null, country == "IN" ? "Somewhere" : "Ubud",
            state, country, null, null, null, null, country == "IN" ? null : "Asia/Makassar"))).ReadAsync<VenueResponse>(HttpStatusCode.Created);
        var e = await (await setup.Admin.PostJsonAsync($"/api/v1/weddings/{setup.Wedding.Id}/events", new EventRequest(EventType.Ceremony, "Pheras",
            new DateTime(2027, 2, 14, 18, 0, 0), new DateTime(2027, 2, 14, 23, 0, 0), null, venue.Id, null, null, null, null, null))).ReadAsync<EventResponse>(HttpStatusCode.Created);
        return e.Id;
    }

    /// <summary>The studio is in Rajasthan (08). Each case: the recipient's GSTIN, state and country, and where the event is held.</summary>
    public static TheoryData<string, string?, string?, string, string?, string, string, TaxSplit> PlaceOfSupplyCases => new()
    {
        // Registered: the recipient's state, wherever the event is.
        { "registered in Maharashtra, event in Rajasthan", Billing.Gstin("27", "AAACR5055K"), "27", "IN", "08/IN", "27", "Maharashtra (27)", TaxSplit.Interstate },
        { "registered in Rajasthan, event in Goa", Billing.Gstin("08", "AAACR5055K"), "08", "IN", "30/IN", "08", "Rajasthan (08)", TaxSplit.Intrastate },
        // Unregistered, event in India: the venue's state.
        { "unregistered, event in the studio's state", null, "07", "IN", "08/IN", "08", "Rajasthan (08)", TaxSplit.Intrastate },
        { "unregistered, event in another state", null, "08", "IN", "30/IN", "30", "Goa (30)", TaxSplit.Interstate },
        // Unregistered, event abroad: the recipient's location.
        { "unregistered in Delhi, event abroad", null, "07", "IN", "/ID", "07", "Delhi (07)", TaxSplit.Interstate },
        { "unregistered in Rajasthan, event abroad", null, "08", "IN", "/ID", "08", "Rajasthan (08)", TaxSplit.Intrastate },
        { "unregistered abroad, event abroad", null, null, "AE", "/ID", "96", "Outside India", TaxSplit.Interstate },
    };

    [Theory]
    [MemberData(nameof(PlaceOfSupplyCases))]
    public async Task The_place_of_supply_and_the_tax_split_follow_IGST_Act_section_12_7(
        string _, string? gstin, string? state, string country, string? venue, string place, string placeName, TaxSplit split)
    {
        var setup = await SetUpAsync();
        var eventId = venue is null ? (Guid?)null : await EventAtAsync(setup, venue.Split('/')[0] is { Length: 2 } s ? s : null, venue.Split('/')[1]);
        // ₹1,00,000 and 3 × ₹333.33 at 18%: each half of 18% on ₹999.99 is ₹90.00 (89.9991 half up), the whole ₹180.00 (179.9982).
        var invoice = await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Billing.Invoice(gstin: gstin, state: state, country: country, eventId: eventId, lines:
            [new InvoiceLineRequest("Wedding planning fee", null, 1, 1_00_000_00, 1800), new InvoiceLineRequest("Welcome kits", "998599", 3, 333_33, 1800)]));

        Assert.Equal((place, placeName, split), (invoice.PlaceOfSupply, invoice.PlaceOfSupplyName, invoice.Split));
        Assert.Equal(1_00_999_99, invoice.TaxablePaise);
        var expected = split == TaxSplit.Intrastate ? (9_090_00L, 9_090_00L, 0L) : (0L, 0L, 18_180_00L);
        Assert.Equal(expected, (invoice.CgstPaise, invoice.SgstPaise, invoice.IgstPaise));
        // ₹1,19,179.99 rounds to ₹1,19,180 with a round-off of one paisa.
        Assert.Equal((1, 1_19_180_00L), (invoice.RoundOffPaise, invoice.TotalPaise));
        Assert.Equal("Rupees One Lakh Nineteen Thousand One Hundred Eighty Only", invoice.AmountInWords);
        Assert.Equal(["998596", "998599"], invoice.Lines.Select(l => l.Sac));
        Assert.Equal(invoice.TotalPaise, invoice.Lines.Sum(l => l.TotalPaise) + invoice.RoundOffPaise);
    }

    [Fact]
    public async Task Numbers_are_consecutive_per_series_and_year_even_when_issued_at_once()
    {
        var setup = await SetUpAsync();
        var drafts = new List<InvoiceResponse>();
        for (var i = 0; i < 24; i++)
        {
            drafts.Add(await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Billing.Invoice(lines: [new InvoiceLineRequest($"Instalment {i + 1}", null, 1, 10_000_00 + i, 1800)])));
        }
        var estimate = await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Billing.Invoice(kind: InvoiceKind.Estimate));
        var issued = await Task.WhenAll(drafts.Append(estimate).Select(d => Billing.IssueAsync(setup.Admin, setup.Wedding.Id, d)));

        var year = GstRules.FinancialYear(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime));
        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"INV/{year}/{n:0000}"), issued.Where(i => i.Kind == InvoiceKind.TaxInvoice).Select(i => i.Number).Order());
        Assert.Equal($"EST/{year}/0001", issued.Single(i => i.Kind == InvoiceKind.Estimate).Number);
        Assert.All(issued, i => Assert.True(i.Number!.Length <= 16, i.Number));

        // Issuing the same draft twice at once: one wins, the other meets its new version, and no number is used up.
        var draft = await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Billing.Invoice());
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => setup.Admin.PostJsonAsync<object?>($"{setup.Invoices}/{draft.Id}/issue", null, $"\"{draft.Version}\"")));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], twice.Select(r => r.StatusCode).Order());
        var next = await Billing.IssueAsync(setup.Admin, setup.Wedding.Id, await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Billing.Invoice()));
        Assert.Equal($"INV/{year}/0026", next.Number);
    }

    [Fact]
    public async Task An_issued_invoice_is_never_changed_or_deleted_only_cancelled_by_an_admin()
    {
        var setup = await SetUpAsync();
        var planner = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin);
        var invoice = await Billing.IssueAsync(planner.Client, setup.Wedding.Id, await Billing.DraftAsync(planner.Client, setup.Wedding.Id, Billing.Invoice()));

        await (await setup.Admin.PutJsonAsync($"{setup.Invoices}/{invoice.Id}", Billing.Invoice(recipient: "Someone else"), $"\"{invoice.Version}\"")).ProblemAsync(HttpStatusCode.Conflict);
        await (await setup.Admin.DeleteAsync($"{setup.Invoices}/{invoice.Id}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        await (await planner.Client.PostJsonAsync($"{setup.Invoices}/{invoice.Id}/cancel", new CancelInvoiceRequest("Raised twice"))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(invoice.Version, (await setup.Admin.GetAsync<InvoiceResponse>($"{setup.Invoices}/{invoice.Id}")).Version);

        var cancelled = await (await setup.Admin.PostJsonAsync($"{setup.Invoices}/{invoice.Id}/cancel", new CancelInvoiceRequest("Raised twice"))).ReadAsync<InvoiceResponse>();
        Assert.Equal((InvoiceStatus.Cancelled, invoice.Number, "Raised twice"), (cancelled.Status, cancelled.Number, cancelled.CancelReason));
        await (await setup.Admin.PostJsonAsync($"{setup.Invoices}/{invoice.Id}/cancel", new CancelInvoiceRequest("Again"))).ProblemAsync(HttpStatusCode.Conflict);
        var pdf = await PdfTools.RunAsync("pdftotext", await setup.Admin.GetByteArrayAsync($"{setup.Invoices}/{invoice.Id}/pdf", Cancel));
        Assert.Contains("CANCELLED", pdf, StringComparison.Ordinal);
        Assert.Contains("Raised twice", pdf, StringComparison.Ordinal);

        // A planner may still change and delete a draft: its amounts are not issued yet.
        var draft = await Billing.DraftAsync(planner.Client, setup.Wedding.Id, Billing.Invoice());
        var changed = await (await planner.Client.PutJsonAsync($"{setup.Invoices}/{draft.Id}", Billing.Invoice(lines: [new InvoiceLineRequest("Planning fee", null, 1, 2_00_000_00, 1800)]),
            $"\"{draft.Version}\"")).ReadAsync<InvoiceResponse>();
        Assert.Equal(2_36_000_00, changed.TotalPaise);
        (await planner.Client.DeleteAsync($"{setup.Invoices}/{draft.Id}", Cancel)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_credit_note_reduces_its_invoice_and_never_by_more_than_is_left()
    {
        var setup = await SetUpAsync();
        var other = await setup.Admin.CreateWeddingAsync("Another wedding");
        var invoice = await Billing.IssueAsync(setup.Admin, setup.Wedding.Id, await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Billing.Invoice()));
        var estimate = await Billing.IssueAsync(setup.Admin, setup.Wedding.Id, await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Billing.Invoice(kind: InvoiceKind.Estimate)));
        InvoiceRequest Credit(long unit, Guid? against = null) => Billing.Invoice(recipient: "ignored", kind: InvoiceKind.CreditNote, creditNoteFor: against ?? invoice.Id,
            lines: [new InvoiceLineRequest("Fee reduced", null, 1, unit, 1800)]);

        // Above the invoice, against an estimate, against another wedding's invoice: field errors, nothing kept.
        var above = await (await setup.Admin.PostJsonAsync(setup.Invoices, Credit(1_00_001_00))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("more than the ₹1,18,000 left of", above.Errors!["lines"][0], StringComparison.Ordinal);
        await (await setup.Admin.PostJsonAsync(setup.Invoices, Credit(1_000_00, estimate.Id))).ProblemAsync(HttpStatusCode.BadRequest);
        var theirs = await Billing.IssueAsync(setup.Admin, other.Id, await Billing.DraftAsync(setup.Admin, other.Id, Billing.Invoice()));
        Assert.Contains("creditNoteForId", (await (await setup.Admin.PostJsonAsync(setup.Invoices, Credit(1_000_00, theirs.Id))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Equal(2, (await setup.Admin.GetAsync<InvoiceListResponse>(setup.Invoices)).Items.Count);

        var first = await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Credit(60_000_00));
        var late = await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Credit(41_000_00));
        var note = await Billing.IssueAsync(setup.Admin, setup.Wedding.Id, first);
        Assert.Equal(("CN", invoice.Number, "Meera Sharma", invoice.PlaceOfSupply), (note.Number![..2], note.CreditNoteForNumber, note.Recipient.Name, note.PlaceOfSupply));
        Assert.Equal(70_800_00, note.TotalPaise);
        var after = await setup.Admin.GetAsync<InvoiceResponse>($"{setup.Invoices}/{invoice.Id}");
        Assert.Equal((70_800_00L, 1_18_000_00L - 70_800_00L), (after.CreditedPaise, after.BalancePaise));

        // A second note for more than is now left (drafted before the first was issued) is refused when it is issued.
        await (await setup.Admin.PostJsonAsync<object?>($"{setup.Invoices}/{late.Id}/issue", null, $"\"{late.Version}\"")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Null((await setup.Admin.GetAsync<InvoiceResponse>($"{setup.Invoices}/{late.Id}")).Number);
        // The invoice is cancelled only after its credit notes.
        await (await setup.Admin.PostJsonAsync($"{setup.Invoices}/{invoice.Id}/cancel", new CancelInvoiceRequest("Wrong couple"))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_pdf_carries_every_particular_of_rule_46_and_reads_back()
    {
        var setup = await SetUpAsync();
        using var logo = new MultipartFormDataContent { { new ByteArrayContent(TinyPng), "file", "logo.png" } };
        var file = await (await setup.Admin.PostAsync($"/api/v1/files?ownerType=studio&ownerId={setup.Studio.TenantId}", logo, Cancel)).ReadAsync<FileResponse>(HttpStatusCode.Created);
        var settings = await setup.Admin.GetAsync<BillingSettingsResponse>("/api/v1/billing/settings");
        (await setup.Admin.PutJsonAsync("/api/v1/billing/settings", new BillingSettingsRequest(settings.LegalName, settings.Address, settings.City, settings.StateCode, settings.Pincode,
            null, null, null, null, file.Id, settings.BankDetails, settings.Terms, null, null, null), "*")).EnsureSuccessStatusCode();
        var eventId = await EventAtAsync(setup, "27");
        var invoice = await Billing.IssueAsync(setup.Admin, setup.Wedding.Id, await Billing.DraftAsync(setup.Admin, setup.Wedding.Id,
            Billing.Invoice(recipient: "मीरा शर्मा", state: "27", eventId: eventId)));

        var pdf = await setup.Admin.GetByteArrayAsync($"{setup.Invoices}/{invoice.Id}/pdf", Cancel);
        var text = await PdfTools.RunAsync("pdftotext", pdf);
        foreach (var particular in new[]
        {
            "Shubh Vivah Planners LLP", "12 MI Road", $"GSTIN {Billing.Gstin("08")}", "Tax invoice", $"No. {invoice.Number}", "मीरा शर्मा", "Maharashtra (state code 27)",
            "Place of supply: Maharashtra (27)", "reverse charge: No", "998596", "IGST", "1,00,000.00", "18,000.00", "1,18,000.00",
            "Rupees One Lakh Eighteen Thousand Only", "HDFC0001234",
        })
        {
            Assert.Contains(particular, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("CGST", text, StringComparison.Ordinal);
        Assert.Contains("A4", await PdfTools.RunAsync("pdfinfo", pdf), StringComparison.Ordinal);
        Assert.Contains("image", await PdfTools.RunAsync("pdfimages", pdf, "-list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_and_changes_nothing()
    {
        var setup = await SetUpAsync();
        var other = await NewStudioAsync();
        using var stranger = await other.AdminAsync();
        var wrongState = await (await setup.Admin.PostJsonAsync(setup.Invoices, Billing.Invoice(gstin: Billing.Gstin("29"), state: "27"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("registered in Karnataka, not Maharashtra", wrongState.Errors!["recipient.gstin"][0], StringComparison.Ordinal);
        var mistyped = Billing.Gstin("27")[..14] + (Billing.Gstin("27")[14] == 'A' ? 'B' : 'A');
        Assert.Contains("mistyped", (await (await setup.Admin.PostJsonAsync(setup.Invoices, Billing.Invoice(gstin: mistyped, state: null))).ProblemAsync(HttpStatusCode.BadRequest))
            .Errors!["recipient.gstin"][0], StringComparison.Ordinal);
        await (await setup.Admin.PostJsonAsync(setup.Invoices, Billing.Invoice(gstin: Billing.Gstin("27"), state: null, country: "AE"))).ProblemAsync(HttpStatusCode.BadRequest);
        var badLines = await (await setup.Admin.PostJsonAsync(setup.Invoices, Billing.Invoice(lines:
            [new InvoiceLineRequest("Fee", "abc", 1, 1_000_00, 1700), new InvoiceLineRequest("Huge", null, 100_000, VendorLimits.MaxAmountPaise, 1800)]))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["lines[0].gstRateBasisPoints", "lines[0].sac", "lines[1].quantity"], badLines.Errors!.Keys.Order());
        Assert.Contains("eventId", (await (await setup.Admin.PostJsonAsync(setup.Invoices, Billing.Invoice(eventId: Guid.NewGuid()))).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        // An amount in rupees with decimals where paise are expected.
        using var rupees = new StringContent("""{"kind":"taxInvoice","recipient":{"name":"Meera"},"lines":[{"description":"Fee","unitPaise":1500.50,"gstRateBasisPoints":1800}]}""",
            System.Text.Encoding.UTF8, "application/json");
        Assert.Contains("lines[0].unitPaise", (await (await setup.Admin.PostAsync(setup.Invoices, rupees, Cancel)).ProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys,
            StringComparer.OrdinalIgnoreCase);
        Assert.Empty((await setup.Admin.GetAsync<InvoiceListResponse>(setup.Invoices)).Items);

        // Another studio's wedding and invoice are not found; a tax invoice needs the studio's particulars.
        var mine = await Billing.DraftAsync(setup.Admin, setup.Wedding.Id, Billing.Invoice());
        await (await stranger.GetAsync(setup.Invoices, Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync<object?>($"{setup.Invoices}/{mine.Id}/issue", null, "*")).ProblemAsync(HttpStatusCode.NotFound);
        var strangersWedding = await stranger.CreateWeddingAsync("Theirs");
        var unready = await Billing.DraftAsync(stranger, strangersWedding.Id, Billing.Invoice());
        var refused = await (await stranger.PostJsonAsync<object?>($"/api/v1/weddings/{strangersWedding.Id}/invoices/{unready.Id}/issue", null, "*")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("your GSTIN", refused.Detail, StringComparison.Ordinal);
        await (await stranger.GetAsync($"/api/v1/weddings/{strangersWedding.Id}/invoices/{mine.Id}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A 2 × 2 red PNG.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
}

/// <summary>Amounts in words in Indian numbering, as invoices state them.</summary>
public sealed class RupeesInWordsTests
{
    [Theory]
    [InlineData(0L, "Rupees Zero Only")]
    [InlineData(1_00L, "Rupees One Only")]
    [InlineData(12_34_567_89L, "Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven and Eighty-Nine Paise Only")]
    [InlineData(1_00_00_000_00L, "Rupees One Crore Only")]
    [InlineData(2_05_10_01_019_05L, "Rupees Two Hundred Five Crore Ten Lakh One Thousand Nineteen and Five Paise Only")]
    [InlineData(90_00_00_000_00L, "Rupees Ninety Crore Only")]
    [InlineData(-50L, "Minus Rupees Zero and Fifty Paise Only")]
    public void Amounts_are_in_lakhs_and_crores(long paise, string words) => Assert.Equal(words, IndianFormat.RupeesInWords(paise));
}

public sealed class InvoiceTestsOnSqlite(SqliteServer server) : InvoiceTests(server);

public sealed class InvoiceTestsOnPostgres(PostgresServer server) : InvoiceTests(server);

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using WedTech.Contracts;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests.Browser;

/// <summary>
/// Billing in Chromium: a planner drafts, issues and partly credits a tax invoice and opens its PDF; the couple, on a
/// 360 px phone, pays an instalment on Razorpay's hosted page (the stand-in), comes back to the portal and sees the receipt.
/// </summary>
[Collection(BrowserServer.Collection)]
public sealed partial class BillingTests(BrowserServer server)
{
    [Fact]
    public async Task A_planner_issues_an_invoice_and_a_credit_note()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        await api.ReadyToBillAsync();
        var planner = await api.AddPersonAsync(Role.Planner, "Neha Kapoor");
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rohan Verma", new DateOnly(2027, 2, 14),
            new TeamAssignment(planner.Id, TeamRole.LeadPlanner));
        var weddingPath = $"/app/weddings/{wedding.Id}";
        var page = await server.NewPageAsync();
        byte[] pdf = [];

        await BrowserServer.ScenarioAsync(page, "invoice-and-credit-note", async () =>
        {
            await server.SignInAsync(page, api.Slug, planner.Email, expectedPath: weddingPath, open: weddingPath);
            await page.Locator("[data-test=open-billing]").ClickAsync();
            await page.WaitForURLAsync($"{server.StudioUrl(api.Slug)}{weddingPath}/invoices", BrowserServer.Committed);
            await Expect(page.Locator("[data-test=no-invoices]")).ToBeVisibleAsync();

            await page.Locator("[data-test=new-invoice]").ClickAsync();
            var dialog = page.Locator("[data-test=invoice-dialog]");
            await Expect(page.Locator("#invoice-recipient")).ToHaveValueAsync("Priya Sharma & Rohan Verma");
            await page.Locator("#line-description-0").FillAsync("Wedding planning fee");
            await page.Locator("#line-unit-0").FillAsync("150000");
            await page.Locator("div.mud-select", new() { Has = page.Locator("#line-gst-0") }).First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "18%", Exact = true }).ClickAsync();
            await Expect(dialog.Locator("[data-test=invoice-taxable]")).ToHaveTextAsync("₹1,50,000");
            await Expect(dialog.Locator("[data-test=invoice-tax]")).ToHaveTextAsync("₹27,000");
            await Expect(dialog.Locator("[data-test=invoice-total]")).ToHaveTextAsync("₹1,77,000");
            await BrowserServer.ScreenshotAsync(page, "invoice-dialog-desktop");
            await page.Locator("[data-test=save-invoice]").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            var invoice = page.Locator("[data-test=invoice]");
            await Expect(invoice).ToHaveCountAsync(1);
            await Expect(invoice.Locator("[data-test=invoice-title]")).ToHaveTextAsync("Draft tax invoice");
            await invoice.Locator("[data-test=issue-invoice]").ClickAsync();
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true }).ClickAsync();
            await Expect(invoice.Locator("[data-test=invoice-title]")).ToHaveTextAsync(InvoiceNumber());
            await Expect(invoice.Locator("[data-test=invoice-total]")).ToHaveTextAsync("₹1,77,000");
            await Expect(invoice.Locator("[data-test=invoice-balance]")).ToHaveTextAsync("₹1,77,000");
            await Expect(page.Locator("[data-test=total-invoiced]")).ToHaveTextAsync("₹1,77,000");

            // A credit note for a third of the fee: it starts with the invoice's line, kept at the amount credited.
            await invoice.Locator("[data-test=credit-note]").ClickAsync();
            await Expect(dialog.Locator("[data-test=credit-note-for]")).ToContainTextAsync("Against tax invoice INV/");
            await page.Locator("#line-description-0").FillAsync("Wedding planning fee, part waived");
            await page.Locator("#line-unit-0").FillAsync("50000");
            await Expect(dialog.Locator("[data-test=invoice-total]")).ToHaveTextAsync("₹59,000");
            await page.Locator("[data-test=save-invoice]").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            var creditNote = page.Locator("[data-test=invoice]", new() { Has = page.Locator("[data-test=invoice-title]", new() { HasText = "Draft credit note" }) });
            await creditNote.Locator("[data-test=issue-invoice]").ClickAsync();
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true }).ClickAsync();
            var issuedNote = page.Locator("[data-test=invoice]", new() { Has = page.Locator("[data-test=invoice-title]", new() { HasTextRegex = CreditNoteNumber() }) });
            await Expect(issuedNote.Locator("[data-test=invoice-total]")).ToHaveTextAsync("₹59,000");
            var issuedInvoice = page.Locator("[data-test=invoice]", new() { Has = page.Locator("[data-test=invoice-title]", new() { HasTextRegex = InvoiceNumber() }) });
            await Expect(issuedInvoice.Locator("[data-test=invoice-balance]")).ToHaveTextAsync("₹1,18,000");
            await Expect(page.Locator("[data-test=total-invoiced]")).ToHaveTextAsync("₹1,18,000");
            // No plan yet: what is due is what is unpaid on the invoice.
            await Expect(page.Locator("[data-test=total-due]")).ToHaveTextAsync("₹1,18,000");
            await Accessibility.CheckAsync(page, "the wedding's billing");
            await BrowserServer.ScreenshotAsync(page, "wedding-billing-desktop");

            // The invoice's PDF link, fetched as the signed-in browser fetches it.
            pdf = await FetchPdfAsync(page, issuedInvoice.Locator("[data-test=invoice-pdf]"));
        });

        var invoices = (await api.GetAsync<InvoiceListResponse>($"/api/v1/weddings/{wedding.Id}/invoices")).Items;
        invoices.Count.ShouldBe(2);
        var taxInvoice = invoices.Single(i => i.Kind == InvoiceKind.TaxInvoice);
        var note = invoices.Single(i => i.Kind == InvoiceKind.CreditNote);
        (taxInvoice.Status, taxInvoice.TotalPaise, taxInvoice.CreditedPaise, taxInvoice.BalancePaise).ShouldBe((InvoiceStatus.Issued, 1_77_000_00L, 59_000_00L, 1_18_000_00L));
        taxInvoice.Number.ShouldNotBeNull().ShouldMatch(InvoiceNumber().ToString());
        (note.Status, note.TotalPaise, note.CreditNoteForId).ShouldBe((InvoiceStatus.Issued, 59_000_00L, (Guid?)taxInvoice.Id));
        note.Number.ShouldNotBeNull().ShouldMatch(CreditNoteNumber().ToString());
        var text = await PdfTools.RunAsync("pdftotext", pdf, "-layout");
        text.ShouldContain(taxInvoice.Number);
        text.ShouldContain("1,77,000");
    }

    [Fact]
    public async Task The_couple_pays_an_instalment_from_the_portal_and_sees_the_receipt()
    {
        using var api = await BrowserApi.SignUpAsync(server);
        var razorpay = RazorpayStandIn.Instance.NewAccount();
        await api.ReadyToBillAsync(razorpay);
        // To the studio's address on the real port: .NET does not resolve *.localhost, so the studio's host goes in the Host header.
        using var webhooks = server.CreateClient();
        webhooks.DefaultRequestHeaders.Host = new Uri(server.StudioUrl(api.Slug)).Authority;
        razorpay.DeliverWebhooksTo(webhooks, "/api/v1/webhooks/razorpay");
        var couple = await api.AddPersonAsync(Role.Client, "Priya Sharma");
        var wedding = await api.CreateWeddingAsync("Sharma–Verma wedding", "Priya Sharma", "Rohan Verma", new DateOnly(2027, 2, 14),
            new TeamAssignment(couple.Id, TeamRole.Client));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = await api.PutAsync<PaymentPlanRequest, PaymentPlanResponse>($"/api/v1/weddings/{wedding.Id}/payment-plan", new PaymentPlanRequest(
            [new InstalmentRequest(null, "Advance", InstalmentKind.Advance, today.AddDays(10), 50_000_00),
             new InstalmentRequest(null, "Balance", InstalmentKind.BeforeEvent, new DateOnly(2027, 2, 1), 1_27_000_00)]), 0);
        plan.Instalments.Count.ShouldBe(2);
        var billingPath = $"/app/weddings/{wedding.Id}/billing";
        var phone = await server.NewPageAsync(phone: true);

        await BrowserServer.ScenarioAsync(phone, "couple-pays", async () =>
        {
            await server.SignInAsync(phone, api.Slug, couple.Email, expectedPath: billingPath, open: billingPath);
            await Expect(phone.Locator("[data-test=total]")).ToHaveTextAsync("₹1,77,000");
            await Expect(phone.Locator("[data-test=total-paid]")).ToHaveTextAsync("₹0");
            await Expect(phone.Locator("[data-test=next-due]")).ToContainTextAsync("Advance, ₹50,000");
            var instalments = phone.Locator("[data-test=client-instalment]");
            await Expect(instalments).ToHaveCountAsync(2);
            await Expect(instalments.First.Locator("[data-test=client-instalment-state]")).Not.ToHaveTextAsync("Paid");
            await BrowserServer.NoHorizontalScrollAsync(phone, "the couple's billing on a phone");
            await Accessibility.CheckAsync(phone, "the couple's billing");
            await BrowserServer.ScreenshotAsync(phone, "couple-billing-due-phone");

            // Razorpay's hosted page (the stand-in's), in the whole window.
            await instalments.First.Locator("[data-test=pay]").ClickAsync();
            await phone.WaitForURLAsync(new Regex($"^{Regex.Escape(RazorpayStandIn.Instance.BaseUrl)}/pl/"), BrowserServer.Committed);
            await phone.Locator("#pay").ClickAsync(BrowserServer.LoadsAnotherPage);

            // Back at the portal with razorpay_* in the address: the app hands them over, shows the receipt and clears the address.
            await phone.WaitForURLAsync(url => url.StartsWith($"{server.StudioUrl(api.Slug)}{billingPath}?", StringComparison.Ordinal), BrowserServer.Committed);
            await BrowserServer.AppStartedAsync(phone);
            var received = phone.Locator("[data-test=payment-received]");
            await Expect(received).ToContainTextAsync(ReceiptNumber());
            await Expect(received).ToContainTextAsync("₹50,000");
            await Expect(phone).ToHaveURLAsync($"{server.StudioUrl(api.Slug)}{billingPath}");
            await Expect(instalments.First.Locator("[data-test=client-instalment-state]")).ToHaveTextAsync("Paid");
            await Expect(phone.Locator("[data-test=total-paid]")).ToHaveTextAsync("₹50,000");
            await Expect(phone.Locator("[data-test=total-due]")).ToHaveTextAsync("₹1,27,000");
            await Expect(phone.Locator("[data-test=client-receipt-pdf]")).ToHaveTextAsync(ReceiptNumber());
            await BrowserServer.NoHorizontalScrollAsync(phone, "the couple's billing after paying, on a phone");
            await BrowserServer.ScreenshotAsync(phone, "couple-billing-paid-phone");

            var text = await PdfTools.RunAsync("pdftotext", await FetchPdfAsync(phone, received.Locator("[data-test=received-receipt]")), "-layout");
            ReceiptNumber().IsMatch(text).ShouldBeTrue(text);
        });

        // The signed webhook reached the studio's address and was taken; the payment is recorded once, against the advance.
        var webhook = await razorpay.WaitForDeliveryAsync("payment_link.paid");
        webhook.AnsweredStatus.ShouldBe(200, webhook.Failure);
        var payment = (await api.GetAsync<ClientPaymentListResponse>($"/api/v1/weddings/{wedding.Id}/payments")).Items.ShouldHaveSingleItem();
        (payment.Mode, payment.AmountPaise, payment.State).ShouldBe((PaymentMode.Online, 50_000_00L, ClientPaymentState.Received));
        payment.ReceiptNumber.ShouldMatch($"^{ReceiptNumber()}$");
        payment.GatewayPaymentId.ShouldNotBeNull().ShouldStartWith("pay_");
        var after = await api.GetAsync<PaymentPlanResponse>($"/api/v1/weddings/{wedding.Id}/payment-plan");
        after.Instalments.Select(i => i.Instalment.State).ShouldBe([InstalmentState.Paid, InstalmentState.Due]);
        (after.ReceivedPaise, after.DuePaise).ShouldBe((50_000_00L, 1_27_000_00L));
    }

    /// <summary>
    /// What a PDF link opens, fetched by the page itself with its session (Playwright's own request context cannot resolve
    /// the studio's *.localhost host, which Chromium resolves): a PDF, 200, with the PDF content type.
    /// </summary>
    private static async Task<byte[]> FetchPdfAsync(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href");
        href.ShouldNotBeNull();
        var fetched = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async href => {
                const response = await fetch(new URL(href, document.baseURI));
                const bytes = new Uint8Array(await response.arrayBuffer());
                let binary = '';
                for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
                return { status: response.status, contentType: response.headers.get('content-type') ?? '', base64: btoa(binary) };
            }
            """, href);
        var status = fetched.GetProperty("status").GetInt32();
        status.ShouldBe(200, $"{href} answered {status}");
        fetched.GetProperty("contentType").GetString().ShouldNotBeNull().ShouldStartWith("application/pdf");
        var bytes = Convert.FromBase64String(fetched.GetProperty("base64").GetString()!);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        return bytes;
    }

    [GeneratedRegex(@"^INV/\d{2}-\d{2}/0001$")]
    private static partial Regex InvoiceNumber();

    [GeneratedRegex(@"^CN/\d{2}-\d{2}/0001$")]
    private static partial Regex CreditNoteNumber();

    [GeneratedRegex(@"RCT/\d{2}-\d{2}/0001")]
    private static partial Regex ReceiptNumber();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}

using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Billing;
using WedTech.App.Features.Billing.Components;
using WedTech.App.Features.Billing.Pages;
using WedTech.App.Features.Realtime;
using WedTech.App.Features.Weddings;
using WedTech.App.Features.Weddings.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.BillingSamples;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class WeddingBillingTests : AppTestContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero));
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public WeddingBillingTests() => Services.AddSingleton<TimeProvider>(_clock);

    private IRenderedComponent<WeddingBilling> RenderPage(PaymentPlanResponse? plan = null)
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        Api.Returns(BillingApi.Routes.Invoices(WeddingId), new InvoiceListResponse([Invoice(DraftId, InvoiceStatus.Draft), Invoice(IssuedId, InvoiceStatus.Issued)]));
        Api.Returns(BillingApi.Routes.Plan(WeddingId), plan ?? Plan(advancePaid: 60000_00));
        Api.Returns(BillingApi.Routes.Payments(WeddingId), new ClientPaymentListResponse([Payment() with { AmountPaise = 60000_00 }]));
        return Render<WeddingBilling>(p => p.Add(c => c.Id, WeddingId));
    }

    private static IEnumerable<string> Tests(IRenderedComponent<WeddingBilling> page, string test) => page.FindAll($"[data-test={test}]").Select(e => e.TextContent.Trim());

    [Theory]
    [InlineData(Role.Admin, true, true)]
    [InlineData(Role.Planner, true, false)]
    public async Task Issuing_and_cancelling_are_offered_as_the_role_may_do_them(Role role, bool creates, bool edits)
    {
        await SignInAsAsync(role);
        var page = RenderPage();

        page.WaitForElement("[data-test=invoice]");
        page.FindAll("[data-test=new-invoice]").Count.ShouldBe(creates ? 1 : 0);
        page.FindAll("[data-test=issue-invoice]").Count.ShouldBe(creates ? 1 : 0);
        page.FindAll("[data-test=edit-invoice]").Count.ShouldBe(creates ? 1 : 0);
        page.FindAll("[data-test=credit-note]").Count.ShouldBe(creates ? 1 : 0);
        page.FindAll("[data-test=cancel-invoice]").Count.ShouldBe(edits ? 1 : 0);
        page.FindAll("[data-test=refund-payment]").Count.ShouldBe(edits ? 1 : 0);
        page.FindAll("[data-test=record-payment]").Count.ShouldBe(creates ? 1 : 0);
        page.FindAll("[data-test=edit-plan]").Count.ShouldBe(creates ? 1 : 0);
        // The couple's own view is billing:own: admins have it, planners (who are refused it) are not offered it.
        page.FindAll("[data-test=open-couple-view]").Count.ShouldBe(edits ? 1 : 0);
        page.FindAll("[data-test=invoice-pdf]").Select(a => a.GetAttribute("href")).ShouldBe(
            [BillingApi.Routes.InvoicePdf(WeddingId, DraftId), BillingApi.Routes.InvoicePdf(WeddingId, IssuedId)]);
        page.Find("[data-test=receipt-pdf]").GetAttribute("href").ShouldBe(BillingApi.Routes.Receipt(WeddingId, PaymentId));
    }

    [Fact]
    public async Task The_page_shows_the_documents_with_their_chips_and_the_plan_with_the_overdue_advance_in_red()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();

        page.WaitForElement("[data-test=invoice]");
        Tests(page, "invoice-title").ShouldBe(["Draft tax invoice", "INV/26-27/00007"]);
        Tests(page, "invoice-status").ShouldBe(["Draft", "Issued"]);
        Tests(page, "invoice-kind").ShouldBe(["Tax invoice", "Tax invoice"]);
        page.Find("[data-test=invoice-balance]").TextContent.ShouldBe("₹2,95,000");
        page.Find("[data-test=total-invoiced]").TextContent.ShouldBe("₹2,95,000");
        page.Find("[data-test=total-received]").TextContent.ShouldBe("₹60,000");
        page.Find("[data-test=total-due]").TextContent.ShouldBe("₹2,35,000");
        Tests(page, "plan-state").ShouldBe(["Overdue", "Due"]);
        page.FindAll("[data-test=plan-due-on]")[0].ClassList.ShouldContain("billing-overdue");
        page.FindAll("[data-test=plan-due-on]")[1].ClassList.ShouldNotContain("billing-overdue");
        page.FindAll("[data-test=copy-pay-link]").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Issuing_asks_first_and_sends_the_drafts_version()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();
        Api.Returns(BillingApi.Routes.Issue(WeddingId, DraftId), Invoice(DraftId, InvoiceStatus.Issued, version: 3), "POST");

        page.WaitForElement("[data-test=issue-invoice]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Markup.ShouldContain("An issued invoice can't be changed, only cancelled."));
        await _dialogs.WaitForElements(".mud-dialog button").Single(b => b.TextContent.Trim() == "Issue").ClickAsync(new());

        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == BillingApi.Routes.Issue(WeddingId, DraftId)));
        Api.Requests.Single(r => r.Method == HttpMethod.Post).Headers.IfMatch.Single().Tag.ShouldBe("\"2\"");
        page.WaitForAssertion(() => Api.Requests.Count(r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath == BillingApi.Routes.Invoices(WeddingId)).ShouldBe(2));
    }

    [Fact]
    public async Task Cancelling_an_issued_invoice_asks_for_the_reason_and_sends_it()
    {
        await SignInAsAsync(Role.Admin);
        var page = RenderPage();
        Api.Returns(BillingApi.Routes.Cancel(WeddingId, IssuedId), Invoice(IssuedId, InvoiceStatus.Cancelled), "POST");

        page.WaitForElement("[data-test=cancel-invoice]");
        await page.InvokeAsync(() => page.Find("[data-test=cancel-invoice]").Click());
        _dialogs.WaitForElement("#reason-text").Input("No");
        await _dialogs.InvokeAsync(() => _dialogs.Find("[data-test=confirm-reason]").Click());
        _dialogs.WaitForAssertion(() => _dialogs.Markup.ShouldContain("Say why, in a few words"));
        Api.Requests.ShouldNotContain(r => r.Method == HttpMethod.Post);

        _dialogs.Find("#reason-text").Input("Raised twice for the advance");
        await _dialogs.InvokeAsync(() => _dialogs.Find("[data-test=confirm-reason]").Click());

        page.WaitForAssertion(() => _dialogs.FindAll("[data-test=reason-dialog]").ShouldBeEmpty());
        JsonDocument.Parse(Api.RequestBodies.Single()).RootElement.GetProperty("reason").GetString().ShouldBe("Raised twice for the advance");
    }

    [Fact]
    public async Task A_refund_is_at_most_what_is_left_of_the_payment()
    {
        await SignInAsAsync(Role.Admin);
        var page = RenderPage();
        Api.Returns(BillingApi.Routes.Refunds(WeddingId, PaymentId), Payment(refunded: 10000_00), "POST");

        page.WaitForElement("[data-test=refund-payment]");
        await page.InvokeAsync(() => page.Find("[data-test=refund-payment]").Click());
        _dialogs.WaitForElement("#reason-amount").Change("60000.01");
        _dialogs.Find("#reason-text").Input("Mehendi cancelled");
        await _dialogs.InvokeAsync(() => _dialogs.Find("[data-test=confirm-reason]").Click());
        _dialogs.WaitForAssertion(() => _dialogs.Markup.ShouldContain("Give an amount up to ₹60,000."));

        _dialogs.Find("#reason-amount").Change("10000");
        await _dialogs.InvokeAsync(() => _dialogs.Find("[data-test=confirm-reason]").Click());

        page.WaitForAssertion(() => _dialogs.FindAll("[data-test=reason-dialog]").ShouldBeEmpty());
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("amountPaise").GetInt64().ShouldBe(10000_00);
        body.GetProperty("reason").GetString().ShouldBe("Mehendi cancelled");
    }

    [Fact]
    public async Task Recording_a_payment_never_offers_online_and_starts_at_what_is_due()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();
        Api.Returns(BillingApi.Routes.Payments(WeddingId), Payment(), "POST");

        page.WaitForElement("[data-test=record-payment]");
        await page.InvokeAsync(() => page.Find("[data-test=record-payment]").Click());
        _dialogs.WaitForElement("#payment-amount").GetAttribute("value").ShouldBe("235000");
        _dialogs.Find("#payment-reference").Change("UTR998877");
        await _dialogs.InvokeAsync(() => _dialogs.Find("[data-test=save-payment]").Click());

        page.WaitForAssertion(() => _dialogs.FindAll("[data-test=record-payment-dialog]").ShouldBeEmpty());
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("amountPaise").GetInt64().ShouldBe(235000_00);
        body.GetProperty("paidOn").GetString().ShouldBe("2026-12-06");
        body.GetProperty("mode").GetString().ShouldBe(ApiJson.EnumName(PaymentMode.Upi));
        body.GetProperty("reference").GetString().ShouldBe("UTR998877");
        BillingWords.RecordedModes.ShouldNotContain(PaymentMode.Online);
    }

    [Fact]
    public async Task Copy_pay_link_asks_for_a_link_and_copies_it()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();
        Api.Returns(BillingApi.Routes.PayLink(WeddingId, BalanceId), new PayLinkResponse("https://rzp.io/l/abc123", 195000_00, "plink_1"), "POST");

        page.WaitForElements("[data-test=copy-pay-link]");
        await page.InvokeAsync(() => page.FindAll("[data-test=copy-pay-link]")[1].Click());

        page.WaitForAssertion(() => page.Find("[data-test=pay-link]").TextContent.ShouldContain("https://rzp.io/l/abc123"));
        JSInterop.Invocations["navigator.clipboard.writeText"].ShouldHaveSingleItem().Arguments[0].ShouldBe("https://rzp.io/l/abc123");
    }

    [Fact]
    public async Task A_payment_heard_live_reloads_the_plan_the_payments_and_the_invoices()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();
        page.WaitForElement("[data-test=invoice]");

        Api.Returns(BillingApi.Routes.Plan(WeddingId), Plan());
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.PaymentsChanged, 9));

        page.WaitForAssertion(() => page.Find("[data-test=total-due]").TextContent.ShouldBe("₹1,95,000"));
        Tests(page, "plan-state").ShouldBe(["Paid", "Due"]);
        Api.Requests.Count(r => r.RequestUri!.AbsolutePath == BillingApi.Routes.Payments(WeddingId)).ShouldBe(2);
        page.WaitForAssertion(() => Api.Requests.Count(r => r.RequestUri!.AbsolutePath == BillingApi.Routes.Invoices(WeddingId)).ShouldBe(2));
    }

    [Theory]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Client)]
    public async Task Those_who_do_not_handle_money_never_load_the_studios_billing(Role role)
    {
        await SignInAsAsync(role);
        var page = RenderPage();

        page.WaitForElement("[data-test=no-billing-access]");
        page.FindAll("[data-test=invoices]").ShouldBeEmpty();
        page.FindAll("[data-test=open-couple-view]").ShouldBeEmpty();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath.Contains("/invoices", StringComparison.Ordinal)
            || r.RequestUri!.AbsolutePath.Contains("/payment", StringComparison.Ordinal) || r.RequestUri!.AbsolutePath.Contains("/billing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Role.Admin, true, false)]
    [InlineData(Role.Planner, true, false)]
    [InlineData(Role.Coordinator, false, false)]
    [InlineData(Role.Client, false, true)]
    public async Task The_wedding_page_offers_the_studio_billing_to_those_who_handle_money_and_the_couple_their_own(Role role, bool studio, bool own)
    {
        await SignInAsAsync(role);
        Api.Returns(WeddingsApi.Routes.One(WeddingId), new WeddingResponse(WeddingId, "Sharma–Verma wedding", "Priya Sharma", "Rohan Verma", new DateOnly(2027, 2, 14),
            "Jaipur", WeddingStatus.Booked, null, "INR", 300, null, [], 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        var page = Render<WeddingPage>(p => p.Add(c => c.Id, WeddingId));

        page.WaitForElement("[data-test=wedding-title]");
        page.FindAll("[data-test=open-billing]").Count.ShouldBe(studio ? 1 : 0);
        page.FindAll("[data-test=open-own-billing]").Count.ShouldBe(own ? 1 : 0);
    }
}

public class PlanDialogTests : AppTestContext
{
    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<DialogResult?> Result)> OpenAsync(PaymentPlanResponse plan, string? etag = null)
    {
        await SignInAsAsync(Role.Planner);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<PlanDialog> { { d => d.WeddingId, WeddingId }, { d => d.Plan, plan }, { d => d.ETag, etag }, { d => d.InvoicedPaise, 295000_00 } };
        var reference = await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<PlanDialog>("Plan", parameters));
        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=plan-form]"));
        return (dialogs, reference.Result);
    }

    [Fact]
    public async Task The_totals_follow_the_amounts_typed_against_what_is_invoiced_and_received()
    {
        var (dialogs, result) = await OpenAsync(Plan(advancePaid: 60000_00), "\"3\"");

        dialogs.Find("[data-test=plan-total]").TextContent.ShouldBe("₹2,95,000");
        dialogs.Find("[data-test=plan-received]").TextContent.ShouldBe("₹60,000");
        dialogs.Find("[data-test=plan-left]").TextContent.ShouldBe("₹2,35,000");
        dialogs.FindAll("[data-test=plan-against-invoiced]").ShouldBeEmpty();

        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=add-plan-instalment]").Click());
        dialogs.Find("#plan-label-2").Change("After the wedding");
        dialogs.Find("#plan-due-2").Change("20/02/2027");
        dialogs.Find("#plan-amount-2").Input("5000.50");

        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=plan-total]").TextContent.ShouldBe("₹3,00,000.50"));
        dialogs.Find("[data-test=plan-left]").TextContent.ShouldBe("₹2,40,000.50");
        dialogs.Find("[data-test=plan-against-invoiced]").TextContent.Trim().ShouldBe("₹5,000.50 of the plan is not invoiced yet.");

        Api.Returns(BillingApi.Routes.Plan(WeddingId), Plan(version: 4), "PUT");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-plan]").Click());

        await result.WaitAsync(TimeSpan.FromSeconds(15), Cancel);
        Api.Requests.Single(r => r.Method == HttpMethod.Put).Headers.IfMatch.Single().Tag.ShouldBe("\"3\"");
        var instalments = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement.GetProperty("instalments");
        instalments.GetArrayLength().ShouldBe(3);
        instalments[0].GetProperty("id").GetGuid().ShouldBe(AdvanceId);
        instalments[2].GetProperty("amountPaise").GetInt64().ShouldBe(500050);
        instalments[2].GetProperty("dueOn").GetString().ShouldBe("2027-02-20");
        instalments[2].GetProperty("kind").GetString().ShouldBe(ApiJson.EnumName(InstalmentKind.BeforeEvent));
    }

    [Fact]
    public async Task A_plan_never_saved_starts_with_an_advance_and_is_sent_as_version_0()
    {
        var (dialogs, result) = await OpenAsync(new PaymentPlanResponse(WeddingId, [], 0, 0, 0, 0, 0));

        dialogs.Find("#plan-label-0").GetAttribute("value").ShouldBe("Advance");
        dialogs.Find("#plan-due-0").Change("15/12/2026");
        dialogs.Find("#plan-amount-0").Input("100000");
        Api.Returns(BillingApi.Routes.Plan(WeddingId), Plan(), "PUT");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-plan]").Click());

        await result.WaitAsync(TimeSpan.FromSeconds(15), Cancel);
        Api.Requests.Single(r => r.Method == HttpMethod.Put).Headers.IfMatch.Single().Tag.ShouldBe("\"0\"");
    }

    [Fact]
    public async Task The_plan_cannot_come_to_less_than_the_couple_has_paid()
    {
        var (dialogs, _) = await OpenAsync(Plan(advancePaid: 100000_00));

        dialogs.Find("#plan-amount-1").Input("");
        dialogs.Find("#plan-amount-0").Input("50000");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-test=save-plan]").Click());

        dialogs.WaitForAssertion(() => dialogs.Find("[data-test=plan-error]").TextContent.ShouldBe(
            "The couple has paid ₹1,00,000 already; the plan can't come to less (₹50,000)."));
        Api.Requests.ShouldNotContain(r => r.Method != HttpMethod.Get);
    }
}

using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Billing;
using WedTech.App.Features.Billing.Pages;
using WedTech.App.Features.Realtime;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.BillingSamples;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class ClientBillingTests : AppTestContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero));

    public ClientBillingTests() => Services.AddSingleton<TimeProvider>(_clock);

    private static BillingOverviewResponse Overview(long advancePaid = 60000_00, bool payOnline = true)
    {
        var plan = Plan(advancePaid);
        plan = plan with { Instalments = [.. plan.Instalments.Select(i => i with { PayOnline = payOnline && i.PayOnline })] };
        return new BillingOverviewResponse(WeddingId, [Invoice(IssuedId, InvoiceStatus.Issued)], [Payment() with { AmountPaise = advancePaid }], plan, plan.Instalments[0], payOnline);
    }

    private IRenderedComponent<ClientBilling> RenderPage(BillingOverviewResponse? overview = null)
    {
        Render<MudPopoverProvider>();
        Api.Returns(BillingApi.Routes.Overview(WeddingId), overview ?? Overview());
        return Render<ClientBilling>(p => p.Add(c => c.Id, WeddingId));
    }

    [Fact]
    public async Task The_couple_sees_what_is_paid_and_due_the_overdue_instalment_in_red_and_their_invoices_and_receipts()
    {
        await SignInAsAsync(Role.Client);
        var page = RenderPage();

        page.WaitForElement("[data-test=client-instalment]");
        page.Find("[data-test=total]").TextContent.ShouldBe("₹2,95,000");
        page.Find("[data-test=total-paid]").TextContent.ShouldBe("₹60,000");
        page.Find("[data-test=total-due]").TextContent.ShouldBe("₹2,35,000");
        page.Find("[data-test=next-due]").TextContent.ShouldContain("Advance, ₹40,000");
        page.Find("[data-test=next-due]").TextContent.ShouldContain("was due on 1 Nov 2026");
        page.FindAll("[data-test=client-instalment-state]").Select(c => c.TextContent.Trim()).ShouldBe(["Overdue", "Due"]);
        page.FindAll("[data-test=client-instalment-due]")[0].ClassList.ShouldContain("billing-overdue");
        page.FindAll("[data-test=client-instalment-due]")[1].ClassList.ShouldNotContain("billing-overdue");
        page.FindAll("[data-test=pay]").Select(b => b.TextContent.Trim()).ShouldBe(["Pay ₹40,000", "Pay ₹1,95,000"]);
        page.Find("[data-test=client-invoice-pdf]").GetAttribute("href").ShouldBe(BillingApi.Routes.OwnInvoicePdf(WeddingId, IssuedId));
        page.Find("[data-test=client-receipt-pdf]").GetAttribute("href").ShouldBe(BillingApi.Routes.OwnReceipt(WeddingId, PaymentId));
        page.Find("[data-test=client-receipt-pdf]").TextContent.ShouldBe("RCT/26-27/00003");
    }

    [Fact]
    public async Task Pay_asks_for_the_instalments_link_and_sends_the_whole_browser_to_Razorpay()
    {
        await SignInAsAsync(Role.Client);
        var page = RenderPage();
        Api.Returns(BillingApi.Routes.Pay(WeddingId, BalanceId), new PayLinkResponse("https://rzp.io/l/Sh4rma", 195000_00, "plink_Q9"), "POST");

        page.WaitForElements("[data-test=pay]");
        await page.InvokeAsync(() => page.FindAll("[data-test=pay]")[1].Click());

        page.WaitForAssertion(() => Navigation.Uri.ShouldBe("https://rzp.io/l/Sh4rma"));
        Navigation.History.First().Options.ForceLoad.ShouldBeTrue();
        Api.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == BillingApi.Routes.Pay(WeddingId, BalanceId));
    }

    [Fact]
    public async Task Back_from_Razorpay_the_return_is_handed_over_the_receipt_shown_and_the_address_cleared()
    {
        await SignInAsAsync(Role.Client);
        Api.Returns(BillingApi.Routes.Return(WeddingId), Payment(PaymentMode.Online) with { ReceiptNumber = "RCT/26-27/00004", AmountPaise = 40000_00 }, "POST");
        Navigation.NavigateTo($"weddings/{WeddingId}/billing?razorpay_payment_id=pay_Q1w2e3r4&razorpay_payment_link_id=plink_Q9&razorpay_payment_link_reference_id=wt-abc"
            + "&razorpay_payment_link_status=paid&razorpay_signature=5f1c0a");

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-test=payment-received]").TextContent.ShouldContain("Payment received — receipt RCT/26-27/00004, ₹40,000."));
        page.Find("[data-test=received-receipt]").GetAttribute("href").ShouldBe(BillingApi.Routes.OwnReceipt(WeddingId, PaymentId));
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("paymentId").GetString().ShouldBe("pay_Q1w2e3r4");
        body.GetProperty("paymentLinkId").GetString().ShouldBe("plink_Q9");
        body.GetProperty("referenceId").GetString().ShouldBe("wt-abc");
        body.GetProperty("status").GetString().ShouldBe("paid");
        body.GetProperty("signature").GetString().ShouldBe("5f1c0a");
        page.WaitForAssertion(() => Navigation.Uri.ShouldBe($"http://localhost/weddings/{WeddingId}/billing"));
        // Handed over once: the address without the details does not send it again.
        page.WaitForElement("[data-test=client-instalment]");
        Api.Requests.Count(r => r.Method == HttpMethod.Post).ShouldBe(1);
    }

    [Fact]
    public async Task A_return_the_server_cannot_confirm_says_so_and_still_clears_the_address()
    {
        await SignInAsAsync(Role.Client);
        Api.ReturnsProblem(BillingApi.Routes.Return(WeddingId), HttpStatusCode.BadRequest, "The signature does not match", method: "POST",
            detail: "Razorpay's signature on this return does not match.");
        Navigation.NavigateTo($"weddings/{WeddingId}/billing?razorpay_payment_id=pay_X&razorpay_payment_link_id=plink_X&razorpay_payment_link_reference_id=r"
            + "&razorpay_payment_link_status=paid&razorpay_signature=bad");

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-test=problem]").TextContent.ShouldContain("We could not confirm this payment"));
        page.Find("[data-test=problem]").TextContent.ShouldContain("nothing is paid twice");
        page.FindAll("[data-test=payment-received]").ShouldBeEmpty();
        page.WaitForAssertion(() => Navigation.Uri.ShouldBe($"http://localhost/weddings/{WeddingId}/billing"));
    }

    [Fact]
    public async Task Without_Razorpay_the_couple_is_told_how_to_pay_and_gets_no_Pay_button()
    {
        await SignInAsAsync(Role.Client);
        var page = RenderPage(Overview(payOnline: false));

        page.WaitForElement("[data-test=pay-offline]");
        page.FindAll("[data-test=pay]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Staff_see_what_the_couple_sees_without_paying_for_them()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();

        page.WaitForElement("[data-test=client-instalment]");
        page.FindAll("[data-test=pay]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_coordinator_sees_no_money_at_all()
    {
        await SignInAsAsync(Role.Coordinator);
        var page = RenderPage();

        page.WaitForElement("[data-test=no-billing-access]");
        page.FindAll("[data-test=billing-totals]").ShouldBeEmpty();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath.Contains("/billing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_payment_heard_live_moves_what_is_due()
    {
        await SignInAsAsync(Role.Client);
        var page = RenderPage();
        page.WaitForElement("[data-test=client-instalment]");

        Api.Returns(BillingApi.Routes.Overview(WeddingId), Overview(advancePaid: 100000_00));
        Services.GetRequiredService<LiveUpdates>().Deliver(new WeddingChangedMessage(WeddingId, WeddingChange.PaymentsChanged, 10));

        page.WaitForAssertion(() => page.Find("[data-test=total-due]").TextContent.ShouldBe("₹1,95,000"));
        page.FindAll("[data-test=client-instalment-state]").Select(c => c.TextContent.Trim()).ShouldBe(["Paid", "Due"]);
    }
}

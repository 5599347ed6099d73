using Shouldly;
using WedTech.App.Features.Billing;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;

namespace WedTech.App.Tests;

/// <summary>The billing client holds the server's routes, as the API maps them.</summary>
public class BillingApiTests : AppTestContext
{
    private static readonly Guid Id = Guid.Parse("01938a00-0000-7000-8000-0000000000aa");
    private static readonly Guid Other = Guid.Parse("01938a00-0000-7000-8000-0000000000bb");
    private static readonly DateOnly From = new(2026, 4, 1);
    private static readonly DateOnly To = new(2027, 3, 31);

    public static TheoryData<string, string> Routes => new()
    {
        { BillingApi.Routes.Settings, "/api/v1/billing/settings" },
        { BillingApi.Routes.Invoices(Id), $"/api/v1/weddings/{Id}/invoices" },
        { BillingApi.Routes.Invoice(Id, Other), $"/api/v1/weddings/{Id}/invoices/{Other}" },
        { BillingApi.Routes.Issue(Id, Other), $"/api/v1/weddings/{Id}/invoices/{Other}/issue" },
        { BillingApi.Routes.Cancel(Id, Other), $"/api/v1/weddings/{Id}/invoices/{Other}/cancel" },
        { BillingApi.Routes.InvoicePdf(Id, Other), $"/api/v1/weddings/{Id}/invoices/{Other}/pdf" },
        { BillingApi.Routes.Plan(Id), $"/api/v1/weddings/{Id}/payment-plan" },
        { BillingApi.Routes.PayLink(Id, Other), $"/api/v1/weddings/{Id}/payment-plan/instalments/{Other}/pay-link" },
        { BillingApi.Routes.Payments(Id), $"/api/v1/weddings/{Id}/payments" },
        { BillingApi.Routes.Refunds(Id, Other), $"/api/v1/weddings/{Id}/payments/{Other}/refunds" },
        { BillingApi.Routes.Receipt(Id, Other), $"/api/v1/weddings/{Id}/payments/{Other}/receipt" },
        { BillingApi.Routes.Overview(Id), $"/api/v1/weddings/{Id}/billing" },
        { BillingApi.Routes.OwnInvoicePdf(Id, Other), $"/api/v1/weddings/{Id}/billing/invoices/{Other}/pdf" },
        { BillingApi.Routes.OwnReceipt(Id, Other), $"/api/v1/weddings/{Id}/billing/receipts/{Other}/pdf" },
        { BillingApi.Routes.Pay(Id, Other), $"/api/v1/weddings/{Id}/billing/instalments/{Other}/pay" },
        { BillingApi.Routes.Return(Id), $"/api/v1/weddings/{Id}/billing/return" },
        { BillingApi.Routes.ProfitAndLoss(From, To), "/api/v1/books/profit-and-loss?from=2026-04-01&to=2027-03-31" },
        { BillingApi.Routes.Receivables, "/api/v1/books/receivables" },
        { BillingApi.Routes.Gstr1(From, To), "/api/v1/books/gstr1?from=2026-04-01&to=2027-03-31" },
        { BillingApi.Routes.Tally(From, To), "/api/v1/books/tally?from=2026-04-01&to=2027-03-31" },
        { BillingApi.Routes.ZohoInvoices(From, To), "/api/v1/books/zoho-books/invoices?from=2026-04-01&to=2027-03-31" },
        { BillingApi.Routes.ZohoCreditNotes(From, To), "/api/v1/books/zoho-books/credit-notes?from=2026-04-01&to=2027-03-31" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Each_route_is_the_address_the_API_maps(string route, string expected) => route.ShouldBe(expected);

    [Theory]
    [InlineData(WeddingChange.InvoicesChanged, true, false)]
    [InlineData(WeddingChange.PaymentsChanged, false, true)]
    [InlineData(WeddingChange.BudgetChanged, false, false)]
    [InlineData(WeddingChange.VendorsChanged, false, false)]
    public void Invoices_and_payments_follow_their_own_changes(string change, bool invoices, bool payments)
    {
        var message = new WeddingChangedMessage(Id, change, 1);

        BillingApi.ChangesInvoices(message).ShouldBe(invoices);
        BillingApi.ChangesPayments(message).ShouldBe(payments);
        BillingApi.ChangesBilling(message).ShouldBe(invoices || payments);
    }
}

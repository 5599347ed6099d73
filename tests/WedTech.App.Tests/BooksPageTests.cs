using System.Globalization;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Shouldly;
using WedTech.App.Features.Billing;
using WedTech.App.Features.Billing.Components;
using WedTech.App.Features.Billing.Pages;
using WedTech.App.Features.Tenancy;
using WedTech.App.Features.Tenancy.Pages;
using WedTech.App.Tests.Infrastructure;
using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests;

public class BooksPageTests : AppTestContext
{
    // 20 Jan 2027 at the studio in India: the financial year 2026-27.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 20, 6, 0, 0, TimeSpan.Zero));
    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    public BooksPageTests() => Services.AddSingleton<TimeProvider>(_clock);

    private static ProfitAndLossResponse Pnl(DateOnly from, DateOnly to) => new(from, to,
        [new ProfitAndLossRow(WeddingId, "Sharma–Verma wedding", new DateOnly(2027, 2, 14), 250000_00, 45000_00, 60000_00, 180000_00, 50000_00, 70000_00)],
        [new ProfitAndLossMonth("2026-12", 250000_00, 45000_00, 60000_00, 50000_00, 10000_00)],
        250000_00, 60000_00, 180000_00, 50000_00, 70000_00);

    private static readonly ReceivablesResponse Owed = new(new DateOnly(2027, 1, 20),
        [new ReceivableRow(WeddingId, "Sharma–Verma wedding", 100000_00, 35000_00, 0, 135000_00, new DateOnly(2026, 12, 1))], 100000_00, 35000_00, 0, 135000_00);

    private IRenderedComponent<Books> RenderPage()
    {
        _popovers = Render<MudPopoverProvider>();
        Api.Returns(BillingApi.Routes.ProfitAndLoss(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), Pnl(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)));
        Api.Returns(BillingApi.Routes.ProfitAndLoss(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), Pnl(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)));
        Api.Returns(BillingApi.Routes.ProfitAndLoss(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), Pnl(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
        Api.Returns(BillingApi.Routes.Receivables, Owed);
        return Render<Books>();
    }

    [Fact]
    public async Task The_books_open_on_this_financial_year_with_the_PnL_the_receivables_and_the_downloads_for_it()
    {
        await SignInAsAsync(Role.Planner);
        var page = RenderPage();

        page.WaitForElement("[data-test=pnl-weddings]");
        Api.Requests.ShouldContain(r => r.RequestUri!.PathAndQuery == "/api/v1/books/profit-and-loss?from=2026-04-01&to=2027-03-31");
        page.Find("[data-test=period-label]").TextContent.ShouldBe("FY 2026-27");
        page.Find("[data-test=pnl-invoiced]").TextContent.ShouldBe("₹2,50,000");
        page.Find("[data-test=pnl-margin]").TextContent.ShouldBe("₹70,000");
        page.Find("[data-test=pnl-months]").TextContent.ShouldContain("Dec 2026");
        page.Find("[data-test=receivables-31-60]").TextContent.ShouldBe("₹35,000");
        page.Find("[data-test=receivables-total]").TextContent.Trim().ShouldBe("₹1,35,000");
        page.FindAll("[data-test=downloads] a").Select(a => a.GetAttribute("href")).ShouldBe(
        [
            "/api/v1/books/gstr1?from=2026-04-01&to=2027-03-31",
            "/api/v1/books/tally?from=2026-04-01&to=2027-03-31",
            "/api/v1/books/zoho-books/invoices?from=2026-04-01&to=2027-03-31",
            "/api/v1/books/zoho-books/credit-notes?from=2026-04-01&to=2027-03-31",
        ]);
    }

    [Theory]
    [InlineData("This month", "2027-01-01", "2027-01-31")]
    [InlineData("Last month", "2026-12-01", "2026-12-31")]
    public async Task Choosing_a_period_asks_for_its_dates_and_the_downloads_follow(string period, string from, string to)
    {
        await SignInAsAsync(Role.Admin);
        var page = RenderPage();
        page.WaitForElement("[data-test=pnl-weddings]");

        page.Find("#books-period").Closest(".mud-select")!.MouseDown();
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == period).Click();

        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.RequestUri!.PathAndQuery == $"/api/v1/books/profit-and-loss?from={from}&to={to}"));
        page.WaitForAssertion(() => page.Find("[data-test=download-gstr1]").GetAttribute("href").ShouldBe($"/api/v1/books/gstr1?from={from}&to={to}"));
    }

    [Theory]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Client)]
    public async Task Those_who_do_not_handle_money_get_no_books_and_no_downloads(Role role)
    {
        await SignInAsAsync(role);
        var page = RenderPage();

        page.WaitForElement("[data-test=no-books-access]");
        page.FindAll("[data-test=downloads]").ShouldBeEmpty();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath.StartsWith("/api/v1/books", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2027, 1, 20, "2026-04-01", "2027-03-31")]
    [InlineData(2026, 4, 1, "2026-04-01", "2027-03-31")]
    [InlineData(2026, 3, 31, "2025-04-01", "2026-03-31")]
    public void The_financial_year_runs_April_to_March(int year, int month, int day, string from, string to)
    {
        var (start, end) = BooksPeriod.Range(BooksPeriodKind.FinancialYear, new DateOnly(year, month, day));

        (start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ShouldBe((from, to));
    }

    [Fact]
    public void Last_month_in_January_is_last_years_December_and_a_custom_period_keeps_its_dates()
    {
        BooksPeriod.Range(BooksPeriodKind.LastMonth, new DateOnly(2027, 1, 20)).ShouldBe((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
        BooksPeriod.Range(BooksPeriodKind.ThisMonth, new DateOnly(2027, 2, 10)).ShouldBe((new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)));
        BooksPeriod.Range(BooksPeriodKind.Custom, new DateOnly(2027, 1, 20), new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 15))
            .ShouldBe((new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 15)));
    }
}

public class BillingSettingsTests : AppTestContext
{
    private static BillingSettingsResponse Settings(bool ready) => new("Shaadi Studio LLP", "08ABCDE1234F1Z5", "C-Scheme", "Jaipur", "08", "Rajasthan", "302001", "998596",
        "INV", "EST", "CN", null, "HDFC 123", "50% advance", "rzp_live_abc", ready, "https://shaadi.wedtech.example/api/v1/webhooks/razorpay", 4);

    private async Task<IRenderedComponent<Settings>> RenderAsync(Role role, bool ready)
    {
        await SignInAsAsync(role);
        Render<MudPopoverProvider>();
        Api.Returns(SettingsApi.Routes.Settings, new TenantSettingsResponse("Shaadi Studio", "Asia/Kolkata", "INR", "08ABCDE1234F1Z5", 1));
        Api.Returns(BillingApi.Routes.Settings, Settings(ready));
        return Render<Settings>();
    }

    [Fact]
    public async Task Saved_Razorpay_secrets_are_never_shown_and_left_empty_they_are_kept()
    {
        var page = await RenderAsync(Role.Admin, ready: true);

        page.WaitForElement("[data-test=billing-settings-form]");
        page.Find("[data-test=razorpay-state]").TextContent.Trim().ShouldBe("Connected: couples can pay online");
        page.Find("#billing-razorpay-secret").GetAttribute("value").ShouldBeNullOrEmpty();
        page.Find("#billing-razorpay-secret").GetAttribute("type").ShouldBe("password");
        page.Find("[data-test=webhook-url]").TextContent.ShouldBe("https://shaadi.wedtech.example/api/v1/webhooks/razorpay");
        Api.Returns(BillingApi.Routes.Settings, Settings(true) with { Version = 5 }, "PUT");

        page.Find("#billing-legal-name").Change("Shaadi Studio Pvt Ltd");
        await page.InvokeAsync(() => page.Find("[data-test=save-billing-settings]").Click());

        page.WaitForAssertion(() => Api.Requests.ShouldContain(r => r.Method == HttpMethod.Put));
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("legalName").GetString().ShouldBe("Shaadi Studio Pvt Ltd");
        // Left out (or null) keeps the stored secrets.
        (!body.TryGetProperty("razorpayKeySecret", out var secret) || secret.ValueKind == JsonValueKind.Null).ShouldBeTrue();
        (!body.TryGetProperty("razorpayWebhookSecret", out var hook) || hook.ValueKind == JsonValueKind.Null).ShouldBeTrue();
        body.GetProperty("razorpayKeyId").GetString().ShouldBe("rzp_live_abc");
        Api.Requests.Single(r => r.Method == HttpMethod.Put).Headers.IfMatch.Single().Tag.ShouldBe("\"4\"");

        page.Find("[data-test=copy-webhook-url]").Click();
        JSInterop.Invocations["navigator.clipboard.writeText"].ShouldHaveSingleItem().Arguments[0].ShouldBe("https://shaadi.wedtech.example/api/v1/webhooks/razorpay");
    }

    [Fact]
    public async Task Removing_the_Razorpay_secrets_sends_them_empty()
    {
        var page = await RenderAsync(Role.Admin, ready: true);
        Api.Returns(BillingApi.Routes.Settings, Settings(false) with { Version = 5 }, "PUT");

        page.WaitForElement("[data-test=disconnect-razorpay]");
        await page.InvokeAsync(() => page.Find("[data-test=disconnect-razorpay]").Click());

        page.WaitForAssertion(() => page.Find("[data-test=razorpay-state]").TextContent.Trim().ShouldBe("Not connected"));
        var body = JsonDocument.Parse(Api.RequestBodies.Single()).RootElement;
        body.GetProperty("razorpayKeySecret").GetString().ShouldBe("");
        body.GetProperty("razorpayWebhookSecret").GetString().ShouldBe("");
    }

    [Fact]
    public async Task A_planner_sees_the_billing_settings_but_cannot_change_them_or_the_secrets()
    {
        var page = await RenderAsync(Role.Planner, ready: false);

        page.WaitForElement("[data-test=billing-settings-form]");
        page.FindAll("[data-test=save-billing-settings]").ShouldBeEmpty();
        page.FindAll("#billing-razorpay-secret").ShouldBeEmpty();
        page.Find("[data-test=razorpay-state]").TextContent.Trim().ShouldBe("Not connected");
    }

    [Fact]
    public async Task A_coordinator_gets_no_billing_settings()
    {
        await SignInAsAsync(Role.Coordinator);
        Api.Returns(SettingsApi.Routes.Settings, new TenantSettingsResponse("Shaadi Studio", "Asia/Kolkata", "INR", null, 1));
        var page = Render<Settings>();

        page.WaitForElement("[data-test=settings-form]");
        page.FindAll("[data-test=billing-settings]").ShouldBeEmpty();
        Api.Requests.ShouldNotContain(r => r.RequestUri!.AbsolutePath == BillingApi.Routes.Settings);
    }
}

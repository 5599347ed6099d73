using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Payments;
using WedTech.Server.Platform.Jobs;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// The couple's payment plan and payments: paying a Razorpay pay link, recorded once whichever way it is reported (the signed
/// webhook, a replay, the couple's return, the reconciliation), refunds, payments recorded by staff, reminders, and bad
/// webhooks and input changing nothing.
/// </summary>
public abstract class PaymentTests(TestServer server) : ProviderTests(server)
{
    private sealed record Setup(Studio Studio, HttpClient Admin, Member Couple, WeddingResponse Wedding, RazorpayStandInAccount Razorpay, PaymentPlanResponse Plan)
    {
        public string Api => $"/api/v1/weddings/{Wedding.Id}";
    }

    private async Task<Setup> SetUpAsync(DateOnly? firstDue = null)
    {
        var studio = await NewStudioAsync();
        var admin = await studio.AdminAsync();
        var razorpay = RazorpayStandIn.Instance.NewAccount("Shubh Vivah Planners");
        razorpay.DeliverWebhooksTo(studio.Anonymous(), "/api/v1/webhooks/razorpay");
        await Billing.ReadyAsync(admin, razorpay: razorpay);
        var couple = await studio.AddMemberAsync(Role.Client, admin);
        var wedding = await (await admin.PostJsonAsync("/api/v1/weddings", new WeddingRequest("Meera & Sahil", "Meera", "Sahil", new DateOnly(2027, 2, 14), "Jaipur", null,
            null, null, null, [new TeamAssignment(couple.Id, TeamRole.Client)]))).ReadAsync<WeddingResponse>(HttpStatusCode.Created);
        var plan = await (await admin.PutJsonAsync($"/api/v1/weddings/{wedding.Id}/payment-plan", new PaymentPlanRequest([
            new InstalmentRequest(null, "Advance", InstalmentKind.Advance, firstDue ?? new DateOnly(2027, 1, 10), 1_50_000_00),
            new InstalmentRequest(null, "Balance", InstalmentKind.BeforeEvent, new DateOnly(2027, 2, 1), 2_00_000_00)]), "\"0\"")).ReadAsync<PaymentPlanResponse>();
        return new Setup(studio, admin, couple, wedding, razorpay, plan);
    }

    private static Guid Advance(Setup setup) => setup.Plan.Instalments[0].Instalment.Id;

    /// <summary>Waits for what a job records (the webhook's work is done by a job), up to a minute.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen within a minute.");
            await Task.Delay(100, Cancel);
        }
    }

    private static Task<ClientPaymentListResponse> PaymentsAsync(Setup setup) => setup.Admin.GetAsync<ClientPaymentListResponse>($"{setup.Api}/payments");

    [Fact]
    public async Task The_couple_pays_online_and_the_webhook_records_it_once_however_often_it_comes()
    {
        var setup = await SetUpAsync();
        var billing = await setup.Couple.Client.GetAsync<BillingOverviewResponse>($"{setup.Api}/billing");
        Assert.True(billing.PayOnline);
        Assert.Equal(("Advance", 3_50_000_00L), (billing.NextDue!.Instalment.Label, billing.Plan.DuePaise));

        var link = await (await setup.Couple.Client.PostJsonAsync<object?>($"{setup.Api}/billing/instalments/{Advance(setup)}/pay", null)).ReadAsync<PayLinkResponse>();
        Assert.Equal(1_50_000_00, link.AmountPaise);
        Assert.StartsWith(RazorpayStandIn.Instance.BaseUrl, link.Url, StringComparison.Ordinal);
        // Asked again while it is open, the same link.
        Assert.Equal(link.LinkId, (await (await setup.Couple.Client.PostJsonAsync<object?>($"{setup.Api}/billing/instalments/{Advance(setup)}/pay", null)).ReadAsync<PayLinkResponse>()).LinkId);
        var sent = RazorpayStandIn.Instance.LinkEntity(link.LinkId);
        Assert.EndsWith($"/app/weddings/{setup.Wedding.Id}/billing", sent["callback_url"]!.GetValue<string>(), StringComparison.Ordinal);

        var paymentId = await RazorpayStandIn.Instance.PayAsync(link.LinkId, "upi");
        var delivery = setup.Razorpay.Delivered.Single(d => d.Event == "payment_link.paid");
        Assert.Equal(200, delivery.AnsweredStatus);
        var recorded = await EventuallyAsync(() => PaymentsAsync(setup), p => p.Items.Count > 0, "Recording the payment");
        var payment = Assert.Single(recorded.Items);
        Assert.Equal((1_50_000_00L, PaymentMode.Online, "upi", paymentId, "Razorpay"), (payment.AmountPaise, payment.Mode, payment.Method, payment.GatewayPaymentId, payment.RecordedBy));
        Assert.Matches(@"^RCT/\d\d-\d\d/0001$", payment.ReceiptNumber);

        // The same webhook again (Razorpay retries), and the couple's return after it: still one payment.
        var replay = await RazorpayStandIn.Instance.RedeliverAsync(delivery);
        Assert.Equal(200, replay.AnsweredStatus);
        var back = Billing.SignedReturn(link.LinkId, sent["reference_id"]!.GetValue<string>(), paymentId, setup.Razorpay.KeySecret);
        var returned = await (await setup.Couple.Client.PostJsonAsync($"{setup.Api}/billing/return", back)).ReadAsync<ClientPaymentResponse>();
        Assert.Equal(payment.Id, returned.Id);
        await Task.Delay(300, Cancel);
        Assert.Single((await PaymentsAsync(setup)).Items);

        var after = await setup.Couple.Client.GetAsync<BillingOverviewResponse>($"{setup.Api}/billing");
        Assert.Equal((InstalmentState.Paid, "Balance", 2_00_000_00L), (after.Plan.Instalments[0].Instalment.State, after.NextDue!.Instalment.Label, after.Plan.DuePaise));
        await (await setup.Couple.Client.PostJsonAsync<object?>($"{setup.Api}/billing/instalments/{Advance(setup)}/pay", null)).ProblemAsync(HttpStatusCode.Conflict);
        var receipt = await PdfTools.RunAsync("pdftotext", await setup.Couple.Client.GetByteArrayAsync($"{setup.Api}/billing/receipts/{payment.Id}/pdf", Cancel));
        foreach (var text in new[] { "Payment receipt", payment.ReceiptNumber, "1,50,000.00", "Online through Razorpay (upi)", "Rupees One Lakh Fifty Thousand Only", "Meera & Sahil" })
        {
            Assert.Contains(text, receipt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_reconciliation_finds_a_payment_whose_webhook_never_came()
    {
        var setup = await SetUpAsync();
        var link = await (await setup.Admin.PostJsonAsync<object?>($"{setup.Api}/payment-plan/instalments/{Advance(setup)}/pay-link", null)).ReadAsync<PayLinkResponse>();
        setup.Razorpay.DropWebhooks = true;
        var paymentId = await RazorpayStandIn.Instance.PayAsync(link.LinkId, "card");
        await Task.Delay(300, Cancel);
        Assert.Empty((await PaymentsAsync(setup)).Items);

        await RunDutyAsync<RazorpayReconciliation>(setup);
        await RunDutyAsync<RazorpayReconciliation>(setup);
        var payment = Assert.Single((await PaymentsAsync(setup)).Items);
        Assert.Equal((paymentId, "card", 1_50_000_00L), (payment.GatewayPaymentId, payment.Method, payment.AmountPaise));

        // The webhook arriving late, after the reconciliation, changes nothing.
        setup.Razorpay.DropWebhooks = false;
        var late = await RazorpayStandIn.Instance.RedeliverAsync(setup.Razorpay.Delivered.Single(d => d.Event == "payment_link.paid"));
        Assert.Equal(200, late.AnsweredStatus);
        await Task.Delay(500, Cancel);
        Assert.Single((await PaymentsAsync(setup)).Items);
    }

    [Fact]
    public async Task A_refund_goes_through_Razorpay_and_replayed_or_reordered_webhooks_change_nothing_twice()
    {
        var setup = await SetUpAsync();
        var link = await (await setup.Admin.PostJsonAsync<object?>($"{setup.Api}/payment-plan/instalments/{Advance(setup)}/pay-link", null)).ReadAsync<PayLinkResponse>();
        await RazorpayStandIn.Instance.PayAsync(link.LinkId);
        var payment = (await EventuallyAsync(() => PaymentsAsync(setup), p => p.Items.Count > 0, "Recording the payment")).Items[0];
        var planner = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin);
        await (await planner.Client.PostJsonAsync($"{setup.Api}/payments/{payment.Id}/refunds", new RefundRequest(10_000_00, "Sangeet cancelled"))).ProblemAsync(HttpStatusCode.Forbidden);
        var tooMuch = await (await setup.Admin.PostJsonAsync($"{setup.Api}/payments/{payment.Id}/refunds", new RefundRequest(1_50_000_01, "All"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("₹1,50,000", tooMuch.Errors!["amountPaise"][0], StringComparison.Ordinal);

        var refunded = await (await setup.Admin.PostJsonAsync($"{setup.Api}/payments/{payment.Id}/refunds", new RefundRequest(25_000_00, "Sangeet cancelled"))).ReadAsync<ClientPaymentResponse>();
        Assert.Equal((25_000_00L, ClientPaymentState.PartlyRefunded), (refunded.RefundedPaise, refunded.State));
        await setup.Razorpay.WaitForDeliveryAsync("refund.processed");
        var processed = await EventuallyAsync(() => PaymentsAsync(setup), p => !p.Items[0].Refunds[0].Pending, "Processing the refund");
        Assert.StartsWith("rfnd_", processed.Items[0].Refunds[0].GatewayRefundId, StringComparison.Ordinal);

        // Every webhook again, in reverse order (the refund before the payment): nothing changes.
        foreach (var delivery in setup.Razorpay.Delivered.Reverse())
        {
            Assert.Equal(200, (await RazorpayStandIn.Instance.RedeliverAsync(delivery)).AnsweredStatus);
        }
        await Task.Delay(500, Cancel);
        var again = Assert.Single((await PaymentsAsync(setup)).Items);
        Assert.Equal((25_000_00L, 1, false), (again.RefundedPaise, again.Refunds.Count, again.Refunds[0].Pending));
        Assert.Equal(1_25_000_00L, (await setup.Admin.GetAsync<PaymentPlanResponse>($"{setup.Api}/payment-plan")).Instalments[0].Instalment.PaidPaise);
    }

    [Fact]
    public async Task The_couples_return_is_believed_only_with_Razorpays_signature()
    {
        var setup = await SetUpAsync();
        var link = await (await setup.Couple.Client.PostJsonAsync<object?>($"{setup.Api}/billing/instalments/{Advance(setup)}/pay", null)).ReadAsync<PayLinkResponse>();
        setup.Razorpay.DropWebhooks = true;
        var paymentId = await RazorpayStandIn.Instance.PayAsync(link.LinkId);
        var reference = RazorpayStandIn.Instance.LinkEntity(link.LinkId)["reference_id"]!.GetValue<string>();

        var forged = Billing.SignedReturn(link.LinkId, reference, paymentId, "not-the-studios-secret");
        await (await setup.Couple.Client.PostJsonAsync($"{setup.Api}/billing/return", forged)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await PaymentsAsync(setup)).Items);

        var payment = await (await setup.Couple.Client.PostJsonAsync($"{setup.Api}/billing/return", Billing.SignedReturn(link.LinkId, reference, paymentId, setup.Razorpay.KeySecret)))
            .ReadAsync<ClientPaymentResponse>();
        Assert.Equal((paymentId, 1_50_000_00L), (payment.GatewayPaymentId, payment.AmountPaise));
        Assert.Single((await PaymentsAsync(setup)).Items);
    }

    [Fact]
    public async Task Bad_webhooks_are_refused_and_change_nothing()
    {
        var setup = await SetUpAsync();
        var link = await (await setup.Admin.PostJsonAsync<object?>($"{setup.Api}/payment-plan/instalments/{Advance(setup)}/pay-link", null)).ReadAsync<PayLinkResponse>();
        setup.Razorpay.DropWebhooks = true;
        await RazorpayStandIn.Instance.PayAsync(link.LinkId);
        var genuine = setup.Razorpay.Delivered.Single(d => d.Event == "payment_link.paid");
        using var hook = setup.Studio.Anonymous();
        async Task<HttpResponseMessage> PostAsync(string body, string? signature, string eventId = "evt_bad1", string type = "application/json")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/razorpay") { Content = new StringContent(body, Encoding.UTF8, type) };
            if (signature is not null)
            {
                request.Headers.Add(RazorpayWebhookIntake.SignatureHeader, signature);
            }
            request.Headers.Add(RazorpayWebhookIntake.EventIdHeader, eventId);
            return await hook.SendAsync(request, Cancel);
        }
        string Sign(string body, string secret) =>
            Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

        await (await PostAsync(genuine.Body, null)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await PostAsync(genuine.Body + " ", genuine.Signature)).ProblemAsync(HttpStatusCode.Forbidden);
        // Signed with another studio's secret.
        await (await PostAsync(genuine.Body, Sign(genuine.Body, RazorpayStandIn.Instance.NewAccount().WebhookSecret))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await PostAsync(genuine.Body, genuine.Signature, type: "text/plain")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostAsync("{\"not\":\"razorpay\"}", Sign("{\"not\":\"razorpay\"}", setup.Razorpay.WebhookSecret))).ProblemAsync(HttpStatusCode.BadRequest);
        // Correctly signed, but about another studio's link: not found, and nothing kept.
        var other = await SetUpAsync();
        var theirs = await (await other.Admin.PostJsonAsync<object?>($"{other.Api}/payment-plan/instalments/{Advance(other)}/pay-link", null)).ReadAsync<PayLinkResponse>();
        var foreignBody = genuine.Body.Replace(link.LinkId, theirs.LinkId, StringComparison.Ordinal);
        await (await PostAsync(foreignBody, Sign(foreignBody, setup.Razorpay.WebhookSecret))).ProblemAsync(HttpStatusCode.NotFound);
        await Task.Delay(300, Cancel);
        Assert.Empty((await PaymentsAsync(setup)).Items);
        Assert.Empty((await other.Admin.GetAsync<ClientPaymentListResponse>($"{other.Api}/payments")).Items);

        // The genuine one is taken, once.
        Assert.False((await (await PostAsync(genuine.Body, genuine.Signature, genuine.EventId)).ReadAsync<WebhookTaken>()).Replay);
        Assert.True((await (await PostAsync(genuine.Body, genuine.Signature, genuine.EventId)).ReadAsync<WebhookTaken>()).Replay);
        await EventuallyAsync(() => PaymentsAsync(setup), p => p.Items.Count == 1, "Recording the payment");
    }

    [Fact]
    public async Task Staff_record_payments_received_otherwise_and_bad_input_changes_nothing()
    {
        var setup = await SetUpAsync();
        var planner = await setup.Studio.AddMemberAsync(Role.Planner, setup.Admin);
        var coordinator = await setup.Studio.AddMemberAsync(Role.Coordinator, setup.Admin);
        var neft = await (await planner.Client.PostJsonAsync($"{setup.Api}/payments", new ClientPaymentRequest(new DateOnly(2026, 12, 1), PaymentMode.Neft, "UTR 88231", 50_000_00, null)))
            .ReadAsync<ClientPaymentResponse>(HttpStatusCode.Created);
        Assert.Equal(PaymentMode.Neft, neft.Mode);
        Assert.NotEqual("Razorpay", neft.RecordedBy);
        var audit = await setup.Admin.GetStringAsync($"/api/v1/audit?entityId={neft.Id}", Cancel);
        Assert.Contains("client-payment", audit, StringComparison.Ordinal);

        var online = await (await planner.Client.PostJsonAsync($"{setup.Api}/payments", new ClientPaymentRequest(new DateOnly(2026, 12, 1), PaymentMode.Online, null, 1_000_00, null)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("mode", online.Errors!.Keys);
        await (await planner.Client.PostJsonAsync($"{setup.Api}/payments", new ClientPaymentRequest(new DateOnly(2030, 1, 1), PaymentMode.Cash, null, 1_000_00, null)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        using var rupees = new StringContent("""{"paidOn":"2026-12-01","mode":"cash","amountPaise":1500.5}""", Encoding.UTF8, "application/json");
        await (await planner.Client.PostAsync($"{setup.Api}/payments", rupees, Cancel)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await coordinator.Client.GetAsync($"{setup.Api}/payments", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await setup.Couple.Client.GetAsync($"{setup.Api}/payments", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        var other = await NewStudioAsync();
        using var stranger = await other.AdminAsync();
        await (await stranger.GetAsync($"{setup.Api}/billing", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"{setup.Api}/payments/{neft.Id}/receipt", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await PaymentsAsync(setup)).Items);

        // A refund of money received otherwise is done at once; the plan's paid part follows.
        var refunded = await (await setup.Admin.PostJsonAsync($"{setup.Api}/payments/{neft.Id}/refunds", new RefundRequest(50_000_00, "Paid twice"))).ReadAsync<ClientPaymentResponse>();
        Assert.Equal((ClientPaymentState.Refunded, false), (refunded.State, refunded.Refunds[0].Pending));
        Assert.Equal(0, (await setup.Admin.GetAsync<PaymentPlanResponse>($"{setup.Api}/payment-plan")).ReceivedPaise - refunded.RefundedPaise);
    }

    [Fact]
    public async Task The_couple_is_reminded_before_an_instalment_is_due_once_however_often_the_duty_runs()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime);
        var setup = await SetUpAsync(firstDue: today.AddDays(2));
        await RunDutyAsync<CouplePaymentReminders>(setup);
        await RunDutyAsync<CouplePaymentReminders>(setup);
        var messages = await setup.Admin.GetAsync<PagedResponse<MessageResponse>>($"/api/v1/messages?weddingId={setup.Wedding.Id}&pageSize=100");
        var reminders = messages.Items.Where(m => m.TemplateKey == "couple-payment-due").ToList();
        Assert.Equal(3, reminders.Count);
        Assert.Equal(new[] { MessageChannel.Email, MessageChannel.InApp, MessageChannel.Push }.Order(), reminders.Select(m => m.Channel).Order());
        Assert.Contains(reminders, m => m.Recipient == setup.Couple.Email);
    }

    private async Task RunDutyAsync<TDuty>(Setup setup) =>
        await ActivatorUtilities.CreateInstance<TenantJobRunner<DailyDutyJob, string>>(Server.Services).RunAsync(setup.Studio.TenantId, null, typeof(TDuty).FullName!, Cancel);
}

public sealed class PaymentTestsOnSqlite(SqliteServer server) : PaymentTests(server);

public sealed class PaymentTestsOnPostgres(PostgresServer server) : PaymentTests(server);

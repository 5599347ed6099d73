using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WedTech.Server.Payments.Razorpay;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// The Razorpay client against the stand-in that speaks Razorpay's API (no database), Razorpay's signatures against the
/// vectors in Razorpay's own SDK tests, and the webhook parser against Razorpay's documented payload and hostile input.
/// </summary>
public sealed class RazorpayClientTests : IDisposable
{
    private static RazorpayStandIn StandIn => RazorpayStandIn.Instance;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly List<ServiceProvider> _providers = [];

    public void Dispose() => _providers.ForEach(p => p.Dispose());

    /// <summary>The client as the server gets it: AddRazorpay over configuration, pointed at the stand-in unless told otherwise.</summary>
    private IRazorpayClient Client(string? baseUrl = null, TimeSpan? timeout = null)
    {
        var settings = StandIn.Settings();
        if (baseUrl is not null)
        {
            settings["Payments:Razorpay:BaseUrl"] = baseUrl;
        }
        if (timeout is not null)
        {
            settings["Payments:Razorpay:Timeout"] = timeout.Value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddRazorpay(configuration).BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IRazorpayClient>();
    }

    private static RazorpayLinkRequest LinkRequest(long amountPaise = 15_000_000, string? reference = null, IReadOnlyDictionary<string, string>? notes = null) =>
        new(amountPaise, reference ?? "INV-" + Guid.NewGuid().ToString("N")[..12], "Advance for the wedding of Aarav and Diya", "Diya Sharma",
            "diya@example.in", "+919812345678", "https://studio.wedtech.test/pay/done?wedding=42", DateTimeOffset.UtcNow.AddDays(7),
            notes ?? new Dictionary<string, string> { ["wedding"] = "42", ["instalment"] = "advance" });

    /// <summary>Our webhook endpoint's stand-in: checks the signature as the endpoint will, answers 200 or 400, keeps what came.</summary>
    private sealed class WebhookReceiver(string secret) : HttpMessageHandler
    {
        public List<(string Body, Dictionary<string, string> Headers)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            var headers = request.Headers.Concat(request.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            lock (Received)
            {
                Received.Add((Encoding.UTF8.GetString(body), headers));
            }
            var valid = RazorpaySignatures.IsValidWebhook(body, headers.GetValueOrDefault("X-Razorpay-Signature"), secret);
            return new HttpResponseMessage(valid ? HttpStatusCode.OK : HttpStatusCode.BadRequest);
        }
    }

    private static WebhookReceiver ReceiveWebhooks(RazorpayStandInAccount account)
    {
        var receiver = new WebhookReceiver(account.WebhookSecret);
        account.DeliverWebhooksTo(new HttpClient(receiver) { BaseAddress = new Uri("http://wedtech.test/") }, "/api/v1/webhooks/razorpay");
        return receiver;
    }

    // ---- The API

    [Fact]
    public void AddRazorpay_defaults_to_Razorpays_API_and_a_10_second_timeout()
    {
        using var provider = new ServiceCollection().AddRazorpay(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<RazorpayOptions>>().Value;
        options.BaseUrl.ShouldBe("https://api.razorpay.com");
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        provider.GetRequiredService<IRazorpayClient>().ShouldBeOfType<RazorpayClient>();
    }

    [Fact]
    public async Task A_link_is_created_as_Razorpay_documents_it_and_fetched_back()
    {
        var account = StandIn.NewAccount();
        var request = LinkRequest();

        var link = await Client().CreateLinkAsync(account.Key, request, Cancel);

        link.Id.ShouldStartWith("plink_");
        link.Status.ShouldBe("created");
        link.AmountPaise.ShouldBe(15_000_000);
        link.AmountPaidPaise.ShouldBe(0);
        link.ReferenceId.ShouldBe(request.ReferenceId);
        link.ShortUrl.ShouldBe($"{StandIn.BaseUrl}/pl/{link.Id}");
        link.Payments.ShouldBeEmpty(); // Razorpay answers "payments": null until the link is paid

        // What Razorpay received: the fields its docs name, with Razorpay's own notices and reminders off.
        var sent = JsonNode.Parse(account.Requests.Single().Body)!.AsObject();
        sent.Select(p => p.Key).Order().ShouldBe(
            ["accept_partial", "amount", "callback_method", "callback_url", "currency", "customer", "description", "expire_by", "notes", "notify", "reference_id", "reminder_enable"]);
        sent["currency"]!.GetValue<string>().ShouldBe("INR");
        sent["accept_partial"]!.GetValue<bool>().ShouldBeFalse();
        JsonNode.DeepEquals(sent["notify"], JsonNode.Parse("""{"sms":false,"email":false}""")).ShouldBeTrue();
        sent["reminder_enable"]!.GetValue<bool>().ShouldBeFalse();
        sent["callback_method"]!.GetValue<string>().ShouldBe("get");
        sent["callback_url"]!.GetValue<string>().ShouldBe(request.CallbackUrl);
        sent["expire_by"]!.GetValue<long>().ShouldBe(request.ExpireBy!.Value.ToUnixTimeSeconds());
        JsonNode.DeepEquals(sent["customer"], JsonNode.Parse("""{"name":"Diya Sharma","email":"diya@example.in","contact":"+919812345678"}""")).ShouldBeTrue();
        JsonNode.DeepEquals(sent["notes"], JsonNode.Parse("""{"wedding":"42","instalment":"advance"}""")).ShouldBeTrue();
        account.Requests.Single().Body.ShouldContain("\"+919812345678\""); // sent as is, not \u002B-escaped

        var fetched = await Client().FetchLinkAsync(account.Key, link.Id, Cancel);
        fetched.ShouldBeEquivalentTo(link);
    }

    [Fact]
    public async Task A_link_without_email_phone_or_expiry_sends_none_of_them()
    {
        var account = StandIn.NewAccount();
        var request = LinkRequest() with { CustomerEmail = null, CustomerPhone = "", ExpireBy = null };

        await Client().CreateLinkAsync(account.Key, request, Cancel);

        var sent = JsonNode.Parse(account.Requests.Single().Body)!.AsObject();
        sent["customer"]!.ToJsonString().ShouldBe("""{"name":"Diya Sharma"}""");
        sent.ContainsKey("expire_by").ShouldBeFalse();
    }

    [Fact]
    public async Task A_paid_link_lists_its_payment_and_the_payment_reads_back_with_the_links_notes()
    {
        var account = StandIn.NewAccount();
        var client = Client();
        var link = await client.CreateLinkAsync(account.Key, LinkRequest(), Cancel);

        var paymentId = await StandIn.PayAsync(link.Id, "upi", deliverWebhook: false);

        var paid = await client.FetchLinkAsync(account.Key, link.Id, Cancel);
        paid.Status.ShouldBe("paid");
        paid.AmountPaidPaise.ShouldBe(15_000_000);
        var listed = paid.Payments.ShouldHaveSingleItem();
        listed.PaymentId.ShouldBe(paymentId);
        listed.AmountPaise.ShouldBe(15_000_000);
        listed.Status.ShouldBe("captured");
        listed.Method.ShouldBe("upi");
        listed.CreatedAt.ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));

        var payment = await client.FetchPaymentAsync(account.Key, paymentId, Cancel);
        payment.Id.ShouldBe(paymentId);
        payment.AmountPaise.ShouldBe(15_000_000);
        payment.Status.ShouldBe("captured");
        payment.Method.ShouldBe("upi");
        payment.OrderId.ShouldNotBeNull().ShouldStartWith("order_");
        payment.AmountRefundedPaise.ShouldBe(0);
        payment.Notes.ShouldBe(new Dictionary<string, string> { ["wedding"] = "42", ["instalment"] = "advance" });
        payment.ErrorCode.ShouldBeNull();
    }

    [Fact]
    public async Task Notes_Razorpay_sends_as_an_empty_list_read_as_no_notes()
    {
        var account = StandIn.NewAccount();
        var client = Client();
        var link = await client.CreateLinkAsync(account.Key, LinkRequest(notes: new Dictionary<string, string>()), Cancel);
        var paymentId = await StandIn.PayAsync(link.Id, "card", deliverWebhook: false);
        StandIn.PaymentEntity(paymentId)["notes"]!.ToJsonString().ShouldBe("[]"); // as Razorpay sends them

        var payment = await client.FetchPaymentAsync(account.Key, paymentId, Cancel);

        payment.Notes.ShouldBeEmpty();
        payment.Method.ShouldBe("card");
    }

    [Fact]
    public async Task A_refund_in_full_marks_the_payment_refunded_and_Razorpay_then_sends_refund_processed()
    {
        var account = StandIn.NewAccount();
        var receiver = ReceiveWebhooks(account);
        var client = Client();
        var link = await client.CreateLinkAsync(account.Key, LinkRequest(50_000), Cancel);
        var paymentId = await StandIn.PayAsync(link.Id);

        var refund = await client.RefundAsync(account.Key, paymentId, 50_000, "RF-0001", Cancel);

        refund.Id.ShouldStartWith("rfnd_");
        refund.PaymentId.ShouldBe(paymentId);
        refund.AmountPaise.ShouldBe(50_000);
        refund.Status.ShouldBe("processed");
        refund.Receipt.ShouldBe("RF-0001");
        JsonNode.Parse(account.Requests[^1].Body)!.ToJsonString().ShouldBe("""{"amount":50000,"receipt":"RF-0001"}""");
        var payment = await client.FetchPaymentAsync(account.Key, paymentId, Cancel);
        payment.AmountRefundedPaise.ShouldBe(50_000);
        payment.Status.ShouldBe("refunded");

        var delivery = await account.WaitForDeliveryAsync(RazorpayWebhookEvent.RefundProcessed);
        delivery.AnsweredStatus.ShouldBe(200); // the receiver found the signature valid
        var webhook = RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(delivery.Body));
        webhook.Refund.ShouldBe(refund);
        webhook.Payment.ShouldNotBeNull().AmountRefundedPaise.ShouldBe(50_000);
        webhook.AccountId.ShouldBe(account.AccountId);
        receiver.Received.Count.ShouldBe(2); // payment_link.paid, then refund.processed
    }

    [Fact]
    public async Task Partial_refunds_add_up_and_a_refund_of_more_than_is_left_is_Razorpays_refusal()
    {
        var account = StandIn.NewAccount();
        var client = Client();
        var link = await client.CreateLinkAsync(account.Key, LinkRequest(100_000), Cancel);
        var paymentId = await StandIn.PayAsync(link.Id, deliverWebhook: false);

        (await client.RefundAsync(account.Key, paymentId, 30_000, "RF-1", Cancel)).AmountPaise.ShouldBe(30_000);
        var partly = await client.FetchPaymentAsync(account.Key, paymentId, Cancel);
        partly.AmountRefundedPaise.ShouldBe(30_000);
        partly.Status.ShouldBe("captured");

        var beyond = await Should.ThrowAsync<RazorpayException>(() => client.RefundAsync(account.Key, paymentId, 70_001, "RF-2", Cancel));
        beyond.Status.ShouldBe(400);
        beyond.Code.ShouldBe("BAD_REQUEST_ERROR");
        beyond.Description.ShouldBe("The total refund amount is greater than the refund payment amount");
        beyond.Field.ShouldBe("amount");
        (await client.FetchPaymentAsync(account.Key, paymentId, Cancel)).AmountRefundedPaise.ShouldBe(30_000);

        await client.RefundAsync(account.Key, paymentId, 70_000, "RF-3", Cancel);
        var refunded = await client.FetchPaymentAsync(account.Key, paymentId, Cancel);
        refunded.AmountRefundedPaise.ShouldBe(100_000);
        refunded.Status.ShouldBe("refunded");
        (await Should.ThrowAsync<RazorpayException>(() => client.RefundAsync(account.Key, paymentId, 100, "RF-4", Cancel))).Code.ShouldBe("BAD_REQUEST_ERROR");
    }

    [Fact]
    public async Task A_second_link_with_the_same_reference_and_a_link_under_one_rupee_are_refused()
    {
        var account = StandIn.NewAccount();
        var client = Client();
        var first = LinkRequest();
        await client.CreateLinkAsync(account.Key, first, Cancel);

        var duplicate = await Should.ThrowAsync<RazorpayException>(() => client.CreateLinkAsync(account.Key, LinkRequest(reference: first.ReferenceId), Cancel));
        duplicate.Status.ShouldBe(400);
        duplicate.Code.ShouldBe("BAD_REQUEST_ERROR");
        duplicate.Field.ShouldBe("reference_id");

        var small = await Should.ThrowAsync<RazorpayException>(() => client.CreateLinkAsync(account.Key, LinkRequest(99), Cancel));
        small.Status.ShouldBe(400);
        small.Field.ShouldBe("amount");
        small.Message.ShouldContain("The amount must be atleast INR 1.00");

        // Another studio's account may use the same reference.
        (await client.CreateLinkAsync(StandIn.NewAccount().Key, LinkRequest(reference: first.ReferenceId), Cancel)).Status.ShouldBe("created");
    }

    [Fact]
    public async Task A_wrong_key_secret_is_Razorpays_401()
    {
        var account = StandIn.NewAccount();

        var refused = await Should.ThrowAsync<RazorpayException>(() =>
            Client().CreateLinkAsync(account.Key with { KeySecret = "not-the-secret" }, LinkRequest(), Cancel));

        refused.Status.ShouldBe(401);
        refused.Code.ShouldBe("BAD_REQUEST_ERROR");
        refused.Description.ShouldBe("Authentication failed");
        account.Requests.ShouldHaveSingleItem().AnsweredStatus.ShouldBe(401);
    }

    [Fact]
    public async Task A_studio_without_a_key_is_refused_before_any_request()
    {
        var refused = await Should.ThrowAsync<RazorpayException>(() => Client().FetchPaymentAsync(new RazorpayAccount("", ""), "pay_Qfldmt5StKZFCB", Cancel));
        refused.Status.ShouldBeNull();
    }

    [Fact]
    public async Task Another_accounts_link_and_payment_do_not_exist_for_this_key()
    {
        var owner = StandIn.NewAccount();
        var other = StandIn.NewAccount();
        var client = Client();
        var link = await client.CreateLinkAsync(owner.Key, LinkRequest(), Cancel);
        var paymentId = await StandIn.PayAsync(link.Id, deliverWebhook: false);

        (await Should.ThrowAsync<RazorpayException>(() => client.FetchLinkAsync(other.Key, link.Id, Cancel))).Description.ShouldBe("The id provided does not exist");
        (await Should.ThrowAsync<RazorpayException>(() => client.FetchPaymentAsync(other.Key, paymentId, Cancel))).Status.ShouldBe(400);
        (await Should.ThrowAsync<RazorpayException>(() => client.RefundAsync(other.Key, paymentId, 100, "RF-X", Cancel))).Status.ShouldBe(400);
        (await client.FetchPaymentAsync(owner.Key, paymentId, Cancel)).AmountRefundedPaise.ShouldBe(0);
    }

    [Fact]
    public async Task An_unreachable_Razorpay_is_a_RazorpayException_without_a_status()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        var failure = await Should.ThrowAsync<RazorpayException>(() =>
            Client($"http://127.0.0.1:{port}").FetchPaymentAsync(StandIn.NewAccount().Key, "pay_Qfldmt5StKZFCB", Cancel));

        failure.Status.ShouldBeNull();
        failure.Message.ShouldStartWith("Razorpay could not be reached");
        failure.InnerException.ShouldBeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task A_Razorpay_that_does_not_answer_is_given_up_on_after_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the backlog), never answers
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var clock = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<RazorpayException>(() =>
            Client($"http://127.0.0.1:{port}", TimeSpan.FromMilliseconds(500)).FetchLinkAsync(StandIn.NewAccount().Key, "plink_QflcnnZqCekuvL", Cancel));

        failure.Message.ShouldBe("Razorpay did not answer within 0.5 s.");
        failure.Status.ShouldBeNull();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_caller_cancelling_is_a_cancellation_not_a_RazorpayException()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var thrown = await Record.ExceptionAsync(() =>
            Client($"http://127.0.0.1:{port}").FetchLinkAsync(StandIn.NewAccount().Key, "plink_QflcnnZqCekuvL", cancel.Token));

        thrown.ShouldBeAssignableTo<OperationCanceledException>();
    }

    [Theory]
    [InlineData("pay_Qfldmt5StKZFCB/refund")]
    [InlineData("pay_../../v1/payment_links")]
    [InlineData("pay_abc?expand[]=card")]
    [InlineData("pay_abc#x")]
    [InlineData("pay_abc%2F..")]
    [InlineData("../pay_abc")]
    [InlineData("pay_")]
    [InlineData("")]
    [InlineData("pay_abc def")]
    [InlineData("pay_abc\n")]
    [InlineData("plink_QflcnnZqCekuvL")]
    [InlineData("PAY_Qfldmt5StKZFCB")]
    public async Task Ids_that_are_not_Razorpays_are_refused_before_any_request(string id)
    {
        var account = StandIn.NewAccount();
        var client = Client();

        (await Should.ThrowAsync<RazorpayException>(() => client.FetchPaymentAsync(account.Key, id, Cancel))).Code.ShouldBe(RazorpayException.InvalidIdCode);
        (await Should.ThrowAsync<RazorpayException>(() => client.RefundAsync(account.Key, id, 100, "RF-1", Cancel))).Code.ShouldBe(RazorpayException.InvalidIdCode);
        var linkId = id.Replace("pay_", "plink_", StringComparison.Ordinal).Replace("plink_QflcnnZqCekuvL", "pay_QflcnnZqCekuvL", StringComparison.Ordinal);
        (await Should.ThrowAsync<RazorpayException>(() => client.FetchLinkAsync(account.Key, linkId, Cancel))).Code.ShouldBe(RazorpayException.InvalidIdCode);

        account.Requests.ShouldBeEmpty();
    }

    // ---- The hosted page and webhooks

    [Fact]
    public async Task Paying_on_the_hosted_page_redirects_with_a_valid_signature_and_sends_a_signed_payment_link_paid()
    {
        var account = StandIn.NewAccount("Shubh Vivah <Planners>");
        var receiver = ReceiveWebhooks(account);
        var request = LinkRequest(15_000_050);
        var link = await Client().CreateLinkAsync(account.Key, request, Cancel);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var page = await browser.GetStringAsync(link.ShortUrl, Cancel);
        page.ShouldContain("Shubh Vivah &lt;Planners&gt;");
        page.ShouldContain("id=\"pay\"");
        page.ShouldContain("Pay ₹1,50,000.50");
        page.ShouldContain("value=\"upi\"");
        page.ShouldContain("value=\"card\"");

        using var pay = await browser.PostAsync($"{link.ShortUrl}/pay", new FormUrlEncodedContent([new("method", "card")]), Cancel);

        pay.StatusCode.ShouldBe(HttpStatusCode.Found);
        var location = pay.Headers.Location!.ToString();
        location.ShouldStartWith(request.CallbackUrl + "&");
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        query["razorpay_payment_link_id"].ToString().ShouldBe(link.Id);
        query["razorpay_payment_link_reference_id"].ToString().ShouldBe(request.ReferenceId);
        query["razorpay_payment_link_status"].ToString().ShouldBe("paid");
        var paymentId = query["razorpay_payment_id"].ToString();
        RazorpaySignatures.IsValidLinkCallback(link.Id, request.ReferenceId, "paid", paymentId, query["razorpay_signature"], account.KeySecret).ShouldBeTrue();
        RazorpaySignatures.IsValidLinkCallback(link.Id, request.ReferenceId, "paid", paymentId, query["razorpay_signature"], StandIn.NewAccount().KeySecret).ShouldBeFalse();
        RazorpaySignatures.IsValidLinkCallback(link.Id, request.ReferenceId, "partially_paid", paymentId, query["razorpay_signature"], account.KeySecret).ShouldBeFalse();

        var delivery = account.Delivered.ShouldHaveSingleItem(); // sent before the redirect
        delivery.Event.ShouldBe("payment_link.paid");
        delivery.AnsweredStatus.ShouldBe(200);
        var (body, headers) = receiver.Received.ShouldHaveSingleItem();
        body.ShouldBe(delivery.Body);
        headers["X-Razorpay-Signature"].ShouldBe(delivery.Signature);
        headers["X-Razorpay-Event-Id"].ShouldBe(delivery.EventId);
        headers["Content-Type"].ShouldBe("application/json");
        var webhook = RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(body));
        webhook.Event.ShouldBe(RazorpayWebhookEvent.PaymentLinkPaid);
        webhook.AccountId.ShouldBe(account.AccountId);
        webhook.Link.ShouldNotBeNull().Id.ShouldBe(link.Id);
        webhook.Link.Status.ShouldBe("paid");
        webhook.Link.AmountPaidPaise.ShouldBe(15_000_050);
        webhook.Link.ReferenceId.ShouldBe(request.ReferenceId);
        webhook.Payment.ShouldNotBeNull().Id.ShouldBe(paymentId);
        webhook.Payment.Method.ShouldBe("card");
        webhook.Payment.Status.ShouldBe("captured");
        webhook.Payment.Notes["wedding"].ShouldBe("42");
        JsonNode.Parse(body)!["payload"]!["order"]!["entity"]!["status"]!.GetValue<string>().ShouldBe("paid");

        // The page of a paid link no longer offers to pay.
        var after = await browser.GetStringAsync(link.ShortUrl, Cancel);
        after.ShouldContain("This payment link is paid.");
        after.ShouldNotContain("id=\"pay\"");
        using var again = await browser.PostAsync($"{link.ShortUrl}/pay", new FormUrlEncodedContent([new("method", "upi")]), Cancel);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_dropped_webhook_is_recorded_unsent_and_a_redelivery_sends_the_same_event()
    {
        var account = StandIn.NewAccount();
        var receiver = ReceiveWebhooks(account);
        var link = await Client().CreateLinkAsync(account.Key, LinkRequest(), Cancel);
        account.DropWebhooks = true;

        var paymentId = await StandIn.PayAsync(link.Id);

        var dropped = account.Delivered.ShouldHaveSingleItem();
        StandIn.Delivered.ShouldContain(dropped);
        dropped.Delivered.ShouldBeFalse();
        dropped.Failure.ShouldNotBeNull();
        receiver.Received.ShouldBeEmpty();
        RazorpaySignatures.IsValidWebhook(Encoding.UTF8.GetBytes(dropped.Body), dropped.Signature, account.WebhookSecret).ShouldBeTrue();

        var first = await StandIn.RedeliverAsync(dropped);
        var second = await StandIn.RedeliverAsync(dropped);

        first.AnsweredStatus.ShouldBe(200);
        (first.EventId, first.Body, first.Signature).ShouldBe((dropped.EventId, dropped.Body, dropped.Signature));
        second.EventId.ShouldBe(dropped.EventId);
        receiver.Received.Count.ShouldBe(2);
        receiver.Received.ShouldAllBe(r => r.Headers["X-Razorpay-Event-Id"] == dropped.EventId);
        RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(receiver.Received[0].Body)).Payment!.Id.ShouldBe(paymentId);
    }

    [Fact]
    public async Task A_webhook_with_a_tampered_body_is_answered_400_by_a_receiver_that_checks_signatures()
    {
        var account = StandIn.NewAccount();
        var link = await Client().CreateLinkAsync(account.Key, LinkRequest(), Cancel);
        await StandIn.PayAsync(link.Id, deliverWebhook: false);
        var receiver = ReceiveWebhooks(account);
        var genuine = account.Delivered.Single();

        var forged = await StandIn.RedeliverAsync(genuine with { Body = genuine.Body.Replace("\"captured\"", "\"refunded\"", StringComparison.Ordinal) });

        forged.AnsweredStatus.ShouldBe(400);
        (await StandIn.RedeliverAsync(genuine)).AnsweredStatus.ShouldBe(200);
        receiver.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_declined_payment_sends_payment_failed_and_leaves_the_link_to_be_paid()
    {
        var account = StandIn.NewAccount();
        ReceiveWebhooks(account);
        var client = Client();
        var link = await client.CreateLinkAsync(account.Key, LinkRequest(), Cancel);

        var paymentId = await StandIn.FailPaymentAsync(link.Id);

        var webhook = RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(account.Delivered.Single().Body));
        webhook.Event.ShouldBe(RazorpayWebhookEvent.PaymentFailed);
        webhook.Payment.ShouldNotBeNull().Id.ShouldBe(paymentId);
        webhook.Payment.Status.ShouldBe("failed");
        webhook.Payment.ErrorCode.ShouldBe("BAD_REQUEST_ERROR");
        webhook.Payment.ErrorDescription.ShouldNotBeNullOrEmpty();
        (await client.FetchLinkAsync(account.Key, link.Id, Cancel)).Status.ShouldBe("created");
        (await Should.ThrowAsync<RazorpayException>(() => client.RefundAsync(account.Key, paymentId, 100, "RF-1", Cancel))).Status.ShouldBe(400);
    }

    [Fact]
    public async Task An_expired_link_cannot_be_paid()
    {
        var account = StandIn.NewAccount();
        var client = Client();
        var link = await client.CreateLinkAsync(account.Key, LinkRequest(), Cancel);

        StandIn.Expire(link.Id);

        (await client.FetchLinkAsync(account.Key, link.Id, Cancel)).Status.ShouldBe("expired");
        await Should.ThrowAsync<InvalidOperationException>(() => StandIn.PayAsync(link.Id));
        account.Delivered.ShouldBeEmpty();
    }

    // ---- Signatures: the vectors published in Razorpay's own SDK tests

    // razorpay/razorpay-node test/utils/razorpay-utils.spec.js ("validateWebhookSignature") and
    // razorpay/razorpay-java src/test/java/com/razorpay/UtilsTest.java ("verifyWebhookSignature").
    private const string SdkWebhookBody = """{"a":1,"b":2,"c":{"d":3}}""";
    private const string SdkWebhookSecret = "123456";
    private const string SdkWebhookSignature = "2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc";

    // razorpay/razorpay-python tests/test_client_utility.py ("test_verify_webhook_signature"): the body is the file
    // tests/mocks/fake_payment_authorized_webhook.json byte for byte (its final newline included), the secret the test
    // client's key secret "key_secret" (tests/helpers.py).
    private const string PythonSdkWebhookSecret = "key_secret";
    private const string PythonSdkWebhookSignature = "d60e67fd884556c045e9be7dad57903e33efc7172c17c6e3ef77db42d2b366e9";
    private const string PythonSdkWebhookBody = """
        {
          "event": "payment.authorized",
          "entity": "event",
          "contains": [
            "payment"
          ],
          "payload": {
            "payment": {
              "entity": {
                "id": "pay_6koWN7bvxujzxM",
                "entity": "payment",
                "amount": 1000000,
                "currency": "INR",
                "status": "captured",
                "order_id": "order_100000000order",
                "international": false,
                "method": "card",
                "amount_refunded": 0,
                "refund_status": null,
                "captured": true,
                "description": "random description",
                "card_id": "card_6koWNAT6LASUqy",
                "bank": null,
                "wallet": null,
                "vpa": null,
                "email": "a@b.com",
                "contact": "+919999999999",
                "notes": {
                  "merchant_order_id": "random order id"
                },
                "fee": 23000,
                "service_tax": 3000,
                "error_code": null,
                "error_description": null,
                "created_at": 1479978483
              }
            }
          },
          "created_at": 1400826760
        }

        """;

    // razorpay/razorpay-java src/test/java/com/razorpay/UtilsTest.java ("verifyPaymentLink").
    private const string SdkLinkSecret = "EnLs21M47BllR3X8PSFtjtbd";
    private const string SdkLinkSignature = "07ae18789e35093e51d0a491eb9922646f3f82773547e5b0f67ee3f2d3bf7d5b";

    [Fact]
    public void Webhook_signatures_match_the_vectors_in_Razorpays_SDK_tests()
    {
        RazorpaySignatures.IsValidWebhook(Encoding.UTF8.GetBytes(SdkWebhookBody), SdkWebhookSignature, SdkWebhookSecret).ShouldBeTrue();
        PythonSdkWebhookBody.ShouldEndWith("}\n");
        RazorpaySignatures.IsValidWebhook(Encoding.UTF8.GetBytes(PythonSdkWebhookBody), PythonSdkWebhookSignature, PythonSdkWebhookSecret).ShouldBeTrue();
        // The exact bytes are signed: the same JSON without the final newline is not.
        RazorpaySignatures.IsValidWebhook(Encoding.UTF8.GetBytes(PythonSdkWebhookBody.TrimEnd('\n')), PythonSdkWebhookSignature, PythonSdkWebhookSecret).ShouldBeFalse();
        RazorpaySignatures.IsValidWebhook(Encoding.UTF8.GetBytes(SdkWebhookBody), SdkWebhookSignature, "1234567").ShouldBeFalse();
    }

    [Fact]
    public void The_payment_link_callback_signature_matches_the_vector_in_Razorpays_Java_SDK_tests()
    {
        RazorpaySignatures.IsValidLinkCallback("plink_IH3cNucfVEgV68", "TSsd1989", "paid", "pay_IH3d0ara9bSsjQ", SdkLinkSignature, SdkLinkSecret).ShouldBeTrue();
        RazorpaySignatures.IsValidLinkCallback("plink_IH3cNucfVEgV68", "TSsd1989", "partially_paid", "pay_IH3d0ara9bSsjQ", SdkLinkSignature, SdkLinkSecret).ShouldBeFalse();
        RazorpaySignatures.IsValidLinkCallback("plink_IH3cNucfVEgV68", "TSsd1990", "paid", "pay_IH3d0ara9bSsjQ", SdkLinkSignature, SdkLinkSecret).ShouldBeFalse();
        RazorpaySignatures.IsValidLinkCallback("plink_IH3cNucfVEgV68", "TSsd1989", "paid", "pay_IH3d0ara9bSsjQ", SdkLinkSignature, SdkLinkSecret + "x").ShouldBeFalse();
        RazorpaySignatures.IsValidLinkCallback("plink_IH3cNucfVEgV68", "TSsd1989", "paid", "pay_IH3d0ara9bSsjQ", SdkLinkSignature, "").ShouldBeFalse();
    }

    [Fact]
    public void Any_flipped_byte_of_the_body_or_the_signature_fails()
    {
        var body = Encoding.UTF8.GetBytes(PythonSdkWebhookBody);
        for (var i = 0; i < body.Length; i++)
        {
            var flipped = body.ToArray();
            flipped[i] ^= 0x01;
            RazorpaySignatures.IsValidWebhook(flipped, PythonSdkWebhookSignature, PythonSdkWebhookSecret).ShouldBeFalse($"byte {i}");
        }
        for (var i = 0; i < SdkWebhookSignature.Length; i++)
        {
            RazorpaySignatures.IsValidWebhook(Encoding.UTF8.GetBytes(SdkWebhookBody), Flip(SdkWebhookSignature, i), SdkWebhookSecret)
                .ShouldBeFalse($"signature character {i}");
            RazorpaySignatures.IsValidLinkCallback("plink_IH3cNucfVEgV68", "TSsd1989", "paid", "pay_IH3d0ara9bSsjQ", Flip(SdkLinkSignature, i), SdkLinkSecret)
                .ShouldBeFalse($"link signature character {i}");
        }
    }

    private static string Flip(string hex, int i)
    {
        var chars = hex.ToCharArray();
        chars[i] = chars[i] == '0' ? '1' : '0';
        return new string(chars);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sdfafds")]
    [InlineData("2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bb")]
    [InlineData("2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc0")]
    [InlineData("2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbz")]
    [InlineData("sha256=2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc")]
    [InlineData(" 2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bb")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void Missing_or_malformed_signatures_are_not_valid(string? signature)
    {
        RazorpaySignatures.IsValidWebhook(Encoding.UTF8.GetBytes(SdkWebhookBody), signature, SdkWebhookSecret).ShouldBeFalse();
        RazorpaySignatures.IsValidLinkCallback("plink_IH3cNucfVEgV68", "TSsd1989", "paid", "pay_IH3d0ara9bSsjQ", signature, SdkLinkSecret).ShouldBeFalse();
    }

    [Fact]
    public void An_empty_webhook_secret_validates_nothing()
    {
        var body = Encoding.UTF8.GetBytes(SdkWebhookBody);
        var signedWithEmptyKey = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Array.Empty<byte>(), body));
        RazorpaySignatures.IsValidWebhook(body, signedWithEmptyKey, "").ShouldBeFalse();
    }

    // ---- Parsing webhooks

    // Razorpay's sample of payment_link.paid (Standard), https://razorpay.com/docs/webhooks/payment-links/ (sample payloads).
    private const string DocsPaymentLinkPaid = """
        {
          "account_id": "acc_OU2H3nkLn9jDVo",
          "contains": ["payment_link", "order", "payment"],
          "created_at": 1749618314,
          "entity": "event",
          "event": "payment_link.paid",
          "payload": {
            "order": {
              "entity": {
                "account_number": null, "amount": 1000, "amount_due": 0, "amount_paid": 1000, "app_offer": false, "attempts": 1,
                "authorized": true, "bank": null, "bank_account": null, "checkout_config_id": null, "created_at": 1749618325,
                "currency": "INR", "customer_id": null, "discount": false, "first_payment_min_amount": null, "force_offer": null,
                "id": "QflczVVaNJciLq", "late_auth_config_id": null, "merchant_id": "OU2H3nkLn9jDVo", "method": null, "notes": [],
                "offers": {}, "order_metas": [], "order_relationships": [], "partial_payment": false, "payer_name": null,
                "payment_capture": true, "product_id": "QflcnnZqCekuvL", "product_type": "payment_link_v2", "provider_context": null,
                "public_key": "rzp_live_XXXXXXXXXXXXXX", "public_response": null, "receipt": "23", "reference2": null, "reference3": null,
                "reference4": null, "reference5": null, "reference6": null, "reference7": null, "reference8": null, "source": null,
                "status": "paid", "transfers": null, "updated_at": 1749618372
              }
            },
            "payment": {
              "entity": {
                "acquirer_data": { "rrn": "103608848276" }, "amount": 1000, "amount_refunded": 0, "amount_transferred": 0, "bank": null,
                "base_amount": 1000, "captured": true, "card": null, "card_id": null, "contact": "+919876543210", "created_at": 1749618371,
                "currency": "INR", "description": "#QflcnnZqCekuvL", "email": null, "entity": "payment", "error_code": null,
                "error_description": null, "error_reason": null, "error_source": null, "error_step": null, "fee": 24,
                "fee_bearer": "platform", "id": "pay_Qfldmt5StKZFCB", "international": false, "invoice_id": null, "method": "upi",
                "notes": [], "order_id": "order_QflczVVaNJciLq", "refund_status": null, "status": "captured", "tax": 4,
                "upi": { "payer_account_type": "bank_account", "vpa": "gaurav.kumar@exampleupi" }, "vpa": "gaurav.kumar@exampleupi",
                "wallet": null
              }
            },
            "payment_link": {
              "entity": {
                "accept_partial": false, "amount": 1000, "amount_paid": 1000, "cancelled_at": 0, "created_at": 1749618314,
                "currency": "INR", "customer": { "contact": "9000090000", "email": "gauravkumar@example.com" },
                "description": "Test Payment", "expire_by": 0, "expired_at": 0, "first_min_partial_amount": 0,
                "id": "plink_QflcnnZqCekuvL", "notes": null, "notify": { "email": false, "sms": false, "whatsapp": false },
                "order_id": "order_QflczVVaNJciLq", "reference_id": "23", "reminder_enable": false, "reminders": { "status": "failed" },
                "short_url": "https://rzp.io/rzp/twH5w1Y", "status": "paid", "updated_at": 1749618371, "upi_link": false,
                "user_id": "HWPf1AudnADDV5", "whatsapp_link": false
              }
            }
          }
        }
        """;

    [Fact]
    public void Parse_reads_the_payment_link_paid_sample_from_Razorpays_docs()
    {
        var webhook = RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(DocsPaymentLinkPaid));

        webhook.Event.ShouldBe("payment_link.paid");
        webhook.AccountId.ShouldBe("acc_OU2H3nkLn9jDVo");
        webhook.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1749618314));
        webhook.Refund.ShouldBeNull();
        var link = webhook.Link.ShouldNotBeNull();
        link.Id.ShouldBe("plink_QflcnnZqCekuvL");
        link.ShortUrl.ShouldBe("https://rzp.io/rzp/twH5w1Y");
        link.Status.ShouldBe("paid");
        link.AmountPaise.ShouldBe(1000);
        link.AmountPaidPaise.ShouldBe(1000);
        link.ReferenceId.ShouldBe("23");
        link.Payments.ShouldBeEmpty(); // a webhook's link carries no payments list
        var payment = webhook.Payment.ShouldNotBeNull();
        payment.Id.ShouldBe("pay_Qfldmt5StKZFCB");
        payment.AmountPaise.ShouldBe(1000);
        payment.Status.ShouldBe("captured");
        payment.Method.ShouldBe("upi");
        payment.OrderId.ShouldBe("order_QflczVVaNJciLq");
        payment.AmountRefundedPaise.ShouldBe(0);
        payment.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1749618371));
        payment.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_reads_the_webhook_fixture_of_Razorpays_Python_SDK()
    {
        var webhook = RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(PythonSdkWebhookBody));

        webhook.Event.ShouldBe("payment.authorized");
        webhook.AccountId.ShouldBeNull();
        webhook.Link.ShouldBeNull();
        var payment = webhook.Payment.ShouldNotBeNull();
        payment.Id.ShouldBe("pay_6koWN7bvxujzxM");
        payment.AmountPaise.ShouldBe(1_000_000);
        payment.Notes.ShouldBe(new Dictionary<string, string> { ["merchant_order_id"] = "random order id" });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"payment_link.paid\"")]
    [InlineData("{}")]
    [InlineData("{\"event\":\"payment.captured\"}")]
    [InlineData("{\"event\":\"payment.captured\",\"payload\":[],\"created_at\":1}")]
    [InlineData("{\"event\":\"payment.captured\",\"payload\":{},\"created_at\":1}")]
    [InlineData("{\"event\":\"payment.captured\",\"payload\":{\"payment\":{}},\"created_at\":1}")]
    [InlineData("{\"event\":\"payment.captured\",\"payload\":{\"payment\":{\"entity\":[]}},\"created_at\":1}")]
    [InlineData("{\"event\":\"refund.processed\",\"payload\":{\"payment\":null},\"created_at\":1}")]
    [InlineData("{\"event\":7,\"payload\":{},\"created_at\":1}")]
    [InlineData("{\"event\":\"\",\"payload\":{},\"created_at\":1}")]
    [InlineData("{\"entity\":\"order\",\"event\":\"x\",\"payload\":{},\"created_at\":1}")]
    [InlineData("{\"entity\":5,\"event\":\"x\",\"payload\":{},\"created_at\":1}")]
    [InlineData("{\"event\":\"x\",\"payload\":{}}")]
    [InlineData("{\"event\":\"x\",\"payload\":{},\"created_at\":\"1749618314\"}")]
    [InlineData("{\"event\":\"x\",\"payload\":{},\"created_at\":-1}")]
    [InlineData("{\"event\":\"x\",\"payload\":{},\"created_at\":1e30}")]
    [InlineData("{\"event\":\"x\",\"payload\":{},\"created_at\":253402300800}")]
    [InlineData("{\"event\":\"x\",\"payload\":{},\"created_at\":1.5}")]
    [InlineData("{\"event\":\"x\",\"event\":\"payment.captured\",\"payload\":{},\"created_at\":1}")]
    [InlineData("{\"event\":\"\\ud800\",\"payload\":{},\"created_at\":1}")]
    [InlineData("{\"event\":\"x\",\"payload\":{},\"created_at\":1")]
    [InlineData("{\"event\":\"x\",\"payload\":{},\"created_at\":1}}")]
    [InlineData("{\"event\":\"x\",\"payload\":{},\"created_at\":1} trailing")]
    [InlineData("{'event':'x'}")]
    public void Parse_refuses_what_is_not_a_webhook_envelope_with_a_FormatException(string body)
    {
        var refused = Should.Throw<FormatException>(() => RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(body)));
        refused.Message.ShouldNotBeNullOrWhiteSpace();
    }

    private static string Payment(string fields) =>
        "{\"event\":\"payment.captured\",\"payload\":{\"payment\":{\"entity\":{" + fields + "}}},\"created_at\":1749618314}";

    [Theory]
    [InlineData("\"id\":\"pay_A\",\"amount\":1e400,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"amount\":99999999999999999999999,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"amount\":-100,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"amount\":100.5,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"amount\":\"100\",\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"amount\":null,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"amount\":100,\"amount_refunded\":true,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"amount\":100,\"status\":null,\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"amount\":100,\"status\":\"captured\"")]
    [InlineData("\"id\":\"pay_A/../x\",\"amount\":100,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"order_A\",\"amount\":100,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":12,\"amount\":100,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"amount\":100,\"status\":\"captured\",\"created_at\":1")]
    [InlineData("\"id\":\"pay_A\",\"amount\":100,\"status\":\"captured\",\"created_at\":1,\"notes\":\"x\"")]
    [InlineData("\"id\":\"pay_A\",\"amount\":100,\"status\":\"captured\",\"created_at\":1,\"notes\":[\"x\"]")]
    [InlineData("\"id\":\"pay_A\",\"amount\":100,\"status\":\"captured\",\"created_at\":1,\"notes\":{\"\\udc00\":\"x\"}")]
    [InlineData("\"id\":\"pay_A\",\"amount\":100,\"status\":\"captured\",\"created_at\":1,\"notes\":{\"a\":\"\\ud800\"}")]
    [InlineData("\"id\":\"pay_A\",\"amount\":100,\"status\":\"captured\",\"created_at\":1,\"notes\":{\"a\":\"x\\udc00\"}")]
    public void Parse_refuses_a_payment_that_is_not_as_Razorpay_sends_it(string fields)
    {
        Should.Throw<FormatException>(() => RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(Payment(fields))));
    }

    [Fact]
    public void Parse_keeps_notes_Razorpay_may_send_as_numbers_and_leaves_out_nested_ones()
    {

        var webhook = RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(Payment(
            "\"id\":\"pay_A\",\"amount\":100,\"status\":\"captured\",\"created_at\":1,\"method\":7,\"notes\":{\"a\":\"x\",\"b\":12,\"c\":true,\"d\":null,\"e\":{\"f\":1},\"g\":[1]}")));

        webhook.Payment.ShouldNotBeNull().Notes.ShouldBe(new Dictionary<string, string> { ["a"] = "x", ["b"] = "12", ["c"] = "true" });
        webhook.Payment.Method.ShouldBeNull(); // a method that is not text is no method
    }

    [Fact]
    public void Parse_refuses_JSON_nested_deeper_than_any_webhook_and_bytes_that_are_not_UTF8()
    {
        Should.Throw<FormatException>(() => RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(new string('[', 100_000))));
        Should.Throw<FormatException>(() => RazorpayWebhookEvent.Parse(Encoding.UTF8.GetBytes(
            "{\"event\":\"x\",\"payload\":{\"order\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40) + "},\"created_at\":1}")));
        Should.Throw<FormatException>(() => RazorpayWebhookEvent.Parse([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]));
    }

    /// <summary>Parses, or throws FormatException; anything else fails the test.</summary>
    private static void ParsesOrRefuses(byte[] body, string what)
    {
        try
        {
            RazorpayWebhookEvent.Parse(body);
        }
        catch (FormatException)
        {
        }
        catch (Exception e)
        {
            throw new ShouldAssertException($"{what}: {e.GetType().Name}: {e.Message}\n{Encoding.UTF8.GetString(body)}", e);
        }
    }

    [Fact]
    public void Parse_refuses_every_truncation_of_a_real_payload_with_a_FormatException()
    {
        var body = Encoding.UTF8.GetBytes(DocsPaymentLinkPaid);
        for (var length = 0; length < body.Length; length++)
        {
            Should.Throw<FormatException>(() => RazorpayWebhookEvent.Parse(body.AsSpan(0, length)), $"the first {length} bytes");
        }
    }

    [Fact]
    public void Parse_survives_random_corruption_of_a_real_payload()
    {
        var original = Encoding.UTF8.GetBytes(DocsPaymentLinkPaid);
        var random = new Random(20261206);
        byte[] interesting = [.. "{}[]\":,0123456789.-+eEtrufalsn\\ \u00ff"u8.ToArray(), 0x00, 0x80, 0xC3];
        for (var round = 0; round < 3000; round++)
        {
            var body = original.ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(body.Count);
                switch (random.Next(3))
                {
                    case 0:
                        body[at] = interesting[random.Next(interesting.Length)];
                        break;
                    case 1:
                        body.RemoveAt(at);
                        break;
                    default:
                        body.Insert(at, interesting[random.Next(interesting.Length)]);
                        break;
                }
            }
            ParsesOrRefuses([.. body], $"round {round}");
        }
    }

    [Fact]
    public void Parse_survives_any_value_of_any_type_in_any_field_of_a_real_payload()
    {
        JsonNode?[] hostile =
        [
            null, "", "pay_../x", "\u0000", 0, -1, long.MaxValue, 1.5, JsonNode.Parse("1e400"), JsonNode.Parse("99999999999999999999999"),
            true, false, new JsonArray(), new JsonArray(1, "a"), new JsonObject(), new JsonObject { ["entity"] = new JsonObject() },
        ];
        var paths = Paths(JsonNode.Parse(DocsPaymentLinkPaid), []).ToList();
        paths.Count.ShouldBeGreaterThan(100);

        foreach (var path in paths)
        {
            foreach (var value in hostile.Append(Removed))
            {
                var copy = JsonNode.Parse(DocsPaymentLinkPaid)!;
                var parent = path[..^1].Aggregate(copy, (node, key) => node[key]!).AsObject();
                if (ReferenceEquals(value, Removed))
                {
                    parent.Remove(path[^1]);
                }
                else
                {
                    parent[path[^1]] = value?.DeepClone();
                }
                ParsesOrRefuses(Encoding.UTF8.GetBytes(copy.ToJsonString()), $"{string.Join('.', path)} = {(ReferenceEquals(value, Removed) ? "removed" : value?.ToJsonString() ?? "null")}");
            }
        }
    }

    private static readonly JsonNode Removed = new JsonObject { ["removed"] = true };

    /// <summary>The path (property names) of every property in the JSON, nested ones included, null values too.</summary>
    private static IEnumerable<string[]> Paths(JsonNode? node, string[] prefix)
    {
        if (node is not JsonObject o)
        {
            yield break;
        }
        foreach (var (key, value) in o)
        {
            string[] path = [.. prefix, key];
            yield return path;
            foreach (var nested in Paths(value, path))
            {
                yield return nested;
            }
        }
    }
}

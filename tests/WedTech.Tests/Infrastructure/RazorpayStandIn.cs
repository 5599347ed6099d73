using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WedTech.Contracts;
using WedTech.Server.Payments.Razorpay;

namespace WedTech.Tests.Infrastructure;

/// <summary>
/// A webhook the stand-in sent (or was to send) to an account's webhook target: the event id (header
/// <c>X-Razorpay-Event-Id</c>, the same on a redelivery), the event's name, the raw body, the signature (header
/// <c>X-Razorpay-Signature</c>), and the status our server answered; <see cref="AnsweredStatus"/> is null when nothing
/// answered (<see cref="Failure"/> says why: dropped on the test's request, no target set, the target unreachable).
/// </summary>
public sealed record RazorpayWebhookDelivery(
    string KeyId, string EventId, string Event, string Body, string Signature, int? AnsweredStatus, string? Failure, DateTimeOffset At)
{
    public bool Delivered => AnsweredStatus is not null;
}

/// <summary>A request the stand-in's API received for an account, and the status it answered.</summary>
public sealed record RazorpayStandInRequest(string Method, string Path, string Body, int AnsweredStatus);

/// <summary>
/// A Razorpay account at the stand-in, made for one test (so parallel tests never see each other's links or webhooks): its
/// API key (<see cref="Key"/>), its webhook secret, where its webhooks go, and what was sent there.
/// </summary>
public sealed class RazorpayStandInAccount
{
    private readonly Lock _gate = new();
    private readonly List<RazorpayWebhookDelivery> _delivered = [];
    private readonly List<RazorpayStandInRequest> _requests = [];
    private readonly List<(Func<RazorpayWebhookDelivery, bool> Match, TaskCompletionSource<RazorpayWebhookDelivery> Done)> _waiting = [];
    private (HttpClient Client, string Path)? _target;

    internal RazorpayStandInAccount(string businessName)
    {
        BusinessName = businessName;
        KeyId = "rzp_test_" + RazorpayStandIn.NewId();
        KeySecret = RazorpayStandIn.NewId(24);
        WebhookSecret = RazorpayStandIn.NewId(20);
        AccountId = "acc_" + RazorpayStandIn.NewId();
    }

    /// <summary>The name on the hosted payment page (Razorpay shows the merchant's business name).</summary>
    public string BusinessName { get; }

    public string KeyId { get; }

    public string KeySecret { get; }

    public string WebhookSecret { get; }

    /// <summary>acc_…, the webhook envelope's <c>account_id</c>.</summary>
    public string AccountId { get; }

    public RazorpayAccount Key => new(KeyId, KeySecret);

    /// <summary>While true, webhooks are recorded in <see cref="Delivered"/> as dropped and not sent (Razorpay or the network failing).</summary>
    public bool DropWebhooks { get; set; }

    /// <summary>
    /// Where this account's webhooks are POSTed: <paramref name="pathOrUrl"/> on <paramref name="client"/> (an in-memory test
    /// server's client and a path, or any client and an absolute URL for a server on a real port).
    /// </summary>
    public void DeliverWebhooksTo(HttpClient client, string pathOrUrl)
    {
        lock (_gate)
        {
            _target = (client, pathOrUrl);
        }
    }

    /// <summary>Each webhook sent or dropped, oldest first.</summary>
    public IReadOnlyList<RazorpayWebhookDelivery> Delivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _delivered];
            }
        }
    }

    /// <summary>The API requests made with this account's key id, oldest first.</summary>
    public IReadOnlyList<RazorpayStandInRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>
    /// The first webhook of this event (matching <paramref name="match"/>) sent or dropped, waiting for it if there is none
    /// yet: a refund's webhook goes out just after the refund is answered, as Razorpay's does.
    /// </summary>
    public Task<RazorpayWebhookDelivery> WaitForDeliveryAsync(string eventName, Func<RazorpayWebhookDelivery, bool>? match = null, TimeSpan? timeout = null)
    {
        bool Matches(RazorpayWebhookDelivery d) => d.Event == eventName && (match?.Invoke(d) ?? true);
        lock (_gate)
        {
            if (_delivered.FirstOrDefault(Matches) is { } done)
            {
                return Task.FromResult(done);
            }
            var waiter = new TaskCompletionSource<RazorpayWebhookDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((Matches, waiter));
            return waiter.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
    }

    internal (HttpClient Client, string Path)? Target
    {
        get
        {
            lock (_gate)
            {
                return _target;
            }
        }
    }

    internal void Record(RazorpayWebhookDelivery delivery)
    {
        List<TaskCompletionSource<RazorpayWebhookDelivery>> done;
        lock (_gate)
        {
            _delivered.Add(delivery);
            done = [.. _waiting.Where(w => w.Match(delivery)).Select(w => w.Done)];
            _waiting.RemoveAll(w => done.Contains(w.Done));
        }
        done.ForEach(d => d.TrySetResult(delivery));
    }

    internal void Record(RazorpayStandInRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}

/// <summary>
/// A real HTTP server on a loopback port, started once per test run, that speaks Razorpay's API as documented
/// (https://razorpay.com/docs/api/) for Payment Links, payments and refunds, serves a hosted payment page for each link,
/// and sends Razorpay's signed webhooks to each account's target. Links, payments and refunds are kept in memory, per
/// account (<see cref="NewAccount"/>). Refusals are Razorpay's: 401 "Authentication failed" for a wrong key, 400
/// BAD_REQUEST_ERROR for a field it does not take, a duplicate reference_id, an amount under ₹1, a refund of more than is
/// left, an id of another account. The API checks the request as Razorpay does (fields, types); the hosted page works
/// without JavaScript and on a phone.
/// </summary>
public sealed class RazorpayStandIn
{
    private static readonly Lazy<RazorpayStandIn> Shared = new(() => new RazorpayStandIn(), LazyThreadSafetyMode.ExecutionAndPublication);

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // Razorpay's create-link fields (https://razorpay.com/docs/api/payments/payment-links/create-standard/); any other is refused.
    private static readonly HashSet<string> LinkFields =
    [
        "amount", "currency", "accept_partial", "first_min_partial_amount", "expire_by", "reference_id", "description", "customer", "notify",
        "reminder_enable", "notes", "callback_url", "callback_method", "upi_link", "options",
    ];

    private static readonly HashSet<string> RefundFields = ["amount", "speed", "notes", "receipt"];

    private static readonly HashSet<string> Methods = ["upi", "card", "netbanking", "wallet"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, RazorpayStandInAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RazorpayStandInAccount Account, JsonObject Entity)> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (RazorpayStandInAccount Account, JsonObject Entity)> _payments = new(StringComparer.Ordinal);
    private readonly HashSet<(string KeyId, string ReferenceId)> _references = [];
    private readonly WebApplication _app;

    public static RazorpayStandIn Instance => Shared.Value;

    public string BaseUrl { get; }

    private RazorpayStandIn()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/v1/payment_links", context => ApiAsync(context, CreateLink));
        _app.MapGet("/v1/payment_links/{id}", context => ApiAsync(context, (account, _, route) => FetchLink(account, route)));
        _app.MapGet("/v1/payments/{id}", context => ApiAsync(context, (account, _, route) => FetchPayment(account, route)));
        _app.MapPost("/v1/payments/{id}/refund", context => ApiAsync(context, Refund));
        _app.MapGet("/pl/{id}", HostedPage);
        _app.MapPost("/pl/{id}/pay", HostedPayAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    /// <summary>The Payments:Razorpay:* settings that point a server at this stand-in.</summary>
    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [$"{RazorpayOptions.Section}:BaseUrl"] = BaseUrl,
    };

    /// <summary>A Razorpay account of its own for one test: key id rzp_test_…, key secret, webhook secret, acc_….</summary>
    public RazorpayStandInAccount NewAccount(string businessName = "Shubh Vivah Planners")
    {
        var account = new RazorpayStandInAccount(businessName);
        lock (_gate)
        {
            _accounts[account.KeyId] = account;
        }
        return account;
    }

    /// <summary>Every webhook sent or dropped, of every account, oldest first (each account's own: <see cref="RazorpayStandInAccount.Delivered"/>).</summary>
    public IReadOnlyList<RazorpayWebhookDelivery> Delivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _accounts.Values.SelectMany(a => a.Delivered).OrderBy(d => d.At)];
            }
        }
    }

    /// <summary>
    /// The couple pays the link in full without a browser (as the hosted page's Pay button does): a captured payment, the link
    /// paid, and the signed webhook payment_link.paid sent to the account's target and answered before this returns (or
    /// recorded as dropped when <paramref name="deliverWebhook"/> is false). Returns the payment's id (pay_…).
    /// </summary>
    public async Task<string> PayAsync(string linkId, string method = "upi", bool deliverWebhook = true)
    {
        var paid = Pay(linkId, method) ?? throw new InvalidOperationException($"{linkId} cannot be paid: it is unknown, paid or expired.");
        await SendEventAsync(paid.Account, RazorpayWebhookEvent.PaymentLinkPaid, paid.Payload, deliverWebhook);
        return paid.PaymentId;
    }

    /// <summary>
    /// A payment on the link fails (the bank declines it): a failed payment, the link still unpaid, and the webhook
    /// payment.failed. Returns the payment's id.
    /// </summary>
    public async Task<string> FailPaymentAsync(string linkId, string method = "upi", bool deliverWebhook = true)
    {
        RazorpayStandInAccount account;
        JsonObject payment;
        lock (_gate)
        {
            if (!_links.TryGetValue(linkId, out var link) || !IsPayable(link.Entity))
            {
                throw new InvalidOperationException($"{linkId} cannot be paid: it is unknown, paid or expired.");
            }
            account = link.Account;
            payment = NewPayment(link.Entity, method, NewOrder(link.Entity), captured: false);
            _payments[payment["id"]!.GetValue<string>()] = (account, payment);
            payment = payment.DeepClone().AsObject();
        }
        await SendEventAsync(account, RazorpayWebhookEvent.PaymentFailed, new JsonObject { ["payment"] = Wrap(payment) }, deliverWebhook);
        return payment["id"]!.GetValue<string>();
    }

    /// <summary>Sends a webhook again, as Razorpay retries one: the same body, signature and event id, to the account's target now.</summary>
    public async Task<RazorpayWebhookDelivery> RedeliverAsync(RazorpayWebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        RazorpayStandInAccount account;
        lock (_gate)
        {
            account = _accounts[delivery.KeyId];
        }
        return await DeliverAsync(account, delivery.EventId, delivery.Event, delivery.Body, delivery.Signature);
    }

    /// <summary>The link expires now (Razorpay expires it at its expire_by).</summary>
    public void Expire(string linkId)
    {
        lock (_gate)
        {
            var link = _links[linkId].Entity;
            link["status"] = "expired";
            link["expired_at"] = Now();
        }
    }

    /// <summary>The link as the stand-in holds it (Razorpay's entity: what was sent, and its state).</summary>
    public JsonObject LinkEntity(string linkId)
    {
        lock (_gate)
        {
            return _links[linkId].Entity.DeepClone().AsObject();
        }
    }

    /// <summary>The payment as the stand-in holds it (Razorpay's entity).</summary>
    public JsonObject PaymentEntity(string paymentId)
    {
        lock (_gate)
        {
            return _payments[paymentId].Entity.DeepClone().AsObject();
        }
    }

    internal static string NewId(int length = 14) => new(RandomNumberGenerator.GetItems<char>(Alphabet, length));

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>A whole number the stand-in stored (an int or long it set, or a number it parsed).</summary>
    private static long Long(JsonNode? node) => node!.AsValue() switch
    {
        var v when v.TryGetValue(out long l) => l,
        var v when v.TryGetValue(out int i) => i,
        var v => v.GetValue<JsonElement>().GetInt64(),
    };

    private static JsonObject Wrap(JsonObject entity) => new() { ["entity"] = entity };

    private static string Hex(string secret, string data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));

    // ---- The API

    private delegate (int Status, JsonNode Body, Func<Task>? After) ApiHandler(RazorpayStandInAccount account, JsonObject? body, RouteValueDictionary route);

    private async Task ApiAsync(HttpContext context, ApiHandler handle)
    {
        var request = context.Request;
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync();
        }
        var (account, keyId) = Authenticate(request);
        (int Status, JsonNode Body, Func<Task>? After) answer;
        if (account is null)
        {
            answer = (401, Error("Authentication failed", source: "NA"), null);
        }
        else if (request.Method == "POST" && !Json(request, text, out _))
        {
            answer = (400, Error("The request body is not valid JSON."), null);
        }
        else
        {
            Json(request, text, out var body);
            answer = handle(account, body, request.RouteValues);
        }
        lock (_gate)
        {
            (account ?? (keyId is null ? null : _accounts.GetValueOrDefault(keyId)))?.Record(
                new RazorpayStandInRequest(request.Method, request.Path, text, answer.Status));
        }
        if (answer.After is { } after)
        {
            // Razorpay's webhook for what the call did comes after the call's answer, never before it.
            context.Response.OnCompleted(after);
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.Body.ToJsonString());
    }

    private static bool Json(HttpRequest request, string text, out JsonObject? body)
    {
        body = null;
        if (request.Method != "POST")
        {
            return true;
        }
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }
        return body is not null;
    }

    private (RazorpayStandInAccount? Account, string? KeyId) Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return (null, null);
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return (null, null);
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (null, null);
        }
        var keyId = decoded[..colon];
        lock (_gate)
        {
            return _accounts.TryGetValue(keyId, out var account) && account.KeySecret == decoded[(colon + 1)..] ? (account, keyId) : (null, keyId);
        }
    }

    /// <summary>Razorpay's error object.</summary>
    private static JsonObject Error(string description, string? field = null, string source = "business")
    {
        var error = new JsonObject
        {
            ["code"] = "BAD_REQUEST_ERROR",
            ["description"] = description,
            ["source"] = source,
            ["step"] = source == "NA" ? "NA" : "payment_initiation",
            ["reason"] = source == "NA" ? "NA" : "input_validation_failed",
            ["metadata"] = new JsonObject(),
        };
        if (field is not null)
        {
            error["field"] = field;
        }
        return new JsonObject { ["error"] = error };
    }

    private static (int, JsonNode, Func<Task>?) Refused(string description, string? field = null) => (400, Error(description, field), null);

    private static bool IsInteger(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue(out value);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private (int, JsonNode, Func<Task>?) CreateLink(RazorpayStandInAccount account, JsonObject? body, RouteValueDictionary route)
    {
        var request = body!;
        if (request.Select(p => p.Key).FirstOrDefault(name => !LinkFields.Contains(name)) is { } extra)
        {
            return Refused($"{extra} is/are not required and should not be sent", extra);
        }
        if (!request.ContainsKey("amount"))
        {
            return Refused("The amount field is required.", "amount");
        }
        if (!IsInteger(request["amount"], out var amount))
        {
            return Refused("The amount must be an integer.", "amount");
        }
        if (amount < 100)
        {
            return Refused("The amount must be atleast INR 1.00", "amount");
        }
        if (request["currency"] is { } currency && Text(currency) != "INR")
        {
            return Refused("The currency provided is not supported.", "currency");
        }
        var reference = request["reference_id"] is null ? null : Text(request["reference_id"]);
        if (request["reference_id"] is not null && (reference is null || reference.Length > 40))
        {
            return Refused("The reference id may not be greater than 40 characters.", "reference_id");
        }
        if (request["description"] is { } description && (Text(description) is not { } d || d.Length > 2048))
        {
            return Refused("The description may not be greater than 2048 characters.", "description");
        }
        if (request["customer"] is { } customer
            && (customer is not JsonObject c || c.Any(p => p.Key is not ("name" or "email" or "contact") || Text(p.Value) is null)))
        {
            return Refused("The customer is an object of name, email and contact, each text.", "customer");
        }
        if (request["notify"] is { } notify
            && (notify is not JsonObject n || n.Any(p => p.Key is not ("sms" or "email" or "whatsapp") || p.Value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))))
        {
            return Refused("notify is an object of sms and email, each true or false.", "notify");
        }
        if (request["notes"] is { } notes && (notes is not JsonObject o || o.Count > 15 || o.Any(p => Text(p.Value) is not { Length: <= 256 })))
        {
            return Refused("The notes may have at most 15 keys, each a text of at most 256 characters.", "notes");
        }
        var callback = request["callback_url"] is null ? null : Text(request["callback_url"]);
        if (request["callback_url"] is not null
            && (!Uri.TryCreate(callback, UriKind.Absolute, out var callbackUri) || callbackUri.Scheme is not ("http" or "https")))
        {
            return Refused("The callback url format is invalid.", "callback_url");
        }
        if (callback is not null && Text(request["callback_method"]) != "get")
        {
            return Refused("callback_method should be get when callback_url is sent.", "callback_method");
        }
        long expireBy = 0;
        if (request["expire_by"] is { } expire && (!IsInteger(expire, out expireBy) || expireBy < Now() + 15 * 60))
        {
            return Refused("expire_by should be at least 15 minutes after current time.", "expire_by");
        }
        lock (_gate)
        {
            if (reference is not null && !_references.Add((account.KeyId, reference)))
            {
                return Refused($"Payment Link with reference id {reference} already exists.", "reference_id");
            }
            var id = "plink_" + NewId();
            var now = Now();
            var link = new JsonObject
            {
                ["accept_partial"] = request["accept_partial"]?.DeepClone() ?? false,
                ["amount"] = amount,
                ["amount_paid"] = 0,
                ["callback_method"] = callback is null ? "" : "get",
                ["callback_url"] = callback ?? "",
                ["cancelled_at"] = 0,
                ["created_at"] = now,
                ["currency"] = "INR",
                ["customer"] = request["customer"]?.DeepClone() ?? new JsonObject(),
                ["description"] = request["description"]?.DeepClone() ?? "",
                ["expire_by"] = expireBy,
                ["expired_at"] = 0,
                ["first_min_partial_amount"] = 0,
                ["id"] = id,
                // Razorpay answers notes it was not sent as null.
                ["notes"] = request["notes"]?.DeepClone(),
                ["notify"] = new JsonObject
                {
                    ["email"] = request["notify"]?["email"]?.DeepClone() ?? true,
                    ["sms"] = request["notify"]?["sms"]?.DeepClone() ?? true,
                    ["whatsapp"] = false,
                },
                ["payments"] = null,
                ["reference_id"] = reference ?? "",
                ["reminder_enable"] = request["reminder_enable"]?.DeepClone() ?? true,
                ["reminders"] = new JsonArray(),
                ["short_url"] = $"{BaseUrl}/pl/{id}",
                ["status"] = "created",
                ["updated_at"] = now,
                ["upi_link"] = false,
                ["user_id"] = "",
                ["whatsapp_link"] = false,
            };
            _links[id] = (account, link);
            return (200, link.DeepClone(), null);
        }
    }

    private (int, JsonNode, Func<Task>?) FetchLink(RazorpayStandInAccount account, RouteValueDictionary route)
    {
        lock (_gate)
        {
            if (!_links.TryGetValue((string)route["id"]!, out var link) || link.Account != account)
            {
                return Refused("The id provided does not exist");
            }
            ExpireIfDue(link.Entity);
            return (200, link.Entity.DeepClone(), null);
        }
    }

    private (int, JsonNode, Func<Task>?) FetchPayment(RazorpayStandInAccount account, RouteValueDictionary route)
    {
        lock (_gate)
        {
            return _payments.TryGetValue((string)route["id"]!, out var payment) && payment.Account == account
                ? (200, payment.Entity.DeepClone(), null)
                : Refused("The id provided does not exist");
        }
    }

    private (int, JsonNode, Func<Task>?) Refund(RazorpayStandInAccount account, JsonObject? body, RouteValueDictionary route)
    {
        var request = body!;
        if (request.Select(p => p.Key).FirstOrDefault(name => !RefundFields.Contains(name)) is { } extra)
        {
            return Refused($"{extra} is/are not required and should not be sent", extra);
        }
        long amount = 0;
        if (request["amount"] is { } given && (!IsInteger(given, out amount) || amount < 100))
        {
            return Refused("The refund amount must be an integer of at least 100 paise (INR 1.00).", "amount");
        }
        if (request["receipt"] is { } receiptNode && Text(receiptNode) is not { Length: <= 40 })
        {
            return Refused("The receipt may not be greater than 40 characters.", "receipt");
        }
        JsonObject refund, payment;
        lock (_gate)
        {
            if (!_payments.TryGetValue((string)route["id"]!, out var found) || found.Account != account)
            {
                return Refused("The id provided does not exist");
            }
            payment = found.Entity;
            if (payment["captured"]?.GetValue<bool>() != true)
            {
                return Refused("The payment has not been captured, so it cannot be refunded.");
            }
            var captured = Long(payment["amount"]!);
            var refunded = Long(payment["amount_refunded"]!);
            if (refunded >= captured)
            {
                return Refused("The payment has been fully refunded already");
            }
            if (request["amount"] is null)
            {
                amount = captured - refunded;
            }
            if (amount > captured - refunded)
            {
                return Refused("The total refund amount is greater than the refund payment amount", "amount");
            }
            refund = new JsonObject
            {
                ["id"] = "rfnd_" + NewId(),
                ["entity"] = "refund",
                ["amount"] = amount,
                ["currency"] = "INR",
                ["payment_id"] = payment["id"]!.GetValue<string>(),
                ["notes"] = request["notes"]?.DeepClone() ?? new JsonArray(),
                ["receipt"] = Text(request["receipt"]),
                ["acquirer_data"] = new JsonObject { ["arn"] = null },
                ["created_at"] = Now(),
                ["batch_id"] = null,
                ["status"] = "processed",
                ["speed_processed"] = "normal",
                ["speed_requested"] = "normal",
            };
            payment["amount_refunded"] = refunded + amount;
            payment["refund_status"] = refunded + amount == captured ? "full" : "partial";
            if (refunded + amount == captured)
            {
                payment["status"] = "refunded";
            }
            payment = payment.DeepClone().AsObject();
        }
        var payload = new JsonObject { ["refund"] = Wrap(refund.DeepClone().AsObject()), ["payment"] = Wrap(payment) };
        return (200, refund, () => SendEventAsync(account, RazorpayWebhookEvent.RefundProcessed, payload, deliver: true));
    }

    // ---- Paying a link

    private sealed record Paid(RazorpayStandInAccount Account, string PaymentId, JsonObject Link, JsonObject Payload);

    private static bool IsPayable(JsonObject link)
    {
        ExpireIfDue(link);
        return link["status"]!.GetValue<string>() is "created" or "partially_paid";
    }

    private static void ExpireIfDue(JsonObject link)
    {
        var expireBy = Long(link["expire_by"]!);
        if (link["status"]!.GetValue<string>() is "created" or "partially_paid" && expireBy > 0 && Now() >= expireBy)
        {
            link["status"] = "expired";
            link["expired_at"] = Now();
        }
    }

    private static JsonObject NewOrder(JsonObject link) => new()
    {
        ["id"] = "order_" + NewId(),
        ["entity"] = "order",
        ["amount"] = Long(link["amount"]!) - Long(link["amount_paid"]!),
        ["amount_paid"] = 0,
        ["amount_due"] = Long(link["amount"]!) - Long(link["amount_paid"]!),
        ["currency"] = "INR",
        ["receipt"] = link["reference_id"]!.DeepClone(),
        ["offer_id"] = null,
        ["status"] = "created",
        ["attempts"] = 0,
        ["notes"] = new JsonArray(),
        ["created_at"] = Now(),
        ["product_type"] = "payment_link_v2",
        ["product_id"] = link["id"]!.GetValue<string>()["plink_".Length..],
    };

    private static JsonObject NewPayment(JsonObject link, string method, JsonObject order, bool captured)
    {
        var amount = Long(order["amount"]!);
        var fee = captured ? amount * 2 / 100 : 0;
        var notes = link["notes"] is JsonObject { Count: > 0 } linkNotes ? linkNotes.DeepClone() : new JsonArray();
        return new JsonObject
        {
            ["id"] = "pay_" + NewId(),
            ["entity"] = "payment",
            ["amount"] = amount,
            ["currency"] = "INR",
            ["status"] = captured ? "captured" : "failed",
            ["order_id"] = order["id"]!.DeepClone(),
            ["invoice_id"] = null,
            ["international"] = false,
            ["method"] = method,
            ["amount_refunded"] = 0,
            ["refund_status"] = null,
            ["captured"] = captured,
            ["description"] = "#" + link["id"]!.GetValue<string>()["plink_".Length..],
            ["card_id"] = method == "card" ? "card_" + NewId() : null,
            ["bank"] = null,
            ["wallet"] = null,
            ["vpa"] = method == "upi" ? "success@razorpay" : null,
            ["email"] = link["customer"]?["email"]?.DeepClone(),
            ["contact"] = link["customer"]?["contact"]?.DeepClone(),
            ["notes"] = notes,
            ["fee"] = fee,
            ["tax"] = fee * 18 / 100,
            ["error_code"] = captured ? null : "BAD_REQUEST_ERROR",
            ["error_description"] = captured ? null : "Payment failed because the bank declined it.",
            ["error_source"] = captured ? null : "bank",
            ["error_step"] = captured ? null : "payment_authorization",
            ["error_reason"] = captured ? null : "payment_declined",
            ["acquirer_data"] = new JsonObject { ["rrn"] = captured && method == "upi" ? RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) : null },
            ["created_at"] = Now(),
        };
    }

    /// <summary>Pays what is left of the link; null when the link is unknown or cannot be paid.</summary>
    private Paid? Pay(string linkId, string method)
    {
        if (!Methods.Contains(method))
        {
            throw new ArgumentException($"Razorpay's methods are {string.Join(", ", Methods)}.", nameof(method));
        }
        lock (_gate)
        {
            if (!_links.TryGetValue(linkId, out var found) || !IsPayable(found.Entity))
            {
                return null;
            }
            var link = found.Entity;
            var order = NewOrder(link);
            var payment = NewPayment(link, method, order, captured: true);
            var paymentId = payment["id"]!.GetValue<string>();
            _payments[paymentId] = (found.Account, payment);
            var amount = Long(payment["amount"]!);
            order["amount_paid"] = amount;
            order["amount_due"] = 0;
            order["status"] = "paid";
            order["attempts"] = 1;
            var paidSoFar = Long(link["amount_paid"]!) + amount;
            link["amount_paid"] = paidSoFar;
            link["status"] = paidSoFar >= Long(link["amount"]!) ? "paid" : "partially_paid";
            link["order_id"] = order["id"]!.DeepClone();
            link["updated_at"] = Now();
            var payments = link["payments"] as JsonArray ?? [];
            payments.Add(new JsonObject
            {
                ["amount"] = amount,
                ["created_at"] = payment["created_at"]!.DeepClone(),
                ["method"] = method,
                ["payment_id"] = paymentId,
                ["plink_id"] = linkId,
                ["status"] = "captured",
                ["updated_at"] = Now(),
            });
            link["payments"] = payments;

            // As Razorpay's payment_link.paid: the link (without its payments list), the order, the payment.
            var linkInWebhook = link.DeepClone().AsObject();
            linkInWebhook.Remove("payments");
            var payload = new JsonObject
            {
                ["payment_link"] = Wrap(linkInWebhook),
                ["order"] = Wrap(order.DeepClone().AsObject()),
                ["payment"] = Wrap(payment.DeepClone().AsObject()),
            };
            return new Paid(found.Account, paymentId, link.DeepClone().AsObject(), payload);
        }
    }

    // ---- Webhooks

    private static async Task SendEventAsync(RazorpayStandInAccount account, string name, JsonObject payload, bool deliver)
    {
        var envelope = new JsonObject
        {
            ["entity"] = "event",
            ["account_id"] = account.AccountId,
            ["event"] = name,
            ["contains"] = new JsonArray([.. payload.Select(p => (JsonNode)p.Key)]),
            ["payload"] = payload,
            ["created_at"] = Now(),
        };
        var body = envelope.ToJsonString();
        var signature = Hex(account.WebhookSecret, body);
        var eventId = NewId();
        if (!deliver || account.DropWebhooks)
        {
            account.Record(new RazorpayWebhookDelivery(account.KeyId, eventId, name, body, signature, null, "dropped (the test asked)", DateTimeOffset.UtcNow));
            return;
        }
        await DeliverAsync(account, eventId, name, body, signature);
    }

    private static async Task<RazorpayWebhookDelivery> DeliverAsync(RazorpayStandInAccount account, string eventId, string name, string body, string signature)
    {
        int? status = null;
        string? failure = null;
        if (account.Target is not { } target)
        {
            failure = "no webhook target set";
        }
        else
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-Razorpay-Signature", signature);
            request.Headers.TryAddWithoutValidation("X-Razorpay-Event-Id", eventId);
            request.Headers.TryAddWithoutValidation("User-Agent", "Razorpay-Webhook/v1");
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                using var response = await target.Client.SendAsync(request, timeout.Token);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                failure = $"not delivered: {e.Message}";
            }
        }
        var delivery = new RazorpayWebhookDelivery(account.KeyId, eventId, name, body, signature, status, failure, DateTimeOffset.UtcNow);
        account.Record(delivery);
        return delivery;
    }

    // ---- The hosted payment page (what the link's short_url opens)

    private IResult HostedPage(string id)
    {
        string? businessName = null, description = null, status = null;
        long due = 0;
        lock (_gate)
        {
            if (_links.TryGetValue(id, out var found))
            {
                ExpireIfDue(found.Entity);
                businessName = found.Account.BusinessName;
                description = found.Entity["description"]?.GetValue<string>();
                status = found.Entity["status"]!.GetValue<string>();
                due = Long(found.Entity["amount"]) - Long(found.Entity["amount_paid"]);
            }
        }
        if (status is null)
        {
            return Page(404, "Payment link not found", "<p>This payment link does not exist. Check the link you were sent.</p>");
        }
        var name = WebUtility.HtmlEncode(businessName);
        if (status is not ("created" or "partially_paid"))
        {
            return Page(200, businessName!, $"<h1>{name}</h1><p id=\"state\">This payment link is {WebUtility.HtmlEncode(status)}.</p>");
        }
        var amount = WebUtility.HtmlEncode(IndianFormat.Rupees(due));
        return Page(200, businessName!, $"""
            <h1>{name}</h1>
            <p>{WebUtility.HtmlEncode(description)}</p>
            <p class="amount" id="amount">{amount}</p>
            <form method="post" action="/pl/{WebUtility.HtmlEncode(id)}/pay">
              <fieldset>
                <legend>Pay with</legend>
                <label><input type="radio" name="method" value="upi" checked> UPI</label>
                <label><input type="radio" name="method" value="card"> Card</label>
              </fieldset>
              <button id="pay" type="submit">Pay {amount}</button>
            </form>
            """);
    }

    private async Task<IResult> HostedPayAsync(HttpContext context, string id)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        var method = form?["method"].ToString() is { Length: > 0 } m ? m : "upi";
        if (!Methods.Contains(method))
        {
            return Page(400, "Payment failed", "<p>Choose UPI or card.</p>");
        }
        var paid = Pay(id, method);
        if (paid is null)
        {
            return Page(400, "Payment link cannot be paid", "<p>This payment link is unknown, already paid or expired.</p>");
        }
        await SendEventAsync(paid.Account, RazorpayWebhookEvent.PaymentLinkPaid, paid.Payload, deliver: true);
        var callback = paid.Link["callback_url"]!.GetValue<string>();
        if (callback.Length == 0)
        {
            return Page(200, "Payment successful", $"<h1>Payment successful</h1><p id=\"payment\">{paid.PaymentId}</p>");
        }
        var reference = paid.Link["reference_id"]!.GetValue<string>();
        var status = paid.Link["status"]!.GetValue<string>();
        return Results.Redirect(QueryHelpers.AddQueryString(callback, new Dictionary<string, string?>
        {
            ["razorpay_payment_id"] = paid.PaymentId,
            ["razorpay_payment_link_id"] = id,
            ["razorpay_payment_link_reference_id"] = reference,
            ["razorpay_payment_link_status"] = status,
            ["razorpay_signature"] = Hex(paid.Account.KeySecret, $"{id}|{reference}|{status}|{paid.PaymentId}"),
        }));
    }

    private static IResult Page(int status, string title, string main) => Results.Content($$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{WebUtility.HtmlEncode(title)}} · Razorpay</title>
          <style>
            body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 26rem; padding: 1rem; }
            fieldset { border: 1px solid #ccc; margin: 1rem 0; }
            label { display: block; padding: .5rem 0; }
            button { width: 100%; padding: .8rem; font-size: 1.1rem; background: #2b6de8; color: #fff; border: 0; border-radius: .3rem; }
            .amount { font-size: 1.6rem; font-weight: 600; }
          </style>
        </head>
        <body><main>
        {{main}}
        </main></body>
        </html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}

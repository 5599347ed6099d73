using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Payments.Razorpay;

/// <summary>
/// Razorpay's REST API over HttpClient (https://razorpay.com/docs/api/): HTTP Basic with the studio's key id and secret on
/// every call, JSON both ways, amounts in paise. Payment Links: <c>POST /v1/payment_links</c>, <c>GET /v1/payment_links/{id}</c>;
/// payments: <c>GET /v1/payments/{id}</c>, <c>POST /v1/payments/{id}/refund</c>. Errors are Razorpay's error object
/// <c>{"error":{"code","description","field",…}}</c>.
/// </summary>
public sealed class RazorpayClient(HttpClient http, IOptions<RazorpayOptions> options) : IRazorpayClient
{
    /// <summary>Razorpay's answers are a few kilobytes; anything longer than this is not read.</summary>
    public const int MaxResponseBytes = 1 << 20;

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    // JSON for an API, never put in a page: "+91…" and Devanagari names are sent as they are, not \u-escaped.
    private static readonly JsonSerializerOptions Body = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<RazorpayLink> CreateLinkAsync(RazorpayAccount account, RazorpayLinkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = new JsonObject { ["name"] = request.CustomerName };
        if (!string.IsNullOrEmpty(request.CustomerEmail))
        {
            customer["email"] = request.CustomerEmail;
        }
        if (!string.IsNullOrEmpty(request.CustomerPhone))
        {
            customer["contact"] = request.CustomerPhone;
        }
        var notes = new JsonObject();
        foreach (var (name, value) in request.Notes)
        {
            notes[name] = value;
        }
        var body = new JsonObject
        {
            ["amount"] = request.AmountPaise,
            ["currency"] = "INR",
            ["accept_partial"] = false,
            ["reference_id"] = request.ReferenceId,
            ["description"] = request.Description,
            ["customer"] = customer,
            // The studio sends the link itself (WhatsApp, e-mail, the couple's portal); Razorpay does not message the couple.
            ["notify"] = new JsonObject { ["sms"] = false, ["email"] = false },
            ["reminder_enable"] = false,
            ["notes"] = notes,
            ["callback_url"] = request.CallbackUrl,
            ["callback_method"] = "get",
        };
        if (request.ExpireBy is { } expireBy)
        {
            body["expire_by"] = expireBy.ToUnixTimeSeconds();
        }
        return SendAsync(account, HttpMethod.Post, "v1/payment_links", body, RazorpayEntities.Link, "payment link", cancellationToken);
    }

    public Task<RazorpayLink> FetchLinkAsync(RazorpayAccount account, string linkId, CancellationToken cancellationToken) =>
        RazorpayIds.IsLinkId(linkId)
            ? SendAsync(account, HttpMethod.Get, $"v1/payment_links/{linkId}", null, RazorpayEntities.Link, "payment link", cancellationToken)
            : Task.FromException<RazorpayLink>(InvalidId("payment link", "plink_"));

    public Task<RazorpayPayment> FetchPaymentAsync(RazorpayAccount account, string paymentId, CancellationToken cancellationToken) =>
        RazorpayIds.IsPaymentId(paymentId)
            ? SendAsync(account, HttpMethod.Get, $"v1/payments/{paymentId}", null, RazorpayEntities.Payment, "payment", cancellationToken)
            : Task.FromException<RazorpayPayment>(InvalidId("payment", "pay_"));

    public Task<RazorpayRefund> RefundAsync(RazorpayAccount account, string paymentId, long amountPaise, string receipt, CancellationToken cancellationToken)
    {
        if (!RazorpayIds.IsPaymentId(paymentId))
        {
            return Task.FromException<RazorpayRefund>(InvalidId("payment", "pay_"));
        }
        var body = new JsonObject { ["amount"] = amountPaise, ["receipt"] = receipt };
        return SendAsync(account, HttpMethod.Post, $"v1/payments/{paymentId}/refund", body, RazorpayEntities.Refund, "refund", cancellationToken);
    }

    private static RazorpayException InvalidId(string what, string prefix) =>
        new($"That is not a Razorpay {what} id ({prefix} followed by letters and digits).", code: RazorpayException.InvalidIdCode);

    private async Task<T> SendAsync<T>(
        RazorpayAccount account, HttpMethod method, string path, JsonObject? body, Func<JsonElement, T> read, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrWhiteSpace(account.KeyId) || account.KeyId.Contains(':', StringComparison.Ordinal) || string.IsNullOrEmpty(account.KeySecret))
        {
            throw new RazorpayException("The studio's Razorpay key (key id and secret) is not set.");
        }
        var settings = options.Value;
        if (!Uri.TryCreate(settings.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
        {
            throw new RazorpayException($"{RazorpayOptions.Section}:BaseUrl is not an http(s) URL.");
        }
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.KeyId}:{account.KeySecret}")));
        request.Headers.Accept.Add(Json);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(Body), Encoding.UTF8, "application/json");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        int status;
        byte[] answer;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            answer = await ReadAsync(response.Content, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RazorpayException($"Razorpay did not answer within {settings.Timeout.TotalSeconds:0.#} s.", inner: e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RazorpayException($"Razorpay could not be reached: {e.Message}", inner: e);
        }

        if (status is < 200 or > 299)
        {
            throw Refusal(status, answer);
        }
        try
        {
            using var document = JsonDocument.Parse(answer);
            return read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new RazorpayException($"Razorpay answered {status} with a {what} that could not be read: {e.Message}", status, inner: e);
        }
    }

    private static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxResponseBytes)
            {
                throw new IOException($"the answer is longer than {MaxResponseBytes / 1024} KB");
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Razorpay's error object, <c>{"error":{"code","description","field",…}}</c>, or just the status when the body is not one.</summary>
    private static RazorpayException Refusal(int status, byte[] answer)
    {
        string? code = null, description = null, field = null;
        try
        {
            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                code = RazorpayEntities.OptionalString(error, "code");
                description = RazorpayEntities.OptionalString(error, "description");
                field = RazorpayEntities.OptionalString(error, "field");
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // A proxy's error page, or nothing: the status is all there is.
        }
        var message = $"Razorpay answered {status}{(code is null ? "" : $" {code}")}: {description ?? "no description"}";
        return new RazorpayException(message, status, code) { Description = description, Field = field };
    }
}

using System.Text.Json;

namespace WedTech.Server.Payments.Razorpay;

/// <summary>
/// A webhook from Razorpay, as <see cref="Parse"/> reads its envelope
/// (<c>{"entity":"event","account_id","event","contains":[…],"payload":{"payment_link":{"entity":…},"payment":{"entity":…},
/// "refund":{"entity":…},"order":{"entity":…}},"created_at"}</c>): the event's name, the Razorpay account it is from
/// (acc_…), when it happened, and the entities it carries. Check its signature
/// (<see cref="RazorpaySignatures.IsValidWebhook"/>) before parsing it. The header <c>X-Razorpay-Event-Id</c>, not the body,
/// identifies the event: a retry of it has the same id.
/// </summary>
public sealed record RazorpayWebhookEvent(
    string Event, string? AccountId, DateTimeOffset CreatedAt, RazorpayPayment? Payment, RazorpayLink? Link, RazorpayRefund? Refund)
{
    /// <summary>A link is paid in full: carries the link, its payment and the order.</summary>
    public const string PaymentLinkPaid = "payment_link.paid";

    /// <summary>Part of a link is paid (links that accept partial payment only): carries the link, the payment and the order.</summary>
    public const string PaymentLinkPartiallyPaid = "payment_link.partially_paid";

    /// <summary>A payment is captured: carries the payment.</summary>
    public const string PaymentCaptured = "payment.captured";

    /// <summary>A payment failed: carries the payment, with why (<see cref="RazorpayPayment.ErrorDescription"/>).</summary>
    public const string PaymentFailed = "payment.failed";

    /// <summary>A refund reached the payer's bank: carries the refund (and the payment).</summary>
    public const string RefundProcessed = "refund.processed";

    /// <summary>A refund failed: carries the refund (and the payment); the amount is back in the studio's balance.</summary>
    public const string RefundFailed = "refund.failed";

    /// <summary>Deeper than any of Razorpay's webhooks; deeper JSON is not read.</summary>
    private const int MaxDepth = 32;

    /// <summary>
    /// The webhook in <paramref name="body"/> (its raw bytes). Events other than the six named above are read as far as the
    /// envelope and any payment, payment link or refund they carry. Throws <see cref="FormatException"/>, with a plain message,
    /// for anything that is not such an envelope (not JSON, an entity missing for its event, an amount that is not whole paise),
    /// and nothing else.
    /// </summary>
    public static RazorpayWebhookEvent Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new FormatException($"The webhook is not JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // Checking names for duplicates reads each one: an escaped lone surrogate ("\udc00") in a name fails there.
            throw new FormatException($"The webhook is not JSON text: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            RazorpayEntities.RequireObject(root, "webhook");
            if (RazorpayEntities.OptionalString(root, "entity") is { } entity && entity != "event"
                || root.TryGetProperty("entity", out var entityValue) && entityValue.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("The webhook's entity is not \"event\".");
            }
            var name = RazorpayEntities.RequiredString(root, "event");
            if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The webhook has no payload object.");
            }
            var accountId = RazorpayEntities.OptionalString(root, "account_id");
            var createdAt = RazorpayEntities.Time(root, "created_at");
            var payment = Entity(payload, "payment", RazorpayEntities.Payment);
            var link = Entity(payload, "payment_link", RazorpayEntities.Link);
            var refund = Entity(payload, "refund", RazorpayEntities.Refund);

            var missing = name switch
            {
                PaymentLinkPaid or PaymentLinkPartiallyPaid when link is null => "payment_link",
                PaymentLinkPaid or PaymentLinkPartiallyPaid when payment is null => "payment",
                PaymentCaptured or PaymentFailed when payment is null => "payment",
                RefundProcessed or RefundFailed when refund is null => "refund",
                _ => null,
            };
            return missing is null
                ? new RazorpayWebhookEvent(name, accountId, createdAt, payment, link, refund)
                : throw new FormatException($"The webhook {name} carries no {missing}.");
        }
    }

    /// <summary>payload.{name}.entity, read; null when the payload does not carry it.</summary>
    private static T? Entity<T>(JsonElement payload, string name, Func<JsonElement, T> read) where T : class
    {
        if (!payload.TryGetProperty(name, out var wrapper) || wrapper.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (wrapper.ValueKind != JsonValueKind.Object || !wrapper.TryGetProperty("entity", out var entity))
        {
            throw new FormatException($"The webhook's {name} has no entity.");
        }
        try
        {
            return read(entity);
        }
        catch (FormatException e)
        {
            throw new FormatException($"The webhook's {name}: {e.Message}", e);
        }
    }
}

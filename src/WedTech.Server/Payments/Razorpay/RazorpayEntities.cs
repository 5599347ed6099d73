using System.Text.Json;

namespace WedTech.Server.Payments.Razorpay;

/// <summary>
/// Reads Razorpay's entities (payment link, payment, refund) as its API and its webhooks send them. Anything not as
/// documented is a <see cref="FormatException"/> with a plain message, never another exception: the API client turns it into
/// a <see cref="RazorpayException"/>, the webhook parser lets it through.
/// </summary>
internal static class RazorpayEntities
{
    // DateTimeOffset's range, in Unix seconds.
    private const long MaxUnixSeconds = 253402300799;

    public static RazorpayLink Link(JsonElement entity)
    {
        RequireObject(entity, "payment link");
        var id = RequiredString(entity, "id");
        if (!RazorpayIds.IsLinkId(id))
        {
            throw new FormatException("The payment link's id is not a Razorpay payment link id (plink_…).");
        }
        var payments = new List<RazorpayLinkPayment>();
        // "payments" is null until the link is paid, then an array; a webhook's link has none.
        if (entity.TryGetProperty("payments", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The payment link's payments are not a list.");
            }
            foreach (var payment in list.EnumerateArray())
            {
                RequireObject(payment, "payment of the link");
                var paymentId = RequiredString(payment, "payment_id");
                if (!RazorpayIds.IsPaymentId(paymentId))
                {
                    throw new FormatException("A payment of the link has no Razorpay payment id (pay_…).");
                }
                payments.Add(new RazorpayLinkPayment(
                    paymentId, Amount(payment, "amount"), RequiredString(payment, "status"), OptionalString(payment, "method"), Time(payment, "created_at")));
            }
        }
        return new RazorpayLink(
            id, RequiredString(entity, "short_url"), RequiredString(entity, "status"), Amount(entity, "amount"), Amount(entity, "amount_paid", 0),
            OptionalString(entity, "reference_id") is { Length: > 0 } reference ? reference : null, payments);
    }

    public static RazorpayPayment Payment(JsonElement entity)
    {
        RequireObject(entity, "payment");
        var id = RequiredString(entity, "id");
        if (!RazorpayIds.IsPaymentId(id))
        {
            throw new FormatException("The payment's id is not a Razorpay payment id (pay_…).");
        }
        return new RazorpayPayment(
            id, Amount(entity, "amount"), RequiredString(entity, "status"), OptionalString(entity, "method"), OptionalString(entity, "order_id"),
            Amount(entity, "amount_refunded", 0), Time(entity, "created_at"), Notes(entity))
        {
            ErrorCode = OptionalString(entity, "error_code"),
            ErrorDescription = OptionalString(entity, "error_description"),
        };
    }

    public static RazorpayRefund Refund(JsonElement entity)
    {
        RequireObject(entity, "refund");
        var id = RequiredString(entity, "id");
        if (!RazorpayIds.IsRefundId(id))
        {
            throw new FormatException("The refund's id is not a Razorpay refund id (rfnd_…).");
        }
        var paymentId = RequiredString(entity, "payment_id");
        if (!RazorpayIds.IsPaymentId(paymentId))
        {
            throw new FormatException("The refund's payment_id is not a Razorpay payment id (pay_…).");
        }
        return new RazorpayRefund(id, paymentId, Amount(entity, "amount"), RequiredString(entity, "status"))
        {
            Receipt = OptionalString(entity, "receipt"),
        };
    }

    public static void RequireObject(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"The {what} is not a JSON object.");
        }
    }

    public static string RequiredString(JsonElement entity, string property) =>
        entity.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && Text(value, property) is { Length: > 0 } text
            ? text
            : throw new FormatException($"\"{property}\" is missing or is not text.");

    /// <summary>The text, or null when it is missing, null or not text (Razorpay sends null for what does not apply).</summary>
    public static string? OptionalString(JsonElement entity, string property) =>
        entity.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? Text(value, property) : null;

    /// <summary>An amount in paise: a whole number, not negative.</summary>
    public static long Amount(JsonElement entity, string property, long? whenMissing = null)
    {
        if (!entity.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return whenMissing ?? throw new FormatException($"\"{property}\" is missing.");
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var paise) && paise >= 0
            ? paise
            : throw new FormatException($"\"{property}\" is not an amount in paise.");
    }

    /// <summary>A Unix time in seconds, as Razorpay sends every time.</summary>
    public static DateTimeOffset Time(JsonElement entity, string property) =>
        entity.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            && seconds is >= 0 and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new FormatException($"\"{property}\" is missing or is not a Unix time.");

    /// <summary>
    /// The notes: an object of short texts; Razorpay sends an empty one as <c>[]</c>, and some as null. A number or true/false
    /// is kept as its JSON text; anything nested is not a note and is left out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Notes(JsonElement entity)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!entity.TryGetProperty("notes", out var value) || value.ValueKind is JsonValueKind.Null)
        {
            return notes;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                return notes;
            case JsonValueKind.Object:
                foreach (var note in value.EnumerateObject())
                {
                    var text = note.Value.ValueKind switch
                    {
                        JsonValueKind.String => Text(note.Value, "notes"),
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => note.Value.GetRawText(),
                        _ => null,
                    };
                    if (text is not null)
                    {
                        notes[NameOf(note)] = text;
                    }
                }
                return notes;
            default:
                throw new FormatException("\"notes\" is neither an object nor an empty list.");
        }
    }

    private static string NameOf(JsonProperty property)
    {
        try
        {
            return WellFormed(property.Name) ? property.Name : throw new FormatException("A note's name is not valid text.");
        }
        catch (InvalidOperationException)
        {
            throw new FormatException("A note's name is not valid text.");
        }
    }

    // A string with an escaped lone surrogate ("\ud800", "\udc00") is valid JSON but not text: it is either refused when read,
    // or read as a string no database or page can take.
    private static string Text(JsonElement value, string property)
    {
        try
        {
            return value.GetString() is { } text && WellFormed(text) ? text : throw new FormatException($"\"{property}\" is not valid text.");
        }
        catch (InvalidOperationException)
        {
            throw new FormatException($"\"{property}\" is not valid text.");
        }
    }

    private static bool WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}

using System.Net;
using System.Text.Json;

namespace WedTech.Server.Messaging.Channels;

/// <summary>What the HTTP provider clients share: one request, and the answers that mean "try again later".</summary>
internal static class ProviderHttp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sends the request and lets <paramref name="interpret"/> read the answer. The provider being unreachable or
    /// answering nothing readable within the timeout is worth trying again; the caller cancelling is not an outcome.
    /// </summary>
    public static async Task<SendOutcome> SendAsync(HttpClient http, HttpRequestMessage request, string provider,
        Func<HttpResponseMessage, Task<SendOutcome>> interpret, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return await interpret(response);
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome.RetryLater($"{provider} could not be reached: {e.Message}", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.RetryLater($"{provider} did not answer within {http.Timeout.TotalSeconds:0} s.", null);
        }
    }

    /// <summary>Rate limited, or the provider failing on its side.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>The provider's Retry-After, in seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue? header, TimeProvider time) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The body as JSON, or null when it is empty or not JSON (a proxy's error page).</summary>
    public static async Task<JsonElement?> JsonOrNullAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long? Number(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number : null;

    /// <summary>E.164 without the plus, as WhatsApp and MSG91 want it.</summary>
    public static string Digits(string e164) => e164.StartsWith('+') ? e164[1..] : e164;
}

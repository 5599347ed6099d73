namespace WedTech.Server.Messaging.Webhooks;

/// <summary>
/// What every provider's callback needs before anything in it is believed: its media type, its raw body read once (the
/// signature covers those exact bytes, within the API's size limit), and its signature header checked.
/// </summary>
public static class WebhookRequests
{
    /// <summary>A callback without its provider's signature is refused (401), one with a wrong signature too (403); one this server cannot verify, 404.</summary>
    public static RouteHandlerBuilder ProducesSignatureProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static ApiException NotConfigured(string what) =>
        new(StatusCodes.Status404NotFound, "Webhook not configured", $"This server has no {what}; it accepts no callbacks it cannot verify.");

    public static void RequireMediaType(HttpRequest request, string mediaType)
    {
        if (!string.Equals(request.GetTypedHeaders().ContentType?.MediaType.Value, mediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the body as {mediaType}.");
        }
    }

    public static void RequireSignature(HttpRequest request, string header, Func<string, bool> isValid)
    {
        var value = request.Headers[header].ToString();
        if (value.Length == 0)
        {
            throw new ApiException(StatusCodes.Status401Unauthorized, "Signature missing", $"The request has no {header} header.");
        }
        if (!isValid(value))
        {
            throw new ApiException(StatusCodes.Status403Forbidden, "Signature invalid", $"{header} does not match the request.");
        }
    }

    /// <summary>The raw body, read once: the signature covers these exact bytes.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var limit = ApiConventions.MaxJsonBodyBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ApiException(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"Send at most {limit / 1024} KB.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

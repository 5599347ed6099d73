using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WedTech.App.Platform;

/// <summary>
/// Every call from the app to the API. The session lives in HttpOnly cookies the app never sees; this
/// client sends the anti-forgery header the server requires of cookie-authenticated calls, renews the
/// session once on a 401, turns problem details into <see cref="ApiProblemException"/>, and refuses writes
/// while offline. Reads can fall back to the copy kept from the last time they were loaded.
/// </summary>
public sealed class ApiClient(HttpClient http, SessionRenewal renewal, OfflineCopies copies, Connectivity connectivity)
{
    /// <summary>The If-Match value for a record of this version, as the API writes its ETags ("3").</summary>
    public static string ETag(long version) => "\"" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    /// <summary>The header the server requires on cookie-authenticated requests; a cross-site form cannot send it.</summary>
    public const string CsrfHeader = "X-WedTech-Csrf";

    /// <summary>The header that makes a retried POST take effect once (the outbox honours it).</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<T> GetAsync<T>(string url, CancellationToken cancellationToken = default) =>
        (await SendAsync<T>(HttpMethod.Get, url, content: null, ifMatch: null, cancellationToken)).Value!;

    /// <summary>
    /// A read that falls back to the last copy loaded on this device when the network is gone. One-off
    /// views (a search) pass <paramref name="keepCopy"/> false, so browser storage holds only views worth
    /// having offline and does not grow with every search typed.
    /// </summary>
    public async Task<Loaded<T>> GetWithOfflineCopyAsync<T>(string url, bool keepCopy = true, CancellationToken cancellationToken = default)
    {
        try
        {
            var (fresh, text) = await SendCoreAsync<T>(HttpMethod.Get, url, content: null, ifMatch: null, keepText: keepCopy, idempotencyKey: null, cancellationToken);
            if (text is not null)
            {
                await copies.SaveAsync(url, text, fresh.ETag);
            }
            return fresh;
        }
        catch (ApiProblemException problem) when (problem.Status == ApiProblemException.Offline)
        {
            if (await copies.LoadAsync<T>(url) is { } copy)
            {
                return copy;
            }
            throw;
        }
    }

    public async Task<Loaded<TResponse>> PostAsync<TRequest, TResponse>(string url, TRequest body, CancellationToken cancellationToken = default) =>
        await SendAsync<TResponse>(HttpMethod.Post, url, JsonContent.Create(body, options: ApiJson.Options), ifMatch: null, cancellationToken);

    /// <summary>A POST that changes a versioned record (shifting an event's run-of-show), sent with the version last read.</summary>
    public async Task<Loaded<TResponse>> PostAsync<TRequest, TResponse>(string url, TRequest body, string? ifMatch, CancellationToken cancellationToken = default) =>
        await SendAsync<TResponse>(HttpMethod.Post, url, JsonContent.Create(body, options: ApiJson.Options), ifMatch, cancellationToken);

    public async Task<Loaded<TResponse>> PutAsync<TRequest, TResponse>(string url, TRequest body, string? ifMatch, CancellationToken cancellationToken = default) =>
        await SendAsync<TResponse>(HttpMethod.Put, url, JsonContent.Create(body, options: ApiJson.Options), ifMatch, cancellationToken);

    /// <summary>
    /// A POST that must take effect once (queuing a message): sent again with the same <paramref name="idempotencyKey"/>,
    /// after a lost answer or a renewed session, it gets the first answer instead of doing it twice.
    /// </summary>
    public async Task<Loaded<TResponse>> PostOnceAsync<TRequest, TResponse>(string url, TRequest body, string idempotencyKey, CancellationToken cancellationToken = default) =>
        await SendAsync<TResponse>(HttpMethod.Post, url, JsonContent.Create(body, options: ApiJson.Options), ifMatch: null, cancellationToken, idempotencyKey);

    /// <summary>Uploads one file as multipart/form-data, claiming the type the browser reported for it, with the form's other <paramref name="fields"/>.</summary>
    public async Task<Loaded<TResponse>> PostFileAsync<TResponse>(string url, Stream content, string fileName, string? contentType,
        IReadOnlyDictionary<string, string>? fields = null, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }
        var file = new StreamContent(content);
        if (MediaTypeHeaderValue.TryParse(contentType, out var type))
        {
            file.Headers.ContentType = type;
        }
        form.Add(file, "file", fileName);
        return await SendAsync<TResponse>(HttpMethod.Post, url, form, ifMatch: null, cancellationToken);
    }

    public async Task PostAsync(string url, CancellationToken cancellationToken = default) =>
        await SendAsync<object>(HttpMethod.Post, url, content: null, ifMatch: null, cancellationToken);

    public async Task DeleteAsync(string url, string? ifMatch, CancellationToken cancellationToken = default) =>
        await SendAsync<object>(HttpMethod.Delete, url, content: null, ifMatch, cancellationToken);

    /// <summary>A DELETE whose answer carries what is left (an undone check-in answers with the household as it is now).</summary>
    public Task<Loaded<TResponse>> DeleteAsync<TResponse>(string url, CancellationToken cancellationToken = default) =>
        SendAsync<TResponse>(HttpMethod.Delete, url, content: null, ifMatch: null, cancellationToken);

    private async Task<Loaded<T>> SendAsync<T>(HttpMethod method, string url, HttpContent? content, string? ifMatch, CancellationToken cancellationToken,
        string? idempotencyKey = null) =>
        (await SendCoreAsync<T>(method, url, content, ifMatch, keepText: false, idempotencyKey, cancellationToken)).Loaded;

    /// <summary>
    /// Sends the request and reads the answer; with <paramref name="keepText"/>, also returns the answer's JSON text as it came, so
    /// that an offline copy is the text itself rather than the objects written out again (which, for a 2,000-guest list, doubled
    /// the WebAssembly work between the data arriving and the list showing).
    /// </summary>
    private async Task<(Loaded<T> Loaded, string? Text)> SendCoreAsync<T>(HttpMethod method, string url, HttpContent? content, string? ifMatch,
        bool keepText, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var write = method != HttpMethod.Get;
        if (write && !connectivity.IsOnline)
        {
            throw ApiProblemException.NoConnection(write);
        }
        if (content is not null)
        {
            // Buffered so the same body can be sent again after the session is renewed.
            await content.LoadIntoBufferAsync(cancellationToken);
        }

        var response = await SendOnceAsync(method, url, content, ifMatch, idempotencyKey, write, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && !url.StartsWith("/api/v1/auth/", StringComparison.Ordinal))
        {
            response.Dispose();
            response = await renewal.TryRenewAsync()
                ? await SendOnceAsync(method, url, content, ifMatch, idempotencyKey, write, cancellationToken)
                : new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }
        using var _ = response;

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await renewal.SessionEndedAsync();
            throw ApiProblemException.SessionExpired();
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await ReadProblemAsync(response, cancellationToken);
        }
        var etag = response.Headers.ETag?.Tag;
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0 || typeof(T) == typeof(object))
        {
            return (new Loaded<T>(default, etag, StaleSince: null), null);
        }
        if (!keepText)
        {
            return (new Loaded<T>(await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken), etag, StaleSince: null), null);
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (new Loaded<T>(JsonSerializer.Deserialize<T>(text, ApiJson.Options), etag, StaleSince: null), text);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string url, HttpContent? content, string? ifMatch, string? idempotencyKey, bool write,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content is null ? null : new ReusedContent(content) };
        request.Headers.Add(CsrfHeader, "1");
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyHeader, idempotencyKey);
        }
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch == "*" ? EntityTagHeaderValue.Any : EntityTagHeaderValue.Parse(ifMatch));
        }
        try
        {
            var response = await http.SendAsync(request, cancellationToken);
            connectivity.Reachable();
            return response;
        }
        catch (HttpRequestException)
        {
            connectivity.Unreachable();
            throw ApiProblemException.NoConnection(write);
        }
    }

    private static async Task<ApiProblemException> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDocument>(ApiJson.Options, cancellationToken);
            if (problem?.Title is not null)
            {
                return new ApiProblemException(status, problem.Title, problem.Detail, problem.Errors);
            }
        }
        catch (JsonException)
        {
        }
        catch (NotSupportedException)
        {
            // Not JSON (a proxy's error page): fall through to a plain message.
        }
        return new ApiProblemException(status, "Something went wrong", $"The server answered {status} {response.ReasonPhrase}. Try again in a moment.");
    }

    /// <summary>Lets one buffered body go out in two requests (HttpClient disposes a request's content with it).</summary>
    private sealed class ReusedContent : HttpContent
    {
        private readonly HttpContent _inner;

        public ReusedContent(HttpContent inner)
        {
            _inner = inner;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }
    }
}

/// <summary>A response body with its version (ETag) and, for an offline copy, when it was loaded.</summary>
public sealed record Loaded<T>(T? Value, string? ETag, DateTimeOffset? StaleSince)
{
    public bool IsStale => StaleSince is not null;
}

using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WedTech.Server.Messaging.Push;

namespace WedTech.Tests.Infrastructure;

/// <summary>What the fake providers received: the request as sent, and what was wrong with it (null when it was as documented).</summary>
public sealed record ProviderRequest(
    string Provider, string Recipient, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredStatus,
    string? Problem, string? PushPayload, DateTimeOffset ReceivedAt);

/// <summary>A browser's push subscription made up for a test: its keys, and the private key that decrypts what is pushed to it.</summary>
public sealed record PushSubscriber(string Endpoint, string P256dh, string Auth);

/// <summary>
/// A real HTTP server on a loopback port, started once per test run, that speaks the wire formats of Twilio's
/// Messages API, MSG91's Flow API, Meta's WhatsApp Cloud API and a Web Push service (RFC 8030/8291/8292). It checks
/// each request as the provider documents it (path, authentication, content type, fields), answers as the provider
/// does, and records what it received. The recipient chooses failures: a number or push endpoint ending in 0429 is
/// rate limited (with Retry-After), 0400 is refused as invalid (Twilio 21211, WhatsApp 131026, MSG91 error), 0610
/// is unsubscribed (Twilio 21610), 0500 is a server error, 1429 is rate limited (as 0429) on its first request to a
/// provider only and accepted after that; push endpoints ending in "gone" or "missing" answer 410
/// or 404.
/// </summary>
public sealed partial class FakeProviders
{
    public const string TwilioAccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string TwilioAuthToken = "fake-twilio-auth-token-4f1c9d";
    public const string TwilioFrom = "+15005550006";
    public const string TwilioStatusCallbackUrl = "https://wedtech.test/api/v1/webhooks/twilio/status";
    public const string Msg91AuthKey = "fake-msg91-authkey-77ab10";
    public const string WhatsAppApiVersion = "v23.0";
    public const string WhatsAppPhoneNumberId = "106540352242922";
    public const string WhatsAppAccessToken = "fake-whatsapp-access-token-EAAG";
    public const string WhatsAppAppSecret = "fake-whatsapp-app-secret-91c3";
    public const string WhatsAppVerifyToken = "fake-whatsapp-verify-token";
    public const int RetryAfterSeconds = 7;

    private static readonly Lazy<FakeProviders> Shared = new(() => new FakeProviders(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentQueue<ProviderRequest> _received = new();
    private readonly ConcurrentDictionary<string, (ECDiffieHellman Key, byte[] Auth)> _subscribers = new();
    private readonly WebApplication _app;

    public static FakeProviders Instance => Shared.Value;

    public string BaseUrl { get; }

    private FakeProviders()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/twilio/2010-04-01/Accounts/{accountSid}/Messages.json", TwilioAsync);
        _app.MapPost("/msg91/api/v5/flow", Msg91Async);
        _app.MapPost("/whatsapp/{version}/{phoneNumberId}/messages", WhatsAppAsync);
        _app.MapPost("/push/{name}", PushAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    /// <summary>The Messaging:* settings that point a server at these fakes.</summary>
    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Messaging:Twilio:BaseUrl"] = $"{BaseUrl}/twilio",
        ["Messaging:Twilio:AccountSid"] = TwilioAccountSid,
        ["Messaging:Twilio:AuthToken"] = TwilioAuthToken,
        ["Messaging:Twilio:From"] = TwilioFrom,
        ["Messaging:Twilio:StatusCallbackUrl"] = TwilioStatusCallbackUrl,
        ["Messaging:Msg91:BaseUrl"] = $"{BaseUrl}/msg91",
        ["Messaging:Msg91:AuthKey"] = Msg91AuthKey,
        ["Messaging:WhatsApp:BaseUrl"] = $"{BaseUrl}/whatsapp",
        ["Messaging:WhatsApp:ApiVersion"] = WhatsAppApiVersion,
        ["Messaging:WhatsApp:PhoneNumberId"] = WhatsAppPhoneNumberId,
        ["Messaging:WhatsApp:AccessToken"] = WhatsAppAccessToken,
        ["Messaging:WhatsApp:AppSecret"] = WhatsAppAppSecret,
        ["Messaging:WhatsApp:VerifyToken"] = WhatsAppVerifyToken,
        ["Messaging:WebPush:AllowLoopbackHttp"] = "true",
    }.Concat(WebPushOptions.DefaultEndpointHosts.Append("127.0.0.1").Select((host, i) => KeyValuePair.Create($"Messaging:WebPush:AllowedEndpointHosts:{i}", (string?)host)))
        .ToDictionary();

    /// <summary>A mobile number of its own for one test (so parallel tests never read each other's requests), ending in <paramref name="ending"/>.</summary>
    public static string NewIndianMobile(string ending = "") =>
        "+919" + string.Concat(Enumerable.Range(0, 9 - ending.Length).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10)))) + ending;

    /// <summary>What the fakes received for this recipient (E.164 number, or push endpoint), oldest first.</summary>
    public IReadOnlyList<ProviderRequest> ReceivedFor(string recipient) =>
        [.. _received.Where(r => r.Recipient == recipient || r.Recipient == recipient.TrimStart('+'))];

    /// <summary>A browser subscribed at this push service; the endpoint's name ends in <paramref name="ending"/> to choose an answer.</summary>
    public PushSubscriber NewPushSubscriber(string ending = "")
    {
        var name = Guid.NewGuid().ToString("N") + ending;
        var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var auth = RandomNumberGenerator.GetBytes(16);
        var endpoint = $"{BaseUrl}/push/{name}";
        _subscribers[endpoint] = (key, auth);
        return new PushSubscriber(endpoint, Base64Url.EncodeToString(PublicKey(key)), Base64Url.EncodeToString(auth));
    }

    private static byte[] PublicKey(ECDiffieHellman key)
    {
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    private static Dictionary<string, string> HeadersOf(HttpRequest request) =>
        request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    private static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static readonly string[] FailureEndings = ["0429", "0400", "0610", "0500"];

    private string? FailureEnding(string provider, string recipient) =>
        recipient.EndsWith("1429", StringComparison.Ordinal)
            ? _received.Any(r => r.Provider == provider && r.Recipient == recipient) ? null : "0429"
            : FailureEndings.FirstOrDefault(e => recipient.EndsWith(e, StringComparison.Ordinal));

    private IResult Record(HttpRequest request, string provider, string recipient, string body, string? problem, IResult answer, int status,
        string? pushPayload = null)
    {
        _received.Enqueue(new ProviderRequest(provider, recipient, request.Method, request.Path, HeadersOf(request), body, status, problem, pushPayload, DateTimeOffset.UtcNow));
        return answer;
    }

    private static bool IsForm(HttpRequest request) => request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsJson(HttpRequest request) => request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    // ---- Twilio: https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource

    private async Task<IResult> TwilioAsync(HttpRequest request, string accountSid)
    {
        var body = Encoding.UTF8.GetString(await BodyAsync(request));
        var form = IsForm(request) ? new FormReader(body).ReadForm() : [];
        var to = form.TryGetValue("To", out var t) ? t.ToString() : "";

        static IResult Error(int status, int code, string message)
        {
            var json = new JsonObject { ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = status };
            return Results.Json(json, statusCode: status);
        }

        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioAccountSid}:{TwilioAuthToken}"));
        if (request.Headers.Authorization != expectedAuth || accountSid != TwilioAccountSid)
        {
            return Record(request, "twilio", to, body, "authentication", Error(401, 20003, "Authenticate"), 401);
        }
        if (!IsForm(request))
        {
            return Record(request, "twilio", to, body, "content type", Error(400, 20001, "Invalid content type"), 400);
        }
        var problem = !E164().IsMatch(to) ? "To is not E.164"
            : form.ContainsKey("From") == form.ContainsKey("MessagingServiceSid") ? "exactly one of From and MessagingServiceSid"
            : !form.TryGetValue("Body", out var text) || text.ToString().Length is 0 or > 1600 ? "Body missing or over 1600 characters"
            : form.TryGetValue("StatusCallback", out var callback) && !Uri.IsWellFormedUriString(callback, UriKind.Absolute) ? "StatusCallback is not a URL"
            : null;
        if (problem is not null)
        {
            return Record(request, "twilio", to, body, problem, Error(400, 21604, $"Invalid parameter: {problem}"), 400);
        }
        switch (FailureEnding("twilio", to))
        {
            case "0429":
                request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Record(request, "twilio", to, body, null, Error(429, 20429, "Too Many Requests"), 429);
            case "0400":
                return Record(request, "twilio", to, body, null, Error(400, 21211, $"The 'To' number {to} is not a valid phone number."), 400);
            case "0610":
                return Record(request, "twilio", to, body, null, Error(400, 21610, "Attempt to send to unsubscribed recipient"), 400);
            case "0500":
                return Record(request, "twilio", to, body, null, Error(500, 20500, "Internal Server Error"), 500);
        }
        var sid = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var message = new JsonObject
        {
            ["account_sid"] = TwilioAccountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = form["Body"].ToString(),
            ["date_created"] = DateTimeOffset.UtcNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture),
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["from"] = form.TryGetValue("From", out var from) ? from.ToString() : null,
            ["messaging_service_sid"] = form.TryGetValue("MessagingServiceSid", out var service) ? service.ToString() : null,
            ["num_segments"] = "1",
            ["sid"] = sid,
            ["status"] = form.ContainsKey("MessagingServiceSid") ? "accepted" : "queued",
            ["to"] = to,
            ["uri"] = $"/2010-04-01/Accounts/{TwilioAccountSid}/Messages/{sid}.json",
        };
        return Record(request, "twilio", to, body, null, Results.Json(message, statusCode: 201), 201);
    }

    // ---- MSG91 Flow API: https://docs.msg91.com/sms/send-sms

    private async Task<IResult> Msg91Async(HttpRequest request)
    {
        var body = Encoding.UTF8.GetString(await BodyAsync(request));
        JsonNode? json = null;
        try
        {
            json = IsJson(request) ? JsonNode.Parse(body) : null;
        }
        catch (JsonException)
        {
        }
        var recipients = json?["recipients"] as JsonArray;
        var mobiles = recipients is [JsonObject first, ..] ? first["mobiles"]?.GetValue<string>() ?? "" : "";

        static IResult Error(int status, string message) => Results.Json(new JsonObject { ["type"] = "error", ["message"] = message }, statusCode: status);

        if (request.Headers["authkey"] != Msg91AuthKey)
        {
            return Record(request, "msg91", mobiles, body, "authkey", Error(401, "Authentication failure"), 401);
        }
        var problem = json is not JsonObject ? "body is not JSON"
            : json["template_id"]?.GetValue<string>() is not { Length: > 0 } ? "template_id"
            : json["short_url"]?.GetValue<string>() is not ("0" or "1") ? "short_url is \"0\" or \"1\""
            : recipients is null || recipients.Count == 0 ? "recipients"
            : recipients.Any(r => r?["mobiles"]?.GetValue<string>() is not { } m || !Regex.IsMatch(m, "^[1-9][0-9]{9,14}$")) ? "mobiles: country code and number, digits only"
            : null;
        if (problem is not null)
        {
            return Record(request, "msg91", mobiles, body, problem, Error(400, problem), 400);
        }
        switch (FailureEnding("msg91", mobiles))
        {
            case "0429":
                request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Record(request, "msg91", mobiles, body, null, Error(429, "Too many requests"), 429);
            case "0400":
                return Record(request, "msg91", mobiles, body, null, Error(400, "Mobile number is invalid"), 400);
            case "0500":
                return Record(request, "msg91", mobiles, body, null, Error(500, "Internal server error"), 500);
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        return Record(request, "msg91", mobiles, body, null, Results.Json(new JsonObject { ["type"] = "success", ["message"] = id }), 200);
    }

    // ---- WhatsApp Cloud API: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages

    private async Task<IResult> WhatsAppAsync(HttpRequest request, string version, string phoneNumberId)
    {
        var body = Encoding.UTF8.GetString(await BodyAsync(request));
        JsonNode? json = null;
        try
        {
            json = IsJson(request) ? JsonNode.Parse(body) : null;
        }
        catch (JsonException)
        {
        }
        var to = json?["to"]?.GetValue<string>() ?? "";

        static IResult Error(int status, int code, string message) => Results.Json(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = $"(#{code}) {message}",
                ["type"] = "OAuthException",
                ["code"] = code,
                ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = message },
                ["fbtrace_id"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            },
        }, statusCode: status);

        if (request.Headers.Authorization != $"Bearer {WhatsAppAccessToken}")
        {
            return Record(request, "whatsapp", to, body, "authorization", Error(401, 190, "Invalid OAuth access token"), 401);
        }
        if (!Regex.IsMatch(version, @"^v\d+\.\d+$") || phoneNumberId != WhatsAppPhoneNumberId)
        {
            return Record(request, "whatsapp", to, body, "path", Error(400, 100, "Unsupported post request"), 400);
        }
        var type = json?["type"]?.GetValue<string>();
        var problem = json is not JsonObject ? "body is not JSON"
            : json["messaging_product"]?.GetValue<string>() != "whatsapp" ? "messaging_product"
            : !Regex.IsMatch(to, "^[1-9][0-9]{6,14}$") ? "to: digits with country code"
            : type switch
            {
                "template" when json["template"]?["name"]?.GetValue<string>() is not { Length: > 0 } => "template.name",
                "template" when json["template"]?["language"]?["code"]?.GetValue<string>() is not { Length: > 0 } => "template.language.code",
                "template" when json["template"]?["components"] is JsonArray components
                    && components.Any(c => c?["type"]?.GetValue<string>() != "body" || c["parameters"] is not JsonArray parameters
                        || parameters.Any(p => p?["type"]?.GetValue<string>() != "text" || p["text"] is null)) => "template.components",
                "template" => null,
                "text" when json["text"]?["body"]?.GetValue<string>() is not { Length: > 0 } => "text.body",
                "text" => null,
                _ => "type",
            };
        if (problem is not null)
        {
            return Record(request, "whatsapp", to, body, problem, Error(400, 100, $"Invalid parameter: {problem}"), 400);
        }
        switch (FailureEnding("whatsapp", to))
        {
            case "0429":
                return Record(request, "whatsapp", to, body, null, Error(400, 130429, "Rate limit hit"), 400);
            case "0400":
                return Record(request, "whatsapp", to, body, null, Error(400, 131026, "Message undeliverable"), 400);
            case "0500":
                return Record(request, "whatsapp", to, body, null, Error(500, 131000, "Something went wrong"), 500);
        }
        var wamid = "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        return Record(request, "whatsapp", to, body, null, Results.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = wamid, ["message_status"] = "accepted" }),
        }), 200);
    }

    // ---- Web Push: RFC 8030 (protocol), RFC 8291 (aes128gcm message encryption), RFC 8292 (VAPID)

    private async Task<IResult> PushAsync(HttpRequest request, string name)
    {
        var bytes = await BodyAsync(request);
        var endpoint = $"{BaseUrl}/push/{name}";
        var body = Convert.ToBase64String(bytes);
        var problem = CheckVapid(request) ?? (request.Headers["TTL"].ToString() is { Length: > 0 } ttl && int.TryParse(ttl, out _) ? null : "TTL header")
            ?? (request.Headers.ContentEncoding == "aes128gcm" ? null : "Content-Encoding: aes128gcm");
        if (problem is not null)
        {
            return Record(request, "webpush", endpoint, body, problem, Results.StatusCode(problem.StartsWith("VAPID", StringComparison.Ordinal) ? 401 : 400),
                problem.StartsWith("VAPID", StringComparison.Ordinal) ? 401 : 400);
        }
        string? payload = null;
        if (_subscribers.TryGetValue(endpoint, out var subscriber))
        {
            try
            {
                payload = Decrypt(bytes, subscriber.Key, subscriber.Auth);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException or IndexOutOfRangeException)
            {
                return Record(request, "webpush", endpoint, body, $"payload does not decrypt: {e.Message}", Results.StatusCode(400), 400);
            }
        }
        var status = name.EndsWith("gone", StringComparison.Ordinal) ? 410
            : name.EndsWith("missing", StringComparison.Ordinal) ? 404
            : name.EndsWith("0429", StringComparison.Ordinal) ? 429
            : name.EndsWith("0500", StringComparison.Ordinal) ? 500
            : 201;
        if (status == 429)
        {
            request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (status == 201)
        {
            request.HttpContext.Response.Headers.Location = $"{BaseUrl}/push/messages/{Guid.NewGuid():N}";
        }
        return Record(request, "webpush", endpoint, body, null, Results.StatusCode(status), status, payload);
    }

    /// <summary>RFC 8292: <c>Authorization: vapid t=&lt;JWT&gt;, k=&lt;public key&gt;</c>, the JWT signed ES256 by that key, for this push service's origin.</summary>
    private string? CheckVapid(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("vapid ", StringComparison.Ordinal))
        {
            return "VAPID: Authorization is not the vapid scheme";
        }
        var parameters = header["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parameters.TryGetValue("t", out var jwt) || !parameters.TryGetValue("k", out var k))
        {
            return "VAPID: t and k";
        }
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return "VAPID: t is not a JWT";
        }
        try
        {
            var head = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
            var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
            var key = Base64Url.DecodeFromChars(k);
            if (head["alg"]?.GetValue<string>() != "ES256" || key.Length != 65 || key[0] != 0x04)
            {
                return "VAPID: ES256 and an uncompressed P-256 key";
            }
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key[1..33], Y = key[33..] } });
            if (!ecdsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256))
            {
                return "VAPID: signature";
            }
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            // Lib.Net.Http.WebPush writes the origin without its port. Real push services listen on 443, where that is
            // the origin; this one listens on another port, so it takes the origin with or without it.
            var origin = new Uri(BaseUrl);
            if (claims["aud"]?.GetValue<string>() is not { } aud || (aud != BaseUrl && aud != $"{origin.Scheme}://{origin.Host}"))
            {
                return $"VAPID: aud is {claims["aud"]}, not the push service's origin {BaseUrl}";
            }
            if (claims["exp"]?.GetValue<long>() is not { } exp || exp <= now || exp > now + 24 * 3600)
            {
                return "VAPID: exp within 24 hours";
            }
            if (claims["sub"]?.GetValue<string>() is not { } sub || !(sub.StartsWith("mailto:", StringComparison.Ordinal) || sub.StartsWith("https:", StringComparison.Ordinal)))
            {
                return "VAPID: sub is a mailto: or https: URL";
            }
            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException or CryptographicException or InvalidOperationException)
        {
            return $"VAPID: {e.Message}";
        }
    }

    /// <summary>RFC 8291 with RFC 8188's aes128gcm: what the browser holding this subscription's private key would read.</summary>
    private static string Decrypt(byte[] body, ECDiffieHellman subscriber, byte[] authSecret)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        int idLength = body[20];
        var serverPublic = body[21..(21 + idLength)];
        var record = body[(21 + idLength)..];
        if (idLength != 65 || record.Length > recordSize || record.Length < 17)
        {
            throw new ArgumentException("not a single aes128gcm record with the server's public key as key id");
        }
        using var server = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = serverPublic[1..33], Y = serverPublic[33..] } });
        var shared = subscriber.DeriveRawSecretAgreement(server.PublicKey);
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicKey(subscriber), .. serverPublic];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, authSecret, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());
        var plain = new byte[record.Length - 16];
        using (var aes = new AesGcm(cek, 16))
        {
            aes.Decrypt(nonce, record[..^16], record[^16..], plain);
        }
        // The last record's padding: a 2 delimiter, then zeros.
        var end = Array.FindLastIndex(plain, b => b != 0);
        if (end < 0 || plain[end] != 2)
        {
            throw new ArgumentException("no last-record padding delimiter");
        }
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}

using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using WedTech.Server.Platform.Email;

namespace WedTech.Server.Messaging.Push;

/// <summary><c>Messaging:WebPush</c>.</summary>
public sealed class WebPushOptions
{
    /// <summary>Who the push services can contact about our pushes: a mailto: or https: URL. Default: mailto: the e-mail sender.</summary>
    public string? Subject { get; set; }

    /// <summary>VAPID key pair, base64url: the uncompressed P-256 public key (65 bytes) and the private scalar (32 bytes).</summary>
    public string? PublicKey { get; set; }

    public string? PrivateKey { get; set; }

    /// <summary>
    /// Push services a subscription may point at (a host or a parent domain). The server posts to the endpoint a
    /// browser registers, so only known push services are accepted. Default: FCM (Chrome, Edge, Android), Mozilla,
    /// Apple and Windows push services.
    /// </summary>
    public string[]? AllowedEndpointHosts { get; set; }

    /// <summary>Accept http:// endpoints on a loopback address (a local push service in tests); never in production.</summary>
    public bool AllowLoopbackHttp { get; set; }

    public static readonly string[] DefaultEndpointHosts =
        ["fcm.googleapis.com", "android.googleapis.com", "push.services.mozilla.com", "push.apple.com", "notify.windows.com"];
}

/// <summary>
/// The server's VAPID identity: from configuration, or generated once into <c>{data}/keys/vapid.key</c> so the
/// embedded mode works with no setup (several server nodes must share configured keys: browsers subscribe with
/// the public key, and a push signed with another key is refused).
/// </summary>
public sealed class VapidKeys
{
    public VapidKeys(IOptions<WebPushOptions> options, IOptions<EmailOptions> email, IOptions<PersistenceOptions> persistence,
        IHostEnvironment environment, ILogger<VapidKeys> logger)
    {
        var configured = options.Value;
        Subject = string.IsNullOrWhiteSpace(configured.Subject) ? $"mailto:{email.Value.FromAddress}" : configured.Subject;
        if (!string.IsNullOrWhiteSpace(configured.PublicKey) || !string.IsNullOrWhiteSpace(configured.PrivateKey))
        {
            (PublicKey, PrivateKey) = ((configured.PublicKey ?? "").TrimEnd('='), (configured.PrivateKey ?? "").TrimEnd('='));
        }
        else
        {
            var path = Path.Combine(persistence.Value.DataPath(environment), "keys", "vapid.key");
            var pair = KeyFiles.LoadOrCreate(path, Generate).Split(' ');
            (PublicKey, PrivateKey) = (pair[0], pair.Length > 1 ? pair[1] : "");
            if (environment.IsProduction())
            {
                logger.LogWarning(
                    "Messaging:WebPush keys are not configured: pushes are signed with a key pair generated in {Path}. " +
                    "Set Messaging:WebPush:PublicKey and PrivateKey (the same on every server node) for a production deployment.", path);
            }
        }
        if (DecodedLength(PublicKey) != 65 || DecodedLength(PrivateKey) != 32)
        {
            throw new InvalidOperationException(
                "Messaging:WebPush:PublicKey must be a base64url P-256 public key (65 bytes) and PrivateKey its base64url private key (32 bytes).");
        }
    }

    public string PublicKey { get; }

    public string PrivateKey { get; }

    public string Subject { get; }

    private static string Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        byte[] publicKey = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
        return $"{Base64Url.EncodeToString(publicKey)} {Base64Url.EncodeToString(parameters.D)}";
    }

    /// <summary>The number of bytes a base64url text decodes to, or -1 when it is not base64url.</summary>
    public static int DecodedLength(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return -1;
        }
        try
        {
            return Base64Url.DecodeFromChars(text.TrimEnd('=')).Length;
        }
        catch (FormatException)
        {
            return -1;
        }
    }
}

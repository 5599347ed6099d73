using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using WedTech.Server.Identity;

namespace WedTech.Server.Messaging.Push;

/// <summary>The signed-in user's push subscriptions: a browser registers itself, or takes itself off.</summary>
public sealed class PushSubscriptions(TenantDbContext db, CurrentUser currentUser, IOptions<WebPushOptions> options, TimeProvider time)
{
    /// <summary>
    /// Registers a browser for the signed-in user, or refreshes its keys. An endpoint is one browser profile: when
    /// another person signs in there and subscribes, the browser is theirs from then on.
    /// </summary>
    public async Task<(PushSubscriptionResponse Subscription, bool Created)> SaveAsync(PushSubscriptionRequest request, CancellationToken cancellationToken)
    {
        var endpoint = Check(request);
        var userId = currentUser.Required.Id;
        // Two saves of one browser at once (two tabs): the second insert meets the unique endpoint and updates instead.
        for (var attempt = 0; ; attempt++)
        {
            var subscription = await db.PushSubscriptions.FirstOrDefaultAsync(s => s.Endpoint == endpoint, cancellationToken);
            var created = subscription is null;
            if (subscription is null)
            {
                subscription = new PushSubscription { Endpoint = endpoint, P256dh = "", Auth = "", CreatedAt = time.GetUtcNow() };
                db.PushSubscriptions.Add(subscription);
            }
            subscription.UserId = userId;
            subscription.P256dh = request.Keys.P256dh.TrimEnd('=');
            subscription.Auth = request.Keys.Auth.TrimEnd('=');
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (ToResponse(subscription), created);
            }
            catch (DbUpdateException) when (created && attempt == 0)
            {
                db.Entry(subscription).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Takes one of the signed-in user's browsers off; another user's or another studio's endpoint is not found.</summary>
    public async Task DeleteAsync(string? endpoint, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new ValidationFailedException("endpoint", "Name the subscription's endpoint.");
        }
        var userId = currentUser.Required.Id;
        var deleted = await db.PushSubscriptions.Where(s => s.Endpoint == endpoint && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw ApiException.NotFound("Push subscription");
        }
    }

    public static PushSubscriptionResponse ToResponse(PushSubscription s) => new(s.Id, s.Endpoint, s.CreatedAt, s.LastUsedAt);

    private string Check(PushSubscriptionRequest request)
    {
        var errors = new FieldErrors();
        var endpoint = request.Endpoint?.Trim() ?? "";
        if (CheckEndpoint(endpoint) is { } endpointError)
        {
            errors.Add("endpoint", endpointError);
        }
        if (!IsPublicKey(request.Keys?.P256dh))
        {
            errors.Add("keys.p256dh", "Send the browser's P-256 public key: 65 bytes, base64url.");
        }
        if (VapidKeys.DecodedLength(request.Keys?.Auth) != 16)
        {
            errors.Add("keys.auth", "Send the browser's authentication secret: 16 bytes, base64url.");
        }
        errors.ThrowIfAny();
        return endpoint;
    }

    private string? CheckEndpoint(string endpoint)
    {
        if (endpoint.Length is 0 or > PushModel.MaxEndpointLength
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return $"Send the push service's URL (at most {PushModel.MaxEndpointLength} characters).";
        }
        var loopbackHttp = uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowLoopbackHttp && IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip);
        if (uri.Scheme != Uri.UriSchemeHttps && !loopbackHttp)
        {
            return "A push service is reached over https.";
        }
        var hosts = options.Value.AllowedEndpointHosts is { Length: > 0 } configured ? configured : WebPushOptions.DefaultEndpointHosts;
        var host = uri.IdnHost.ToLowerInvariant();
        return hosts.Any(h => host == h || host.EndsWith("." + h, StringComparison.Ordinal))
            ? null
            : "This is not the address of a push service we deliver to.";
    }

    /// <summary>An uncompressed point on P-256.</summary>
    private static bool IsPublicKey(string? p256dh)
    {
        if (VapidKeys.DecodedLength(p256dh) != 65)
        {
            return false;
        }
        var bytes = Base64Url.DecodeFromChars(p256dh!.TrimEnd('='));
        if (bytes[0] != 0x04)
        {
            return false;
        }
        try
        {
            using var key = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = bytes[1..33], Y = bytes[33..] } });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

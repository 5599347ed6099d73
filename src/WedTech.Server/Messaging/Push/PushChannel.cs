using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using WedTech.Server.Messaging.Channels;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Messaging.Push;

/// <summary>
/// Web Push (RFC 8030) with VAPID (RFC 8292) and an aes128gcm-encrypted payload (RFC 8291), through
/// Lib.Net.Http.WebPush over the factory's HttpClient.
/// </summary>
public sealed class WebPushClient(HttpClient http, VapidKeys keys)
{
    /// <summary>Sends one payload to one browser; throws <see cref="PushServiceClientException"/> with the push service's answer.</summary>
    public async Task SendAsync(PushSubscription subscription, string payload, CancellationToken cancellationToken)
    {
        using var vapid = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = keys.Subject };
        var client = new PushServiceClient(http)
        {
            // A rate-limited push is the outbox's to retry, with backoff, not a wait inside this call.
            AutoRetryAfter = false,
            DefaultAuthentication = vapid,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
        };
        var target = new Lib.Net.Http.WebPush.PushSubscription { Endpoint = subscription.Endpoint };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        await client.RequestPushMessageDeliveryAsync(target, new PushMessage(payload) { TimeToLive = (int)TimeSpan.FromDays(1).TotalSeconds, Urgency = PushMessageUrgency.Normal },
            cancellationToken);
    }
}

/// <summary>
/// Pushes a notification to every browser the recipient (a user id) registered. A push service that no longer knows
/// a browser (404, 410) has it removed; one that is rate-limited or failing (429, 5xx) is tried again later when no
/// browser got the notification. Runs in the recipient's tenant scope (the outbox's job sets it), on its own context.
/// </summary>
public sealed class PushChannel(IDatabaseProvider databases, TenantContext tenant, WebPushClient client, TimeProvider time, ILogger<PushChannel> logger) : IMessageChannel
{
    public const string Provider = "webpush";

    public MessageChannel Channel => MessageChannel.Push;

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (tenant.Current.Id != message.TenantId)
        {
            throw new InvalidOperationException("A push is sent in the scope of the message's own tenant.");
        }
        if (!Guid.TryParse(message.Recipient, out var userId))
        {
            return new SendOutcome.Rejected("A push goes to a user id.");
        }
        await using var db = databases.CreateTenantContext(tenant.Current.DatabaseName);
        var subscriptions = await db.PushSubscriptions.Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        var payload = JsonSerializer.Serialize(new
        {
            title = Shorten(message.Subject ?? "WedTech", 120),
            body = Shorten(message.Body, 1000),
            tag = message.Id.ToString("N"),
            // What a tap on it opens (a place in the app); without it, the app as it is.
            url = message.Link,
        });

        int delivered = 0, removed = 0;
        TimeSpan? retryAfter = null;
        var retry = false;
        var refusals = new List<string>();
        foreach (var subscription in subscriptions)
        {
            try
            {
                await client.SendAsync(subscription, payload, cancellationToken);
                subscription.LastUsedAt = time.GetUtcNow();
                delivered++;
            }
            catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                db.PushSubscriptions.Remove(subscription);
                removed++;
            }
            catch (PushServiceClientException e) when (ProviderHttp.IsTransient(e.StatusCode))
            {
                retry = true;
                retryAfter = Later(retryAfter, ProviderHttp.RetryAfter(e.Headers?.RetryAfter, time));
            }
            catch (PushServiceClientException e)
            {
                refusals.Add($"{(int)e.StatusCode} {e.Message}");
            }
            catch (HttpRequestException e)
            {
                retry = true;
                logger.LogInformation("Push service of subscription {Subscription} unreachable: {Reason}", subscription.Id, e.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                retry = true;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} push subscriptions of user {User} the push service no longer knows", removed, userId);
        }

        if (delivered > 0)
        {
            return new SendOutcome.Accepted(Provider, message.Id.ToString("N"), MessageStatus.Sent);
        }
        if (retry)
        {
            return new SendOutcome.RetryLater("The push service is rate limiting or unavailable.", retryAfter);
        }
        return refusals.Count == 0
            ? new SendOutcome.Rejected("no push subscription")
            : new SendOutcome.Rejected("The push service refused the notification: " + string.Join("; ", refusals));
    }

    private static TimeSpan? Later(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

using System.Net;
using Microsoft.JSInterop;

namespace WedTech.App.Features.Messaging;

public enum PushState { Unsupported, Blocked, On, Off }

/// <summary>
/// Web Push on this device: the browser subscribes (wedtech.push in app.js) with the server's VAPID key, and the
/// subscription is registered with the API through <see cref="ApiClient"/> (session renewal, anti-forgery, offline).
/// </summary>
public sealed class PushNotifications(IJSRuntime js, NotificationsApi notifications)
{
    public async Task<PushState> StateAsync() => await js.InvokeAsync<string?>("wedtech.push.state") switch
    {
        "on" => PushState.On,
        "off" => PushState.Off,
        "blocked" => PushState.Blocked,
        _ => PushState.Unsupported,
    };

    /// <summary>Asks the person's permission, subscribes this browser and registers it; false when they said no.</summary>
    public async Task<bool> EnableAsync()
    {
        var key = await notifications.PushPublicKeyAsync();
        var subscription = await js.InvokeAsync<PushSubscriptionRequest?>("wedtech.push.subscribe", key.PublicKey);
        if (subscription is null)
        {
            return false;
        }
        try
        {
            await notifications.SubscribeAsync(subscription);
            return true;
        }
        catch (ApiProblemException)
        {
            // A browser subscribed that the server does not know would show "on" and never ring.
            await js.InvokeAsync<string?>("wedtech.push.unsubscribe");
            throw;
        }
    }

    /// <summary>Takes this browser off the server's list, then unsubscribes it.</summary>
    public async Task DisableAsync()
    {
        if (await js.InvokeAsync<string?>("wedtech.push.endpoint") is not { } endpoint)
        {
            return;
        }
        try
        {
            await notifications.UnsubscribeAsync(endpoint);
        }
        catch (ApiProblemException problem) when (problem.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone on the server (the push service had forgotten the browser).
        }
        await js.InvokeAsync<string?>("wedtech.push.unsubscribe");
    }
}

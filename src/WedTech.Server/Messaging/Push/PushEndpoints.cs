using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Messaging.Push;

public static class PushEndpoints
{
    public static readonly ApiTag Tag = new("Push notifications", "Web Push subscriptions of the caller's browsers.");

    public static RouteGroupBuilder MapPush(this RouteGroupBuilder api)
    {
        var push = api.MapGroup("/push").WithApiTag(Tag).RequireAuthorization();

        push.MapGet("/public-key", (VapidKeys keys) => TypedResults.Ok(new PushPublicKeyResponse(keys.PublicKey)))
            .WithSummary("VAPID public key").WithDescription("The applicationServerKey a browser subscribes with (base64url).");

        push.MapPost("/subscriptions", async Task<Results<Created<PushSubscriptionResponse>, Ok<PushSubscriptionResponse>>> (
            PushSubscriptionRequest request, PushSubscriptions subscriptions, CancellationToken ct) =>
        {
            var (subscription, created) = await subscriptions.SaveAsync(request, ct);
            return created ? TypedResults.Created((string?)null, subscription) : TypedResults.Ok(subscription);
        }).WithSummary("Register this browser for push")
            .WithDescription("Send the browser's PushSubscription (endpoint and keys). 201 when new, 200 when the browser was registered already (it now belongs to the caller).");

        push.MapDelete("/subscriptions", async Task<NoContent> (string? endpoint, PushSubscriptions subscriptions, CancellationToken ct) =>
        {
            await subscriptions.DeleteAsync(endpoint, ct);
            return TypedResults.NoContent();
        }).WithSummary("Stop pushes to this browser").WithDescription("?endpoint= the subscription's endpoint; only the caller's own subscriptions.");

        return api;
    }
}

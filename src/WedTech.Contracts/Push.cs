namespace WedTech.Contracts;

/// <summary>A browser's push subscription, as <c>PushSubscription.toJSON()</c> gives it (base64url keys).</summary>
public sealed record PushSubscriptionRequest(string Endpoint, PushSubscriptionKeys Keys);

public sealed record PushSubscriptionKeys(string P256dh, string Auth);

public sealed record PushSubscriptionResponse(Guid Id, string Endpoint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

/// <summary>The server's VAPID public key (base64url), the applicationServerKey a browser subscribes with.</summary>
public sealed record PushPublicKeyResponse(string PublicKey);

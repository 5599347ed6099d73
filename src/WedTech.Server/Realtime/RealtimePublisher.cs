using Microsoft.AspNetCore.SignalR;

namespace WedTech.Server.Realtime;

/// <summary>What the rest of the server pushes to connected clients. Call it after the change is committed.</summary>
public interface IRealtimePublisher
{
    /// <summary>
    /// A wedding changed (<see cref="WeddingChange"/>): tells the connections that joined it and the studio's staff who see
    /// every wedding. Only ids, kind and version travel; clients fetch the rest through the API.
    /// </summary>
    Task WeddingChangedAsync(Guid tenantId, Guid weddingId, string change, long? version, CancellationToken ct);

    /// <summary>As above, and tells these people too (added to or removed from the team, so not joined to the wedding).</summary>
    Task WeddingChangedAsync(Guid tenantId, Guid weddingId, string change, long? version, IReadOnlyCollection<Guid> alsoTell, CancellationToken ct);

    /// <summary>Something within a wedding changed (an event, run-of-show items): tells the same people as a wedding change.</summary>
    Task WeddingChangedAsync(Guid tenantId, WeddingChangedMessage message, CancellationToken ct);

    /// <summary>An in-app notification to every connection of one person.</summary>
    Task NotificationAsync(Guid tenantId, Guid userId, object notification, CancellationToken ct);

    /// <summary>The studio's leads changed (a studio-level change, of no wedding): tells the connections of people who see leads.</summary>
    Task LeadsChangedAsync(Guid tenantId, LeadsChangedMessage message, CancellationToken ct);
}

/// <summary>
/// Never fails its caller: the change it reports is already saved, and a client that missed a message (a Redis outage,
/// a dropped connection) catches up when it fetches again on reconnecting.
/// </summary>
internal sealed partial class RealtimePublisher(IHubContext<RealtimeHub> hub, ILogger<RealtimePublisher> logger) : IRealtimePublisher
{
    public Task WeddingChangedAsync(Guid tenantId, Guid weddingId, string change, long? version, CancellationToken ct) =>
        WeddingChangedAsync(tenantId, weddingId, change, version, [], ct);

    public Task WeddingChangedAsync(Guid tenantId, Guid weddingId, string change, long? version, IReadOnlyCollection<Guid> alsoTell, CancellationToken ct) =>
        SendAsync(tenantId, new WeddingChangedMessage(weddingId, change, version), alsoTell, ct);

    public Task WeddingChangedAsync(Guid tenantId, WeddingChangedMessage message, CancellationToken ct) => SendAsync(tenantId, message, [], ct);

    private Task SendAsync(Guid tenantId, WeddingChangedMessage message, IReadOnlyCollection<Guid> alsoTell, CancellationToken ct)
    {
        List<string> groups = [RealtimeGroups.Wedding(tenantId, message.WeddingId), RealtimeGroups.AllWeddings(tenantId)];
        groups.AddRange(alsoTell.Select(userId => RealtimeGroups.User(tenantId, userId)));
        return SendAsync(hub.Clients.Groups(groups), RealtimeProtocol.WeddingChanged, message, tenantId, ct);
    }

    public Task NotificationAsync(Guid tenantId, Guid userId, object notification, CancellationToken ct) =>
        SendAsync(hub.Clients.Group(RealtimeGroups.User(tenantId, userId)), RealtimeProtocol.Notification, notification, tenantId, ct);

    public Task LeadsChangedAsync(Guid tenantId, LeadsChangedMessage message, CancellationToken ct) =>
        SendAsync(hub.Clients.Group(RealtimeGroups.Leads(tenantId)), RealtimeProtocol.LeadsChanged, message, tenantId, ct);

    private async Task SendAsync(IClientProxy clients, string method, object message, Guid tenantId, CancellationToken ct)
    {
        try
        {
            await clients.SendAsync(method, message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, e, method, tenantId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Realtime: could not send {Method} for tenant {TenantId}; clients catch up when they fetch again.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string method, Guid tenantId);
}

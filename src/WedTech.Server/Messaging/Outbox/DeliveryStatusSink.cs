using WedTech.Server.Messaging.Channels;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Messaging.Outbox;

/// <summary>
/// Applies verified delivery reports to the outbox. Status only moves forward (queued → sent → delivered
/// → read; failed only before delivery), so a replayed, duplicated or late report changes nothing.
/// </summary>
public sealed class DeliveryStatusSink(IDatabaseProvider databases, TenantDirectory tenants, IRealtimePublisher realtime, ILogger<DeliveryStatusSink> logger)
    : IDeliveryStatusSink
{
    public async Task RecordAsync(string provider, string providerMessageId, MessageStatus status, DateTimeOffset at, string? errorDetail, CancellationToken cancellationToken)
    {
        MessageRoute? route;
        await using (var catalog = databases.CreateCatalogContext())
        {
            route = await catalog.MessageRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.Provider == provider && r.ProviderMessageId == providerMessageId, cancellationToken);
        }
        if (route is null || await tenants.FindByIdAsync(route.TenantId, cancellationToken) is not { } tenant)
        {
            logger.LogInformation("Delivery report from {Provider} for an unknown message {ProviderMessageId}", provider, providerMessageId);
            return;
        }
        await using var db = databases.CreateTenantContext(tenant.DatabaseName);
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == route.MessageId, cancellationToken);
        if (message is null || !Advances(message.Status, status))
        {
            return;
        }
        message.Status = status;
        switch (status)
        {
            case MessageStatus.Delivered:
                message.DeliveredAt = at;
                break;
            case MessageStatus.Read:
                message.ReadAt = at;
                message.DeliveredAt ??= at;
                break;
            case MessageStatus.Failed:
                message.FailedAt = at;
                message.Error = errorDetail is { Length: > 500 } ? errorDetail[..500] : errorDetail ?? "The provider reported the message undelivered.";
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (message.WeddingId is { } weddingId)
        {
            await realtime.WeddingChangedAsync(tenant.Id, weddingId, WeddingChange.MessagesChanged, null, CancellationToken.None);
        }
    }

    public static bool Advances(MessageStatus current, MessageStatus next) => next switch
    {
        MessageStatus.Failed => current is MessageStatus.Queued or MessageStatus.Sent,
        _ => current != MessageStatus.Failed && Rank(next) > Rank(current),
    };

    private static int Rank(MessageStatus status) => status switch
    {
        MessageStatus.Queued => 0,
        MessageStatus.Sent => 1,
        MessageStatus.Delivered => 2,
        MessageStatus.Read => 3,
        _ => -1,
    };
}

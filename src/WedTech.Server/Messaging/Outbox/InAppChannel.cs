using WedTech.Server.Messaging.Channels;

namespace WedTech.Server.Messaging.Outbox;

/// <summary>In-app notifications: a row in the studio's database, listed and marked read through the API, and pushed live to the person's open apps.</summary>
public sealed class InAppChannel(IDatabaseProvider databases, Tenancy.TenantContext tenant, Realtime.IRealtimePublisher realtime, TimeProvider time) : IMessageChannel
{
    public const string Provider = "in-app";

    public MessageChannel Channel => MessageChannel.InApp;

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        // Its own context, opened only when used: channels are resolved together, some outside any tenant.
        await using var db = databases.CreateTenantContext(tenant.Current.DatabaseName);
        var existing = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.MessageId == message.Id, cancellationToken);
        if (existing is not null)
        {
            return new SendOutcome.Accepted(Provider, existing.Id.ToString(), MessageStatus.Delivered);
        }
        var notification = new Notification
        {
            UserId = Guid.Parse(message.Recipient),
            MessageId = message.Id,
            Title = message.Subject ?? "",
            Body = message.Body,
            Link = message.Link,
            CreatedAt = time.GetUtcNow(),
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        await realtime.NotificationAsync(tenant.Current.Id, notification.UserId, notification.ToResponse(), cancellationToken);
        return new SendOutcome.Accepted(Provider, notification.Id.ToString(), MessageStatus.Delivered);
    }
}

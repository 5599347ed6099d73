using WedTech.Server.Identity;

namespace WedTech.Server.Messaging.Outbox;

/// <summary>The signed-in user's own in-app notifications.</summary>
public sealed class NotificationService(TenantDbContext db, CurrentUser currentUser, TimeProvider time)
{
    public async Task<PagedResponse<NotificationResponse>> ListAsync(bool unreadOnly, Paging paging, CancellationToken cancellationToken)
    {
        var userId = currentUser.Required.Id;
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        return await query.OrderByDescending(n => n.Id).ToPageAsync(paging, n => n.ToResponse(), cancellationToken);
    }

    public async Task MarkReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = currentUser.Required.Id;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken)
            ?? throw ApiException.NotFound("Notification");
        notification.ReadAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.Required.Id;
        var now = time.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}

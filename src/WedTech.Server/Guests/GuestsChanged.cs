using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Guests;

/// <summary>Tells the wedding's open pages that its guest list changed, once the change is committed.</summary>
public static class GuestsChanged
{
    public static void PublishAfterCommit(TenantDbContext db, IRealtimePublisher realtime, TenantContext tenant, Guid weddingId)
    {
        var tenantId = tenant.Current.Id;
        var message = new WeddingChangedMessage(weddingId, WeddingChange.GuestsChanged, null);
        db.AfterCommit(() => realtime.WeddingChangedAsync(tenantId, message, CancellationToken.None));
    }
}

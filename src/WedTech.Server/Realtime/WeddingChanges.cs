using WedTech.Server.Tenancy;

namespace WedTech.Server.Realtime;

/// <summary>
/// Tells everyone watching a wedding of a change once the save that makes it is committed, even if the caller has gone
/// away; nothing is sent when the save fails. The one way a module publishes a change it is saving.
/// </summary>
public sealed class WeddingChanges(TenantDbContext db, IRealtimePublisher realtime, TenantContext tenant)
{
    public void AfterCommit(WeddingChangedMessage message) => AfterCommit(() => message);

    /// <summary>A message made at the commit, when it carries what the save sets (a version).</summary>
    public void AfterCommit(Func<WeddingChangedMessage> message)
    {
        var tenantId = tenant.Current.Id;
        db.AfterCommit(() => realtime.WeddingChangedAsync(tenantId, message(), CancellationToken.None));
    }
}

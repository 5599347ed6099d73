using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Leads;

/// <summary>Tells the studio's people who see leads that the board changed, once the save that changes it is committed.</summary>
public sealed class LeadsChanged(TenantDbContext db, IRealtimePublisher realtime, TenantContext tenant)
{
    public void AfterCommit(Guid? leadId, string change)
    {
        var tenantId = tenant.Current.Id;
        db.AfterCommit(() => realtime.LeadsChangedAsync(tenantId, new LeadsChangedMessage(leadId, change), CancellationToken.None));
    }
}

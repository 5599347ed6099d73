using WedTech.Server.Tenancy.Catalog;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Tenancy.Provisioning;

/// <summary>
/// Puts a new tenant's starting data in place (settings, later default checklists and templates).
/// Modules register their own; each must be idempotent, because a failed provisioning is retried.
/// </summary>
public interface ITenantSeeder
{
    Task SeedAsync(TenantDbContext db, Tenant tenant, CancellationToken cancellationToken);
}

internal sealed class TenantSettingsSeeder : ITenantSeeder
{
    public async Task SeedAsync(TenantDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        if (await db.Settings.FindAsync([Settings.TenantSettings.SingletonId], cancellationToken) is null)
        {
            db.Settings.Add(new Settings.TenantSettings { CompanyName = tenant.CompanyName });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

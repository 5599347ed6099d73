using WedTech.Server.Platform.Jobs;

namespace WedTech.Server.Tenancy;

internal sealed class JobTenant(TenantContext tenant, TenantDirectory tenants, IDatabaseProvider databases) : IJobTenant
{
    public async Task<List<Guid>> ActiveIdsAsync(CancellationToken cancellationToken)
    {
        await using var catalog = databases.CreateCatalogContext();
        return await catalog.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active).Select(t => t.Id).ToListAsync(cancellationToken);
    }

    public Guid CurrentId => tenant.Current.Id;

    public async Task<string> EnterAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var found = await tenants.FindByIdAsync(tenantId, cancellationToken);
        if (found is null)
        {
            // The directory may not know a studio made a moment ago on another node: only the catalog says it is gone.
            await using var catalog = databases.CreateCatalogContext();
            throw await catalog.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken)
                ? new JobScopeUnavailableException($"Tenant {tenantId} is not in this node's directory yet.")
                : new JobTenantDeletedException($"Tenant {tenantId} was deleted.");
        }
        if (found.Status != TenantStatus.Active)
        {
            throw new JobScopeUnavailableException($"Tenant {tenantId} is {found.Status}.");
        }
        tenant.Set(found);
        return found.Slug;
    }
}

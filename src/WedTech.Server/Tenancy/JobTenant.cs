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
        if (found is not { Status: TenantStatus.Active })
        {
            throw new JobScopeUnavailableException($"Tenant {tenantId} is {(found is null ? "unknown" : found.Status.ToString())}.");
        }
        tenant.Set(found);
        return found.Slug;
    }
}

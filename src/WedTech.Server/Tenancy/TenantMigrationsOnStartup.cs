using Microsoft.Extensions.Options;
using WedTech.Server.Platform;

namespace WedTech.Server.Tenancy;

/// <summary>Before serving: the catalog's schema, and every tenant's when Tenancy:MigrateTenantsOnStartup is set.</summary>
internal sealed class TenantMigrationsOnStartup(TenantOperations operations, IOptions<TenancyOptions> options, ILogger<TenantMigrationsOnStartup> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await operations.MigrateCatalogAsync(cancellationToken);
        if (options.Value.MigrateTenantsOnStartup)
        {
            foreach (var failed in (await operations.MigrateAllAsync(maxParallelism: 4, cancellationToken)).Where(r => !r.Succeeded))
            {
                logger.LogError("Tenant {TenantSlug} could not be migrated and is not served: {Error}", failed.Slug, failed.Error);
            }
        }
    }
}

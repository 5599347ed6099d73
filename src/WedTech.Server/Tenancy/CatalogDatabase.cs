using Microsoft.Extensions.Diagnostics.HealthChecks;
using WedTech.Server.Platform.Observability;
using WedTech.Server.Tenancy.Catalog;

namespace WedTech.Server.Tenancy;

public static class CatalogDatabase
{
    /// <summary>The catalog, as the context type whose migrations are the provider's.</summary>
    public static CatalogDbContext CreateCatalogContext(this IDatabaseProvider databases) => databases.Kind == DatabaseProviderKind.Postgres
        ? new PostgresCatalogDbContext(databases.CatalogOptions<PostgresCatalogDbContext>())
        : new SqliteCatalogDbContext(databases.CatalogOptions<SqliteCatalogDbContext>());
}

/// <summary>Readiness: the catalog answers.</summary>
internal sealed class CatalogHealthCheck(IDatabaseProvider databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var catalog = databases.CreateCatalogContext();
        return await catalog.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("catalog unreachable");
    }
}

/// <summary>The number of tenants by status.</summary>
internal sealed class TenantGauges(IDatabaseProvider databases) : IGaugeSource
{
    public async Task UpdateAsync(AppMetrics metrics, CancellationToken cancellationToken)
    {
        await using var catalog = databases.CreateCatalogContext();
        foreach (var (status, count) in await catalog.CountTenantsByStatusAsync(cancellationToken))
        {
            metrics.Tenants.WithLabels(status).Set(count);
        }
    }
}

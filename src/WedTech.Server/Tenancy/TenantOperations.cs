using Microsoft.Extensions.Options;

namespace WedTech.Server.Tenancy;

public sealed record TenantMigrationResult(string Slug, bool Succeeded, string? FromVersion, string? ToVersion, string? Error);

/// <summary>Operator actions on tenants: list, suspend, resume, delete, migrate every tenant database.</summary>
public sealed class TenantOperations(
    IDatabaseProvider databases, TenantDirectory directory, TenantSchema schema,
    IStudioAdmins admins, IEnumerable<ITenantRemoval> removals, IOptions<TenancyOptions> options, ILogger<TenantOperations> logger)
{
    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var catalog = databases.CreateCatalogContext();
        var tenants = await catalog.Tenants.AsNoTracking().OrderBy(t => t.Slug).ToListAsync(cancellationToken);
        return tenants.Select(TenantInfo.From).ToList();
    }

    public async Task SetSuspendedAsync(string slug, bool suspended, CancellationToken cancellationToken)
    {
        await using var catalog = databases.CreateCatalogContext();
        var tenant = await catalog.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken) ?? throw ApiException.NotFound("Tenant");
        if (tenant.Status == TenantStatus.Provisioning)
        {
            throw ApiException.Conflict("The tenant is still being provisioned.");
        }
        tenant.Status = suspended ? TenantStatus.Suspended : TenantStatus.Active;
        await catalog.SaveChangesAsync(cancellationToken);
        await directory.InvalidateAsync(cancellationToken);
        logger.LogInformation("Tenant {TenantSlug} {Action}", slug, suspended ? "suspended" : "resumed");
    }

    /// <summary>
    /// Deletes a studio that has left, for good: its stored files, its database and its catalog entry (with its domains).
    /// Only a suspended studio: suspending first stops its people and its jobs, and makes deleting a second, deliberate step.
    /// </summary>
    public async Task DeleteAsync(string slug, CancellationToken cancellationToken)
    {
        await using var catalog = databases.CreateCatalogContext();
        var tenant = await catalog.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken) ?? throw ApiException.NotFound("Tenant");
        if (tenant.Status != TenantStatus.Suspended)
        {
            throw ApiException.Conflict($"Suspend {slug} first: only a suspended studio can be deleted, and deleting cannot be undone.");
        }
        await using (var db = databases.CreateTenantContext(tenant.DatabaseName))
        {
            foreach (var removal in removals)
            {
                await removal.RemoveAsync(tenant.Id, db, cancellationToken);
            }
        }
        await databases.DropTenantDatabaseAsync(tenant.DatabaseName, cancellationToken);
        await catalog.CustomDomains.Where(d => d.TenantId == tenant.Id).ExecuteDeleteAsync(cancellationToken);
        catalog.Tenants.Remove(tenant);
        await catalog.SaveChangesAsync(cancellationToken);
        await directory.InvalidateAsync(cancellationToken);
        logger.LogWarning("Tenant {TenantSlug} deleted with its database and files", slug);
    }

    /// <summary>
    /// Break-glass for a studio that has lost its admins: makes an existing member an active admin and
    /// ends their sessions (they sign in again). Audited in the studio's own log as done by the operator.
    /// </summary>
    public async Task MakeAdminAsync(string slug, string email, CancellationToken cancellationToken)
    {
        await using var catalog = databases.CreateCatalogContext();
        var tenant = await catalog.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken) ?? throw ApiException.NotFound("Tenant");
        await using var db = databases.CreateTenantContext(tenant.DatabaseName);
        var userId = await admins.MakeAdminAsync(db, tenant.Id, email, cancellationToken);
        logger.LogWarning("Operator made {UserId} an admin of tenant {TenantSlug}", userId, slug);
    }

    /// <summary>Serve a tenant at its own domain as well (the domain's DNS and TLS are the studio's to set up).</summary>
    public async Task AddCustomDomainAsync(string slug, string host, CancellationToken cancellationToken)
    {
        host = host.Trim().TrimEnd('.').ToLowerInvariant();
        var baseDomain = options.Value.BaseDomain.ToLowerInvariant();
        if (Uri.CheckHostName(host) != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal)
            || host == baseDomain || host.EndsWith("." + baseDomain, StringComparison.Ordinal))
        {
            throw new ValidationFailedException("host", $"Use a domain name such as weddings.example.com, outside {baseDomain}.");
        }
        await using var catalog = databases.CreateCatalogContext();
        var tenant = await catalog.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken) ?? throw ApiException.NotFound("Tenant");
        var existing = await catalog.CustomDomains.FirstOrDefaultAsync(d => d.Host == host, cancellationToken);
        if (existing is not null && existing.TenantId != tenant.Id)
        {
            throw ApiException.Conflict($"{host} already belongs to another tenant.");
        }
        if (existing is null)
        {
            catalog.CustomDomains.Add(new Catalog.CustomDomain { Host = host, TenantId = tenant.Id });
            await catalog.SaveChangesAsync(cancellationToken);
            await directory.InvalidateAsync(cancellationToken);
        }
    }

    public async Task RemoveCustomDomainAsync(string host, CancellationToken cancellationToken)
    {
        var normalized = host.Trim().TrimEnd('.').ToLowerInvariant();
        await using var catalog = databases.CreateCatalogContext();
        var removed = await catalog.CustomDomains.Where(d => d.Host == normalized).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw ApiException.NotFound("Domain");
        }
        await directory.InvalidateAsync(cancellationToken);
    }

    /// <summary>
    /// Brings every provisioned tenant database to the current schema, a few at a time. A failing tenant
    /// is reported and skipped; it stays unserved (its schema is behind) while the others carry on.
    /// </summary>
    public async Task<IReadOnlyList<TenantMigrationResult>> MigrateAllAsync(int maxParallelism, CancellationToken cancellationToken)
    {
        List<(Guid Id, string Slug, string DatabaseName, string? SchemaVersion)> tenants;
        await using (var catalog = databases.CreateCatalogContext())
        {
            tenants = (await catalog.Tenants.AsNoTracking().Where(t => t.Status != TenantStatus.Provisioning).OrderBy(t => t.Slug)
                .Select(t => new { t.Id, t.Slug, t.DatabaseName, t.SchemaVersion }).ToListAsync(cancellationToken))
                .Select(t => (t.Id, t.Slug, t.DatabaseName, t.SchemaVersion)).ToList();
        }

        var results = new TenantMigrationResult[tenants.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, tenants.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var tenant = tenants[i];
                try
                {
                    await using (var db = databases.CreateTenantContext(tenant.DatabaseName))
                    {
                        await db.Database.MigrateAsync(ct);
                    }
                    await using var catalog = databases.CreateCatalogContext();
                    await catalog.Tenants.Where(t => t.Id == tenant.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.SchemaVersion, schema.LatestMigration), ct);
                    results[i] = new TenantMigrationResult(tenant.Slug, true, tenant.SchemaVersion, schema.LatestMigration, null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Migration of tenant {TenantSlug} failed", tenant.Slug);
                    results[i] = new TenantMigrationResult(tenant.Slug, false, tenant.SchemaVersion, null, e.GetBaseException().Message);
                }
            });
        await directory.InvalidateAsync(cancellationToken);
        return results;
    }

    /// <summary>The catalog's own schema, applied at every start (cheap when current).</summary>
    public async Task MigrateCatalogAsync(CancellationToken cancellationToken)
    {
        await using var catalog = databases.CreateCatalogContext();
        await catalog.Database.MigrateAsync(cancellationToken);
    }
}

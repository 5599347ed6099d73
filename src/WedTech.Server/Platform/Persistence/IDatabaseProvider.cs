using WedTech.Server.Tenancy.Catalog;

namespace WedTech.Server.Platform.Persistence;

/// <summary>
/// Where the catalog and the tenant databases live. One implementation per provider, chosen by
/// configuration; everything else in the server is provider-agnostic.
/// </summary>
public interface IDatabaseProvider
{
    string Name { get; }

    CatalogDbContext CreateCatalogContext();

    TenantDbContext CreateTenantContext(string databaseName);

    /// <summary>A new tenant's database name: safe as a file name and as a PostgreSQL identifier.</summary>
    string TenantDatabaseName(Guid tenantId);

    Task EnsureTenantDatabaseExistsAsync(string databaseName, CancellationToken cancellationToken);

    /// <summary>Whether new tenant databases can be created and opened (readiness).</summary>
    Task<bool> IsTenantStoreReachableAsync(CancellationToken cancellationToken);
}

public enum DatabaseProviderKind { Sqlite, Postgres }

public sealed class PersistenceOptions
{
    public DatabaseProviderKind Provider { get; set; } = DatabaseProviderKind.Sqlite;

    /// <summary>Folder for SQLite files, generated keys and other local state; relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The data folder as an absolute path.</summary>
    public string DataPath(IHostEnvironment environment) => Path.GetFullPath(DataDirectory, environment.ContentRootPath);

    /// <summary>PostgreSQL server (no database): a role allowed to create databases.</summary>
    public string? PostgresConnectionString { get; set; }

    public string CatalogDatabase { get; set; } = "wedtech_catalog";

    public string TenantDatabasePrefix { get; set; } = "wedtech_tenant_";

    /// <summary>Connections per tenant database and node; keep small, put PgBouncer in front for many tenants.</summary>
    public int MaxPoolSizePerTenant { get; set; } = 10;
}

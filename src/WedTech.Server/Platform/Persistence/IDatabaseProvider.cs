namespace WedTech.Server.Platform.Persistence;

/// <summary>
/// Where the catalog and the tenant databases live. One implementation per provider, chosen by
/// configuration; everything else in the server is provider-agnostic.
/// </summary>
public interface IDatabaseProvider
{
    string Name { get; }

    DatabaseProviderKind Kind { get; }

    /// <summary>Options of a context on the catalog database (the Tenancy module's, one context type per provider for its migrations).</summary>
    DbContextOptions<TContext> CatalogOptions<TContext>() where TContext : DbContext;

    TenantDbContext CreateTenantContext(string databaseName);

    /// <summary>A new tenant's database name: safe as a file name and as a PostgreSQL identifier.</summary>
    string TenantDatabaseName(Guid tenantId);

    Task EnsureTenantDatabaseExistsAsync(string databaseName, CancellationToken cancellationToken);

    /// <summary>Whether new tenant databases can be created and opened (readiness).</summary>
    Task<bool> IsTenantStoreReachableAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Closes the pooled connections of a tenant database that are not in use (SQLite: its files; PostgreSQL: its
    /// sockets). Connections in use are closed when they are given back. The next use opens the database again.
    /// </summary>
    void CloseIdleConnections(string databaseName);

    /// <summary>
    /// Deletes a tenant database for good (PostgreSQL: ends its connections and drops it; SQLite: closes the file and deletes
    /// it with its -wal and -shm). Nothing is left to restore; a database that is not there is no error.
    /// </summary>
    Task DropTenantDatabaseAsync(string databaseName, CancellationToken cancellationToken);
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

    /// <summary>A tenant database not used for this long has its pooled connections closed (files, sockets): idle studios hold nothing open.</summary>
    public TimeSpan CloseIdleDatabasesAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Tenant databases kept open at most; past it the least recently used are closed. 0: derived from the open-files limit.</summary>
    public int MaxOpenTenantDatabases { get; set; }
}

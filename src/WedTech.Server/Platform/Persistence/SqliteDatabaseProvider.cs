using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WedTech.Server.Platform.Observability;
using WedTech.Server.Tenancy.Catalog;

namespace WedTech.Server.Platform.Persistence;

/// <summary>Embedded default: <c>data/catalog.db</c> and <c>data/tenants/{name}.db</c>, in WAL mode.</summary>
internal sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    private readonly string _tenantsDirectory;
    private readonly DbContextOptions<SqliteCatalogDbContext> _catalogOptions;
    private readonly ConcurrentDictionary<string, DbContextOptions<SqliteTenantDbContext>> _tenantOptions = new();
    private readonly QueryMetricsInterceptor _tenantMetrics;
    private readonly OpenTenantDatabases _open;

    public SqliteDatabaseProvider(IOptions<PersistenceOptions> options, IHostEnvironment environment, AppMetrics metrics, OpenTenantDatabases open)
    {
        _open = open;
        _tenantMetrics = new QueryMetricsInterceptor(metrics, "tenant");
        var root = options.Value.DataPath(environment);
        _tenantsDirectory = Path.Combine(root, "tenants");
        Directory.CreateDirectory(_tenantsDirectory);
        var catalogPath = Path.Combine(root, "catalog.db");
        UseWriteAheadLog(catalogPath);
        _catalogOptions = new DbContextOptionsBuilder<SqliteCatalogDbContext>()
            .UseSqlite(ConnectionString(catalogPath))
            .AddInterceptors(new QueryMetricsInterceptor(metrics, "catalog"))
            .Options;
    }

    public string Name => "sqlite";

    public CatalogDbContext CreateCatalogContext() => new SqliteCatalogDbContext(_catalogOptions);

    public TenantDbContext CreateTenantContext(string databaseName)
    {
        _open.Touch(databaseName);
        return new SqliteTenantDbContext(_tenantOptions.GetOrAdd(databaseName, name => new DbContextOptionsBuilder<SqliteTenantDbContext>()
            .UseSqlite(ConnectionString(TenantPath(name)))
            .AddInterceptors(_tenantMetrics, MoneyGuard.Instance, new TenantDatabaseUseInterceptor(_open, name))
            .Options));
    }

    /// <summary>Clears the file's pool: idle connections close now (and with them the database, -wal and -shm files), busy ones when returned.</summary>
    public void CloseIdleConnections(string databaseName)
    {
        using var connection = new SqliteConnection(ConnectionString(TenantPath(databaseName)));
        SqliteConnection.ClearPool(connection);
    }

    public string TenantDatabaseName(Guid tenantId) => tenantId.ToString("N");

    public Task EnsureTenantDatabaseExistsAsync(string databaseName, CancellationToken cancellationToken)
    {
        // Creates the file; migrations create the schema.
        UseWriteAheadLog(TenantPath(databaseName));
        return Task.CompletedTask;
    }

    public Task<bool> IsTenantStoreReachableAsync(CancellationToken cancellationToken) => Task.FromResult(Directory.Exists(_tenantsDirectory));

    private string TenantPath(string databaseName)
    {
        DatabaseNames.EnsureSafe(databaseName);
        return Path.Combine(_tenantsDirectory, databaseName + ".db");
    }

    private static string ConnectionString(string path, bool pooling = true) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooling, DefaultTimeout = 30 }.ToString();

    /// <summary>
    /// WAL lets readers run beside the writer. The mode is stored in the file, so it is set once, when the file is made;
    /// on a connection of its own, not pooled, so that making a database leaves no files open.
    /// </summary>
    private static void UseWriteAheadLog(string path)
    {
        using var connection = new SqliteConnection(ConnectionString(path, pooling: false));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}

internal static partial class DatabaseNames
{
    /// <summary>Database names come from the catalog, but they become file names and SQL identifiers: check anyway.</summary>
    public static void EnsureSafe(string databaseName)
    {
        if (!SafeName().IsMatch(databaseName))
        {
            throw new InvalidOperationException($"Unsafe tenant database name '{databaseName}'.");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9_]{1,63}$")]
    private static partial System.Text.RegularExpressions.Regex SafeName();
}

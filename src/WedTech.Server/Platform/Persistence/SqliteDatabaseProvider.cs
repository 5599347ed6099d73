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

    public SqliteDatabaseProvider(IOptions<PersistenceOptions> options, IHostEnvironment environment, AppMetrics metrics)
    {
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

    public TenantDbContext CreateTenantContext(string databaseName) =>
        new SqliteTenantDbContext(_tenantOptions.GetOrAdd(databaseName, name => new DbContextOptionsBuilder<SqliteTenantDbContext>()
            .UseSqlite(ConnectionString(TenantPath(name)))
            .AddInterceptors(_tenantMetrics, MoneyGuard.Instance)
            .Options));

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

    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();

    /// <summary>WAL lets readers run beside the writer. The mode is stored in the file, so it is set once, when the file is made.</summary>
    private static void UseWriteAheadLog(string path)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
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

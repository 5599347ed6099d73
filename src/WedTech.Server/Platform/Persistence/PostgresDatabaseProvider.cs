using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using WedTech.Server.Platform.Observability;
using WedTech.Server.Tenancy.Catalog;

namespace WedTech.Server.Platform.Persistence;

/// <summary>
/// A database per tenant on one PostgreSQL server. A singleton registry keeps one small data source
/// (connection pool) per tenant database; each DbContext borrows a connection from it. Contexts get the
/// connection rather than the data source so that EF Core keeps a single internal service provider.
/// </summary>
internal sealed class PostgresDatabaseProvider : IDatabaseProvider, IAsyncDisposable
{
    private readonly PersistenceOptions _options;
    private readonly NpgsqlConnectionStringBuilder _server;
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _dataSources = new();
    private readonly QueryMetricsInterceptor _tenantMetrics;
    private readonly QueryMetricsInterceptor _catalogMetrics;
    private readonly OpenTenantDatabases _open;

    public PostgresDatabaseProvider(IOptions<PersistenceOptions> options, AppMetrics metrics, OpenTenantDatabases open)
    {
        _open = open;
        _tenantMetrics = new QueryMetricsInterceptor(metrics, "tenant");
        _catalogMetrics = new QueryMetricsInterceptor(metrics, "catalog");
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.PostgresConnectionString))
        {
            throw new InvalidOperationException("Tenancy:Provider is Postgres but ConnectionStrings:Postgres is not set.");
        }
        _server = new NpgsqlConnectionStringBuilder(_options.PostgresConnectionString);
        DatabaseNames.EnsureSafe(_options.CatalogDatabase);
    }

    public string Name => "postgres";

    public CatalogDbContext CreateCatalogContext() => new PostgresCatalogDbContext(
        new DbContextOptionsBuilder<PostgresCatalogDbContext>()
            .UseNpgsql(DataSource(_options.CatalogDatabase).CreateConnection(), contextOwnsConnection: true)
            .AddInterceptors(_catalogMetrics)
            .Options);

    public TenantDbContext CreateTenantContext(string databaseName)
    {
        _open.Touch(databaseName);
        return new PostgresTenantDbContext(
            new DbContextOptionsBuilder<PostgresTenantDbContext>()
                .UseNpgsql(DataSource(databaseName).CreateConnection(), contextOwnsConnection: true)
                .AddInterceptors(_tenantMetrics, MoneyGuard.Instance, new TenantDatabaseUseInterceptor(_open, databaseName))
                .Options);
    }

    /// <summary>Closes the tenant pool's idle connections (its sockets, and the server's backends); Npgsql also prunes them by itself after ConnectionIdleLifetime.</summary>
    public void CloseIdleConnections(string databaseName)
    {
        if (_dataSources.TryGetValue(databaseName, out var dataSource))
        {
            dataSource.Clear();
        }
    }

    public string TenantDatabaseName(Guid tenantId) => _options.TenantDatabasePrefix + tenantId.ToString("N");

    public async Task EnsureTenantDatabaseExistsAsync(string databaseName, CancellationToken cancellationToken)
    {
        DatabaseNames.EnsureSafe(databaseName);
        await using var connection = DataSource("postgres").CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = databaseName } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }
        try
        {
            // Identifiers cannot be parameters; the name was checked against [a-z0-9_] above.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by a concurrent retry of the same provisioning: fine.
        }
    }

    public async Task<bool> IsTenantStoreReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await DataSource("postgres").OpenConnectionAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private NpgsqlDataSource DataSource(string databaseName) => _dataSources.GetOrAdd(databaseName, name =>
    {
        DatabaseNames.EnsureSafe(name);
        var builder = new NpgsqlConnectionStringBuilder(_server.ConnectionString)
        {
            Database = name,
            MaxPoolSize = _options.MaxPoolSizePerTenant,
            // Npgsql closes connections idle this long by itself too (checked every 10 s); MinPoolSize is 0, so an idle pool empties.
            ConnectionIdleLifetime = 60,
        };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources.Values)
        {
            await dataSource.DisposeAsync();
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;
using WedTech.Server.Platform.Observability;

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
    private readonly ILogger<PostgresDatabaseProvider> _logger;
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private string? _template;

    public PostgresDatabaseProvider(IOptions<PersistenceOptions> options, AppMetrics metrics, OpenTenantDatabases open, ILogger<PostgresDatabaseProvider> logger)
    {
        _open = open;
        _logger = logger;
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

    public DatabaseProviderKind Kind => DatabaseProviderKind.Postgres;

    public DbContextOptions<TContext> CatalogOptions<TContext>() where TContext : DbContext => new DbContextOptionsBuilder<TContext>()
        .UseNpgsql(DataSource(_options.CatalogDatabase).CreateConnection(), contextOwnsConnection: true)
        .AddInterceptors(_catalogMetrics)
        .Options;

    public TenantDbContext CreateTenantContext(string databaseName)
    {
        _open.Touch(databaseName);
        return new PostgresTenantDbContext(
            new DbContextOptionsBuilder<PostgresTenantDbContext>()
                .UseNpgsql(DataSource(databaseName).CreateConnection(), contextOwnsConnection: true)
                .AddInterceptors(_tenantMetrics, MoneyGuard.Instance, new TenantDatabaseUseInterceptor(_open, databaseName))
                .AddInterceptors(WritePath.Interceptors)
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

    public async Task DropTenantDatabaseAsync(string databaseName, CancellationToken cancellationToken)
    {
        DatabaseNames.EnsureSafe(databaseName);
        if (_dataSources.TryRemove(databaseName, out var dataSource))
        {
            await dataSource.DisposeAsync();
        }
        await using var connection = DataSource("postgres").CreateConnection();
        await connection.OpenAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                // FORCE cannot end an autovacuum worker (it belongs to the superuser); it finishes soon.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// A new tenant's database is <c>CREATE DATABASE … TEMPLATE</c> of a database migrated once per schema version
    /// (<c>{prefix}template_{hash of the latest migration}</c>), so signup does not run every migration again; the caller's
    /// migrate is then a no-op. CREATE DATABASE is atomic: a crash leaves either no database or a complete copy. Without a
    /// template (it could not be made, or is in use) the database is created empty and migrations create the schema, as before.
    /// </summary>
    public async Task EnsureTenantDatabaseExistsAsync(string databaseName, CancellationToken cancellationToken)
    {
        DatabaseNames.EnsureSafe(databaseName);
        // The template first, holding no connection: signups that wait for the first one to be built must not hold the
        // maintenance pool's connections the builder needs (a pool of 4 ran dry with five signups at a node's start).
        string? template = null;
        try
        {
            template = await TemplateAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "No template database; tenant database {DatabaseName} is migrated from empty", databaseName);
        }
        await using var connection = DataSource("postgres").CreateConnection();
        await connection.OpenAsync(cancellationToken);
        if (await ExistsAsync(connection, databaseName, cancellationToken))
        {
            return;
        }
        if (template is not null)
        {
            try
            {
                await CreateDatabaseAsync(connection, databaseName, template, cancellationToken);
                _logger.LogInformation("Tenant database {DatabaseName} created from template {Template}", databaseName, template);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                // Someone is connected to the template (an operator, a backup): make this one the slow way.
                _logger.LogWarning("Template {Template} is in use; tenant database {DatabaseName} is migrated from empty", template, databaseName);
            }
        }
        await CreateDatabaseAsync(connection, databaseName, null, cancellationToken);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string databaseName, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = databaseName } } };
        return await exists.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task CreateDatabaseAsync(NpgsqlConnection connection, string databaseName, string? template, CancellationToken cancellationToken)
    {
        try
        {
            // Identifiers cannot be parameters; the names were checked against [a-z0-9_].
            await using var create = new NpgsqlCommand(
                template is null ? $"CREATE DATABASE \"{databaseName}\"" : $"CREATE DATABASE \"{databaseName}\" TEMPLATE \"{template}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by a concurrent retry of the same provisioning: fine.
        }
    }

    /// <summary>
    /// The migrated template of the current schema, made on first need. It is built under another name and renamed when
    /// complete, under an advisory lock, so concurrent nodes make it once and never copy half of one; nothing stays
    /// connected to it (its connections are not pooled), as CREATE DATABASE … TEMPLATE requires.
    /// </summary>
    private async Task<string> TemplateAsync(CancellationToken cancellationToken)
    {
        if (_template is { } known)
        {
            return known;
        }
        await _templateLock.WaitAsync(cancellationToken);
        try
        {
            if (_template is { } made)
            {
                return made;
            }
            string latest;
            await using (var probe = TemplateContext("postgres"))
            {
                latest = probe.Database.GetMigrations().LastOrDefault()
                    ?? throw new InvalidOperationException("The server has no tenant migrations for PostgreSQL.");
            }
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(latest));
            var name = _options.TenantDatabasePrefix + "template_" + Convert.ToHexStringLower(hash)[..16];
            var building = name + "_b";
            DatabaseNames.EnsureSafe(building);

            await using var connection = DataSource("postgres").CreateConnection();
            await connection.OpenAsync(cancellationToken);
            var lockKey = BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)), 0);
            await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = lockKey } } })
            {
                await acquire.ExecuteNonQueryAsync(cancellationToken);
            }
            try
            {
                if (!await ExistsAsync(connection, name, cancellationToken))
                {
                    // A crash while building leaves the building database; it is not the template, start it again.
                    await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)", connection))
                    {
                        await drop.ExecuteNonQueryAsync(cancellationToken);
                    }
                    await CreateDatabaseAsync(connection, building, null, cancellationToken);
                    await using (var db = TemplateContext(building))
                    {
                        await db.Database.MigrateAsync(cancellationToken);
                    }
                    await using (var rename = new NpgsqlCommand($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"", connection))
                    {
                        await rename.ExecuteNonQueryAsync(cancellationToken);
                    }
                    _logger.LogInformation("Template tenant database {Template} made", name);
                }
            }
            finally
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = lockKey } } };
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            return _template = name;
        }
        finally
        {
            _templateLock.Release();
        }
    }

    /// <summary>A context on an unpooled connection: disposing it leaves nothing connected to the database.</summary>
    private PostgresTenantDbContext TemplateContext(string databaseName) => new(new DbContextOptionsBuilder<PostgresTenantDbContext>()
        .UseNpgsql(new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = databaseName, Pooling = false }.ConnectionString)
        .Options);

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
        _templateLock.Dispose();
    }
}

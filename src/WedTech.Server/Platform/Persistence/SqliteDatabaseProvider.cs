using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using WedTech.Server.Platform.Observability;

namespace WedTech.Server.Platform.Persistence;

/// <summary>Embedded default: <c>data/catalog.db</c> and <c>data/tenants/{name}.db</c>, in WAL mode.</summary>
internal sealed class SqliteDatabaseProvider : IDatabaseProvider, IDisposable
{
    private readonly string _tenantsDirectory;
    private readonly string _catalogPath;
    private readonly QueryMetricsInterceptor _catalogMetrics;
    private readonly ConcurrentDictionary<Type, DbContextOptions> _catalogOptions = new();
    private readonly ConcurrentDictionary<string, DbContextOptions<SqliteTenantDbContext>> _tenantOptions = new();
    private readonly QueryMetricsInterceptor _tenantMetrics;
    private readonly OpenTenantDatabases _open;
    private readonly ILogger<SqliteDatabaseProvider> _logger;
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private string? _templatePath;

    public SqliteDatabaseProvider(IOptions<PersistenceOptions> options, IHostEnvironment environment, AppMetrics metrics, OpenTenantDatabases open,
        ILogger<SqliteDatabaseProvider> logger)
    {
        _open = open;
        _logger = logger;
        _tenantMetrics = new QueryMetricsInterceptor(metrics, "tenant");
        var root = options.Value.DataPath(environment);
        _tenantsDirectory = Path.Combine(root, "tenants");
        Directory.CreateDirectory(_tenantsDirectory);
        _catalogPath = Path.Combine(root, "catalog.db");
        UseWriteAheadLog(_catalogPath);
        _catalogMetrics = new QueryMetricsInterceptor(metrics, "catalog");
    }

    public string Name => "sqlite";

    public DatabaseProviderKind Kind => DatabaseProviderKind.Sqlite;

    public void Dispose() => _templateLock.Dispose();

    public DbContextOptions<TContext> CatalogOptions<TContext>() where TContext : DbContext =>
        (DbContextOptions<TContext>)_catalogOptions.GetOrAdd(typeof(TContext), _ => new DbContextOptionsBuilder<TContext>()
            .UseSqlite(ConnectionString(_catalogPath))
            .AddInterceptors(_catalogMetrics)
            .Options);

    public TenantDbContext CreateTenantContext(string databaseName)
    {
        _open.Touch(databaseName);
        return new SqliteTenantDbContext(_tenantOptions.GetOrAdd(databaseName, name => new DbContextOptionsBuilder<SqliteTenantDbContext>()
            .UseSqlite(ConnectionString(TenantPath(name)))
            .AddInterceptors(_tenantMetrics, MoneyGuard.Instance, new TenantDatabaseUseInterceptor(_open, name))
            .AddInterceptors(WritePath.Interceptors)
            .Options));
    }

    /// <summary>Clears the file's pool: idle connections close now (and with them the database, -wal and -shm files), busy ones when returned.</summary>
    public void CloseIdleConnections(string databaseName)
    {
        using var connection = new SqliteConnection(ConnectionString(TenantPath(databaseName)));
        SqliteConnection.ClearPool(connection);
    }

    public string TenantDatabaseName(Guid tenantId) => tenantId.ToString("N");

    public Task DropTenantDatabaseAsync(string databaseName, CancellationToken cancellationToken)
    {
        var path = TenantPath(databaseName);
        _tenantOptions.TryRemove(databaseName, out _);
        CloseIdleConnections(databaseName);
        // A connection still in use keeps its (unlinked) file until it is closed; the name is free at once.
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A new tenant's file is a copy of a template file migrated once per schema version (<c>tenants/_template-{latest migration}.db</c>),
    /// so signup does not run every migration again; the caller's migrate is then a no-op. A file that already exists (a retried
    /// provisioning) is kept. The copy is made under a temporary name and renamed, so a crash never leaves half a file under the
    /// tenant's name. Without a template (it could not be made) the file is created empty and migrations create the schema, as before.
    /// </summary>
    public async Task EnsureTenantDatabaseExistsAsync(string databaseName, CancellationToken cancellationToken)
    {
        var path = TenantPath(databaseName);
        var existing = new FileInfo(path);
        if (!existing.Exists || existing.Length == 0)
        {
            string? template = null;
            try
            {
                template = await TemplateAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "No template database; tenant database {DatabaseName} is migrated from empty", databaseName);
            }
            if (template is not null)
            {
                var copy = Path.Combine(_tenantsDirectory, $"_copy-{databaseName}-{Guid.NewGuid():N}.db");
                File.Copy(template, copy);
                try
                {
                    // Replaces only an empty file (made by an earlier version before it migrated); a complete one is never overwritten.
                    File.Move(copy, path, overwrite: existing.Exists && new FileInfo(path).Length == 0);
                    _logger.LogInformation("Tenant database {DatabaseName} created from template {Template}", databaseName, Path.GetFileName(template));
                }
                catch (IOException) when (File.Exists(path))
                {
                    // A concurrent retry of the same provisioning made it first: keep theirs.
                    File.Delete(copy);
                }
            }
        }
        // Creates the file when there was no template; migrations create the schema.
        UseWriteAheadLog(path);
    }

    /// <summary>The migrated template of the current schema, made on first need.</summary>
    private async Task<string> TemplateAsync(CancellationToken cancellationToken)
    {
        if (_templatePath is { } known && File.Exists(known))
        {
            return known;
        }
        await _templateLock.WaitAsync(cancellationToken);
        try
        {
            if (_templatePath is { } made && File.Exists(made))
            {
                return made;
            }
            // Made under a name of its own and renamed when complete: other processes over the same data folder never see half a template.
            var building = Path.Combine(_tenantsDirectory, $"_template-building-{Guid.NewGuid():N}.db");
            string path;
            try
            {
                await using (var db = new SqliteTenantDbContext(new DbContextOptionsBuilder<SqliteTenantDbContext>()
                    .UseSqlite(ConnectionString(building, pooling: false)).Options))
                {
                    var latest = db.Database.GetMigrations().LastOrDefault()
                        ?? throw new InvalidOperationException("The server has no tenant migrations for SQLite.");
                    path = Path.Combine(_tenantsDirectory, $"_template-{latest}.db");
                    if (File.Exists(path))
                    {
                        return _templatePath = path;
                    }
                    // Rollback-journal mode (no WAL), on an unpooled connection: once the context is disposed the file is complete and closed.
                    await db.Database.MigrateAsync(cancellationToken);
                }
                try
                {
                    File.Move(building, path, overwrite: false);
                    _logger.LogInformation("Template tenant database {Template} made", Path.GetFileName(path));
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another process over the same data folder made it first.
                }
            }
            finally
            {
                File.Delete(building);
                File.Delete(building + "-journal");
            }
            return _templatePath = path;
        }
        finally
        {
            _templateLock.Release();
        }
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

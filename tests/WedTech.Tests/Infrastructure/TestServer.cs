using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Tests.Infrastructure;

/// <summary>
/// The real server in-process, on one database provider, shared by the tests of an assembly run.
/// Every test signs up its own studio (tenant), so tests never see each other's data.
/// </summary>
public abstract class TestServer : IAsyncLifetime, IServerUnderTest
{
    private WebApplicationFactory<Program>? _factory;
    private Dictionary<string, string?> _settings = [];

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "wedtech-tests", Guid.NewGuid().ToString("N"));

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    public LogCapture Logs { get; } = new();

    public abstract string Provider { get; }

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    protected virtual string? Unavailable => null;

    protected abstract IDictionary<string, string?> ProviderSettings();

    public WebApplicationFactory<Program> Factory
    {
        get
        {
            if (Unavailable is { } reason)
            {
                if (Environment.GetEnvironmentVariable("WEDTECH_REQUIRE_ALL") == "1")
                {
                    Assert.Fail($"{Provider} is required (WEDTECH_REQUIRE_ALL=1) but {reason}.");
                }
                Assert.Skip($"{Provider} tests skipped: {reason}.");
            }
            return _factory ?? throw new InvalidOperationException("The server has not started.");
        }
    }

    public IServiceProvider Services => Factory.Services;

    public HttpClient CreateClient() => Factory.CreateClient();

    public virtual ValueTask InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return ValueTask.CompletedTask;
        }
        _settings = new Dictionary<string, string?>
        {
            ["Tenancy:DataDirectory"] = DataDirectory,
            ["Tenancy:SignupPermitsPerHour"] = "100000",
            ["Tenancy:TenantUrlTemplate"] = "http://{slug}.localhost",
            ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Demo:Seed"] = "false",
            // Verbose, so that the test that looks for secrets in the logs has plenty to look through.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        };
        foreach (var (key, value) in ProviderSettings())
        {
            _settings[key] = value;
        }
        _factory = CreateFactory(_settings);
        _ = _factory.Server; // start now, so start-up failures surface in the fixture
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Another server node on the same databases, data folder and signing key, with <paramref name="settings"/> on
    /// top (e.g. a shared Redis). The caller disposes it.
    /// </summary>
    public WebApplicationFactory<Program> StartNode(IReadOnlyDictionary<string, string?> settings)
    {
        _ = Factory; // skips, or fails, as this server's own tests do when its provider is not available
        var merged = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }
        var node = CreateFactory(merged);
        _ = node.Server;
        return node;
    }

    private WebApplicationFactory<Program> CreateFactory(IReadOnlyDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseStaticWebAssets();
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
            builder.ConfigureTestServices(services => services.AddSingleton<ITenantSeeder>(CrashingSeeder.Instance));
        });

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS temp folder is cleaned anyway.
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteServer : TestServer
{
    public override string Provider => "SQLite";

    protected override IDictionary<string, string?> ProviderSettings() => new Dictionary<string, string?> { ["Tenancy:Provider"] = "Sqlite" };
}

/// <summary>
/// The at-scale configuration: PostgreSQL, with Redis, SMTP and S3 (see <see cref="ExternalServers"/>).
/// Runs when WEDTECH_TEST_POSTGRES holds a connection string for a role allowed to create databases and
/// the other servers' variables are set; <see cref="SqliteServer"/> covers the embedded defaults.
/// </summary>
public sealed class PostgresServer : TestServer
{
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("WEDTECH_TEST_POSTGRES");
    private readonly string _prefix = $"wt{DateTime.UtcNow:MMddHHmmss}_{Random.Shared.Next(1000, 9999)}_";

    public override string Provider => "PostgreSQL";

    protected override string? Unavailable =>
        string.IsNullOrWhiteSpace(ConnectionString) ? "WEDTECH_TEST_POSTGRES is not set" : ExternalServers.Missing();

    protected override IDictionary<string, string?> ProviderSettings() => new Dictionary<string, string?>
    {
        ["Tenancy:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = ConnectionString,
        ["Tenancy:CatalogDatabase"] = _prefix + "catalog",
        ["Tenancy:TenantDatabasePrefix"] = _prefix + "t_",
        ["Tenancy:MaxPoolSizePerTenant"] = "4",
        ["Redis:Connection"] = ExternalServers.Redis,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Unavailable is not null)
        {
            return;
        }
        // Drop what this run created; the databases of a throwaway CI cluster go with it anyway.
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE $1", connection) { Parameters = { new() { Value = _prefix + "%" } } })
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

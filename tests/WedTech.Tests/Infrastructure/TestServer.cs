using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
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

    public string DataDirectory { get; private set; } = Path.Combine(Path.GetTempPath(), "wedtech-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The platform operator's password for the jobs dashboard (user name "operator").</summary>
    public string OperatorPassword { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Settings applied last, over the provider's (e.g. a worker-only role).</summary>
    public Dictionary<string, string?> Overrides { get; init; } = [];

    private string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>False for a sibling: the databases and files belong to the server it was made from.</summary>
    private bool _ownsData = true;

    public virtual string MailDirectory => Path.Combine(DataDirectory, "mail");

    public LogCapture Logs { get; } = new();

    public abstract string Provider { get; }

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    protected virtual string? Unavailable => null;

    protected abstract IDictionary<string, string?> ProviderSettings();

    /// <summary>Services a server for particular tests puts in place of the real ones.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

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

    /// <summary>Set before InitializeAsync: the server runs on Kestrel on this loopback port (real sockets, Kestrel's limits) instead of in memory.</summary>
    public int? KestrelPort { get; set; }

    public Uri? KestrelAddress => KestrelPort is { } port ? new Uri($"http://127.0.0.1:{port}") : null;

    public HttpClient CreateClient() => KestrelAddress is { } address ? new HttpClient { BaseAddress = address } : Factory.CreateClient();

    public virtual ValueTask InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return ValueTask.CompletedTask;
        }
        var settings = new Dictionary<string, string?>
        {
            ["Tenancy:DataDirectory"] = DataDirectory,
            ["Tenancy:SignupPermitsPerHour"] = "100000",
            ["Tenancy:TenantUrlTemplate"] = "http://{slug}.localhost",
            ["Auth:SigningKey"] = _signingKey,
            ["Demo:Seed"] = "false",
            // Jobs are picked up and retried within a second or two, so tests can wait for them.
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Jobs:RetryDelaysInSeconds:0"] = "1",
            ["Jobs:RetryAttempts"] = "3",
            // Automation sweeps run when a test runs them, as of the moment it gives (never on the clock: 31 February).
            ["Automations:SweepCron"] = "0 0 31 2 *",
            // Small daily quotas, so a test can use one up.
            ["Messaging:Quotas:Professional:Sms"] = "3",
            ["Messaging:Quotas:Professional:WhatsApp"] = "3",
            ["Messaging:RetryDelay"] = "00:00:00.500",
            ["Jobs:Dashboard:Username"] = "operator",
            ["Jobs:Dashboard:Password"] = OperatorPassword,
            // Verbose, so that the test that looks for secrets in the logs has plenty to look through.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        };
        foreach (var (key, value) in FakeProviders.Instance.Settings().Concat(RazorpayStandIn.Instance.Settings()).Concat(ProviderSettings()).Concat(Overrides))
        {
            settings[key] = value;
        }
        _factory = CreateFactory(settings);
        if (KestrelPort is { } port)
        {
            _factory.UseKestrel(kestrel => kestrel.ListenLocalhost(port));
            _factory.StartServer();
        }
        else
        {
            _ = _factory.Server; // start now, so start-up failures surface in the fixture
        }
        return ValueTask.CompletedTask;
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
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ITenantSeeder>(CrashingSeeder.Instance);
                TestPasswordHashing.Apply(services);
                // Every log line still reaches Logs (LogCapture), where tests look at them; the server's JSON console output
                // (tens of MB of Debug lines a run, formatted on the test's CPU) only with WEDTECH_TEST_CONSOLE_LOGS=1.
                if (Environment.GetEnvironmentVariable("WEDTECH_TEST_CONSOLE_LOGS") != "1")
                {
                    foreach (var console in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
                    {
                        services.Remove(console);
                    }
                }
                ConfigureTestServices(services);
                Registrations = [.. services];
            });
        });

    /// <summary>Every service the server registered, as the container was given them.</summary>
    public IReadOnlyList<ServiceDescriptor> Registrations { get; private set; } = [];

    /// <summary>
    /// A second server over the same databases, job storage, files and signing key (another node of the
    /// same deployment); start it with InitializeAsync and dispose it before this one.
    /// </summary>
    public TestServer Sibling(Dictionary<string, string?>? overrides = null)
    {
        var sibling = Another(overrides);
        sibling.DataDirectory = DataDirectory;
        sibling._signingKey = _signingKey;
        sibling._ownsData = false;
        sibling.ShareDatabasesOf(this);
        return sibling;
    }

    /// <summary>A new server of the same provider with databases and files of its own; start it with InitializeAsync.</summary>
    public abstract TestServer Another(Dictionary<string, string?>? settings = null);

    /// <summary>
    /// <see cref="Another"/>, whose studios' databases are copies of this server's migrated template database instead of one
    /// it first builds with every migration (PostgreSQL; SQLite has no template): for the tests of anything but a new
    /// deployment's first signups.
    /// </summary>
    public virtual TestServer AnotherWithTemplate(Dictionary<string, string?>? settings = null) => Another(settings);

    protected virtual void ShareDatabasesOf(TestServer other)
    {
    }

    protected bool OwnsData => _ownsData;

    /// <summary>Stops the server (a node going away) and keeps its databases and files for a sibling.</summary>
    public async ValueTask StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (!_ownsData)
        {
            GC.SuppressFinalize(this);
            return;
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

    public override TestServer Another(Dictionary<string, string?>? settings = null) => new SqliteServer { Overrides = settings ?? [] };
}

/// <summary>
/// The at-scale configuration: PostgreSQL, with Redis, SMTP and S3 (see <see cref="ExternalServers"/>).
/// Runs when WEDTECH_TEST_POSTGRES holds a connection string for a role allowed to create databases and
/// the other servers' variables are set; <see cref="SqliteServer"/> covers the embedded defaults.
/// </summary>
public sealed class PostgresServer : TestServer
{
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("WEDTECH_TEST_POSTGRES");
    private string _prefix = $"wt{DateTime.UtcNow:MMddHHmmss}_{Random.Shared.Next(1000, 9999)}_";

    /// <summary>The names of the studios' databases (and so of their template) begin with this: this server's prefix, or another's (<see cref="AnotherWithTemplate"/>).</summary>
    private string? _tenantPrefix;

    private string TenantPrefix => _tenantPrefix ?? _prefix + "t_";

    public override string Provider => "PostgreSQL";

    /// <summary>E-mails go over SMTP to the test SMTP server, which keeps them in its Maildir.</summary>
    public override string MailDirectory => ExternalServers.SmtpMaildir ?? base.MailDirectory;

    protected override string? Unavailable =>
        string.IsNullOrWhiteSpace(ConnectionString) ? "WEDTECH_TEST_POSTGRES is not set" : ExternalServers.Missing();

    protected override IDictionary<string, string?> ProviderSettings() => new Dictionary<string, string?>
    {
        ["Tenancy:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = ConnectionString,
        ["Tenancy:CatalogDatabase"] = _prefix + "catalog",
        ["Tenancy:TenantDatabasePrefix"] = TenantPrefix,
        ["Tenancy:MaxPoolSizePerTenant"] = "4",
        ["Redis:Connection"] = ExternalServers.Redis,
        ["Files:Provider"] = "S3",
        ["Files:S3:ServiceUrl"] = ExternalServers.S3,
        ["Files:S3:Bucket"] = ExternalServers.S3Bucket,
        ["Files:S3:AccessKey"] = ExternalServers.S3AccessKey,
        ["Files:S3:SecretKey"] = ExternalServers.S3SecretKey,
        ["Files:S3:ForcePathStyle"] = "true",
        // The shared bucket outlives runs; each run's objects sit under a prefix of their own.
        ["Files:S3:KeyPrefix"] = _prefix.TrimEnd('_') + "/",
        ["Messaging:Smtp:Host"] = ExternalServers.Smtp?.Split(':')[0],
        ["Messaging:Smtp:Port"] = ExternalServers.Smtp?.Split(':')[1],
        ["Messaging:Smtp:Security"] = "None",
    };

    public override TestServer Another(Dictionary<string, string?>? settings = null) => new PostgresServer { Overrides = settings ?? [] };

    /// <summary>Its studios' databases are named as this server's are, so that they are copied from this server's template (and dropped with this server's).</summary>
    public override TestServer AnotherWithTemplate(Dictionary<string, string?>? settings = null) =>
        new PostgresServer { Overrides = settings ?? [], _tenantPrefix = TenantPrefix };

    protected override void ShareDatabasesOf(TestServer other) => (_prefix, _tenantPrefix) = (((PostgresServer)other)._prefix, ((PostgresServer)other)._tenantPrefix);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Unavailable is not null || !OwnsData)
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
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 5)
                {
                    // FORCE cannot end an autovacuum worker (it belongs to the superuser); it finishes soon.
                    await Task.Delay(500);
                }
            }
        }
    }
}

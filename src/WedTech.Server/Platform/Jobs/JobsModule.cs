using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WedTech.Server.Platform.Jobs;

/// <summary>
/// Hangfire, stored beside the catalog: a SQLite file in the data folder by default, the catalog's
/// PostgreSQL database (schema "hangfire") at scale. Web nodes only enqueue; worker nodes run jobs.
/// </summary>
public static class JobsModule
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection("Jobs"));
        var options = configuration.GetSection("Jobs").Get<JobsOptions>() ?? new JobsOptions();

        // This node's retry policy lives in its own filter provider, which Hangfire's client, state changer and performer take
        // from this container. Hangfire's global filters are process-wide: a policy put there is whichever node started last
        // (two servers share a process in the tests, and one with the default 10 s … 2 h retries left a test's job waiting).
        GlobalJobFilters.Filters.Remove<AutomaticRetryAttribute>();
        var retry = new JobFilterCollection();
        retry.Add(new AutomaticRetryAttribute
        {
            Attempts = options.RetryAttempts,
            DelaysInSeconds = options.RetryDelaysInSeconds is { Length: > 0 } delays ? delays : [10, 30, 60, 300, 900, 1800, 3600, 7200],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
        services.AddSingleton<IJobFilterProvider>(new JobFilterProviderCollection(JobFilterProviders.Providers, retry));

        services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(new HangfireLogging(sp.GetRequiredService<ILoggerFactory>()));
            var persistence = sp.GetRequiredService<IOptions<PersistenceOptions>>().Value;
            if (persistence.Provider == DatabaseProviderKind.Postgres)
            {
                var connection = new NpgsqlConnectionStringBuilder(persistence.PostgresConnectionString) { Database = persistence.CatalogDatabase };
                config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(connection.ConnectionString), new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    QueuePollInterval = options.PollInterval,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                    PrepareSchemaIfNecessary = true,
                });
            }
            else
            {
                var path = Path.Combine(persistence.DataPath(sp.GetRequiredService<IHostEnvironment>()), "jobs.db");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                config.UseSQLiteStorage(path, new SQLiteStorageOptions
                {
                    QueuePollInterval = options.PollInterval,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                });
            }
        });
        if (options.Role.HasFlag(ServerRole.Worker))
        {
            services.AddHangfireServer((sp, server) =>
            {
                // This node's own container, not Hangfire's process-wide activator (two servers share a process in the tests).
                server.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.PollInterval;
                server.ShutdownTimeout = TimeSpan.FromSeconds(10);
            });
        }
        services.AddSingleton(typeof(TenantJobRunner<,>));
        services.AddScoped<TenantJobs>();
        services.AddScoped<DailyDutyScheduler>();
        return services;
    }

    /// <summary>
    /// Job counts in /metrics (a growing "failed" or "enqueued" is worth an alert), and the dashboard, for
    /// platform operators (HTTP Basic credentials from configuration), never on a tenant's host.
    /// </summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        var metrics = app.Services.GetRequiredService<Observability.AppMetrics>();
        metrics.Registry.AddBeforeCollectCallback(() =>
        {
            var statistics = storage.GetMonitoringApi().GetStatistics();
            metrics.Jobs.WithLabels("enqueued").Set(statistics.Enqueued);
            metrics.Jobs.WithLabels("scheduled").Set(statistics.Scheduled);
            metrics.Jobs.WithLabels("processing").Set(statistics.Processing);
            metrics.Jobs.WithLabels("failed").Set(statistics.Failed);
            metrics.Jobs.WithLabels("succeeded").Set(statistics.Succeeded);
        });
        var jobs = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        DailyDuties.Schedule(app.Services, jobs.DailyDutiesCron);
        var options = jobs.Dashboard;
        if (options.Enabled)
        {
            app.UseHangfireDashboard(options.Path, new DashboardOptions
            {
                Authorization = [],
                AsyncAuthorization = [new OperatorDashboardAuthorization(options)],
                DisplayStorageConnectionString = false,
                DashboardTitle = "WedTech jobs",
                AppPath = null,
            }, app.Services.GetRequiredService<JobStorage>());
        }
        return app;
    }

    public static bool ServesWeb(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<JobsOptions>>().Value.Role.HasFlag(ServerRole.Web);
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using Prometheus;

namespace WedTech.Server.Platform.Observability;

/// <summary>A module's gauges, brought up to date before each scrape of /metrics.</summary>
public interface IGaugeSource
{
    Task UpdateAsync(AppMetrics metrics, CancellationToken cancellationToken);
}

public static class ObservabilityModule
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // The console writes through SecretPathRedaction: request paths in log scopes lose their secrets.
        builder.Services.RemoveAll<ILoggerProvider>();
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<ConsoleLoggerProvider>(services));
        builder.Services.AddSingleton<ILoggerProvider>(services => new SecretPathRedaction<ConsoleLoggerProvider>(services.GetRequiredService<ConsoleLoggerProvider>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ActiveUserTracker>();
        builder.Services.AddSingleton<AppMetrics>();
        builder.Services.AddHealthChecks()
            .AddCheck<TenantStoreHealthCheck>("tenant-store", tags: ["ready"]);
        return builder;
    }

    public static IApplicationBuilder UseHttpMetrics(this IApplicationBuilder app) => app.UseMiddleware<HttpMetricsMiddleware>();

    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapHealthChecks("/health", new() { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteHealthJson }).ExcludeFromDescription();

        var activeUsers = app.Services.GetRequiredService<ActiveUserTracker>();
        var gauges = app.Services.GetServices<IGaugeSource>().ToList();
        var metrics = app.Services.GetRequiredService<AppMetrics>();
        metrics.Registry.AddBeforeCollectCallback(async cancellationToken =>
        {
            metrics.ActiveUsers.Set(activeUsers.CountActive());
            foreach (var source in gauges)
            {
                await source.UpdateAsync(metrics, cancellationToken);
            }
        });
        app.MapMetrics("/metrics", metrics.Registry).ExcludeFromDescription();
        return app;
    }

    private static Task WriteHealthJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        });
    }

    private sealed class TenantStoreHealthCheck(IDatabaseProvider databases) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await databases.IsTenantStoreReachableAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("tenant store unreachable");
    }
}

using Microsoft.Extensions.Options;
using WedTech.Server.Platform;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Cli;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Platform.Observability;
using WedTech.Server.Tenancy.Provisioning;
using WedTech.Server.Tenancy.Settings;

namespace WedTech.Server.Tenancy;

public static class TenancyModule
{
    public const string SignupRateLimit = "signup";

    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TenancyOptions>(configuration.GetSection("Tenancy"));
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<StudioAddresses>();
        services.AddSingleton<Plans>();
        services.AddSingleton<IGaugeSource, TenantGauges>();
        services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog", tags: ["ready"]);
        services.AddSingleton<TenantLocator>();
        services.AddSingleton<ITenantRequests>(sp => sp.GetRequiredService<TenantLocator>());
        services.AddSingleton<TenantSchema>();
        services.AddSingleton<TenantOperations>();
        services.AddSingleton<ProvisioningService>();
        services.AddSingleton<IOperatorCommand, TenantCommands>();
        services.AddSingleton<ITenantSeeder, TenantSettingsSeeder>();
        services.AddSingleton<IStartupTask, TenantMigrationsOnStartup>();
        services.AddScoped<TenantContext>();
        // The tenant database of the current request (or job): resolved by the tenancy middleware first.
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IDatabaseProvider>().CreateTenantContext(sp.GetRequiredService<TenantContext>().Current.DatabaseName);
            context.Actor = sp.GetService<IWriteActor>();
            context.Clock = sp.GetRequiredService<TimeProvider>();
            context.Audit = new Lazy<AuditLog>(sp.GetRequiredService<AuditLog>);
            return context;
        });
        services.AddScoped<IJobTenant, JobTenant>();
        services.AddScoped<IStudioSettings, StudioSettings>();
        services.AddRateLimiter(options => options.AddPolicy(SignupRateLimit, context =>
        {
            var permits = context.RequestServices.GetRequiredService<IOptions<TenancyOptions>>().Value.SignupPermitsPerHour;
            return AttemptLimits.PerWindow(context, $"{context.Connection.RemoteIpAddress}", permits, TimeSpan.FromHours(1));
        }));
        return services;
    }

    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) => app.UseMiddleware<TenantResolutionMiddleware>();

    /// <summary>The API of one tenant: every endpoint under it resolves the tenant first.</summary>
    public static RouteGroupBuilder MapTenantApi(this WebApplication app) =>
        app.MapGroup("/api/v1").WithMetadata(TenantScopedAttribute.Instance);
}

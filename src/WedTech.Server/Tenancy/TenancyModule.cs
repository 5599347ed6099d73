using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WedTech.Contracts;
using WedTech.Server.Platform;
using WedTech.Server.Platform.Api;
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
        services.AddSingleton<TenantLocator>();
        services.AddSingleton<TenantSchema>();
        services.AddSingleton<TenantOperations>();
        services.AddSingleton<ProvisioningService>();
        services.AddSingleton<ITenantSeeder, TenantSettingsSeeder>();
        services.AddSingleton<IStartupTask, TenantMigrationsOnStartup>();
        services.AddScoped<TenantContext>();
        services.AddScoped<IStudioSettings, StudioSettings>();
        services.AddRateLimiter(options => options.AddPolicy(SignupRateLimit, context =>
        {
            var permits = context.RequestServices.GetRequiredService<IOptions<TenancyOptions>>().Value.SignupPermitsPerHour;
            return AttemptLimits.PerWindow(context, $"{context.Connection.RemoteIpAddress}", permits, TimeSpan.FromHours(1));
        }));
        return services;
    }

    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) => app.UseMiddleware<TenantResolutionMiddleware>();
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WedTech.Contracts;
using WedTech.Server.Platform.Api;
using WedTech.Server.Tenancy.Provisioning;

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
        services.AddSingleton<DemoTenant>();
        services.AddScoped<TenantContext>();
        services.AddRateLimiter(options => options.AddPolicy(SignupRateLimit, context =>
        {
            var permits = context.RequestServices.GetRequiredService<IOptions<TenancyOptions>>().Value.SignupPermitsPerHour;
            return AttemptLimits.PerWindow(context, $"{context.Connection.RemoteIpAddress}", permits, TimeSpan.FromHours(1));
        }));
        return services;
    }

    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) => app.UseMiddleware<TenantResolutionMiddleware>();

    /// <summary>Signup lives outside any tenant: it creates one.</summary>
    public static RouteGroupBuilder MapTenancy(this RouteGroupBuilder platformApi)
    {
        platformApi.MapPost("/tenants", async Task<Created<TenantCreatedResponse>> (CreateTenantRequest request, ProvisioningService provisioning,
            IOptions<TenancyOptions> options, CancellationToken ct) =>
        {
            var tenant = await provisioning.ProvisionAsync(request, ct);
            var url = options.Value.TenantUrl(tenant.Slug);
            return TypedResults.Created(url, new TenantCreatedResponse(tenant.Id, tenant.Slug, tenant.Status, url));
        }).RequireRateLimiting(SignupRateLimit).WithTags("Signup")
            .WithSummary("Sign up a studio").WithDescription("Sign up a planning studio: creates its database and its first admin. Repeat the same request to finish a signup that was interrupted.");
        return platformApi;
    }
}

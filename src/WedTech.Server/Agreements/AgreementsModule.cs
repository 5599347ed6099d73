using System.Threading.RateLimiting;
using WedTech.Server.Leads;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Agreements;

public static class AgreementsModule
{
    /// <summary>The couple's signing pages and their PDF, per address of a studio.</summary>
    public const string SigningPageRateLimit = "contract-signing-page";

    public const int SigningPageRequestsPerMinute = 60;

    public static IServiceCollection AddAgreements(this IServiceCollection services)
    {
        services.AddScoped<ContractTemplateService>();
        services.AddScoped<ContractService>();
        services.AddScoped<ContractSigning>();
        services.AddScoped<ContractLinks>();
        services.AddScoped<ILeadConversionStep, ContractConversion>();
        services.AddSingleton<ITenantSeeder, ContractTemplatesSeeder>();
        services.AddRateLimiter(options => options.AddPolicy(SigningPageRateLimit, context =>
        {
            var tenant = context.RequestServices.GetRequiredService<TenantContext>().Tenant?.Id.ToString() ?? "-";
            return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SigningPageRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }
}

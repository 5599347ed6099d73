using System.Threading.RateLimiting;
using WedTech.Server.Leads;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Proposals;

public static class ProposalsModule
{
    /// <summary>The couple's page and its API: visits and answers a minute per address of a studio.</summary>
    public const string LinkRateLimit = "proposal-link";

    public const int LinkRequestsPerMinute = 60;

    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.AddScoped<PackageService>().AddScoped<ProposalService>().AddScoped<CoupleProposals>().AddScoped<ProposalLinks>().AddScoped<ProposalPdf>();
        services.AddScoped<ILeadConversionStep, ProposalConversion>().AddScoped<IProposalTerms, ProposalTerms>();
        services.AddRateLimiter(options => options.AddPolicy(LinkRateLimit, context =>
        {
            var tenant = context.RequestServices.GetRequiredService<TenantContext>().Tenant?.Id.ToString() ?? "-";
            return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = LinkRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }
}

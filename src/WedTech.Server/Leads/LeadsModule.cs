using System.Threading.RateLimiting;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Leads;

public static class LeadsModule
{
    /// <summary>The inquiry form's page, visits and posts alike, per address of a studio.</summary>
    public const string InquiryPageRateLimit = "inquiry-page";

    public const int InquiryPageRequestsPerMinute = 60;

    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddOptions<LeadOptions>().BindConfiguration("Leads").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ILeadDirectory, LeadDirectory>()
            .AddSingleton<ITenantSeeder, PipelineStagesSeeder>()
            .AddScoped<LeadStages>()
            .AddScoped<LeadsChanged>()
            .AddScoped<LeadService>()
            .AddScoped<PipelineService>()
            .AddScoped<LeadWon>()
            .AddScoped<InquiryService>()
            .AddSingleton<InquiryStamps>()
            .AddSingleton<InquiryLimiter>();
        services.AddDailyDuty<LeadFollowUpReminders>();
        services.AddDailyDuty<LostLeadRetention>();
        services.AddRateLimiter(options => options.AddPolicy(InquiryPageRateLimit, context =>
        {
            var tenant = context.RequestServices.GetRequiredService<TenantContext>().Tenant?.Id.ToString() ?? "-";
            return RateLimitPartition.GetFixedWindowLimiter($"{tenant}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = InquiryPageRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }
}

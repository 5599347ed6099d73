using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Leads;

public static class LeadsModule
{
    public static IServiceCollection AddLeads(this IServiceCollection services) => services
        .AddScoped<ILeadDirectory, LeadDirectory>()
        .AddSingleton<ITenantSeeder, PipelineStagesSeeder>();
}

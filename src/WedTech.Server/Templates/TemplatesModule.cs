using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Templates;

public static class TemplatesModule
{
    public static IServiceCollection AddWeddingTemplates(this IServiceCollection services) => services.AddScoped<TemplateService>()
        .AddSingleton<ITenantSeeder, BuiltInTemplatesSeeder>();
}

using WedTech.Server.Platform.Cli;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Server.Automations;

public static class AutomationsModule
{
    /// <summary>How often each studio's rules are swept, in UTC cron ("Automations:SweepCron"): every five minutes by default.</summary>
    public const string DefaultSweepCron = "*/5 * * * *";

    public static IServiceCollection AddAutomations(this IServiceCollection services) => services
        .AddScoped<AutomationService>()
        .AddScoped<AutomationSweep>()
        .AddScoped<AutomationSweepScheduler>()
        .AddSingleton<ITenantSeeder, AutomationRecipesSeeder>()
        .AddSingleton<IOperatorCommand, AutomationCommands>();
}

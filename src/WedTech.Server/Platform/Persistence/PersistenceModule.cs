using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Platform.Persistence;

public static class PersistenceModule
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection("Tenancy"))
            .Configure(o => o.PostgresConnectionString ??= configuration.GetConnectionString("Postgres"));
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection("Limits"));
        services.AddSingleton<DescriptorBudget>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OpenTenantDatabases>();
        services.AddHostedService<IdleTenantDatabaseCloser>();
        services.AddSingleton<IDatabaseProvider>(sp => sp.GetRequiredService<IOptions<PersistenceOptions>>().Value.Provider switch
        {
            DatabaseProviderKind.Postgres => ActivatorUtilities.CreateInstance<PostgresDatabaseProvider>(sp),
            _ => ActivatorUtilities.CreateInstance<SqliteDatabaseProvider>(sp),
        });
        return services;
    }
}

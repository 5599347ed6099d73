using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WedTech.Server.Tenancy;

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
        // The tenant database of the current request (or job): resolved by the tenancy middleware first.
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IDatabaseProvider>().CreateTenantContext(sp.GetRequiredService<TenantContext>().Current.DatabaseName);
            context.Actor = sp.GetService<IWriteActor>();
            context.Clock = sp.GetRequiredService<TimeProvider>();
            context.Audit = new Lazy<Audit.AuditLog>(sp.GetRequiredService<Audit.AuditLog>);
            return context;
        });
        return services;
    }
}

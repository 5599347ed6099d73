using Hangfire;

namespace WedTech.Server.Platform.Jobs;

/// <summary>
/// Work each studio needs once a day whatever anyone does: personal data whose purpose has ended, reminders that fall due.
/// A module registers one with <see cref="DailyDuties.AddDailyDuty{TDuty}"/>.
/// </summary>
public interface IDailyDuty
{
    /// <summary>
    /// Runs in the studio's scope with no user. Does everything that is due, not only what fell due today: a day the
    /// servers were down is caught up the next day, and a second run in one day finds nothing left to do.
    /// </summary>
    Task RunAsync(CancellationToken cancellationToken);
}

public static class DailyDuties
{
    public const string RecurringJobId = "daily-duties";

    public static IServiceCollection AddDailyDuty<TDuty>(this IServiceCollection services) where TDuty : class, IDailyDuty
    {
        services.AddScoped<TDuty>();
        services.AddSingleton(new DailyDutyType(typeof(TDuty)));
        return services;
    }

    /// <summary>Has Hangfire queue the duties once a day, at <see cref="JobsOptions.DailyDutiesCron"/>.</summary>
    public static void Schedule(IServiceProvider services, string cron) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<DailyDutyScheduler>(RecurringJobId, scheduler => scheduler.QueueAsync(CancellationToken.None), cron);
}

/// <summary>A registered daily duty, by its type.</summary>
public sealed record DailyDutyType(Type Type)
{
    public string Name => Type.FullName!;
}

/// <summary>Queues one job per active studio and duty, so that one studio's failure is retried alone.</summary>
public sealed class DailyDutyScheduler(IJobTenant tenant, IBackgroundJobClient jobs, IEnumerable<DailyDutyType> duties)
{
    public async Task<int> QueueAsync(CancellationToken cancellationToken)
    {
        var tenants = await tenant.ActiveIdsAsync(cancellationToken);
        var queued = 0;
        foreach (var tenant in tenants)
        {
            foreach (var duty in duties)
            {
                var name = duty.Name;
                jobs.Enqueue<TenantJobRunner<DailyDutyJob, string>>(runner => runner.RunAsync(tenant, null, name, CancellationToken.None));
                queued++;
            }
        }
        return queued;
    }
}

/// <summary>One studio's run of one daily duty, named by its type.</summary>
public sealed class DailyDutyJob(IServiceProvider services, IEnumerable<DailyDutyType> duties) : ITenantJob<string>
{
    public Task RunAsync(string duty, CancellationToken cancellationToken) =>
        duties.FirstOrDefault(d => d.Name == duty) is { } found
            ? ((IDailyDuty)services.GetRequiredService(found.Type)).RunAsync(cancellationToken)
            : Task.CompletedTask; // A duty removed in a later version: nothing to do.
}

using Hangfire;
using Hangfire.Storage;

namespace WedTech.Server.Platform.Jobs;

/// <summary>
/// A studio's recurring sweep (automations, task reminders): queued per active studio, so that one studio's failure is retried
/// alone; and run alone, across every worker node: a sweep still running when the next is due holds the studio's lock and the
/// next one leaves the work to it.
/// </summary>
public static class TenantSweeps
{
    /// <summary>Runs the work unless another run holds the lock; false when it was left to that run.</summary>
    public static async Task<bool> RunAloneAsync(JobStorage storage, string lockName, Func<Task> work)
    {
        using var connection = storage.GetConnection();
        IDisposable held;
        try
        {
            held = connection.AcquireDistributedLock(lockName, TimeSpan.Zero);
        }
        catch (DistributedLockTimeoutException)
        {
            return false;
        }
        using (held)
        {
            await work();
        }
        return true;
    }

    /// <summary>Queues the sweep for each active studio, as of when it runs; the number of studios.</summary>
    public static async Task<int> QueueForEachStudioAsync<TJob>(IJobTenant tenant, IBackgroundJobClient jobs, CancellationToken cancellationToken)
        where TJob : ITenantJob<DateTimeOffset?>
    {
        var tenants = await tenant.ActiveIdsAsync(cancellationToken);
        foreach (var id in tenants)
        {
            jobs.Enqueue<TenantJobRunner<TJob, DateTimeOffset?>>(runner => runner.RunAsync(id, null, null, CancellationToken.None));
        }
        return tenants.Count;
    }
}

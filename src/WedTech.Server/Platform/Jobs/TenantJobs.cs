using Hangfire;

namespace WedTech.Server.Platform.Jobs;

/// <summary>
/// Work that runs in the background for one tenant, with that tenant's database and settings (and, when
/// it acts for someone, that user's current permissions). Jobs may run more than once (a worker that dies
/// mid-job, at-least-once storage), so each implementation must be safe to repeat.
/// </summary>
public interface ITenantJob<in TArgs>
{
    Task RunAsync(TArgs args, CancellationToken cancellationToken);
}

/// <summary>
/// The tenant a job runs for: the current scope's when the job is enqueued, made the scope's again when it runs.
/// The Tenancy module implements it.
/// </summary>
public interface IJobTenant
{
    Guid CurrentId { get; }

    /// <summary>Makes the tenant the scope's and returns its slug; throws <see cref="JobScopeUnavailableException"/> when it cannot be served now.</summary>
    Task<string> EnterAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Every tenant being served now (not being set up, not suspended).</summary>
    Task<List<Guid>> ActiveIdsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A job that ends, saying why, when the person it acts for can no longer sign in (turned off or removed before it ran),
/// rather than being retried and left failed where nobody looks: a scheduled sending or a queued import.
/// </summary>
public interface IEndsWithoutItsUser<TArgs> : ITenantJob<TArgs>
{
    /// <summary>Marks the work ended without doing it; runs in the tenant's scope with no user.</summary>
    Task EndWithoutUserAsync(TArgs args, CancellationToken cancellationToken);
}

/// <summary>The user a job acts for, when it acts for someone; the Identity module implements it.</summary>
public interface IJobUser
{
    Guid? CurrentId { get; }

    /// <summary>Makes the user the scope's, with their current permissions; throws <see cref="JobUserInactiveException"/> when they are no longer active.</summary>
    Task EnterAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>Enqueues tenant jobs for the tenant (and user) of the current scope.</summary>
public sealed class TenantJobs(IBackgroundJobClient client, IJobTenant tenant, IJobUser user)
{
    /// <summary>Runs <typeparamref name="TJob"/> for this tenant, as the current user when there is one.</summary>
    public string Enqueue<TJob, TArgs>(TArgs args) where TJob : ITenantJob<TArgs>
    {
        var tenantId = tenant.CurrentId;
        var userId = user.CurrentId;
        return client.Enqueue<TenantJobRunner<TJob, TArgs>>(runner => runner.RunAsync(tenantId, userId, args, CancellationToken.None));
    }

    public string Schedule<TJob, TArgs>(TArgs args, TimeSpan delay) where TJob : ITenantJob<TArgs>
    {
        var tenantId = tenant.CurrentId;
        var userId = user.CurrentId;
        return client.Schedule<TenantJobRunner<TJob, TArgs>>(runner => runner.RunAsync(tenantId, userId, args, CancellationToken.None), delay);
    }
}

/// <summary>Thrown when a job's tenant or user cannot be served now; the job is retried, then left failed and visible.</summary>
public class JobScopeUnavailableException(string message) : Exception(message);

/// <summary>Thrown when the user a job acts for is no longer active; see <see cref="IEndsWithoutItsUser{TArgs}"/>.</summary>
public sealed class JobUserInactiveException(string message) : JobScopeUnavailableException(message);

/// <summary>Thrown when a job's tenant no longer exists (the operator deleted it): the job ends, there is nothing to retry for.</summary>
public sealed class JobTenantDeletedException(string message) : JobScopeUnavailableException(message);

/// <summary>
/// What Hangfire stores and runs: the job type, its arguments, and the tenant (and user) it belongs to.
/// A generic class rather than a generic method: Hangfire cannot find a generic method again when a type
/// argument (the job) does not appear among its parameters.
/// </summary>
public sealed class TenantJobRunner<TJob, TArgs>(IServiceScopeFactory scopes, ILogger<TenantJobRunner<TJob, TArgs>> logger)
    where TJob : ITenantJob<TArgs>
{
    public async Task RunAsync(Guid tenantId, Guid? userId, TArgs args, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        string slug;
        try
        {
            slug = await services.GetRequiredService<IJobTenant>().EnterAsync(tenantId, cancellationToken);
        }
        catch (JobTenantDeletedException)
        {
            logger.LogInformation("Job {Job} for tenant {TenantId} ends without running: the tenant was deleted", typeof(TJob).Name, tenantId);
            return;
        }
        using (logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = tenantId, ["TenantSlug"] = slug, ["UserId"] = userId, ["Job"] = typeof(TJob).Name }))
        {
            if (userId is { } id)
            {
                try
                {
                    await services.GetRequiredService<IJobUser>().EnterAsync(id, cancellationToken);
                }
                catch (JobUserInactiveException) when (typeof(IEndsWithoutItsUser<TArgs>).IsAssignableFrom(typeof(TJob)))
                {
                    logger.LogInformation("The job's user is no longer active: it ends without running");
                    await ((IEndsWithoutItsUser<TArgs>)ActivatorUtilities.CreateInstance<TJob>(services)).EndWithoutUserAsync(args, cancellationToken);
                    return;
                }
            }
            await ActivatorUtilities.CreateInstance<TJob>(services).RunAsync(args, cancellationToken);
        }
    }
}

using Hangfire;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;

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

/// <summary>Enqueues tenant jobs for the tenant (and user) of the current scope.</summary>
public sealed class TenantJobs(IBackgroundJobClient client, TenantContext tenant, CurrentUser user)
{
    /// <summary>Runs <typeparamref name="TJob"/> for this tenant, as the current user when there is one.</summary>
    public string Enqueue<TJob, TArgs>(TArgs args) where TJob : ITenantJob<TArgs>
    {
        var tenantId = tenant.Current.Id;
        var userId = user.User?.Id;
        return client.Enqueue<TenantJobRunner<TJob, TArgs>>(runner => runner.RunAsync(tenantId, userId, args, CancellationToken.None));
    }

    public string Schedule<TJob, TArgs>(TArgs args, TimeSpan delay) where TJob : ITenantJob<TArgs>
    {
        var tenantId = tenant.Current.Id;
        var userId = user.User?.Id;
        return client.Schedule<TenantJobRunner<TJob, TArgs>>(runner => runner.RunAsync(tenantId, userId, args, CancellationToken.None), delay);
    }
}

/// <summary>Thrown when a job's tenant or user cannot be served now; the job is retried, then left failed and visible.</summary>
public sealed class JobScopeUnavailableException(string message) : Exception(message);

/// <summary>
/// What Hangfire stores and runs: the job type, its arguments, and the tenant (and user) it belongs to.
/// A generic class rather than a generic method: Hangfire cannot find a generic method again when a type
/// argument (the job) does not appear among its parameters.
/// </summary>
public sealed class TenantJobRunner<TJob, TArgs>(IServiceScopeFactory scopes, TenantDirectory tenants, ILogger<TenantJobRunner<TJob, TArgs>> logger)
    where TJob : ITenantJob<TArgs>
{
    public async Task RunAsync(Guid tenantId, Guid? userId, TArgs args, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(tenantId, cancellationToken);
        if (tenant is not { Status: Contracts.TenantStatus.Active })
        {
            throw new JobScopeUnavailableException($"Tenant {tenantId} is {(tenant is null ? "unknown" : tenant.Status.ToString())}.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantContext>().Set(tenant);
        if (userId is { } id)
        {
            var user = await services.GetRequiredService<UserDirectory>().FindAsync(id, cancellationToken);
            if (user is not { Status: Contracts.UserStatus.Active })
            {
                throw new JobScopeUnavailableException($"User {id} of tenant {tenant.Slug} is no longer active.");
            }
            services.GetRequiredService<CurrentUser>().Set(user);
        }
        using (logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = tenant.Id, ["TenantSlug"] = tenant.Slug, ["UserId"] = userId, ["Job"] = typeof(TJob).Name }))
        {
            await ActivatorUtilities.CreateInstance<TJob>(services).RunAsync(args, cancellationToken);
        }
    }
}

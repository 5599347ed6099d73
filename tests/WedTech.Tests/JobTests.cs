using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;
using WedTech.Server.Weddings;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class JobTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task A_job_enqueued_for_tenant_A_runs_against_tenant_A_database_as_its_user()
    {
        var a = await NewStudioAsync();
        var b = await NewStudioAsync();
        using var adminA = await a.AdminAsync();
        using var adminB = await b.AdminAsync();
        await adminA.CreateWeddingAsync("Priya & Arjun");
        await adminB.CreateWeddingAsync("Meera & Kabir");
        var adminId = (await adminA.GetAsync<MeResponse>("/api/v1/me")).Id;

        var run = ProbeJob.NewRun();
        await EnqueueAsync(Server.Services, a.TenantId, adminId, new ProbeArgs(run));

        var seen = (await ProbeJob.WaitForRunsAsync(run, 1)).Single();
        seen.TenantId.ShouldBe(a.TenantId);
        seen.UserId.ShouldBe(adminId);
        seen.WeddingTitles.ShouldBe(["Priya & Arjun"]);
    }

    [Fact]
    public async Task A_job_of_a_suspended_studio_waits_for_a_retry_and_one_of_a_deleted_studio_ends_without_running()
    {
        var studio = await NewStudioAsync();
        var runner = ActivatorUtilities.CreateInstance<TenantJobRunner<ProbeJob, ProbeArgs>>(Server.Services);
        var operations = Server.Services.GetRequiredService<TenantOperations>();
        var run = ProbeJob.NewRun();

        await operations.SetSuspendedAsync(studio.Slug, suspended: true, Cancel);
        await Should.ThrowAsync<JobScopeUnavailableException>(() => runner.RunAsync(studio.TenantId, null, new ProbeArgs(run), Cancel));

        await operations.DeleteAsync(studio.Slug, Cancel);
        await runner.RunAsync(studio.TenantId, null, new ProbeArgs(run), Cancel);
        ProbeJob.AttemptsOf(run).ShouldBe(0);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_a_job_that_keeps_failing_is_left_failed_and_visible()
    {
        var studio = await NewStudioAsync();
        var flaky = ProbeJob.NewRun();
        await EnqueueAsync(Server.Services, studio.TenantId, null, new ProbeArgs(flaky, FailFirstRuns: 1));
        var runs = await ProbeJob.WaitForRunsAsync(flaky, 2);
        runs.Select(r => r.Succeeded).ShouldBe([false, true]);

        var broken = ProbeJob.NewRun();
        var jobId = await EnqueueAsync(Server.Services, studio.TenantId, null, new ProbeArgs(broken, FailFirstRuns: int.MaxValue));
        var storage = Server.Services.GetRequiredService<JobStorage>();
        StateData? state = null;
        // Four runs a second apart, each picked up by a poll: seconds on a quiet machine; over a minute was seen under CI's load.
        var waited = Stopwatch.StartNew();
        // The storage can show "Failed" for a moment before the retry filter moves the job on: wait for the last attempt too.
        while ((state?.Name != "Failed" || ProbeJob.AttemptsOf(broken) < 4) && waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100, Cancel);
            using var connection = storage.GetConnection();
            state = connection.GetStateData(jobId);
        }
        state.ShouldNotBeNull().Name.ShouldBe("Failed");
        // The first run and three retries were started, and no more (one may die of the machine's load before it records a run).
        ProbeJob.AttemptsOf(broken).ShouldBe(4, "the first run and three retries");
        // What the operators' dashboard shows of it: the job, failed, with its exception. (Its paged list of failed jobs is the
        // storage's own query over a store every test shares, and was not always consistent with the job's state.)
        var monitoring = storage.GetMonitoringApi();
        // Its history, as the dashboard lists it (states of the same second may come in either order).
        var details = monitoring.JobDetails(jobId).ShouldNotBeNull();
        details.History.ShouldContain(h => h.StateName == "Failed" && h.Data.ContainsKey("ExceptionMessage"));
        // The dashboard's count of failed jobs is the storage's own count, which can lag the job's state under load: wait for it.
        var counted = Stopwatch.StartNew();
        while (monitoring.FailedCount() == 0 && counted.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, Cancel);
        }
        monitoring.FailedCount().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_worker_that_dies_mid_job_does_not_lose_the_job()
    {
        var fastRecovery = new Dictionary<string, string?> { ["Jobs:InvisibilityTimeout"] = "00:00:03" };
        var first = Server.AnotherWithTemplate(fastRecovery);
        await first.InitializeAsync();
        var run = ProbeJob.NewRun();
        TestServer? second = null;
        try
        {
            var studio = await Studio.CreateAsync(first);
            await EnqueueAsync(first.Services, studio.TenantId, null, new ProbeArgs(run, HangFirstRun: true));
            await ProbeJob.WaitForStartAsync(run);

            // The node goes away while its job hangs: the job never reports back to the storage.
            await first.StopAsync();
            second = first.Sibling(new(fastRecovery) { ["Jobs:Role"] = "Worker" });
            await second.InitializeAsync();

            var runs = await ProbeJob.WaitForRunsAsync(run, 1);
            runs.Single().ShouldSatisfyAllConditions(r => r.Succeeded.ShouldBeTrue(), r => r.TenantId.ShouldBe(studio.TenantId));
        }
        finally
        {
            ProbeJob.Release(run);
            if (second is not null)
            {
                await second.DisposeAsync();
            }
            await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_platform_operators_only()
    {
        var studio = await NewStudioAsync();
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{Server.OperatorPassword}")));
        using var anonymous = AnonymousClient();

        (await anonymous.GetAsync("/operator/jobs", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/operator/jobs"))
        {
            wrong.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:guess")));
            (await anonymous.SendAsync(wrong, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        using (var admin = await studio.AdminAsync())
        {
            (await admin.GetAsync("/operator/jobs", Cancel)).IsSuccessStatusCode.ShouldBeFalse("a studio admin is not an operator");
        }
        using (var onTenant = new HttpRequestMessage(HttpMethod.Get, "/operator/jobs"))
        {
            onTenant.Headers.Authorization = basic;
            onTenant.Headers.Add("X-Tenant", studio.Slug);
            (await anonymous.SendAsync(onTenant, Cancel)).IsSuccessStatusCode.ShouldBeFalse("never on a studio's address");
        }
        using (var tenantHost = new HttpRequestMessage(HttpMethod.Get, $"http://{studio.Slug}.localhost/operator/jobs"))
        {
            tenantHost.Headers.Authorization = basic;
            (await anonymous.SendAsync(tenantHost, Cancel)).IsSuccessStatusCode.ShouldBeFalse("never on a studio's address");
        }
        using var operatorRequest = new HttpRequestMessage(HttpMethod.Get, "/operator/jobs");
        operatorRequest.Headers.Authorization = basic;
        var page = await anonymous.SendAsync(operatorRequest, Cancel);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(Cancel)).ShouldContain("WedTech jobs");
    }

    private static async Task<string> EnqueueAsync(IServiceProvider services, Guid tenantId, Guid? userId, ProbeArgs args)
    {
        await using var scope = services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindByIdAsync(tenantId, Cancel);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.ShouldNotBeNull());
        if (userId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set((await scope.ServiceProvider.GetRequiredService<UserDirectory>().FindAsync(id, Cancel)).ShouldNotBeNull());
        }
        return scope.ServiceProvider.GetRequiredService<TenantJobs>().Enqueue<ProbeJob, ProbeArgs>(args);
    }
}

public sealed record ProbeArgs(string Run, int FailFirstRuns = 0, bool HangFirstRun = false);

/// <summary>A job that reports what scope it ran in; it can fail or hang on its first runs.</summary>
public sealed class ProbeJob(TenantContext tenant, CurrentUser user, TenantDbContext db) : ITenantJob<ProbeArgs>
{
    public sealed record Observation(Guid TenantId, Guid? UserId, IReadOnlyList<string> WeddingTitles, bool Succeeded);

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<Observation>> Runs = new();
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Hung = new();

    /// <summary>Every start of a run's job, whatever ended it (an attempt can also fail before it records what it saw).</summary>
    private static readonly ConcurrentDictionary<string, int> Attempts = new();

    public static int AttemptsOf(string run) => Attempts.GetValueOrDefault(run);

    public static string NewRun() => Guid.NewGuid().ToString("N");

    public async Task RunAsync(ProbeArgs args, CancellationToken cancellationToken)
    {
        var gate = Hung.GetOrAdd(args.Run, _ => new SemaphoreSlim(0));
        if (args.HangFirstRun && Hung.TryAdd(args.Run + ":started", new SemaphoreSlim(0)))
        {
            // A dead worker: deaf to shutdown, never finishes (until the test lets it go).
            await gate.WaitAsync(CancellationToken.None);
            return;
        }
        Attempts.AddOrUpdate(args.Run, 1, (_, count) => count + 1);
        var runs = Runs.GetOrAdd(args.Run, _ => new());
        var titles = await db.Weddings.Select(w => w.Title).ToListAsync(cancellationToken);
        var succeeded = runs.Count >= args.FailFirstRuns;
        runs.Enqueue(new Observation(tenant.Current.Id, user.User?.Id, titles, succeeded));
        if (!succeeded)
        {
            throw new IOException("Simulated transient failure.");
        }
    }

    public static async Task WaitForStartAsync(string run)
    {
        for (var i = 0; i < 200 && !Hung.ContainsKey(run + ":started"); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Hung.ContainsKey(run + ":started").ShouldBeTrue("the job never started");
    }

    public static void Release(string run)
    {
        if (Hung.TryGetValue(run, out var gate))
        {
            gate.Release(int.MaxValue / 2);
        }
    }

    public static async Task<IReadOnlyList<Observation>> WaitForRunsAsync(string run, int count)
    {
        for (var i = 0; i < 1200 && (Runs.TryGetValue(run, out var runs) ? runs.Count : 0) < count; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        return Runs.TryGetValue(run, out var done) ? [.. done] : [];
    }
}

public sealed class JobTestsOnSqlite(SqliteServer server) : JobTests(server);

public sealed class JobTestsOnPostgres(PostgresServer server) : JobTests(server);

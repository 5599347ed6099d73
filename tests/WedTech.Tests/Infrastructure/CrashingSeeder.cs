using System.Collections.Concurrent;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy.Catalog;
using WedTech.Server.Tenancy.Provisioning;

namespace WedTech.Tests.Infrastructure;

/// <summary>Simulates a crash midway through provisioning: fails once for every studio whose slug starts with "crash-".</summary>
public sealed class CrashingSeeder : ITenantSeeder
{
    public static readonly CrashingSeeder Instance = new();
    private readonly ConcurrentDictionary<string, bool> _crashed = new();

    public Task SeedAsync(TenantDbContext db, Tenant tenant, CancellationToken cancellationToken) =>
        tenant.Slug.StartsWith("crash-", StringComparison.Ordinal) && _crashed.TryAdd(tenant.Slug, true)
            ? throw new IOException("Simulated crash while seeding.")
            : Task.CompletedTask;
}

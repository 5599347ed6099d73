using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public abstract class MigrationTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        var databases = Server.Services.GetRequiredService<IDatabaseProvider>();
        await using var catalog = databases.CreateCatalogContext();
        Assert.False(catalog.Database.HasPendingModelChanges(), "The catalog model changed: add a migration (tools/WedTech.MigrationTool).");
        var studio = await NewStudioAsync();
        var tenant = (await Server.Services.GetRequiredService<TenantOperations>().ListAsync(Cancel)).Single(t => t.Slug == studio.Slug);
        await using var db = databases.CreateTenantContext(tenant.DatabaseName);
        Assert.False(db.Database.HasPendingModelChanges(), "The tenant model changed: add a migration (tools/WedTech.MigrationTool).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
    }

    [Fact]
    public async Task Migrating_every_tenant_continues_past_a_broken_one_which_is_then_not_served()
    {
        var healthy = await NewStudioAsync();
        var broken = await NewStudioAsync();
        var alsoHealthy = await NewStudioAsync();
        var databases = Server.Services.GetRequiredService<IDatabaseProvider>();
        var operations = Server.Services.GetRequiredService<TenantOperations>();
        var slugs = new[] { healthy.Slug, broken.Slug, alsoHealthy.Slug };

        // All three are an upgrade behind; the broken one has lost its migration history, so its upgrade fails.
        await using (var catalog = databases.CreateCatalogContext())
        {
            await catalog.Tenants.Where(t => slugs.Contains(t.Slug)).ExecuteUpdateAsync(s => s.SetProperty(t => t.SchemaVersion, "00000000000000_Older"), Cancel);
        }
        var brokenInfo = (await operations.ListAsync(Cancel)).Single(t => t.Slug == broken.Slug);
        await using (var db = databases.CreateTenantContext(brokenInfo.DatabaseName))
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\"", Cancel);
        }
        await Server.Services.GetRequiredService<TenantDirectory>().InvalidateAsync(Cancel);

        using (var behind = healthy.Anonymous())
        {
            var upgrading = await behind.PostJsonAsync("/api/v1/auth/login", new WedTech.Contracts.LoginRequest(healthy.AdminEmail, Studio.Password));
            await upgrading.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        }

        var results = (await operations.MigrateAllAsync(maxParallelism: 2, Cancel)).Where(r => slugs.Contains(r.Slug)).ToDictionary(r => r.Slug);
        Assert.True(results[healthy.Slug].Succeeded);
        Assert.True(results[alsoHealthy.Slug].Succeeded);
        Assert.False(results[broken.Slug].Succeeded);
        Assert.False(string.IsNullOrEmpty(results[broken.Slug].Error));

        await healthy.LoginAsync(healthy.AdminEmail);
        await alsoHealthy.LoginAsync(alsoHealthy.AdminEmail);
        using var client = broken.Anonymous();
        await (await client.PostJsonAsync("/api/v1/auth/login", new WedTech.Contracts.LoginRequest(broken.AdminEmail, Studio.Password))).ProblemAsync(HttpStatusCode.ServiceUnavailable);
    }
}

public sealed class MigrationTestsOnSqlite(SqliteServer server) : MigrationTests(server);

public sealed class MigrationTestsOnPostgres(PostgresServer server) : MigrationTests(server);

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WedTech.Contracts;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Persistence;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>Signup copies a database migrated once per schema version (a file on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL).</summary>
public abstract class TenantTemplateTests(TestServer server) : ProviderTests(server)
{
    [Fact]
    public async Task A_studio_is_made_from_the_migrated_template_with_the_whole_schema_and_no_rows_of_another_studio()
    {
        // Another studio, with rows of its own, before.
        var other = await NewStudioAsync();
        using (var otherAdmin = await other.AdminAsync())
        {
            await otherAdmin.CreateWeddingAsync("Someone else's wedding");
        }
        await other.AddMemberAsync(Role.Planner);

        var studio = await NewStudioAsync();
        var fresh = await NewStudioAsync();
        var tenant = await Server.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(studio.Slug, Cancel);
        Assert.NotNull(tenant);
        Assert.Contains(Server.Logs.Lines, line => line.Contains($"Tenant database {tenant.DatabaseName} created from template ", StringComparison.Ordinal));

        await using var db = await TenantDatabase.OpenAsync(Server, studio);
        // The same schema as migrating: every migration recorded, nothing pending, the model matches.
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Cancel));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        Assert.False(db.Database.HasPendingModelChanges());

        // Only its own rows: its admin, its settings, its audit; none of the other studio's.
        Assert.Equal(studio.AdminEmail, Assert.Single(await db.Users.ToListAsync(Cancel)).Email);
        Assert.Empty(await db.Weddings.ToListAsync(Cancel));
        Assert.All(await db.AuditEntries.ToListAsync(Cancel), entry => Assert.Equal(studio.AdminEmail, entry.UserEmail));
        Assert.Equal("Shaadi Studio", (await db.Settings.SingleAsync(Cancel)).CompanyName);
        // Table by table, as many rows as another new studio has (what provisioning itself writes), none left over from elsewhere.
        await using var freshDb = await TenantDatabase.OpenAsync(Server, fresh);
        Assert.Equal(await RowCountsAsync(freshDb), await RowCountsAsync(db));

        // And it works.
        using var admin = await studio.AdminAsync();
        var wedding = await admin.CreateWeddingAsync("Our own wedding");
        Assert.Equal("Our own wedding", wedding.Title);
    }

    private static async Task<SortedDictionary<string, int>> RowCountsAsync(TenantDbContext db)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
#pragma warning disable EF1002 // table names from the model, not input
            counts[table] = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(Cancel);
#pragma warning restore EF1002
        }
        return counts;
    }
}

public sealed class TenantTemplateTestsOnSqlite(SqliteServer server) : TenantTemplateTests(server);

public sealed class TenantTemplateTestsOnPostgres(PostgresServer server) : TenantTemplateTests(server);

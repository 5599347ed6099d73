using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using WedTech.Contracts;
using WedTech.Server.Platform.Persistence;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// Idle studios hold nothing open (issue 11, item 9): a tenant database's pooled connections keep its files (SQLite: the
/// database, -wal and -shm) or its sockets (PostgreSQL) open, and a thousand signed-in studios held 4,562 descriptors at
/// rest, until a flood of connections found none left for a studio's database. What is open is read from the process
/// itself (<c>/proc/self/fd</c>) or from the PostgreSQL server (<c>pg_stat_activity</c>), never from our own counters.
/// Each test runs a server of its own with short settings.
/// </summary>
public abstract class IdleDatabaseTests(TestServer server) : ProviderTests(server)
{
    private const int Studios = 5;

    [Fact]
    public async Task Studios_idle_past_the_idle_period_hold_no_database_open_and_work_again_on_their_next_request()
    {
        await using var node = await StartAsync(new() { ["Tenancy:CloseIdleDatabasesAfter"] = "00:00:01" });
        var studios = await UseStudiosAsync(node);

        // Nobody uses them now: within a few idle periods every one of their databases is closed.
        var open = await WaitUntilAsync(node, studios, counts => counts.Values.Sum() == 0);
        open.Values.Sum().ShouldBe(0, $"database handles still open: {Describe(open)}");

        // Each studio works on its next request, as before.
        foreach (var (studio, admin) in studios)
        {
            (await admin.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items.Count.ShouldBe(1);
            (await (await admin.PostJsonAsync("/api/v1/weddings", Wedding("Again"))).ReadAsync<WeddingResponse>(HttpStatusCode.Created)).Title.ShouldBe("Again");
            admin.Dispose();
        }
    }

    [Fact]
    public async Task Past_the_cap_of_open_databases_the_least_recently_used_are_closed()
    {
        // Idle for an hour: only the cap closes anything here, so what stays open shows the count sees open databases.
        await using var node = await StartAsync(new() { ["Tenancy:CloseIdleDatabasesAfter"] = "01:00:00", ["Tenancy:MaxOpenTenantDatabases"] = "2" });
        var studios = await UseStudiosAsync(node);
        var lastUsed = studios[^1].Studio.TenantId;

        var open = await WaitUntilAsync(node, studios, counts => counts.Count(c => c.Value > 0) <= 2);
        open.Count(c => c.Value > 0).ShouldBeLessThanOrEqualTo(2, $"open: {Describe(open)}");
        // The studio used last is still open: the count does see open databases.
        open[DatabaseName(node, lastUsed)].ShouldBeGreaterThan(0, $"open: {Describe(open)}");

        // A studio that was closed works again.
        var (_, first) = studios[0];
        (await first.GetAsync<PagedResponse<WeddingSummaryResponse>>("/api/v1/weddings")).Items.Count.ShouldBe(1);
        foreach (var (_, admin) in studios)
        {
            admin.Dispose();
        }
    }

    private static WeddingRequest Wedding(string title) =>
        new(title, "Bride", "Groom", new DateOnly(2027, 12, 1), "Pune", WeddingStatus.Booked, null, 100, null, null);

    private async Task<TestServer> StartAsync(Dictionary<string, string?> settings)
    {
        _ = Server.Factory; // skips when the provider is not available here
        var node = Server.AnotherWithTemplate(settings);
        await node.InitializeAsync();
        return node;
    }

    /// <summary>Signs up studios (at once), then one after another signs their admins in and has each make a wedding: their databases have been used, the last one last.</summary>
    private static async Task<List<(Studio Studio, HttpClient Admin)>> UseStudiosAsync(TestServer node)
    {
        var signedUp = await Task.WhenAll(Enumerable.Range(0, Studios).Select(_ => Studio.CreateAsync(node)));
        var studios = new List<(Studio, HttpClient)>();
        for (var i = 0; i < Studios; i++)
        {
            var studio = signedUp[i];
            var admin = await studio.AdminAsync();
            await admin.CreateWeddingAsync($"Wedding {i}");
            studios.Add((studio, admin));
        }
        return studios;
    }

    private static string DatabaseName(TestServer node, Guid tenantId) =>
        node.Services.GetRequiredService<IDatabaseProvider>().TenantDatabaseName(tenantId);

    /// <summary>Reads what is open until the condition holds, or 30 s have passed (then the last reading, for the assertion to show).</summary>
    private static async Task<Dictionary<string, int>> WaitUntilAsync(TestServer node, List<(Studio Studio, HttpClient Admin)> studios, Func<Dictionary<string, int>, bool> done)
    {
        var names = studios.Select(s => DatabaseName(node, s.Studio.TenantId)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var open = await OpenHandlesAsync(node, names);
            if (done(open) || DateTime.UtcNow > deadline)
            {
                return open;
            }
            await Task.Delay(250, Cancel);
        }
    }

    /// <summary>Per tenant database: its files this process has open (SQLite), or the server's backends connected to it (PostgreSQL).</summary>
    private static async Task<Dictionary<string, int>> OpenHandlesAsync(TestServer node, List<string> names)
    {
        if (node.Provider == "SQLite")
        {
            var tenants = Path.Combine(Path.GetFullPath(node.DataDirectory), "tenants") + Path.DirectorySeparatorChar;
            var targets = OpenFiles().Where(t => t.StartsWith(tenants, StringComparison.Ordinal)).Select(t => Path.GetFileName(t)).ToList();
            return names.ToDictionary(n => n, n => targets.Count(t => t == n + ".db" || t == n + ".db-wal" || t == n + ".db-shm"));
        }
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("WEDTECH_TEST_POSTGRES")) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT datname, count(*)::int FROM pg_stat_activity WHERE datname = ANY($1) GROUP BY datname", connection)
        {
            Parameters = { new() { Value = names.ToArray() } },
        };
        var counts = names.ToDictionary(n => n, _ => 0);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }
        return counts;
    }

    /// <summary>What this process's descriptors point at (Linux).</summary>
    public static List<string> OpenFiles()
    {
        var targets = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target)
                {
                    targets.Add(target);
                }
            }
            catch (IOException)
            {
                // Closed while listing.
            }
        }
        return targets;
    }

    private static string Describe(Dictionary<string, int> open) => string.Join(", ", open.Select(o => $"{o.Key}: {o.Value}"));
}

public sealed class IdleDatabaseTestsOnSqlite(SqliteServer server) : IdleDatabaseTests(server);

public sealed class IdleDatabaseTestsOnPostgres(PostgresServer server) : IdleDatabaseTests(server);

using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Platform.Persistence;

/// <summary>
/// Which tenant databases have connections pooled, and when each was last used. Connection pools keep a database's
/// files (SQLite: the database, its -wal and -shm) or sockets (PostgreSQL) open after use; with a thousand studios
/// that is thousands of descriptors held by studios nobody is using. <see cref="IdleTenantDatabaseCloser"/> closes
/// the pools of databases idle for <see cref="PersistenceOptions.CloseIdleDatabasesAfter"/>, and the least recently
/// used ones beyond <see cref="DescriptorBudget.MaxOpenTenantDatabases"/>.
/// </summary>
public sealed class OpenTenantDatabases(TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _lastUse = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _overCap = new(0, 1);

    public int Cap { get; set; } = int.MaxValue;

    public int Count => _lastUse.Count;

    /// <summary>The database is being used now (a context made, a connection opened or closed).</summary>
    public void Touch(string databaseName)
    {
        var now = time.GetTimestamp();
        var added = false;
        _lastUse.AddOrUpdate(databaseName, _ => { added = true; return now; }, (_, _) => now);
        if (added && _lastUse.Count > Cap && _overCap.CurrentCount == 0)
        {
            try
            {
                _overCap.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Waits until a database beyond the cap is opened, or the time passes.</summary>
    internal Task<bool> WaitForOverCapAsync(TimeSpan timeout, CancellationToken ct) => _overCap.WaitAsync(timeout, ct);

    /// <summary>The databases to close now: idle longer than <paramref name="idleAfter"/>, then the least recently used beyond the cap.</summary>
    internal List<KeyValuePair<string, long>> ToClose(TimeSpan idleAfter)
    {
        var now = time.GetTimestamp();
        var all = _lastUse.ToArray();
        var close = all.Where(e => time.GetElapsedTime(e.Value, now) >= idleAfter).ToList();
        var excess = all.Length - close.Count - Cap;
        if (excess > 0)
        {
            close.AddRange(all.Where(e => time.GetElapsedTime(e.Value, now) < idleAfter).OrderBy(e => e.Value).Take(excess));
        }
        return close;
    }

    /// <summary>Forgets a database that was closed, unless it was used again meanwhile (then it stays tracked).</summary>
    internal void Closed(KeyValuePair<string, long> entry) => _lastUse.TryRemove(entry);

    public void Dispose() => _overCap.Dispose();
}

/// <summary>Keeps <see cref="OpenTenantDatabases"/> up to date from every tenant context's connection.</summary>
internal sealed class TenantDatabaseUseInterceptor(OpenTenantDatabases open, string databaseName) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => open.Touch(databaseName);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        open.Touch(databaseName);
        return Task.CompletedTask;
    }

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => open.Touch(databaseName);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        open.Touch(databaseName);
        return Task.CompletedTask;
    }
}

/// <summary>Closes idle tenant databases' pools, and the least recently used beyond the cap.</summary>
internal sealed partial class IdleTenantDatabaseCloser(OpenTenantDatabases open, IDatabaseProvider databases, DescriptorBudget budget,
    IOptions<PersistenceOptions> options, ILogger<IdleTenantDatabaseCloser> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idleAfter = options.Value.CloseIdleDatabasesAfter;
        open.Cap = budget.MaxOpenTenantDatabases;
        // Looks four times per idle period (between a quarter of a second and 15 s), and at once when the cap is passed.
        var every = TimeSpan.FromTicks(Math.Clamp(idleAfter.Ticks / 4, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromSeconds(15).Ticks));
        LogStarted(logger, budget.ToString(), idleAfter);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await open.WaitForOverCapAsync(every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            foreach (var entry in open.ToClose(idleAfter))
            {
                try
                {
                    databases.CloseIdleConnections(entry.Key);
                    open.Closed(entry);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogCloseFailed(logger, e, entry.Key);
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Limits: {Budget}; a tenant database idle for {IdleAfter} is closed.")]
    private static partial void LogStarted(ILogger logger, string budget, TimeSpan idleAfter);

    [LoggerMessage(LogLevel.Warning, "Could not close the idle connections of tenant database {DatabaseName}.")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, string databaseName);
}

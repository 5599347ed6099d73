using System.Globalization;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Platform;

/// <summary>
/// How the process's open-file limit (RLIMIT_NOFILE; the .NET runtime raises the soft limit to the hard one at start) is
/// shared out, so that a flood of connections is refused before it takes the descriptors a studio's database needs:
/// a reserve (logs, the catalog, job store, Redis, outgoing HTTP, files being served), the tenant databases kept open
/// (<see cref="PersistenceOptions.MaxOpenTenantDatabases"/> × descriptors each), and the rest for client sockets:
/// a quarter for HTTP connections (Kestrel's <c>MaxConcurrentConnections</c>), three quarters for upgraded
/// (WebSocket) connections, which Kestrel counts apart (<c>MaxConcurrentUpgradedConnections</c>).
/// Every figure can be set instead (<see cref="LimitsOptions"/>); a figure set to 0 means "derive it".
/// </summary>
public sealed class DescriptorBudget
{
    /// <summary>SQLite: per pooled connection the database file and its -wal; one -shm per file; two connections assumed.</summary>
    public const int SqliteDescriptorsPerDatabase = 5;

    public DescriptorBudget(IOptions<LimitsOptions> limits, IOptions<PersistenceOptions> persistence)
        : this(limits.Value, persistence.Value, ReadOpenFilesLimit())
    {
    }

    public DescriptorBudget(LimitsOptions limits, PersistenceOptions persistence, long? openFilesLimit)
    {
        OpenFiles = limits.OpenFiles > 0 ? limits.OpenFiles : openFilesLimit;
        // Unknown (not Linux) or unlimited: a budget as for a common 64 Ki limit.
        var files = OpenFiles is { } known && known < int.MaxValue ? (int)known : 65_536;
        Reserved = limits.ReservedDescriptors > 0 ? limits.ReservedDescriptors : Math.Max(1024, files / 10);
        DescriptorsPerDatabase = persistence.Provider == DatabaseProviderKind.Postgres ? Math.Max(1, persistence.MaxPoolSizePerTenant) : SqliteDescriptorsPerDatabase;
        MaxOpenTenantDatabases = persistence.MaxOpenTenantDatabases > 0 ? persistence.MaxOpenTenantDatabases : Math.Clamp(files / 40, 16, 2000);
        var sockets = Math.Max(200, files - Reserved - MaxOpenTenantDatabases * DescriptorsPerDatabase);
        MaxConnections = limits.MaxConnections > 0 ? limits.MaxConnections : Math.Max(100, sockets / 4);
        MaxUpgradedConnections = limits.MaxUpgradedConnections > 0 ? limits.MaxUpgradedConnections : Math.Max(100, sockets - sockets / 4);
        // Below Kestrel's own limit, so a new live connection past it gets a 503 with Retry-After, not a failed upgrade.
        MaxLiveConnections = Math.Max(1, MaxUpgradedConnections - Math.Max(1, MaxUpgradedConnections / 20));
    }

    /// <summary>The process's open-files limit, when it could be read.</summary>
    public long? OpenFiles { get; }

    public int Reserved { get; }

    public int DescriptorsPerDatabase { get; }

    public int MaxOpenTenantDatabases { get; }

    /// <summary>Kestrel's <c>MaxConcurrentConnections</c>: HTTP connections, not counting upgraded ones.</summary>
    public int MaxConnections { get; }

    /// <summary>Kestrel's <c>MaxConcurrentUpgradedConnections</c>: WebSockets.</summary>
    public int MaxUpgradedConnections { get; }

    /// <summary>Default of <c>Realtime:MaxConnections</c>: live connections of the hub on this node.</summary>
    public int MaxLiveConnections { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"open files {(OpenFiles?.ToString(CultureInfo.InvariantCulture) ?? "unknown")}: {Reserved} reserved, {MaxOpenTenantDatabases} tenant databases × {DescriptorsPerDatabase}, " +
        $"{MaxConnections} HTTP connections, {MaxUpgradedConnections} upgraded (WebSocket) connections");

    /// <summary>The soft "Max open files" of /proc/self/limits; null when unknown, long.MaxValue when unlimited.</summary>
    public static long? ReadOpenFilesLimit()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return soft == "unlimited" ? long.MaxValue : long.Parse(soft, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
        }
        return null;
    }
}

/// <summary>Section <c>Limits</c>: how many connections this node takes. 0 = derived from the open-files limit (<see cref="DescriptorBudget"/>).</summary>
public sealed class LimitsOptions
{
    /// <summary>Kestrel's limit on HTTP connections (not counting WebSockets); past it Kestrel closes new connections at once.</summary>
    public int MaxConnections { get; set; }

    /// <summary>Kestrel's limit on upgraded (WebSocket) connections.</summary>
    public int MaxUpgradedConnections { get; set; }

    /// <summary>Descriptors kept for everything but client sockets and tenant databases.</summary>
    public int ReservedDescriptors { get; set; }

    /// <summary>The open-files limit to plan with, instead of the process's own.</summary>
    public long OpenFiles { get; set; }
}

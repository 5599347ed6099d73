using System.Collections.Concurrent;

namespace WedTech.Server.Platform.Observability;

/// <summary>Who was active recently on this node, for the <c>active_users_total</c> gauge.</summary>
public sealed class ActiveUserTracker(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<(Guid Tenant, Guid User), long> _lastSeen = new();

    public void Seen(Guid tenantId, Guid userId) => _lastSeen[(tenantId, userId)] = time.GetTimestamp();

    public int CountActive()
    {
        var now = time.GetTimestamp();
        foreach (var (key, seen) in _lastSeen)
        {
            if (time.GetElapsedTime(seen, now) > Window)
            {
                _lastSeen.TryRemove(key, out _);
            }
        }
        return _lastSeen.Count;
    }
}

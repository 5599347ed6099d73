using System.Collections.Concurrent;

namespace WedTech.Server.Platform.Caching;

/// <summary>
/// A counter per cached data set (a tenant's weddings, a tenant's users, the tenant directory), part of
/// every cache key of that set and bumped after each write. HybridCache stores a read that was already
/// running when a write landed as if it were fresh (tag invalidation cannot cancel it); with the
/// generation in the key, such a late, stale result lands under a key nobody asks for again.
/// Each node counts from a random start of its own: the second level (Redis) is shared, and counters that all started
/// at 0 let a node that had just started, or had bumped as often as another, read the other node's entry of the same
/// number, made from an older catalog (a studio signed up minutes ago was "not found").
/// </summary>
public sealed class CacheGenerations
{
    private readonly long _start = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public long Current(string dataSet) => _start + _generations.GetValueOrDefault(dataSet);

    public void Bump(string dataSet) => _generations.AddOrUpdate(dataSet, 1, static (_, generation) => generation + 1);
}

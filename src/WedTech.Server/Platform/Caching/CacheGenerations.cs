using System.Collections.Concurrent;

namespace WedTech.Server.Platform.Caching;

/// <summary>
/// A counter per cached data set (a tenant's weddings, a tenant's users, the tenant directory), part of
/// every cache key of that set and bumped after each write. HybridCache stores a read that was already
/// running when a write landed as if it were fresh (tag invalidation cannot cancel it); with the
/// generation in the key, such a late, stale result lands under a key nobody asks for again.
/// </summary>
public sealed class CacheGenerations
{
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public long Current(string dataSet) => _generations.GetValueOrDefault(dataSet);

    public void Bump(string dataSet) => _generations.AddOrUpdate(dataSet, 1, static (_, generation) => generation + 1);
}

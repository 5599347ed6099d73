using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;
using WedTech.Server.Platform.Caching;

namespace WedTech.Server.Tenancy;

/// <summary>
/// Every tenant and custom domain, held as one cache entry: a look-up by slug or host is a dictionary
/// read, and a request for a tenant that does not exist costs neither a catalog query nor a cache entry
/// of its own (so made-up names cannot be used to fill memory or load the catalog). Tenants change
/// rarely (signup, suspend, migrate): any change reloads the map at once, on every node when Redis carries
/// the invalidation (otherwise other nodes reload it within <see cref="Ttl"/>).
/// </summary>
public sealed class TenantDirectory(HybridCache cache, CacheInvalidator invalidator, IDatabaseProvider databases)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private const string Key = "tenant-directory";
    private static readonly string[] Tags = [Key];
    private static readonly HybridCacheEntryOptions Options = new() { Expiration = Ttl, LocalCacheExpiration = Ttl };

    public async ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).BySlug.GetValueOrDefault(slug);

    /// <summary>For background jobs, which carry the tenant's id.</summary>
    public async ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).ById.GetValueOrDefault(id);

    public async ValueTask<TenantInfo?> FindByCustomDomainAsync(string host, CancellationToken cancellationToken)
    {
        var map = await LoadAsync(cancellationToken);
        return map.SlugByHost.TryGetValue(host, out var slug) ? map.BySlug.GetValueOrDefault(slug) : null;
    }

    public ValueTask InvalidateAsync(CancellationToken cancellationToken = default) => invalidator.InvalidateAsync(Key, cancellationToken);

    private ValueTask<TenantMap> LoadAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(invalidator.Key(Key), databases, static async (databases, ct) =>
        {
            await using var catalog = databases.CreateCatalogContext();
            var tenants = await catalog.Tenants.AsNoTracking().ToListAsync(ct);
            var domains = await catalog.CustomDomains.AsNoTracking().ToListAsync(ct);
            var slugById = tenants.ToDictionary(t => t.Id, t => t.Slug);
            var bySlug = tenants.ToDictionary(t => t.Slug, TenantInfo.From, StringComparer.Ordinal);
            return new TenantMap(
                bySlug,
                bySlug.Values.ToDictionary(t => t.Id),
                domains.Where(d => slugById.ContainsKey(d.TenantId)).ToDictionary(d => d.Host, d => slugById[d.TenantId], StringComparer.Ordinal));
        }, Options, Tags, cancellationToken);

    [ImmutableObject(true)]
    public sealed record TenantMap(IReadOnlyDictionary<string, TenantInfo> BySlug, IReadOnlyDictionary<Guid, TenantInfo> ById, IReadOnlyDictionary<string, string> SlugByHost);
}

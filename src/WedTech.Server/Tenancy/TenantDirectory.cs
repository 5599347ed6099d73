using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using WedTech.Server.Platform.Persistence;

namespace WedTech.Server.Tenancy;

/// <summary>
/// Cached look-ups of tenants by slug and by custom domain, misses included. Tenants change rarely
/// (signup, suspend, migrate), so any change drops every look-up on this node at once; other nodes
/// see it within <see cref="Ttl"/>.
/// </summary>
public sealed class TenantDirectory(HybridCache cache, IDatabaseProvider databases)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly string[] Tags = ["tenant-lookups"];
    private static readonly HybridCacheEntryOptions Options = new() { Expiration = Ttl, LocalCacheExpiration = Ttl };

    public async ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var entry = await cache.GetOrCreateAsync($"tenant:slug:{slug}", (databases, slug), static async (state, ct) =>
        {
            await using var catalog = state.databases.CreateCatalogContext();
            var tenant = await catalog.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == state.slug, ct);
            return new Lookup(tenant is null ? null : TenantInfo.From(tenant));
        }, Options, Tags, cancellationToken);
        return entry.Tenant;
    }

    /// <summary>
    /// Custom domains are few: the whole map is one cache entry, so an unknown Host header costs a
    /// dictionary look-up, never a catalog query or a cache entry of its own.
    /// </summary>
    public async ValueTask<TenantInfo?> FindByCustomDomainAsync(string host, CancellationToken cancellationToken)
    {
        var domains = await cache.GetOrCreateAsync("tenant:custom-domains", databases, static async (databases, ct) =>
        {
            await using var catalog = databases.CreateCatalogContext();
            var map = await catalog.CustomDomains.AsNoTracking()
                .Join(catalog.Tenants, d => d.TenantId, t => t.Id, (d, t) => new { d.Host, t.Slug })
                .ToDictionaryAsync(d => d.Host, d => d.Slug, StringComparer.Ordinal, ct);
            return new DomainMap(map);
        }, Options, Tags, cancellationToken);
        return domains.SlugByHost.TryGetValue(host, out var slug) ? await FindBySlugAsync(slug, cancellationToken) : null;
    }

    public ValueTask InvalidateAsync(CancellationToken cancellationToken = default) => cache.RemoveByTagAsync(Tags[0], cancellationToken);

    [ImmutableObject(true)]
    public sealed record Lookup(TenantInfo? Tenant);

    [ImmutableObject(true)]
    public sealed record DomainMap(IReadOnlyDictionary<string, string> SlugByHost);
}

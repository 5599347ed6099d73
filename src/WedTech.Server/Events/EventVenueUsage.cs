using WedTech.Server.Venues;
using WedTech.Server.Weddings;

namespace WedTech.Server.Events;

internal sealed class EventVenueUsage(TenantDbContext db, IWeddingDirectory weddings) : IVenueUsage
{
    public IQueryable<Guid> VenueIdsInUse()
    {
        var live = weddings.Ids();
        return db.Events.Where(e => e.VenueId != null && live.Contains(e.WeddingId)).Select(e => e.VenueId!.Value);
    }

    public Task<int> CountAsync(Guid venueId, CancellationToken cancellationToken)
    {
        var live = weddings.Ids();
        return db.Events.CountAsync(e => e.VenueId == venueId && live.Contains(e.WeddingId), cancellationToken);
    }

    public async Task ReleaseFromDeletedWeddingsAsync(Guid venueId, CancellationToken cancellationToken)
    {
        var live = weddings.Ids();
        foreach (var orphan in await db.Events.Where(e => e.VenueId == venueId && !live.Contains(e.WeddingId)).ToListAsync(cancellationToken))
        {
            orphan.VenueId = null;
        }
    }
}

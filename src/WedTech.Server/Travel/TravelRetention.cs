using Microsoft.Extensions.Options;
using WedTech.Server.Guests;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Weddings;

namespace WedTech.Server.Travel;

/// <summary>
/// India's DPDP Act: guests' flights and trains and drivers' phones were given for one wedding's pickups. They go with the
/// guests' contact details, <see cref="GuestDataOptions.ContactDaysAfterWedding"/> days after its last day, and at once
/// with a deleted wedding.
/// </summary>
public sealed class TravelRetention(TenantDbContext db, TravelErasure erasure, WeddingEnds ends, AuditLog audit, IOptions<GuestDataOptions> options, TimeProvider time)
    : IDailyDuty
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var holding = await db.TravelLegs.Select(l => l.WeddingId).Union(db.Vehicles.Select(v => v.WeddingId)).Union(db.PickupTrips.Select(t => t.WeddingId))
            .ToListAsync(cancellationToken);
        if (holding.Count == 0)
        {
            return;
        }
        var erasedBefore = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-options.Value.ContactDaysAfterWedding);
        foreach (var (weddingId, _) in (await ends.LastDaysAsync(holding, cancellationToken)).Where(last => last.Value < erasedBefore))
        {
            await erasure.ForgetAsync(weddingId, cancellationToken);
            audit.Record("travel.erased", "Wedding", weddingId, $"{options.Value.ContactDaysAfterWedding} days after the wedding");
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

}

/// <summary>A wedding's travel, vehicles and trips, deleted with it (and by <see cref="TravelRetention"/> after it). Needs nothing but the database: the wedding service depends on it.</summary>
public sealed class TravelErasure(TenantDbContext db) : IWeddingPersonalData
{
    public async Task ForgetAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        db.TravelLegs.RemoveRange(await db.TravelLegs.Where(l => l.WeddingId == weddingId).ToListAsync(cancellationToken));
        db.PickupTrips.RemoveRange(await db.PickupTrips.Where(t => t.WeddingId == weddingId).ToListAsync(cancellationToken));
        db.Vehicles.RemoveRange(await db.Vehicles.Where(v => v.WeddingId == weddingId).ToListAsync(cancellationToken));
    }
}

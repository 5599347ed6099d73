using WedTech.Server.Guests;

namespace WedTech.Server.Travel;

/// <summary>A household's arrivals and departures on its guests' RSVP page, each with its pickup: never the studio's notes.</summary>
internal sealed class HouseholdJourneys(TenantDbContext db) : IHouseholdJourneys
{
    public async Task<IReadOnlyList<HouseholdJourney>> OfHouseholdAsync(Guid householdId, CancellationToken cancellationToken) =>
        await (from l in db.TravelLegs.AsNoTracking()
               where l.HouseholdId == householdId
               join t in db.PickupTrips on l.TripId equals t.Id into trips
               from t in trips.DefaultIfEmpty()
               join v in db.Vehicles on t.VehicleId equals v.Id into vehicles
               from v in vehicles.DefaultIfEmpty()
               orderby l.At
               select new HouseholdJourney(l.Id, l.Direction, l.Mode, l.Time, l.Place, l.Number, l.Guests, l.FromGuest,
                   t == null ? null : new HouseholdPickup(t.Time, t.Place, t.Terminal, v == null ? null : v.Registration == null ? v.Kind : v.Kind + " " + v.Registration,
                       v == null ? null : v.DriverName, v == null ? null : v.DriverPhone))).ToListAsync(cancellationToken);
}

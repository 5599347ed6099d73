using WedTech.Server.Guests;

namespace WedTech.Server.Rooms;

/// <summary>The household's rooms on its guests' RSVP page: hotel, room type and dates, never the rate or the studio's notes.</summary>
internal sealed class RoomStays(TenantDbContext db) : IHouseholdStays
{
    public async Task<IReadOnlyList<HouseholdStay>> OfHouseholdAsync(Guid householdId, CancellationToken cancellationToken) =>
        await (from a in db.RoomAllotments.AsNoTracking()
               join b in db.RoomBlocks on a.BlockId equals b.Id
               where a.HouseholdId == householdId
               orderby a.CheckIn
               select new HouseholdStay(b.Hotel, b.City, b.RoomType, a.CheckIn, a.CheckOut, a.Guests)).ToListAsync(cancellationToken);
}

using WedTech.Server.Guests.Sending;
using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

/// <summary>A deleted wedding's guest list goes with it: households, members, invitations, answer history and the invitations sent.</summary>
internal sealed class GuestErasure(TenantDbContext db) : IWeddingPersonalData
{
    public async Task ForgetAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        // Members, invitations, history and the messages sent follow in the database (cascading foreign keys).
        db.Households.RemoveRange(await db.Households.Where(h => h.WeddingId == weddingId).ToListAsync(cancellationToken));
        db.GuestSends.RemoveRange(await db.GuestSends.Where(s => s.WeddingId == weddingId).ToListAsync(cancellationToken));
    }
}

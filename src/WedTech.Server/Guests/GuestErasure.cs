using WedTech.Server.Weddings;

namespace WedTech.Server.Guests;

/// <summary>A deleted wedding's guest list goes with it: households, members, invitations and answer history.</summary>
internal sealed class GuestErasure(TenantDbContext db) : IWeddingPersonalData
{
    public async Task ForgetAsync(Guid weddingId, CancellationToken cancellationToken) =>
        // Members, invitations and history follow in the database (cascading foreign keys).
        db.Households.RemoveRange(await db.Households.Where(h => h.WeddingId == weddingId).ToListAsync(cancellationToken));
}

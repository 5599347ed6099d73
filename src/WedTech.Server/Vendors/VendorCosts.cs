using WedTech.Server.Weddings;

namespace WedTech.Server.Vendors;

/// <summary>A booking as the budget counts it: its category and status, its quote (priced by the budget with its headcounts) and what is paid.</summary>
public sealed record BookedCost(Guid BookingId, string Category, BookingStatus Status, Guid? EventId, IReadOnlyList<QuoteItem> Lines, long PaidPaise);

/// <summary>What the budget reads of a wedding's vendors.</summary>
public interface IVendorCosts
{
    Task<List<BookedCost>> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken);
}

internal sealed class VendorCosts(TenantDbContext db) : IVendorCosts
{
    public async Task<List<BookedCost>> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken) =>
        (await db.VendorBookings.AsNoTracking().Where(b => b.WeddingId == weddingId)
            .Select(b => new { b.Id, b.Category, b.Status, b.EventId, b.Lines, b.PaidTotal }).ToListAsync(cancellationToken))
        .Select(b => new BookedCost(b.Id, b.Category, b.Status, b.EventId, b.Lines, b.PaidTotal)).ToList();
}

/// <summary>
/// When a wedding is deleted its bookings stay (what was paid to whom stays explained), but the vendors' day contacts, a
/// person's name and mobile, go, and so do their day links.
/// </summary>
public sealed class VendorErasure(TenantDbContext db) : IWeddingPersonalData
{
    public async Task ForgetAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        foreach (var booking in await db.VendorBookings.Where(b => b.WeddingId == weddingId).ToListAsync(cancellationToken))
        {
            (booking.DayContactName, booking.DayContactPhone, booking.DayLinkHash) = (null, null, null);
        }
    }
}

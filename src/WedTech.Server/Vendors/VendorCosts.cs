using WedTech.Server.Guests;
using WedTech.Server.Weddings;

namespace WedTech.Server.Vendors;

/// <summary>A booking as the budget counts it: its category and status, its quote (priced by the budget with its headcounts) and what is paid.</summary>
public sealed record BookedCost(Guid BookingId, string Category, BookingStatus Status, Guid? EventId, IReadOnlyList<QuoteItem> Lines, long PaidPaise);

/// <summary>A wedding's booked vendors in total: their quotes with GST (priced with the RSVPs' headcounts) and what was paid them (TDS included).</summary>
public sealed record WeddingVendorTotals(long CommittedPaise, long PaidPaise);

/// <summary>What the budget and the books read of weddings' vendors.</summary>
public interface IVendorCosts
{
    Task<List<BookedCost>> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken);

    Task<Dictionary<Guid, WeddingVendorTotals>> TotalsAsync(IReadOnlyCollection<Guid> weddingIds, CancellationToken cancellationToken);

    /// <summary>Payments to vendors (with TDS) dated between the dates: the wedding, the day and the amount.</summary>
    Task<List<(Guid WeddingId, DateOnly PaidOn, long AmountPaise)>> PaidBetweenAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

internal sealed class VendorCosts(TenantDbContext db, IGuestDirectory guests) : IVendorCosts
{
    public async Task<Dictionary<Guid, WeddingVendorTotals>> TotalsAsync(IReadOnlyCollection<Guid> weddingIds, CancellationToken cancellationToken)
    {
        var booked = await db.VendorBookings.AsNoTracking().Where(b => weddingIds.Contains(b.WeddingId) && b.Status == BookingStatus.Booked)
            .Select(b => new { b.WeddingId, b.EventId, b.Lines, b.PaidTotal }).ToListAsync(cancellationToken);
        var totals = new Dictionary<Guid, WeddingVendorTotals>();
        foreach (var wedding in booked.GroupBy(b => b.WeddingId))
        {
            var headcounts = wedding.Any(b => b.Lines.Any(l => l.PerGuest)) ? await guests.AttendingAsync(wedding.Key, cancellationToken) : [];
            totals[wedding.Key] = new WeddingVendorTotals(
                wedding.Sum(b => Quotes.Total(b.Lines, b.EventId is { } e ? headcounts.GetValueOrDefault(e) : 0)), wedding.Sum(b => b.PaidTotal));
        }
        return totals;
    }

    public async Task<List<(Guid WeddingId, DateOnly PaidOn, long AmountPaise)>> PaidBetweenAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        [.. (await db.VendorPayments.AsNoTracking().Where(p => p.PaidOn >= first && p.PaidOn <= last)
            .Select(p => new { p.WeddingId, p.PaidOn, Amount = p.AmountPaise + p.TdsPaise }).ToListAsync(cancellationToken))
            .Select(p => (p.WeddingId, p.PaidOn, p.Amount))];

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

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

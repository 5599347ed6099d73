namespace WedTech.Server.Inventory;

/// <summary>
/// What the budget and the books read of stock: what lost and damaged pieces cost each wedding, at the items' replacement cost
/// when they came back.
/// </summary>
public interface IStockCharges
{
    Task<long> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken);

    /// <summary>The weddings with charges and what they come to; weddings without any are left out.</summary>
    Task<Dictionary<Guid, long>> TotalsAsync(IReadOnlyCollection<Guid> weddingIds, CancellationToken cancellationToken);
}

internal sealed class StockCharges(TenantDbContext db) : IStockCharges
{
    /// <summary>The budget's category for them.</summary>
    public const string Category = "Stock lost or damaged";

    public async Task<long> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken) =>
        (await db.StockReservations.AsNoTracking().Where(r => r.WeddingId == weddingId && r.ChargedPaise > 0).Select(r => r.ChargedPaise).ToListAsync(cancellationToken)).Sum();

    public async Task<Dictionary<Guid, long>> TotalsAsync(IReadOnlyCollection<Guid> weddingIds, CancellationToken cancellationToken) =>
        (await db.StockReservations.AsNoTracking().Where(r => weddingIds.Contains(r.WeddingId) && r.ChargedPaise > 0)
            .Select(r => new { r.WeddingId, r.ChargedPaise }).ToListAsync(cancellationToken))
        .GroupBy(r => r.WeddingId).ToDictionary(g => g.Key, g => g.Sum(r => r.ChargedPaise));
}

namespace WedTech.Server.Payments;

/// <summary>Money in from a couple (a receipt), or back out to them (<see cref="Refund"/>), as the books read it.</summary>
public sealed record MoneyIn(Guid WeddingId, string Number, DateOnly On, PaymentMode Mode, string? Reference, long AmountPaise, bool Refund);

/// <summary>What the studio's books read of the money received from couples.</summary>
public interface IPaymentLedger
{
    /// <summary>Receipts dated, and refunds made, between the dates (all when null), of the given weddings (all when null).</summary>
    Task<List<MoneyIn>> BetweenAsync(DateOnly? first, DateOnly? last, IReadOnlyCollection<Guid>? weddingIds, CancellationToken cancellationToken);
}

internal sealed class PaymentLedger(TenantDbContext db, Tenancy.Settings.IStudioSettings studio) : IPaymentLedger
{
    public async Task<List<MoneyIn>> BetweenAsync(DateOnly? first, DateOnly? last, IReadOnlyCollection<Guid>? weddingIds, CancellationToken cancellationToken)
    {
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var query = db.ClientPayments.AsNoTracking().Include(p => p.Refunds).AsQueryable();
        if (weddingIds is not null)
        {
            query = query.Where(p => weddingIds.Contains(p.WeddingId));
        }
        var all = await query.ToListAsync(cancellationToken);
        bool Within(DateOnly day) => (first is null || day >= first) && (last is null || day <= last);
        return [.. all.Where(p => Within(p.PaidOn)).Select(p => new MoneyIn(p.WeddingId, p.ReceiptNumber, p.PaidOn, p.Mode, p.Reference, p.AmountPaise, false))
            .Concat(all.SelectMany(p => p.Refunds.Where(r => !r.Pending).Select(r => (p, r, Day: VenueTime.DateIn(r.At, zone))))
                .Where(x => Within(x.Day)).Select(x => new MoneyIn(x.p.WeddingId, x.p.ReceiptNumber, x.Day, x.p.Mode, x.r.GatewayRefundId, x.r.AmountPaise, true)))
            .OrderBy(m => m.On).ThenBy(m => m.Number, StringComparer.Ordinal)];
    }
}

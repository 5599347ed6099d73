using WedTech.Server.Platform.Money;
using WedTech.Server.Weddings;

namespace WedTech.Server.Payments;

/// <summary>An instalment of a couple's payment plan not paid in full, with what is still unpaid of it.</summary>
public sealed record InstalmentDue(Guid WeddingId, Guid InstalmentId, string Label, DateOnly DueOn, long UnpaidPaise);

/// <summary>What other modules (automations) read of the couples' payment plans.</summary>
public interface IInstalmentsDue
{
    /// <summary>The instalments of live weddings due from <paramref name="first"/> to <paramref name="last"/> (both included) not paid in full on <paramref name="today"/>.</summary>
    Task<List<InstalmentDue>> DueBetweenAsync(DateOnly first, DateOnly last, DateOnly today, CancellationToken cancellationToken);
}

internal sealed class InstalmentsDue(TenantDbContext db, IWeddingDirectory weddings) : IInstalmentsDue
{
    public async Task<List<InstalmentDue>> DueBetweenAsync(DateOnly first, DateOnly last, DateOnly today, CancellationToken cancellationToken)
    {
        var live = weddings.Ids();
        var plans = await db.PaymentPlans.AsNoTracking().Where(p => live.Contains(p.WeddingId)).ToListAsync(cancellationToken);
        plans = [.. plans.Where(p => p.Schedule.Any(i => i.DueOn >= first && i.DueOn <= last))];
        if (plans.Count == 0)
        {
            return [];
        }
        var ids = plans.Select(p => p.WeddingId).ToList();
        var received = new Dictionary<Guid, long>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var sum in await db.ClientPayments.Where(p => chunk.Contains(p.WeddingId)).GroupBy(p => p.WeddingId)
                .Select(g => new { g.Key, Net = g.Sum(p => p.AmountPaise - p.RefundedPaise) }).ToListAsync(cancellationToken))
            {
                received[sum.Key] = sum.Net;
            }
        }
        return [.. plans.SelectMany(plan => PaymentSchedules.Apply(plan.Schedule, received.GetValueOrDefault(plan.WeddingId), today)
            .Where(i => i.State != InstalmentState.Paid && i.DueOn >= first && i.DueOn <= last)
            .Select(i => new InstalmentDue(plan.WeddingId, i.Id, i.Label, i.DueOn, i.AmountPaise - i.PaidPaise)))];
    }
}

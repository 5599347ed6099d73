using WedTech.Server.Platform.Money;

namespace WedTech.Server.Payments;

/// <summary>The couple's payment plan as other modules set it (a won lead's accepted proposal). Added to the caller's unit of work.</summary>
public interface ICouplePlans
{
    /// <summary>Makes the wedding's plan these instalments (replacing what it had). The caller saves.</summary>
    Task SetAsync(Guid weddingId, IReadOnlyList<ScheduleItem> schedule, CancellationToken cancellationToken);
}

internal sealed class CouplePlans(TenantDbContext db, PaymentService payments) : ICouplePlans
{
    public async Task SetAsync(Guid weddingId, IReadOnlyList<ScheduleItem> schedule, CancellationToken cancellationToken)
    {
        var plan = await db.PaymentPlans.FirstOrDefaultAsync(p => p.WeddingId == weddingId, cancellationToken);
        if (plan is null)
        {
            plan = new PaymentPlan { WeddingId = weddingId };
            db.PaymentPlans.Add(plan);
        }
        plan.Schedule = [.. schedule];
        payments.Publish(weddingId, plan.Version);
    }
}

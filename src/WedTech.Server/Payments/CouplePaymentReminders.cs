using WedTech.Server.Invoicing;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Platform.Money;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Payments;

/// <summary>
/// Reminds the couple of their payment plan: each instalment not paid in full, three days before it is due and again once it
/// is overdue, in the app, by push and by e-mail, to the couple's users on the wedding. Each reminder goes once, however
/// often the duty runs.
/// </summary>
internal sealed class CouplePaymentReminders(
    TenantDbContext db, IStudioSettings studio, IWeddingDirectory weddings, IBillingSettings billing, UserNotices notices) : IDailyDuty
{
    internal const int DaysBefore = 3;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = await studio.TodayAsync(cancellationToken);
        var live = weddings.Ids();
        var plans = await db.PaymentPlans.AsNoTracking().Where(p => live.Contains(p.WeddingId)).ToListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            return;
        }
        var ids = plans.Select(p => p.WeddingId).ToList();
        var received = await db.ClientPayments.Where(p => ids.Contains(p.WeddingId)).GroupBy(p => p.WeddingId)
            .Select(g => new { g.Key, Net = g.Sum(p => p.AmountPaise - p.RefundedPaise) }).ToDictionaryAsync(x => x.Key, x => x.Net, cancellationToken);
        var studioName = (await billing.StudioAsync(cancellationToken)).LegalName;
        foreach (var plan in plans)
        {
            var due = PaymentSchedules.Apply(plan.Schedule, received.GetValueOrDefault(plan.WeddingId), today)
                .Where(i => i.State != InstalmentState.Paid && i.DueOn <= today.AddDays(DaysBefore)).ToList();
            if (due.Count == 0)
            {
                continue;
            }
            var couple = await weddings.ClientsAsync(plan.WeddingId, cancellationToken);
            var title = (await weddings.NamesAsync(plan.WeddingId, cancellationToken))?.Title ?? "Your wedding";
            foreach (var instalment in due)
            {
                var overdue = instalment.State == InstalmentState.Overdue;
                await notices.TellAsync(couple, "couple-payment-due", new Dictionary<string, string>
                {
                    ["weddingTitle"] = title, ["label"] = instalment.Label, ["amount"] = IndianFormat.Rupees(instalment.AmountPaise - instalment.PaidPaise),
                    ["due"] = IndianFormat.DueWhen(instalment.DueOn, today), ["studioName"] = studioName,
                }, plan.WeddingId, AppLinks.Billing(plan.WeddingId), $"couple-{(overdue ? "late" : "due")}:{instalment.Id:N}:{instalment.DueOn:yyMMdd}", cancellationToken);
            }
        }
    }
}

using WedTech.Server.Identity;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Platform.Money;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Vendors;

/// <summary>An instalment to a vendor not yet paid in full, with its booking.</summary>
public sealed record PaymentDue(Guid WeddingId, Guid BookingId, string VendorName, string Service, Instalment Instalment);

/// <summary>The instalments to vendors that fall due by a day and are not paid in full, of the given weddings.</summary>
public sealed class VendorPaymentsDue(TenantDbContext db)
{
    public async Task<List<PaymentDue>> ByAsync(IQueryable<Guid> weddingIds, DateOnly today, DateOnly last, CancellationToken cancellationToken)
    {
        var bookings = await db.VendorBookings.AsNoTracking()
            .Where(b => b.Status != BookingStatus.Cancelled && weddingIds.Contains(b.WeddingId))
            .Join(db.Vendors, b => b.VendorId, v => v.Id, (b, v) => new { b.Id, b.WeddingId, b.Service, b.Schedule, b.PaidTotal, VendorName = v.Name })
            .ToListAsync(cancellationToken);
        return [.. bookings.SelectMany(b => PaymentSchedules.Apply(b.Schedule, b.PaidTotal, today)
                .Where(i => i.State != InstalmentState.Paid && i.DueOn <= last)
                .Select(i => new PaymentDue(b.WeddingId, b.Id, b.VendorName, b.Service, i)))
            .OrderBy(d => d.Instalment.DueOn)];
    }

    public static string Amount(Instalment instalment) => IndianFormat.Rupees(instalment.AmountPaise - instalment.PaidPaise);

    public static string Due(DateOnly due, DateOnly today) => IndianFormat.DueWhen(due, today);
}

/// <summary>
/// Reminds the studio of payments to vendors: each instalment not paid in full, three days before it is due and again once
/// it is overdue, to the admins and planners on the wedding's team (every admin when none is), in the app, by push and by
/// e-mail. Each reminder goes once, however often the duty runs.
/// </summary>
internal sealed class VendorPaymentReminders(
    TenantDbContext db, VendorPaymentsDue due, IStudioSettings studio, IWeddingDirectory weddings, UserNotices notices) : IDailyDuty
{
    internal const int DaysBefore = 3;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = await studio.TodayAsync(cancellationToken);
        var payments = await due.ByAsync(weddings.Ids(), today, today.AddDays(DaysBefore), cancellationToken);
        if (payments.Count == 0)
        {
            return;
        }
        var admins = await notices.InRolesAsync([Role.Admin], cancellationToken);
        var moneyRoles = Enum.GetValues<Role>().Where(r => Permissions.Has(r, Permissions.FinancialView)).ToList();
        foreach (var wedding in payments.GroupBy(p => p.WeddingId))
        {
            var staff = await weddings.StaffAsync(wedding.Key, cancellationToken);
            var told = await db.Users.AsNoTracking().Where(u => staff.Contains(u.Id) && moneyRoles.Contains(u.Role)).Select(u => u.Id).ToListAsync(cancellationToken);
            var title = (await weddings.NamesAsync(wedding.Key, cancellationToken))?.Title ?? "A wedding";
            foreach (var payment in wedding)
            {
                var overdue = payment.Instalment.State == InstalmentState.Overdue;
                await notices.TellAsync(told.Count > 0 ? told : admins, "vendor-payment-due", new Dictionary<string, string>
                {
                    ["weddingTitle"] = title,
                    ["label"] = payment.Instalment.Label,
                    ["amount"] = VendorPaymentsDue.Amount(payment.Instalment),
                    ["vendorName"] = payment.VendorName,
                    ["service"] = payment.Service,
                    ["due"] = VendorPaymentsDue.Due(payment.Instalment.DueOn, today),
                }, wedding.Key, AppLinks.Booking(wedding.Key, payment.BookingId),
                    $"pay-{(overdue ? "late" : "due")}:{payment.Instalment.Id:N}:{payment.Instalment.DueOn:yyMMdd}", cancellationToken);
            }
        }
    }
}

/// <summary>For those who see money: instalments to vendors due within a week or overdue, one line each, opening the booking.</summary>
internal sealed class VendorAttention(VendorPaymentsDue due, IWeddingDirectory weddings, CurrentUser currentUser) : IAttentionSource
{
    internal const int DaysAhead = 7;

    public async Task<IReadOnlyList<AttentionItem>> ItemsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (!currentUser.Can(Permissions.FinancialView))
        {
            return [];
        }
        var payments = (await due.ByAsync(weddings.VisibleIds(), today, today.AddDays(DaysAhead), cancellationToken)).Take(WeddingService.MaxAttention).ToList();
        if (payments.Count == 0)
        {
            return [];
        }
        var titles = await weddings.TitlesAsync([.. payments.Select(p => p.WeddingId).Distinct()], cancellationToken);
        return [.. payments.Select(p => new AttentionItem(AttentionKind.VendorPaymentDue,
            $"{VendorPaymentsDue.Amount(p.Instalment)} to {p.VendorName} due {VendorPaymentsDue.Due(p.Instalment.DueOn, today)}",
            $"{titles.GetValueOrDefault(p.WeddingId, "A wedding")}: the {p.Instalment.Label} for {p.Service}.", p.Instalment.DueOn,
            $"weddings/{p.WeddingId}/vendors?booking={p.BookingId}"))];
    }
}

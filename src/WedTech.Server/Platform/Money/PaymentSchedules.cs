namespace WedTech.Server.Platform.Money;

/// <summary>An instalment of a payment schedule as stored (a vendor booking's, the couple's plan).</summary>
public sealed record ScheduleItem(Guid Id, string Label, InstalmentKind Kind, DateOnly DueOn, long AmountPaise);

/// <summary>Payment schedules: instalments with due dates, and what is paid of each.</summary>
public static class PaymentSchedules
{
    /// <summary>
    /// The schedule a request asks for. An instalment sent without its id, exactly as it is stored, is that instalment: sending a
    /// schedule back unchanged changes nothing. Two with the same id are a field error.
    /// </summary>
    public static List<ScheduleItem> Merge(IReadOnlyList<ScheduleItem> stored, IReadOnlyList<InstalmentRequest> requested, FieldErrors errors, string field)
    {
        var schedule = new List<ScheduleItem>();
        var seen = new HashSet<Guid>();
        var unclaimed = stored.Where(s => !requested.Any(r => r.Id == s.Id)).ToList();
        foreach (var (instalment, index) in requested.Select((s, i) => (s, i)))
        {
            var same = instalment.Id is null
                ? unclaimed.Find(s => (s.Label, s.Kind, s.DueOn, s.AmountPaise) == (instalment.Label.Trim(), instalment.Kind, instalment.DueOn, instalment.AmountPaise))
                : null;
            if (same is not null)
            {
                unclaimed.Remove(same);
            }
            var id = instalment.Id ?? same?.Id ?? Guid.CreateVersion7();
            if (!seen.Add(id))
            {
                errors.Add($"{field}[{index}].id", "Two instalments have the same id.");
            }
            schedule.Add(new ScheduleItem(id, instalment.Label.Trim(), instalment.Kind!.Value, instalment.DueOn!.Value, instalment.AmountPaise!.Value));
        }
        return schedule;
    }

    public static long Total(IEnumerable<ScheduleItem> schedule) => schedule.Aggregate(0L, (sum, s) => checked(sum + s.AmountPaise));

    /// <summary>What was paid applied to the instalments in due order: what of each is paid, and where it stands on <paramref name="today"/>.</summary>
    public static IReadOnlyList<Instalment> Apply(IEnumerable<ScheduleItem> schedule, long paidPaise, DateOnly today)
    {
        var left = paidPaise;
        var result = new List<Instalment>();
        foreach (var item in schedule.OrderBy(s => s.DueOn).ThenBy(s => s.Id))
        {
            var paid = Math.Clamp(left, 0, item.AmountPaise);
            left -= paid;
            var state = paid == item.AmountPaise ? InstalmentState.Paid
                : item.DueOn < today ? InstalmentState.Overdue
                : paid > 0 ? InstalmentState.PartlyPaid
                : InstalmentState.Due;
            result.Add(new Instalment(item.Id, item.Label, item.Kind, item.DueOn, item.AmountPaise, paid, state));
        }
        return result;
    }
}

namespace WedTech.Server.Vendors;

/// <summary>
/// Prices quotes in integer paise: a line's taxable amount is its quantity (a per-guest line: the headcount of the
/// booking's event) × its unit price; GST is the taxable amount × the rate, rounded half up to the paisa. Every sum is
/// checked: an overflow is an error, never a wrong total.
/// </summary>
public static class Quotes
{
    public static QuoteLine Price(QuoteItem item, int headcount)
    {
        var quantity = item.PerGuest ? headcount : item.Quantity;
        var taxable = checked(quantity * item.UnitPaise);
        var tax = Tax(taxable, item.GstRateBasisPoints);
        return new QuoteLine(item.Description, quantity, item.UnitPaise, item.PerGuest, item.GstRateBasisPoints, taxable, tax, checked(taxable + tax));
    }

    /// <summary>GST on a taxable amount, half up to the paisa (in 128 bits, so no rate can overflow it).</summary>
    public static long Tax(long taxablePaise, int rateBasisPoints) => (long)(((Int128)taxablePaise * rateBasisPoints + 5_000) / 10_000);

    public static IReadOnlyList<QuoteLine> Price(IEnumerable<QuoteItem> items, int headcount) => [.. items.Select(i => Price(i, headcount))];

    /// <summary>The quote's total with GST.</summary>
    public static long Total(IEnumerable<QuoteItem> items, int headcount) => items.Aggregate(0L, (sum, item) => checked(sum + Price(item, headcount).TotalPaise));

    /// <summary>The booking's payments applied to its instalments in due order: what of each is paid, and where it stands on <paramref name="today"/>.</summary>
    public static IReadOnlyList<Instalment> Apply(IEnumerable<ScheduleItem> schedule, long paidPaise, DateOnly today)
    {
        var left = paidPaise;
        var result = new List<Instalment>();
        foreach (var item in schedule.OrderBy(s => s.DueOn).ThenBy(s => s.Id))
        {
            var paid = Math.Min(left, item.AmountPaise);
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

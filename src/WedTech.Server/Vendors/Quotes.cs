using WedTech.Server.Platform.Money;

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
        var tax = Paise.Share(taxable, item.GstRateBasisPoints);
        return new QuoteLine(item.Description, quantity, item.UnitPaise, item.PerGuest, item.GstRateBasisPoints, taxable, tax, checked(taxable + tax));
    }

    public static IReadOnlyList<QuoteLine> Price(IEnumerable<QuoteItem> items, int headcount) => [.. items.Select(i => Price(i, headcount))];

    /// <summary>The quote's total with GST.</summary>
    public static long Total(IEnumerable<QuoteItem> items, int headcount) => items.Aggregate(0L, (sum, item) => checked(sum + Price(item, headcount).TotalPaise));
}

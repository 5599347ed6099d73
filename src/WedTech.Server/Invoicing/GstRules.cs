using WedTech.Server.Platform.Money;

namespace WedTech.Server.Invoicing;

/// <summary>Where the event is held, for the place of supply: a GST state code in India, or only a country abroad.</summary>
public sealed record EventPlace(string? StateCode, string Country);

/// <summary>A document's tax worked out: its lines, the totals and the round-off to whole rupees.</summary>
public sealed record TaxedDocument(
    IReadOnlyList<InvoiceLine> Lines, long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise, long RoundOffPaise, long TotalPaise);

/// <summary>
/// GST on the studio's event services. The place of supply follows IGST Act s.12(7) for services of organising an event:
/// to a registered recipient, the recipient's state; to an unregistered one, where the event is held when that is in India,
/// and otherwise the recipient's location (s.12(2)(b): the studio's own state when the recipient's is not known).
/// CGST + SGST when the place of supply is the studio's state, IGST otherwise (a place outside India included).
/// </summary>
public static class GstRules
{
    public static string PlaceOfSupply(string? recipientGstin, string? recipientStateCode, string recipientCountry, EventPlace? venue, string studioStateCode)
    {
        if (recipientGstin is { Length: >= 2 })
        {
            return recipientGstin[..2];
        }
        if (venue is { Country: "IN", StateCode: { } venueState })
        {
            return venueState;
        }
        if (recipientCountry != "IN")
        {
            return InvoiceLimits.OtherCountryCode;
        }
        return recipientStateCode ?? studioStateCode;
    }

    public static TaxSplit Split(string placeOfSupply, string studioStateCode) =>
        placeOfSupply == studioStateCode ? TaxSplit.Intrastate : TaxSplit.Interstate;

    public static string PlaceName(string placeOfSupply) => placeOfSupply == InvoiceLimits.OtherCountryCode
        ? "Outside India"
        : IndianStates.ByCode.TryGetValue(placeOfSupply, out var name) ? $"{name} ({placeOfSupply})" : placeOfSupply;

    /// <summary>
    /// Each line: quantity × unit is its taxable value; CGST and SGST are each half the rate on it, or IGST the whole rate,
    /// half up to the paisa. The total is rounded half up to the rupee, and the difference is the round-off line. Sums are checked.
    /// </summary>
    public static TaxedDocument Tax(IEnumerable<InvoiceItem> items, TaxSplit split)
    {
        var lines = new List<InvoiceLine>();
        long taxable = 0, cgst = 0, sgst = 0, igst = 0;
        foreach (var item in items)
        {
            var value = checked(item.Quantity * item.UnitPaise);
            var (c, s, i) = split == TaxSplit.Intrastate
                ? (Paise.Share(value, item.GstRateBasisPoints / 2), Paise.Share(value, item.GstRateBasisPoints - item.GstRateBasisPoints / 2), 0L)
                : (0L, 0L, Paise.Share(value, item.GstRateBasisPoints));
            lines.Add(new InvoiceLine(item.Description, item.Sac, item.Quantity, item.UnitPaise, value, item.GstRateBasisPoints, c, s, i, checked(value + c + s + i)));
            taxable = checked(taxable + value);
            cgst = checked(cgst + c);
            sgst = checked(sgst + s);
            igst = checked(igst + i);
        }
        var exact = checked(taxable + cgst + sgst + igst);
        var rounded = checked((exact + 50) / 100 * 100);
        return new TaxedDocument(lines, taxable, cgst, sgst, igst, rounded - exact, rounded);
    }

    /// <summary>The financial year (April to March) of a date, as a series names it: "26-27".</summary>
    public static string FinancialYear(DateOnly date)
    {
        var start = date.Month >= 4 ? date.Year : date.Year - 1;
        return $"{start % 100:00}-{(start + 1) % 100:00}";
    }
}

using System.Globalization;

namespace WedTech.App.Features.Inventory;

/// <summary>How the stock's words read to a planner.</summary>
public static class InventoryWords
{
    public static string Of(StockCategory category) => category switch
    {
        StockCategory.MandapSets => "Mandap sets",
        StockCategory.Decor => "Decor",
        StockCategory.Props => "Props",
        StockCategory.Furniture => "Furniture",
        StockCategory.Linen => "Linen",
        StockCategory.Lights => "Lights",
        _ => "Other",
    };

    public static string Of(StockReservationStatus status) => status switch
    {
        StockReservationStatus.Out => "Out",
        StockReservationStatus.Returned => "Back",
        _ => "Reserved",
    };

    /// <summary>A refusal of a reservation as the planner reads it: who holds the pieces, from the server's words.</summary>
    public static string Refusal(ApiProblemException problem) =>
        problem.IsConflict && problem.Detail is { } detail ? detail : problem.Summary;

    /// <summary>A held window as a planner reads it: "19 Nov, 16:00 – 20 Nov, 01:00" (wall-clock at the venue).</summary>
    public static string Window(DateTime from, DateTime until) =>
        from.Date == until.Date
            ? string.Create(CultureInfo.InvariantCulture, $"{from:d MMM}, {from:HH:mm} – {until:HH:mm}")
            : string.Create(CultureInfo.InvariantCulture, $"{from:d MMM}, {from:HH:mm} – {until:d MMM}, {until:HH:mm}");

    /// <summary>Who holds pieces: "Sharma–Kapoor · Sangeet, 19 Nov · 5 pieces".</summary>
    public static string Holder(StockHolder holder, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{holder.Wedding} · {holder.EventName}, {holder.EventStart:d MMM} · {Count(holder.Quantity, unit)}");

    /// <summary>A count with its unit as a planner says it: "1 set", "6 pieces", "12 metres"; a unit of several words or ending in s stays as typed.</summary>
    public static string Count(int count, string unit) =>
        $"{IndianFormat.Count(count)} {(count == 1 || unit.Length == 0 || unit.Contains(' ', StringComparison.Ordinal) || !char.IsLetter(unit[^1]) || unit.EndsWith('s') ? unit : unit + "s")}";

    /// <summary>Where a reservation's pieces are: "reserved", "2 of 5 out", "back".</summary>
    public static string Progress(StockHolder holder) => holder.Status switch
    {
        StockReservationStatus.Out => string.Create(CultureInfo.InvariantCulture, $"{holder.CheckedOut} of {holder.Quantity} out, {holder.Returned} back"),
        StockReservationStatus.Returned => "back",
        _ => "reserved",
    };

    /// <summary>The days none are free (or more are held than usable), as "19 Nov, 20 Nov"; null when there are none.</summary>
    public static string? ShortDays(StockAvailability line) =>
        line.Days is { } days && days.Where(d => d.Free <= 0).ToList() is { Count: > 0 } shortDays
            ? string.Join(", ", shortDays.Select(d => d.Free < 0
                ? string.Create(CultureInfo.InvariantCulture, $"{d.Day:d MMM} (short by {-d.Free})")
                : d.Day.ToString("d MMM", CultureInfo.InvariantCulture)))
            : null;

    /// <summary>Rupees typed in a form as paise, to the nearest paisa.</summary>
    public static long? ToPaise(decimal? rupees) => Vendors.VendorWords.ToPaise(rupees);

    public static decimal? ToRupees(long? paise) => Vendors.VendorWords.ToRupees(paise);
}

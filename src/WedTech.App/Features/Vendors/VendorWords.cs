using System.Globalization;
using MudBlazor;
using WedTech.App.Features.Events;

namespace WedTech.App.Features.Vendors;

/// <summary>How vendors, bookings and money read: statuses, payment modes, GST rates, instalments, the vendor's answer, rupees typed in.</summary>
public static class VendorWords
{
    public static string Of(BookingStatus status) => status switch
    {
        BookingStatus.Enquiry => "Enquiry",
        BookingStatus.Quoted => "Quoted",
        BookingStatus.Booked => "Booked",
        _ => "Cancelled",
    };

    public static Color ColorOf(BookingStatus status) => status switch
    {
        BookingStatus.Enquiry => Color.Default,
        BookingStatus.Quoted => Color.Info,
        BookingStatus.Booked => Color.Success,
        _ => Color.Error,
    };

    public static string Of(PaymentMode mode) => mode switch
    {
        PaymentMode.Upi => "UPI",
        PaymentMode.Neft => "NEFT",
        PaymentMode.Rtgs => "RTGS",
        PaymentMode.Imps => "IMPS",
        PaymentMode.Cash => "Cash",
        PaymentMode.Cheque => "Cheque",
        _ => "Card",
    };

    public static string Of(InstalmentKind kind) => kind switch
    {
        InstalmentKind.Advance => "Advance",
        InstalmentKind.BeforeEvent => "Before the event",
        InstalmentKind.AfterEvent => "After the event",
        _ => "Other",
    };

    public static string Of(InstalmentState state) => state switch
    {
        InstalmentState.Paid => "Paid",
        InstalmentState.PartlyPaid => "Partly paid",
        InstalmentState.Due => "Due",
        _ => "Overdue",
    };

    public static Color ColorOf(InstalmentState state) => state switch
    {
        InstalmentState.Paid => Color.Success,
        InstalmentState.PartlyPaid => Color.Info,
        InstalmentState.Due => Color.Default,
        _ => Color.Error,
    };

    /// <summary>A GST rate in basis points as people say it: 1800 → "18%", 25 → "0.25%", 150 → "1.5%".</summary>
    public static string Gst(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The vendor's answer to the arrival time: "Confirmed ✓", "Proposed 17:30 “after the baraat”", "Waiting".</summary>
    public static string Answer(VendorArrival arrival) => arrival.Answer switch
    {
        ArrivalAnswer.Confirmed => "Confirmed ✓",
        ArrivalAnswer.Proposed => "Proposed" + (arrival.ProposedTime is { } time ? " " + EventTimes.Time(time) : "")
            + (string.IsNullOrWhiteSpace(arrival.Note) ? "" : $" “{arrival.Note.Trim()}”"),
        _ => arrival.LinkSentAt is null ? "Not asked yet" : "Waiting for the answer",
    };

    public static Color ColorOf(ArrivalAnswer answer) => answer switch
    {
        ArrivalAnswer.Confirmed => Color.Success,
        ArrivalAnswer.Proposed => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>"12 Feb 2027, 17:30": an arrival at the venue's wall clock.</summary>
    public static string When(DateTime time) => IndianFormat.Date(DateOnly.FromDateTime(time)) + ", " + EventTimes.Time(time);

    /// <summary>Paise as rupees for a form field: 150050 → 1500.50.</summary>
    public static decimal? ToRupees(long? paise) => paise is { } p ? p / 100m : null;

    /// <summary>Rupees typed in a form as paise, to the nearest paisa.</summary>
    public static long? ToPaise(decimal? rupees) => rupees is { } r ? (long)Math.Round(r * 100m, MidpointRounding.AwayFromZero) : null;

    /// <summary>A change of money as a difference: "+₹1,200", "−₹300", "no change".</summary>
    public static string Change(long paise) => paise switch
    {
        0 => "no change",
        > 0 => "+" + IndianFormat.Rupees(paise),
        _ => "−" + IndianFormat.Rupees(-paise),
    };

    /// <summary>The GST on a taxable amount at a rate in basis points, rounded to the paisa (half away from zero).</summary>
    public static long Tax(long taxablePaise, int basisPoints) =>
        (long)Math.Round(taxablePaise * (decimal)basisPoints / 10_000m, MidpointRounding.AwayFromZero);

    public static string Vendors(int count) => count == 1 ? "1 vendor" : $"{IndianFormat.Count(count)} vendors";

    public static string Bookings(int count) => count == 1 ? "1 booking" : $"{IndianFormat.Count(count)} bookings";
}

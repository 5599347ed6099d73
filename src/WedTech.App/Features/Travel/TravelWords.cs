using WedTech.App.Features.Events;
using WedTech.App.Features.Guests;

namespace WedTech.App.Features.Travel;

/// <summary>How travel reads: modes, directions, local times at the place (the zone named only when it is not the studio's), trips and what telling guests did.</summary>
public static class TravelWords
{
    /// <summary>The channels guests are told their pickup on, as offered.</summary>
    public static readonly IReadOnlyList<MessageChannel> GuestChannels = [MessageChannel.WhatsApp, MessageChannel.Sms, MessageChannel.Email];

    /// <summary>The channels a driver gets the manifest on.</summary>
    public static readonly IReadOnlyList<MessageChannel> DriverChannels = [MessageChannel.WhatsApp, MessageChannel.Sms];

    public static string Of(TravelMode mode) => mode switch
    {
        TravelMode.Flight => "Flight",
        TravelMode.Train => "Train",
        TravelMode.Road => "By road",
        _ => "Other",
    };

    public static string Of(TravelDirection direction) => direction == TravelDirection.Arrival ? "Arrival" : "Departure";

    /// <summary>What a trip is called: a pickup brings arrivals in, a drop takes departures out.</summary>
    public static string TripOf(TravelDirection direction) => direction == TravelDirection.Arrival ? "Pickup" : "Drop";

    public static string Of(MessageChannel channel) => channel switch
    {
        MessageChannel.WhatsApp => "WhatsApp",
        MessageChannel.Sms => "SMS",
        MessageChannel.Email => "E-mail",
        _ => channel.ToString(),
    };

    /// <summary>What a household lacks to be told on the channel.</summary>
    public static string Missing(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => "no e-mail address",
        MessageChannel.Sms => "no mobile number",
        _ => $"no {Of(channel)} number",
    };

    /// <summary>"12 Feb 2027, 14:30", with "Dubai time (UTC+04:00)" after it when the place is not in the studio's zone.</summary>
    public static string When(DateTime time, string zone, string studioZone, DateTimeOffset at) =>
        IndianFormat.Date(DateOnly.FromDateTime(time)) + ", " + EventTimes.Time(time) + (EventTimes.ZoneNote(zone, studioZone, at) is { } note ? $" ({note})" : "");

    /// <summary>"14:30", with the zone when it is not the studio's (the day is the heading it sits under).</summary>
    public static string Clock(DateTime time, string zone, string studioZone, DateTimeOffset at) =>
        EventTimes.Time(time) + (EventTimes.ZoneNote(zone, studioZone, at) is { } note ? $" ({note})" : "");

    /// <summary>"Flight 6E 2145 · Terminal 1" or "Train 12956" or "By road".</summary>
    public static string Journey(TravelLegResponse leg)
    {
        var parts = new List<string> { string.Join(' ', new[] { Of(leg.Mode), leg.Carrier, leg.Number }.Where(p => !string.IsNullOrWhiteSpace(p))) };
        if (!string.IsNullOrWhiteSpace(leg.Terminal))
        {
            parts.Add(Terminal(leg.Mode, leg.Terminal));
        }
        return string.Join(" · ", parts);
    }

    /// <summary>"Terminal 3" at an airport, "Platform 4" at a station; what was written ("T2", "Gate B") as it is.</summary>
    public static string Terminal(TravelMode? mode, string terminal) =>
        !terminal.All(char.IsAsciiDigit) ? terminal : mode == TravelMode.Train ? $"Platform {terminal}" : $"Terminal {terminal}";

    public static string Place(string place, string? terminal) => string.IsNullOrWhiteSpace(terminal) ? place : $"{place}, {terminal}";

    public static string People(int count) => count == 1 ? "1 person" : $"{IndianFormat.Count(count)} people";

    /// <summary>"5 people · 7 seats"; over the seats it says so.</summary>
    public static string Load(TripResponse trip) => trip.Vehicle is { } vehicle
        ? $"{People(trip.People)} · {IndianFormat.Count(vehicle.Seats)} seats{(trip.People > vehicle.Seats ? " (too many)" : "")}"
        : People(trip.People);

    /// <summary>The households on the trip, each once, in the order of its legs.</summary>
    public static IReadOnlyList<string> Households(TripResponse trip) => [.. trip.Legs.Select(l => l.Household).Distinct()];

    public static string Vehicle(TripVehicle vehicle) => vehicle.Registration is { } registration ? $"{vehicle.Kind} ({registration})" : vehicle.Kind;

    /// <summary>"Sent to 4 households; 1 has no WhatsApp number: Sharma family".</summary>
    public static string NoticeResult(TripNoticeResponse result, MessageChannel channel)
    {
        var sent = result.Queued == 0 ? "Sent to no household" : $"Sent to {GuestWords.Households(result.Queued)}";
        if (result.NotReached.Count == 0)
        {
            return sent + ".";
        }
        var count = result.NotReached.Count;
        return $"{sent}; {IndianFormat.Count(count)} {(count == 1 ? "has" : "have")} {Missing(channel)}: {string.Join(", ", result.NotReached)}";
    }

    /// <summary>"3 pickups planned for 11 arrivals; 1 has no vehicle yet: none free with enough seats."</summary>
    public static string PlanResult(TripPlanResponse result, TravelDirection direction)
    {
        if (result.Trips.Count == 0)
        {
            return $"Nothing to plan: every {Of(direction).ToLowerInvariant()} that needs a {TripOf(direction).ToLowerInvariant()} is on one.";
        }
        var trips = result.Trips.Count == 1 ? $"1 {TripOf(direction).ToLowerInvariant()}" : $"{result.Trips.Count} {TripOf(direction).ToLowerInvariant()}s";
        var legs = result.LegsPlaced == 1 ? $"1 {Of(direction).ToLowerInvariant()}" : $"{result.LegsPlaced} {Of(direction).ToLowerInvariant()}s";
        var text = $"{trips} planned for {legs}";
        return result.WithoutVehicle == 0 ? text + "."
            : $"{text}; {result.WithoutVehicle} {(result.WithoutVehicle == 1 ? "has" : "have")} no vehicle yet: none free with enough seats.";
    }

    /// <summary>The day a trip or leg falls on at its place, as the list groups them.</summary>
    public static DateOnly DayOf(DateTime time) => DateOnly.FromDateTime(time);

    /// <summary>A phone number for a tel: link (digits and a leading +).</summary>
    public static string Tel(string phone) => "tel:" + new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);

    /// <summary>What a form's optional text field sends: trimmed, or null when left empty.</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

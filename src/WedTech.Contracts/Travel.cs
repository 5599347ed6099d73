using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>Coming to the wedding, or leaving it.</summary>
public enum TravelDirection { Arrival, Departure }

public enum TravelMode { Flight, Train, Road, Other }

/// <summary>What travel and pickups hold at most.</summary>
public static class TravelLimits
{
    public const int MaxPlace = 120;
    public const int MaxCarrier = 60;
    public const int MaxNumber = 20;
    public const int MaxTerminal = 20;
    public const int MaxNotes = 500;
    public const int MaxGuestsPerLeg = 20;
    public const int MaxLegsPerTrip = 80;
    public const int MaxSeats = 80;
    public const int MinWindowMinutes = 15;
    public const int MaxWindowMinutes = 240;
    public const int DefaultWindowMinutes = 60;
}

/// <summary>
/// Members of one household arriving at or leaving from a place (an airport, a station, an address) at a local time: the
/// wall-clock time at that place, in <see cref="TimeZone"/> (IANA; the studio's zone when left out). A flight's or train's
/// carrier and number, a terminal or platform. <see cref="NeedsPickup"/> (default true) puts it in the trips to plan.
/// <see cref="Notes"/> are for the studio only.
/// </summary>
public sealed record TravelLegRequest(
    [property: Required] Guid? HouseholdId,
    [property: Required, MinLength(1), MaxLength(TravelLimits.MaxGuestsPerLeg)] IReadOnlyList<Guid> Guests,
    [property: Required] TravelDirection? Direction,
    [property: Required] TravelMode? Mode,
    [property: Required] DateTime? Time,
    [property: StringLength(64)] string? TimeZone,
    [property: StringLength(TravelLimits.MaxCarrier)] string? Carrier,
    [property: StringLength(TravelLimits.MaxNumber)] string? Number,
    [property: Required, StringLength(TravelLimits.MaxPlace, MinimumLength = 1)] string Place,
    [property: StringLength(TravelLimits.MaxTerminal)] string? Terminal,
    bool? NeedsPickup,
    [property: StringLength(TravelLimits.MaxNotes)] string? Notes);

public sealed record TravelGuest(Guid Id, string Name);

/// <summary>
/// An arrival or departure. <see cref="At"/> is the instant; <see cref="Time"/> the wall clock at the place.
/// <see cref="TripId"/>: the pickup (or drop) it is on. <see cref="FromGuest"/>: the guests gave it on their RSVP page.
/// <see cref="Notes"/> are null for those without wedding:internal.
/// </summary>
public sealed record TravelLegResponse(
    Guid Id, Guid WeddingId, Guid HouseholdId, string Household, IReadOnlyList<TravelGuest> Guests, TravelDirection Direction, TravelMode Mode,
    DateTime Time, string TimeZone, DateTimeOffset At, string? Carrier, string? Number, string Place, string? Terminal, bool NeedsPickup,
    Guid? TripId, bool FromGuest, string? Notes, long Version);

/// <summary>
/// A car, tempo traveller or coach for the wedding, with its driver. <see cref="Kind"/> is free text ("Innova Crysta",
/// "Tempo Traveller 12-seater"). The driver's phone (Indian or +country) gets the manifest by WhatsApp or SMS.
/// <see cref="Vendor"/>: the transport company. <see cref="Notes"/> are for the studio only.
/// </summary>
public sealed record VehicleRequest(
    [property: Required, StringLength(60, MinimumLength = 1)] string Kind,
    [property: Required, Range(1, TravelLimits.MaxSeats)] int? Seats,
    [property: StringLength(20)] string? Registration,
    [property: Required, StringLength(100, MinimumLength = 1)] string DriverName,
    [property: Required, StringLength(20, MinimumLength = 1)] string DriverPhone,
    [property: StringLength(100)] string? Vendor,
    [property: StringLength(TravelLimits.MaxNotes)] string? Notes);

/// <summary>A vehicle and how many trips it is on. <see cref="DriverPhone"/> is E.164.</summary>
public sealed record VehicleResponse(
    Guid Id, Guid WeddingId, string Kind, int Seats, string? Registration, string DriverName, string DriverPhone, string? Vendor, string? Notes,
    int Trips, long Version);

/// <summary>
/// A pickup (arrivals) or a drop (departures): a vehicle at a place at a local time, with the arrivals or departures it
/// carries (all of <see cref="Direction"/>, at most 80). For a pickup the time is when the vehicle waits at the place; for
/// a drop, when it leaves for it. Refused (409) when the people on it are more than the vehicle's seats, or the vehicle is
/// on another trip within two hours.
/// </summary>
public sealed record TripRequest(
    [property: Required] TravelDirection? Direction,
    [property: Required] DateTime? Time,
    [property: StringLength(64)] string? TimeZone,
    [property: Required, StringLength(TravelLimits.MaxPlace, MinimumLength = 1)] string Place,
    [property: StringLength(TravelLimits.MaxTerminal)] string? Terminal,
    Guid? VehicleId,
    [property: Required, MaxLength(TravelLimits.MaxLegsPerTrip)] IReadOnlyList<Guid> Legs,
    [property: StringLength(TravelLimits.MaxNotes)] string? Notes);

public sealed record TripVehicle(Guid Id, string Kind, int Seats, string? Registration, string DriverName, string DriverPhone);

/// <summary>
/// A trip with its vehicle and legs. <see cref="People"/>: the guests on it. <see cref="AnnouncedAt"/>: when its
/// households were told; from then on every change to it tells them again. <see cref="Notes"/> null without wedding:internal.
/// </summary>
public sealed record TripResponse(
    Guid Id, Guid WeddingId, TravelDirection Direction, DateTime Time, string TimeZone, DateTimeOffset At, string Place, string? Terminal,
    TripVehicle? Vehicle, IReadOnlyList<TravelLegResponse> Legs, int People, DateTimeOffset? AnnouncedAt, MessageChannel? AnnouncedBy, string? Notes,
    long Version);

/// <summary>
/// Groups the arrivals (or departures) that need a pickup and are on no trip yet into trips: by place and terminal, each
/// trip taking those within <see cref="WindowMinutes"/> (default 60) of its first. A pickup waits for the last arrival of
/// its group; a drop leaves three hours before the first flight (one hour before a train, at the time otherwise).
/// Each trip gets the smallest free vehicle that seats its people, when there is one. <see cref="Day"/>: only that day's.
/// </summary>
public sealed record TripPlanRequest(
    [property: Required] TravelDirection? Direction,
    [property: Range(TravelLimits.MinWindowMinutes, TravelLimits.MaxWindowMinutes)] int? WindowMinutes,
    DateOnly? Day);

/// <summary>The trips made, and those left without a vehicle because none was free with enough seats.</summary>
public sealed record TripPlanResponse(IReadOnlyList<TripResponse> Trips, int LegsPlaced, int WithoutVehicle);

/// <summary>Tells each household on a trip its pickup (WhatsApp, SMS or e-mail), in English or Hindi (default en).</summary>
public sealed record TripNoticeRequest([property: Required] MessageChannel? Channel, [property: StringLength(5)] string? Language);

/// <summary>How many households were sent their pickup, and those with no address on the channel.</summary>
public sealed record TripNoticeResponse(int Queued, IReadOnlyList<string> NotReached);

/// <summary>Sends a driver the day's trips (WhatsApp or SMS) as the manifest lists them; <see cref="Day"/> at the trips' place.</summary>
public sealed record ManifestSendRequest([property: Required] MessageChannel? Channel, [property: Required] DateOnly? Day, [property: StringLength(5)] string? Language);

using WedTech.Contracts;
using static WedTech.App.Tests.Infrastructure.Schedules;

namespace WedTech.App.Tests.Infrastructure;

/// <summary>Arrivals, departures, a vehicle and trips as the travel API answers them, for the wedding in Jaipur.</summary>
internal static class TravelSamples
{
    public static readonly Guid Sharma = Guid.Parse("01938a00-0000-7000-8000-0000000000d1");
    public static readonly Guid Mehta = Guid.Parse("01938a00-0000-7000-8000-0000000000d2");
    public static readonly Guid Sunita = Guid.Parse("01938a00-0000-7000-8000-0000000000e1");
    public static readonly Guid Rahul = Guid.Parse("01938a00-0000-7000-8000-0000000000e2");
    public static readonly Guid Kavita = Guid.Parse("01938a00-0000-7000-8000-0000000000e3");
    public static readonly Guid InnovaId = Guid.Parse("01938a00-0000-7000-8000-0000000000f1");

    public static readonly VehicleResponse Innova = new(InnovaId, WeddingId, "Innova Crysta", 6, "RJ14 CD 4521", "Ramesh Kumar", "+919876543210", "Jaipur Cabs", null, 1, 3);

    public static readonly TripVehicle InnovaOnTrip = new(InnovaId, "Innova Crysta", 6, "RJ14 CD 4521", "Ramesh Kumar", "+919876543210");

    public static readonly MessageResponse Queued = new(Guid.NewGuid(), MessageChannel.Sms, "+919876543210", "Ramesh Kumar", "travel.manifest", "en", null, "Trips", MessageStatus.Queued,
        null, null, 0, null, WeddingId, DateTimeOffset.UnixEpoch, null, null, null);

    /// <summary>The Sharmas flying into Jaipur on 12 Feb 2027 at 14:30, or the Mehtas leaving by train on 15 Feb at 06:10.</summary>
    public static TravelLegResponse Leg(Guid household, TravelDirection direction, Guid? tripId = null, string? notes = null, long version = 2) =>
        household == Sharma
            ? new(Guid.Parse("01938a00-0000-7000-8000-000000000101"), WeddingId, Sharma, "Sharma family", [new(Sunita, "सुनीता शर्मा"), new(Rahul, "Rahul Sharma")], direction,
                TravelMode.Flight, new DateTime(2027, 2, 12, 14, 30, 0), "Asia/Kolkata", new DateTimeOffset(2027, 2, 12, 14, 30, 0, India), "IndiGo", "6E 2145",
                "Jaipur airport (JAI)", "2", true, tripId, true, notes, version)
            : new(Guid.Parse("01938a00-0000-7000-8000-000000000102"), WeddingId, Mehta, "Mehta family", [new(Kavita, "Kavita Mehta")], direction,
                TravelMode.Train, new DateTime(2027, 2, 15, 6, 10, 0), "Asia/Kolkata", new DateTimeOffset(2027, 2, 15, 6, 10, 0, India), "Rajdhani", "12956",
                "Jaipur Junction", "1", true, tripId, false, notes, version);

    /// <summary>A pickup at Jaipur airport at 15:00 on 12 Feb 2027 in the Innova.</summary>
    public static TripResponse Pickup(IReadOnlyList<TravelLegResponse> legs, DateTimeOffset? announcedAt = null) =>
        new(Guid.Parse("01938a00-0000-7000-8000-000000000201"), WeddingId, TravelDirection.Arrival, new DateTime(2027, 2, 12, 15, 0, 0), "Asia/Kolkata",
            new DateTimeOffset(2027, 2, 12, 15, 0, 0, India), "Jaipur airport (JAI)", "T2", InnovaOnTrip, legs, legs.Sum(l => l.Guests.Count),
            announcedAt, announcedAt is null ? null : MessageChannel.WhatsApp, null, 5);

    public static PagedResponse<T> Page<T>(params T[] items) => new(items, 1, 100, items.Length);
}

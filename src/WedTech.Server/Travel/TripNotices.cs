using System.Globalization;
using WedTech.Server.Guests;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Weddings;

namespace WedTech.Server.Travel;

/// <summary>
/// What the guests on a pickup and its driver are told, through the outbox: each household its pickup when the studio
/// announces it, again on every change after that (the same channel and language), and that it is cancelled when it is
/// deleted or they are taken off it; a driver the day's trips. A message that cannot go (no address on the channel, the
/// day's allowance used up) is counted, never thrown: the change it follows is already saved.
/// </summary>
public sealed class TripNotices(
    TenantDbContext db, OutboxService outbox, IGuestDirectory guests, IWeddingDirectory weddings, TimeProvider time, ILogger<TripNotices> logger)
{
    /// <summary>The vehicle's trips still to come whose guests were told of them.</summary>
    public async Task<List<PickupTrip>> AnnouncedTripsAsync(Guid vehicleId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.PickupTrips.AsNoTracking().Where(t => t.VehicleId == vehicleId && t.AnnouncedAt != null && t.At > now).ToListAsync(cancellationToken);
    }

    /// <summary>Tells each household on the trip its pickup; the trip is announced from then on.</summary>
    public async Task<TripNoticeResponse> AnnounceAsync(PickupTrip trip, MessageChannel channel, string language, CancellationToken cancellationToken)
    {
        var (legs, vehicle) = await LoadAsync(trip, cancellationToken);
        var households = legs.Select(l => l.HouseholdId).Distinct().ToList();
        return await SendAsync(trip, vehicle, households, "pickup", channel, language, cancellationToken);
    }

    /// <summary>
    /// After a change to an announced trip still to come: those on it now get the new pickup, <paramref name="removed"/>
    /// households that it no longer carries them. A trip deleted since tells everyone it carried that it is cancelled.
    /// </summary>
    public async Task TellChangedAsync(PickupTrip trip, IReadOnlyCollection<Guid> removed, CancellationToken cancellationToken)
    {
        if (trip is not { AnnouncedAt: not null, AnnouncedBy: { } channel } || trip.At <= time.GetUtcNow())
        {
            return;
        }
        var language = trip.AnnouncedLanguage ?? "en";
        var current = await db.PickupTrips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == trip.Id, cancellationToken);
        if (current is null)
        {
            await SendAsync(trip, trip.VehicleId is { } id ? await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) : null,
                [.. removed], "pickup-cancelled", channel, language, cancellationToken);
            return;
        }
        var (legs, vehicle) = await LoadAsync(current, cancellationToken);
        var on = legs.Select(l => l.HouseholdId).Distinct().ToList();
        await SendAsync(current, vehicle, on, "pickup-changed", channel, language, cancellationToken);
        var off = removed.Except(on).ToList();
        if (off.Count > 0)
        {
            await SendAsync(trip, vehicle, off, "pickup-cancelled", channel, language, cancellationToken);
        }
    }

    /// <summary>Sends the driver the day's trips; the manifest's text, cut short with a pointer to the PDF when it runs long.</summary>
    public async Task<MessageResponse> SendManifestAsync(Vehicle vehicle, DateOnly day, IReadOnlyList<ManifestTrip> trips, MessageChannel channel, string language,
        CancellationToken cancellationToken)
    {
        var names = await weddings.NamesAsync(vehicle.WeddingId, cancellationToken) ?? throw ApiException.NotFound("Wedding");
        var lines = trips.Select(t => TripText.ManifestLine(t, language)).ToList();
        var text = string.Join(" | ", lines);
        if (text.Length > TemplateRenderer.MaxValueLength)
        {
            var more = language == "hi" ? "… बाकी सूची PDF में" : "… the rest is in the PDF manifest";
            text = text[..(TemplateRenderer.MaxValueLength - more.Length)] + more;
        }
        var (message, _) = await outbox.QueueAsync(new SendMessageRequest(channel, vehicle.DriverPhone, vehicle.DriverName, "driver-manifest", language,
            new Dictionary<string, string>
            {
                ["driverName"] = vehicle.DriverName,
                ["coupleNames"] = names.Couple(language),
                ["day"] = TripText.Day(day, language),
                ["trips"] = text.Length == 0 ? (language == "hi" ? "इस दिन कोई ट्रिप नहीं" : "no trips that day") : text,
            }, vehicle.WeddingId), idempotencyKey: null, cancellationToken);
        return message;
    }

    private async Task<(List<TravelLeg> Legs, Vehicle? Vehicle)> LoadAsync(PickupTrip trip, CancellationToken cancellationToken) =>
        (await db.TravelLegs.AsNoTracking().Where(l => l.TripId == trip.Id).ToListAsync(cancellationToken),
            trip.VehicleId is { } id ? await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) : null);

    private async Task<TripNoticeResponse> SendAsync(PickupTrip trip, Vehicle? vehicle, List<Guid> householdIds, string templateKey, MessageChannel channel,
        string language, CancellationToken cancellationToken)
    {
        if (householdIds.Count == 0 || await weddings.NamesAsync(trip.WeddingId, cancellationToken) is not { } names)
        {
            return new TripNoticeResponse(0, []);
        }
        var households = await guests.HouseholdsAsync(trip.WeddingId, householdIds, cancellationToken);
        var addresses = await guests.AddressesAsync(trip.WeddingId, householdIds, channel, cancellationToken);
        var details = TripText.Pickup(trip, vehicle, language);
        // One message per household for each thing it is told: the same news twice (a retried request) goes once.
        var news = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(details)))[..12];
        var (queued, notReached) = (0, new List<string>());
        foreach (var household in householdIds.Select(id => households.GetValueOrDefault(id)).OfType<HouseholdMembers>().OrderBy(h => h.DisplayName))
        {
            if (!addresses.TryGetValue(household.Id, out var address))
            {
                notReached.Add(household.DisplayName);
                continue;
            }
            try
            {
                await outbox.QueueAsync(new SendMessageRequest(channel, address, household.DisplayName, templateKey, language, new Dictionary<string, string>
                {
                    ["guestName"] = household.DisplayName,
                    ["coupleNames"] = names.Couple(language),
                    ["details"] = details,
                }, trip.WeddingId), $"{templateKey}:{trip.Id:N}:{household.Id:N}:{news}", cancellationToken);
                queued++;
            }
            catch (ApiException problem)
            {
                // The day's allowance is used up, or the studio has no sender on the channel: say whom it missed.
                logger.LogWarning("Pickup message for trip {TripId} not queued: {Problem}", trip.Id, problem.Title);
                notReached.Add(household.DisplayName);
            }
        }
        return new TripNoticeResponse(queued, notReached);
    }
}

/// <summary>A trip as a driver's manifest lists it.</summary>
public sealed record ManifestTrip(PickupTrip Trip, IReadOnlyList<ManifestStop> Households);

/// <summary>A household on a trip: who, how many, on which flight or train, and the number to call them on.</summary>
public sealed record ManifestStop(string Household, IReadOnlyList<string> Guests, string? Travel, string? Phone);

/// <summary>How a pickup reads in a message, in English or Hindi.</summary>
public static class TripText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-IN");
    private static readonly CultureInfo Hindi = CultureInfo.GetCultureInfo("hi-IN");

    public static string When(DateTime time, string language) =>
        time.ToString("ddd d MMM, h:mm tt", language == "hi" ? Hindi : English);

    public static string Day(DateOnly day, string language) => day.ToString("ddd d MMM", language == "hi" ? Hindi : English);

    public static string Place(PickupTrip trip) => trip.Terminal is null ? trip.Place : $"{trip.Place}, {trip.Terminal}";

    public static string Vehicle(Vehicle vehicle) => vehicle.Registration is null ? vehicle.Kind : $"{vehicle.Kind} {vehicle.Registration}";

    /// <summary>The pickup: when and where, the vehicle, its driver and the driver's number.</summary>
    public static string Pickup(PickupTrip trip, Vehicle? vehicle, string language)
    {
        var when = When(trip.Time, language);
        var car = vehicle is null ? "" : language == "hi"
            ? $" {Vehicle(vehicle)}, ड्राइवर {vehicle.DriverName}, {vehicle.DriverPhone}।"
            : $" {Vehicle(vehicle)}, driver {vehicle.DriverName}, {vehicle.DriverPhone}.";
        return (trip.Direction, language) switch
        {
            (TravelDirection.Arrival, "hi") => $"आपका पिकअप: {when}, {Place(trip)}।{car}",
            (TravelDirection.Arrival, _) => $"your pickup: {when} at {Place(trip)}.{car}",
            (_, "hi") => $"{Place(trip)} के लिए आपकी गाड़ी {when} पर निकलेगी।{car}",
            _ => $"your ride to {Place(trip)} leaves at {when}.{car}",
        };
    }

    /// <summary>One trip of a driver's day: time, pickup or drop, place, people, and the households with their flights.</summary>
    public static string ManifestLine(ManifestTrip trip, string language)
    {
        var people = trip.Households.Sum(h => h.Guests.Count);
        var who = string.Join("; ", trip.Households.Select(h => h.Travel is null ? $"{h.Household} ({h.Guests.Count})" : $"{h.Household} ({h.Guests.Count}, {h.Travel})"));
        var time = trip.Trip.Time.ToString("h:mm tt", language == "hi" ? Hindi : English);
        return (trip.Trip.Direction, language) switch
        {
            (TravelDirection.Arrival, "hi") => $"{time} पिकअप {Place(trip.Trip)}, {people} लोग: {who}",
            (TravelDirection.Arrival, _) => $"{time} pickup at {Place(trip.Trip)}, {people} people: {who}",
            (_, "hi") => $"{time} {Place(trip.Trip)} छोड़ना, {people} लोग: {who}",
            _ => $"{time} drop to {Place(trip.Trip)}, {people} people: {who}",
        };
    }
}

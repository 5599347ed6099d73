using WedTech.Server.Weddings;
using System.Globalization;
using WedTech.Server.Guests;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Audit;

namespace WedTech.Server.Travel;

public sealed record TripFilter(TravelDirection? Direction, DateTimeOffset? From, DateTimeOffset? To, Guid? VehicleId);

/// <summary>
/// Pickups and drops: trips that carry arrivals (or departures) of one place in a vehicle. No trip carries more people than
/// its vehicle seats, no vehicle is on two trips within <see cref="VehicleTurnaround"/>, no arrival is on two trips.
/// Trips are made by hand or planned from the arrivals waiting for one; announcing a trip tells its households, and every
/// change after that tells them again.
/// </summary>
public sealed class TripService(TenantDbContext db, TravelService travel, IWeddingDirectory weddings, TripNotices notices, IGuestDirectory guests, AuditLog audit, TimeProvider time)
{
    /// <summary>How long a vehicle is taken by a trip: it is on no other within this time of it.</summary>
    public static readonly TimeSpan VehicleTurnaround = TimeSpan.FromHours(2);

    public const int MaxTripsPerWedding = 2000;

    public async Task<PagedResponse<TripResponse>> ListAsync(Guid weddingId, TripFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var query = db.PickupTrips.AsNoTracking().Where(t => t.WeddingId == weddingId);
        if (filter.Direction is { } direction)
        {
            query = query.Where(t => t.Direction == direction);
        }
        if (filter.From is { } from)
        {
            query = query.Where(t => t.At >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(t => t.At < to);
        }
        if (filter.VehicleId is { } vehicleId)
        {
            query = query.Where(t => t.VehicleId == vehicleId);
        }
        var page = await query.OrderBy(t => t.At).ThenBy(t => t.Id).ToPageAsync(paging, t => t, cancellationToken);
        return new PagedResponse<TripResponse>(await ResponsesAsync(weddingId, page.Items, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<TripResponse> GetAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await ResponseAsync(await FindAsync(weddingId, id, tracked: false, cancellationToken), cancellationToken);
    }

    public async Task<TripResponse> CreateAsync(Guid weddingId, TripRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        await RequireRoomForTripsAsync(weddingId, 1, cancellationToken);
        var trip = new PickupTrip { WeddingId = weddingId, TimeZone = "", Place = "" };
        await ApplyAsync(trip, request, cancellationToken);
        db.PickupTrips.Add(trip);
        audit.Record("pickup-trip.created", nameof(PickupTrip), trip.Id, $"{ApiJson.EnumName(trip.Direction)}, {trip.Legs.Count} arrivals or departures, wedding {weddingId}");
        travel.Changed(weddingId);
        await travel.SaveAsync(cancellationToken);
        return await ResponseAsync(trip, cancellationToken);
    }

    public async Task<TripResponse> UpdateAsync(Guid weddingId, Guid id, TripRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var trip = await FindAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(trip, expectedVersion, "pickup");
        var before = await db.TravelLegs.AsNoTracking().Where(l => l.TripId == id).Select(l => l.HouseholdId).Distinct().ToListAsync(cancellationToken);
        await ApplyAsync(trip, request, cancellationToken);
        var changed = WritePath.ChangedFields(db, trip) is not null;
        travel.Changed(weddingId);
        await travel.SaveAsync(cancellationToken);
        if (changed)
        {
            await notices.TellChangedAsync(trip, before, cancellationToken);
        }
        return await ResponseAsync(trip, cancellationToken);
    }

    /// <summary>Deletes a trip; its arrivals wait for another, and its households are told when they were told of it.</summary>
    public async Task DeleteAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var trip = await FindAsync(weddingId, id, tracked: true, cancellationToken);
        if (expectedVersion is { } version)
        {
            Concurrency.Expect(trip, version, "pickup");
        }
        var legs = await db.TravelLegs.Where(l => l.TripId == id).ToListAsync(cancellationToken);
        foreach (var leg in legs)
        {
            leg.TripId = null;
        }
        db.PickupTrips.Remove(trip);
        audit.Record("pickup-trip.deleted", nameof(PickupTrip), trip.Id, $"{ApiJson.EnumName(trip.Direction)} of {legs.Count} arrivals or departures");
        travel.Changed(weddingId);
        await travel.SaveAsync(cancellationToken);
        await notices.TellChangedAsync(trip, [.. legs.Select(l => l.HouseholdId).Distinct()], cancellationToken);
    }

    /// <summary>
    /// Makes trips of the arrivals (or departures) that need one and have none: by place and terminal, each taking those within
    /// the window of its first, each with the smallest free vehicle that seats its people.
    /// </summary>
    public async Task<TripPlanResponse> PlanAsync(Guid weddingId, TripPlanRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var direction = request.Direction!.Value;
        var window = TimeSpan.FromMinutes(request.WindowMinutes ?? TravelLimits.DefaultWindowMinutes);
        var waiting = db.TravelLegs.Where(l => l.WeddingId == weddingId && l.Direction == direction && l.NeedsPickup && l.TripId == null);
        if (request.Day is { } day)
        {
            var (from, to) = (day.ToDateTime(TimeOnly.MinValue), day.AddDays(1).ToDateTime(TimeOnly.MinValue));
            waiting = waiting.Where(l => l.Time >= from && l.Time < to);
        }
        var legs = await waiting.OrderBy(l => l.At).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        var groups = TripPlanner.Group(legs, window);
        await RequireRoomForTripsAsync(weddingId, groups.Count, cancellationToken);
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => v.WeddingId == weddingId).OrderBy(v => v.Seats).ThenBy(v => v.Id).ToListAsync(cancellationToken);
        var taken = await db.PickupTrips.AsNoTracking().Where(t => t.WeddingId == weddingId && t.VehicleId != null)
            .Select(t => new TripPlanner.Booking(t.VehicleId!.Value, t.At)).ToListAsync(cancellationToken);
        var made = new List<PickupTrip>();
        var withoutVehicle = 0;
        foreach (var group in groups)
        {
            var lead = group[0];
            var (at, local) = TripPlanner.When(direction, group);
            var people = TripPeople.Of(group);
            var vehicle = vehicles.FirstOrDefault(v => v.Seats >= people && taken.All(b => b.VehicleId != v.Id || (b.At - at).Duration() >= VehicleTurnaround));
            if (vehicle is null)
            {
                withoutVehicle++;
            }
            else
            {
                taken.Add(new TripPlanner.Booking(vehicle.Id, at));
            }
            var trip = new PickupTrip
            {
                WeddingId = weddingId, Direction = direction, Time = local, TimeZone = lead.TimeZone, At = at, Place = lead.Place, Terminal = lead.Terminal,
                VehicleId = vehicle?.Id, Legs = [.. group.Select(l => l.Id)],
            };
            foreach (var leg in group)
            {
                leg.TripId = trip.Id;
            }
            db.PickupTrips.Add(trip);
            made.Add(trip);
        }
        if (made.Count > 0)
        {
            audit.Record("pickup-trip.planned", "Wedding", weddingId,
                string.Create(CultureInfo.InvariantCulture, $"{made.Count} {ApiJson.EnumName(direction)} trips for {legs.Count} arrivals or departures, window {window.TotalMinutes} min"));
            travel.Changed(weddingId);
            await travel.SaveAsync(cancellationToken);
        }
        return new TripPlanResponse(await ResponsesAsync(weddingId, [.. made.OrderBy(t => t.At).ThenBy(t => t.Place, StringComparer.Ordinal)], cancellationToken), legs.Count, withoutVehicle);
    }

    /// <summary>Tells each household on the trip its pickup; refused without a vehicle (guests need the driver), or once it has passed.</summary>
    public async Task<TripNoticeResponse> AnnounceAsync(Guid weddingId, Guid id, TripNoticeRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var errors = new FieldErrors();
        var channel = request.Channel!.Value;
        if (channel is not (MessageChannel.WhatsApp or MessageChannel.Sms or MessageChannel.Email))
        {
            errors.Add("channel", "Guests are told their pickup by WhatsApp, SMS or e-mail.");
        }
        var language = request.Language ?? "en";
        if (!OutboxService.Languages.Contains(language))
        {
            errors.Add("language", $"Use one of: {string.Join(", ", OutboxService.Languages)}.");
        }
        errors.ThrowIfAny();
        var trip = await FindAsync(weddingId, id, tracked: true, cancellationToken);
        if (trip.VehicleId is null)
        {
            throw ApiException.Conflict("Give this pickup a vehicle first: guests are told the vehicle and the driver's number.");
        }
        if (trip.At <= time.GetUtcNow())
        {
            throw ApiException.Conflict("This pickup has already left.");
        }
        if (!await db.TravelLegs.AnyAsync(l => l.TripId == id, cancellationToken))
        {
            throw ApiException.Conflict("No one is on this pickup yet.");
        }
        var sent = await notices.AnnounceAsync(trip, channel, language, cancellationToken);
        (trip.AnnouncedAt, trip.AnnouncedBy, trip.AnnouncedLanguage) = (time.GetUtcNow(), channel, language);
        audit.Record("pickup-trip.announced", nameof(PickupTrip), trip.Id,
            string.Create(CultureInfo.InvariantCulture, $"{ApiJson.EnumName(channel)}: {sent.Queued} households told, {sent.NotReached.Count} not reached"));
        travel.Changed(weddingId);
        await travel.SaveAsync(cancellationToken);
        return sent;
    }

    /// <summary>The vehicle's trips on a day (at their place), with their households, for its driver.</summary>
    public async Task<(Vehicle Vehicle, IReadOnlyList<ManifestTrip> Trips)> ManifestAsync(Guid weddingId, Guid vehicleId, DateOnly day, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var vehicle = await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vehicleId && v.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Vehicle");
        var (from, to) = (day.ToDateTime(TimeOnly.MinValue), day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var trips = await db.PickupTrips.AsNoTracking().Where(t => t.VehicleId == vehicleId && t.Time >= from && t.Time < to).OrderBy(t => t.At).ToListAsync(cancellationToken);
        var tripIds = trips.Select(t => t.Id).ToList();
        var legs = await db.TravelLegs.AsNoTracking().Where(l => l.TripId != null && tripIds.Contains(l.TripId.Value)).OrderBy(l => l.At).ToListAsync(cancellationToken);
        var households = await travel.HouseholdsAsync(weddingId, legs, cancellationToken);
        var phones = await guests.AddressesAsync(weddingId, households.Keys, MessageChannel.Sms, cancellationToken);
        return (vehicle, [.. trips.Select(t => new ManifestTrip(t, [.. legs.Where(l => l.TripId == t.Id).Select(l =>
        {
            var household = households.GetValueOrDefault(l.HouseholdId);
            var names = household?.Members.Where(m => l.Guests.Contains(m.Id)).Select(m => m.Name).ToList() ?? [];
            var travelled = string.Join(" ", new[] { l.Number, l.Time.ToString("h:mm tt", CultureInfo.GetCultureInfo("en-IN")) }.OfType<string>());
            return new ManifestStop(household?.DisplayName ?? "", names, travelled, phones.GetValueOrDefault(l.HouseholdId));
        })]))]);
    }

    private async Task ApplyAsync(PickupTrip trip, TripRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var direction = request.Direction!.Value;
        var ids = request.Legs.Distinct().ToList();
        var legs = await db.TravelLegs.Where(l => l.WeddingId == trip.WeddingId && ids.Contains(l.Id)).ToListAsync(cancellationToken);
        if (ids.Count != request.Legs.Count)
        {
            errors.Add("legs", "Choose each arrival or departure once.");
        }
        else if (legs.Count < ids.Count)
        {
            errors.Add("legs", string.Create(CultureInfo.InvariantCulture, $"{ids.Count - legs.Count} of the arrivals or departures chosen are not this wedding's."));
        }
        else if (legs.Any(l => l.Direction != direction))
        {
            errors.Add("legs", direction == TravelDirection.Arrival ? "A pickup carries arrivals only." : "A drop carries departures only.");
        }
        var place = request.Place.TrimmedOrNull();
        if (place is null)
        {
            errors.Add("place", "Name the airport, station or address.");
        }
        var vehicle = request.VehicleId is { } vehicleId
            ? await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vehicleId && v.WeddingId == trip.WeddingId, cancellationToken)
            : null;
        if (request.VehicleId is not null && vehicle is null)
        {
            errors.Add("vehicleId", "Choose a vehicle of this wedding.");
        }
        var (local, zone, at) = await travel.WhenAsync(request.Time!.Value, request.TimeZone ?? legs.FirstOrDefault()?.TimeZone, errors, cancellationToken);
        errors.ThrowIfAny();

        if (legs.FirstOrDefault(l => l.TripId is not null && l.TripId != trip.Id) is { } elsewhere)
        {
            var other = await db.PickupTrips.AsNoTracking().FirstAsync(t => t.Id == elsewhere.TripId, cancellationToken);
            var household = (await travel.HouseholdsAsync(trip.WeddingId, [elsewhere], cancellationToken)).GetValueOrDefault(elsewhere.HouseholdId)?.DisplayName;
            throw ApiException.Conflict($"{household}'s {Word(elsewhere.Direction)} is already on the {TripText.When(other.Time, "en")} {Word(other)} at {TripText.Place(other)}. Take it off that one first.");
        }
        var people = TripPeople.Of(legs);
        if (vehicle is not null)
        {
            if (people > vehicle.Seats)
            {
                throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture,
                    $"{people} people are on this {Word(direction)} and the {vehicle.Kind} seats {vehicle.Seats}. Choose a bigger vehicle, or take some off."));
            }
            var (from, to) = (at - VehicleTurnaround, at + VehicleTurnaround);
            if (await db.PickupTrips.AsNoTracking().Where(t => t.VehicleId == vehicle.Id && t.Id != trip.Id && t.At > from && t.At < to).OrderBy(t => t.At)
                    .FirstOrDefaultAsync(cancellationToken) is { } busy)
            {
                throw ApiException.Conflict($"The {TripText.Vehicle(vehicle)} ({vehicle.DriverName}) is on the {TripText.When(busy.Time, "en")} {Word(busy)} at {TripText.Place(busy)}: a vehicle takes two hours for a trip. Choose another vehicle or time.");
            }
        }
        var previous = await db.TravelLegs.Where(l => l.TripId == trip.Id && !ids.Contains(l.Id)).ToListAsync(cancellationToken);
        foreach (var leg in previous)
        {
            leg.TripId = null;
        }
        foreach (var leg in legs)
        {
            leg.TripId = trip.Id;
        }
        trip.Direction = direction;
        (trip.Time, trip.TimeZone, trip.At) = (local, zone, at);
        trip.Place = place!;
        trip.Terminal = request.Terminal.TrimmedOrNull();
        trip.VehicleId = vehicle?.Id;
        trip.Legs = ids;
        trip.Notes = request.Notes.TrimmedOrNull();
    }

    private static string Word(TravelDirection direction) => direction == TravelDirection.Arrival ? "arrival" : "departure";

    private static string Word(PickupTrip trip) => trip.Direction == TravelDirection.Arrival ? "pickup" : "drop";

    private async Task RequireRoomForTripsAsync(Guid weddingId, int more, CancellationToken cancellationToken)
    {
        if (await db.PickupTrips.CountAsync(t => t.WeddingId == weddingId, cancellationToken) + more > MaxTripsPerWedding)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture, $"A wedding holds at most {MaxTripsPerWedding:N0} pickups and drops."));
        }
    }

    private async Task<PickupTrip> FindAsync(Guid weddingId, Guid id, bool tracked, CancellationToken cancellationToken) =>
        await (tracked ? db.PickupTrips : db.PickupTrips.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == id && t.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Pickup");

    private async Task<TripResponse> ResponseAsync(PickupTrip trip, CancellationToken cancellationToken) =>
        (await ResponsesAsync(trip.WeddingId, [trip], cancellationToken))[0];

    private async Task<List<TripResponse>> ResponsesAsync(Guid weddingId, IReadOnlyList<PickupTrip> trips, CancellationToken cancellationToken)
    {
        var ids = trips.Select(t => t.Id).ToList();
        var legs = await db.TravelLegs.AsNoTracking().Where(l => l.TripId != null && ids.Contains(l.TripId.Value)).OrderBy(l => l.At).ToListAsync(cancellationToken);
        var households = await travel.HouseholdsAsync(weddingId, legs, cancellationToken);
        var vehicleIds = trips.Select(t => t.VehicleId).OfType<Guid>().Distinct().ToList();
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => vehicleIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var internals = travel.ShowsInternal;
        return [.. trips.Select(t =>
        {
            var on = legs.Where(l => l.TripId == t.Id).ToList();
            var vehicle = t.VehicleId is { } id && vehicles.TryGetValue(id, out var v)
                ? new TripVehicle(v.Id, v.Kind, v.Seats, v.Registration, v.DriverName, v.DriverPhone)
                : null;
            return new TripResponse(t.Id, t.WeddingId, t.Direction, t.Time, t.TimeZone, t.At, t.Place, t.Terminal, vehicle,
                [.. on.Select(l => travel.ToResponse(l, households))], TripPeople.Of(on), t.AnnouncedAt, t.AnnouncedBy, internals ? t.Notes : null, t.Version);
        })];
    }
}

/// <summary>How arrivals are grouped into trips, and when a trip goes.</summary>
internal static class TripPlanner
{
    public sealed record Booking(Guid VehicleId, DateTimeOffset At);

    /// <summary>By place and terminal (as written, ignoring case and spaces), then in time order, each group within the window of its first.</summary>
    public static List<List<TravelLeg>> Group(IReadOnlyList<TravelLeg> legs, TimeSpan window)
    {
        var groups = new List<List<TravelLeg>>();
        foreach (var atPlace in legs.GroupBy(l => (Key(l.Place), Key(l.Terminal ?? ""))))
        {
            List<TravelLeg>? current = null;
            foreach (var leg in atPlace.OrderBy(l => l.At).ThenBy(l => l.Id))
            {
                if (current is null || leg.At - current[0].At > window || current.Count == TravelLimits.MaxLegsPerTrip)
                {
                    groups.Add(current = []);
                }
                current.Add(leg);
            }
        }
        return [.. groups.OrderBy(g => g[0].At)];
    }

    /// <summary>
    /// A pickup waits for the last arrival of its group. A drop leaves three hours before the first flight, an hour before
    /// the first train, at the time of the first otherwise. The instant, and the wall clock at the place.
    /// </summary>
    public static (DateTimeOffset At, DateTime Local) When(TravelDirection direction, IReadOnlyList<TravelLeg> group)
    {
        if (direction == TravelDirection.Arrival)
        {
            var last = group.MaxBy(l => l.At)!;
            return (last.At, last.Time);
        }
        var first = group.MinBy(l => l.At)!;
        var lead = group.Any(l => l.Mode == TravelMode.Flight) ? TimeSpan.FromHours(3) : group.Any(l => l.Mode == TravelMode.Train) ? TimeSpan.FromHours(1) : TimeSpan.Zero;
        var at = first.At - lead;
        return (at, TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(first.TimeZone)).DateTime);
    }

    private static string Key(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}

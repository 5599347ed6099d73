using System.Globalization;
using WedTech.Server.Guests;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Travel;

public sealed record TravelLegFilter(TravelDirection? Direction, DateOnly? Day, Guid? HouseholdId, bool Unplaced);

/// <summary>
/// Guests' arrivals and departures (given by the studio or by the guests on their page) and the wedding's vehicles. Whoever
/// sees the guest list sees them; the studio's notes need <c>wedding:internal</c>. A change to a leg on a trip, or to a
/// vehicle, that its guests were told of tells them again (<see cref="TripNotices"/>).
/// </summary>
public sealed class TravelService(
    TenantDbContext db, CurrentUser currentUser, AuditLog audit, IWeddingDirectory weddings, IGuestDirectory guests, IStudioSettings studio,
    WeddingChanges changes, TripNotices notices)
{
    public const int MaxLegsPerWedding = 5000;
    public const int MaxVehiclesPerWedding = 200;

    public async Task<PagedResponse<TravelLegResponse>> ListAsync(Guid weddingId, TravelLegFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var query = db.TravelLegs.AsNoTracking().Where(l => l.WeddingId == weddingId);
        if (filter.Direction is { } direction)
        {
            query = query.Where(l => l.Direction == direction);
        }
        if (filter.Day is { } day)
        {
            var (from, to) = (day.ToDateTime(TimeOnly.MinValue), day.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(l => l.Time >= from && l.Time < to);
        }
        if (filter.HouseholdId is { } householdId)
        {
            query = query.Where(l => l.HouseholdId == householdId);
        }
        if (filter.Unplaced)
        {
            query = query.Where(l => l.NeedsPickup && l.TripId == null);
        }
        var page = await query.OrderBy(l => l.At).ThenBy(l => l.Id).ToPageAsync(paging, l => l, cancellationToken);
        var households = await HouseholdsAsync(weddingId, page.Items, cancellationToken);
        return new PagedResponse<TravelLegResponse>([.. page.Items.Select(l => ToResponse(l, households))], page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<TravelLegResponse> GetAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await ResponseAsync(await FindLegAsync(weddingId, id, tracked: false, cancellationToken), cancellationToken);
    }

    public async Task<TravelLegResponse> CreateAsync(Guid weddingId, TravelLegRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await AddAsync(weddingId, request, fromGuest: false, cancellationToken);
    }

    /// <summary>An arrival or departure the guests give on their page: of their own household, without notes.</summary>
    public Task<TravelLegResponse> AddFromGuestsAsync(Household household, TravelLegRequest request, CancellationToken cancellationToken) =>
        AddAsync(household.WeddingId, request with { HouseholdId = household.Id, Notes = null }, fromGuest: true, cancellationToken);

    /// <summary>Removes one the guests gave themselves, while it is on no trip (after that, the studio changes it).</summary>
    public async Task<bool> RemoveFromGuestsAsync(Household household, Guid id, CancellationToken cancellationToken)
    {
        var leg = await db.TravelLegs.FirstOrDefaultAsync(l => l.Id == id && l.HouseholdId == household.Id && l.FromGuest && l.TripId == null, cancellationToken);
        if (leg is null)
        {
            return false;
        }
        await RemoveAsync(leg, cancellationToken);
        return true;
    }

    private async Task<TravelLegResponse> AddAsync(Guid weddingId, TravelLegRequest request, bool fromGuest, CancellationToken cancellationToken)
    {
        if (await db.TravelLegs.CountAsync(l => l.WeddingId == weddingId, cancellationToken) >= MaxLegsPerWedding)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture, $"A wedding holds at most {MaxLegsPerWedding:N0} arrivals and departures."));
        }
        var leg = new TravelLeg { WeddingId = weddingId, TimeZone = "", Place = "", FromGuest = fromGuest };
        await ApplyAsync(leg, request, cancellationToken);
        db.TravelLegs.Add(leg);
        audit.Record("travel-leg.created", nameof(TravelLeg), leg.Id, $"{ApiJson.EnumName(leg.Direction)}, household {leg.HouseholdId}{(fromGuest ? ", from the guests' page" : "")}");
        Changed(weddingId);
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(leg, cancellationToken);
    }

    /// <summary>Changes a leg. A leg whose direction changes leaves its trip; a change its guests were told of tells them again.</summary>
    public async Task<TravelLegResponse> UpdateAsync(Guid weddingId, Guid id, TravelLegRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var leg = await FindLegAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(leg, expectedVersion, "arrival or departure");
        await ApplyAsync(leg, request, cancellationToken);
        var trip = leg.TripId is { } tripId ? await db.PickupTrips.FirstAsync(t => t.Id == tripId, cancellationToken) : null;
        if (trip is not null && (trip.Direction != leg.Direction || !leg.NeedsPickup))
        {
            leg.TripId = null;
            trip.Legs = [.. trip.Legs.Where(l => l != leg.Id)];
        }
        var told = trip?.AnnouncedAt is not null && WritePath.ChangedFields(db, leg) is not null ? trip : null;
        Changed(weddingId);
        await SaveAsync(cancellationToken);
        if (told is not null)
        {
            await notices.TellChangedAsync(told, leg.TripId is null ? [leg.HouseholdId] : [], cancellationToken);
        }
        return await ResponseAsync(leg, cancellationToken);
    }

    public async Task DeleteAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var leg = await FindLegAsync(weddingId, id, tracked: true, cancellationToken);
        if (expectedVersion is { } version)
        {
            Concurrency.Expect(leg, version, "arrival or departure");
        }
        await RemoveAsync(leg, cancellationToken);
    }

    /// <summary>Removes a leg (from its trip too); its household is told when the trip was announced.</summary>
    internal async Task RemoveAsync(TravelLeg leg, CancellationToken cancellationToken)
    {
        var trip = leg.TripId is { } tripId ? await db.PickupTrips.FirstAsync(t => t.Id == tripId, cancellationToken) : null;
        if (trip is not null)
        {
            trip.Legs = [.. trip.Legs.Where(l => l != leg.Id)];
        }
        db.TravelLegs.Remove(leg);
        audit.Record("travel-leg.deleted", nameof(TravelLeg), leg.Id, $"{ApiJson.EnumName(leg.Direction)}, household {leg.HouseholdId}");
        Changed(leg.WeddingId);
        await SaveAsync(cancellationToken);
        if (trip?.AnnouncedAt is not null)
        {
            await notices.TellChangedAsync(trip, [leg.HouseholdId], cancellationToken);
        }
    }

    public async Task<PagedResponse<VehicleResponse>> VehiclesAsync(Guid weddingId, Paging paging, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var page = await db.Vehicles.AsNoTracking().Where(v => v.WeddingId == weddingId).OrderBy(v => v.Kind).ThenBy(v => v.DriverName).ThenBy(v => v.Id)
            .ToPageAsync(paging, v => v, cancellationToken);
        var ids = page.Items.Select(v => v.Id).ToList();
        var trips = await db.PickupTrips.AsNoTracking().Where(t => t.VehicleId != null && ids.Contains(t.VehicleId.Value)).GroupBy(t => t.VehicleId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new PagedResponse<VehicleResponse>([.. page.Items.Select(v => ToResponse(v, trips.GetValueOrDefault(v.Id)))], page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<VehicleResponse> VehicleAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        return await VehicleResponseAsync(await FindVehicleAsync(weddingId, id, tracked: false, cancellationToken), cancellationToken);
    }

    public async Task<VehicleResponse> CreateVehicleAsync(Guid weddingId, VehicleRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        if (await db.Vehicles.CountAsync(v => v.WeddingId == weddingId, cancellationToken) >= MaxVehiclesPerWedding)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture, $"A wedding keeps at most {MaxVehiclesPerWedding} vehicles."));
        }
        var vehicle = new Vehicle { WeddingId = weddingId, Kind = "", DriverName = "", DriverPhone = "" };
        await ApplyAsync(vehicle, request, cancellationToken);
        db.Vehicles.Add(vehicle);
        audit.Record("vehicle.created", nameof(Vehicle), vehicle.Id, $"{vehicle.Kind}, wedding {weddingId}");
        Changed(weddingId);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(vehicle, 0);
    }

    /// <summary>Changes a vehicle; the guests of its announced trips still to come are told of a new driver, number or vehicle.</summary>
    public async Task<VehicleResponse> UpdateVehicleAsync(Guid weddingId, Guid id, VehicleRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var vehicle = await FindVehicleAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(vehicle, expectedVersion, "vehicle");
        await ApplyAsync(vehicle, request, cancellationToken);
        var seen = WritePath.ChangedFields(db, vehicle) ?? [];
        var told = seen.Intersect(["kind", "registration", "driverName", "driverPhone"]).Any()
            ? await notices.AnnouncedTripsAsync(vehicle.Id, cancellationToken)
            : [];
        Changed(weddingId);
        await SaveAsync(cancellationToken);
        foreach (var trip in told)
        {
            await notices.TellChangedAsync(trip, [], cancellationToken);
        }
        return await VehicleResponseAsync(vehicle, cancellationToken);
    }

    /// <summary>Removes a vehicle; its trips are left without one (and their guests told, when they were).</summary>
    public async Task DeleteVehicleAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var vehicle = await FindVehicleAsync(weddingId, id, tracked: true, cancellationToken);
        if (expectedVersion is { } version)
        {
            Concurrency.Expect(vehicle, version, "vehicle");
        }
        var trips = await db.PickupTrips.Where(t => t.VehicleId == id).ToListAsync(cancellationToken);
        var told = await notices.AnnouncedTripsAsync(id, cancellationToken);
        foreach (var trip in trips)
        {
            trip.VehicleId = null;
        }
        db.Vehicles.Remove(vehicle);
        audit.Record("vehicle.deleted", nameof(Vehicle), vehicle.Id, $"{vehicle.Kind}, {trips.Count} trips left without a vehicle");
        Changed(weddingId);
        await SaveAsync(cancellationToken);
        foreach (var trip in told)
        {
            await notices.TellChangedAsync(trip, [], cancellationToken);
        }
    }

    internal async Task<Dictionary<Guid, HouseholdMembers>> HouseholdsAsync(Guid weddingId, IEnumerable<TravelLeg> legs, CancellationToken cancellationToken) =>
        await guests.HouseholdsAsync(weddingId, [.. legs.Select(l => l.HouseholdId).Distinct()], cancellationToken);

    internal TravelLegResponse ToResponse(TravelLeg l, Dictionary<Guid, HouseholdMembers> households)
    {
        var household = households.GetValueOrDefault(l.HouseholdId);
        // A member taken off the household since is no longer shown on the leg.
        var names = household?.Members.Where(m => l.Guests.Contains(m.Id)).Select(m => new TravelGuest(m.Id, m.Name)).ToList() ?? [];
        return new TravelLegResponse(l.Id, l.WeddingId, l.HouseholdId, household?.DisplayName ?? "", names, l.Direction, l.Mode, l.Time, l.TimeZone, l.At,
            l.Carrier, l.Number, l.Place, l.Terminal, l.NeedsPickup, l.TripId, l.FromGuest, ShowsInternal ? l.Notes : null, l.Version);
    }

    /// <summary>Whether the caller sees the studio's notes.</summary>
    internal bool ShowsInternal => currentUser.Can(Permissions.WeddingInternal);

    internal VehicleResponse ToResponse(Vehicle v, int trips) =>
        new(v.Id, v.WeddingId, v.Kind, v.Seats, v.Registration, v.DriverName, v.DriverPhone, v.Vendor,
            ShowsInternal ? v.Notes : null, trips, v.Version);

    internal void Changed(Guid weddingId) => changes.AfterCommit(new WeddingChangedMessage(weddingId, WeddingChange.TravelChanged, null));

    /// <summary>Saves, answering a change someone else made to the same trip or leg at the same moment with a 409.</summary>
    internal async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ApiException.Conflict("Someone changed these pickups at the same moment. Look at them again, then try again.");
        }
    }

    /// <summary>The wall-clock time at the place, in the zone given or the studio's, and its instant; or field errors.</summary>
    internal async Task<(DateTime Time, string Zone, DateTimeOffset At)> WhenAsync(DateTime time, string? zone, FieldErrors errors, CancellationToken cancellationToken)
    {
        var canonical = string.IsNullOrWhiteSpace(zone) ? await studio.TimeZoneAsync(cancellationToken) : VenueTime.CanonicalZone(zone);
        if (canonical is null)
        {
            errors.Add("timeZone", "Use an IANA time zone, like Asia/Kolkata or Asia/Dubai.");
            return default;
        }
        var at = default(DateTimeOffset);
        errors.Check(() => at = VenueTime.ToInstant(time, canonical, "time"));
        return (time, canonical, at);
    }

    private async Task ApplyAsync(TravelLeg leg, TravelLegRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var householdId = request.HouseholdId!.Value;
        var household = (await guests.HouseholdsAsync(leg.WeddingId, [householdId], cancellationToken)).GetValueOrDefault(householdId);
        if (household is null)
        {
            errors.Add("householdId", "Choose a household of this wedding's guest list.");
        }
        else if (request.Guests.Distinct().Count() != request.Guests.Count || request.Guests.Any(id => household.Members.All(m => m.Id != id)))
        {
            errors.Add("guests", $"Choose members of {household.DisplayName}, each once.");
        }
        else if (leg.TripId is not null && householdId != leg.HouseholdId)
        {
            errors.Add("householdId", "This arrival is on a pickup: take it off the pickup before giving it to another household.");
        }
        var place = request.Place.TrimmedOrNull();
        if (place is null)
        {
            errors.Add("place", "Name the airport, station or address.");
        }
        var (time, zone, at) = await WhenAsync(request.Time!.Value, request.TimeZone, errors, cancellationToken);
        errors.ThrowIfAny();
        leg.HouseholdId = householdId;
        leg.Guests = [.. request.Guests];
        leg.Direction = request.Direction!.Value;
        leg.Mode = request.Mode!.Value;
        (leg.Time, leg.TimeZone, leg.At) = (time, zone, at);
        leg.Carrier = request.Carrier.TrimmedOrNull();
        leg.Number = request.Number.TrimmedOrNull()?.ToUpperInvariant();
        leg.Place = place!;
        leg.Terminal = request.Terminal.TrimmedOrNull();
        leg.NeedsPickup = request.NeedsPickup ?? true;
        leg.Notes = request.Notes.TrimmedOrNull();
    }

    private async Task ApplyAsync(Vehicle vehicle, VehicleRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var kind = request.Kind.TrimmedOrNull();
        if (kind is null)
        {
            errors.Add("kind", "Say what the vehicle is, like Innova Crysta or Tempo Traveller.");
        }
        var driver = request.DriverName.TrimmedOrNull();
        if (driver is null)
        {
            errors.Add("driverName", "Give the driver's name.");
        }
        var phone = errors.Check(() => Messaging.PhoneNumbers.ToE164(request.DriverPhone, "driverPhone"));
        errors.ThrowIfAny();
        var seats = request.Seats!.Value;
        if (seats < vehicle.Seats)
        {
            var trips = await db.PickupTrips.AsNoTracking().Where(t => t.VehicleId == vehicle.Id).Select(t => t.Id).ToListAsync(cancellationToken);
            var most = (await TripPeople.OfTripsAsync(db, trips, cancellationToken)).Values.DefaultIfEmpty().Max();
            if (most > seats)
            {
                throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture,
                    $"A trip of this vehicle carries {most} people: keep at least {most} seats, or move them to another vehicle first."));
            }
        }
        vehicle.Kind = kind!;
        vehicle.Seats = seats;
        vehicle.Registration = request.Registration.TrimmedOrNull()?.ToUpperInvariant();
        vehicle.DriverName = driver!;
        vehicle.DriverPhone = phone!;
        vehicle.Vendor = request.Vendor.TrimmedOrNull();
        vehicle.Notes = request.Notes.TrimmedOrNull();
    }

    private async Task<TravelLegResponse> ResponseAsync(TravelLeg leg, CancellationToken cancellationToken) =>
        ToResponse(leg, await HouseholdsAsync(leg.WeddingId, [leg], cancellationToken));

    private async Task<VehicleResponse> VehicleResponseAsync(Vehicle vehicle, CancellationToken cancellationToken) =>
        ToResponse(vehicle, await db.PickupTrips.CountAsync(t => t.VehicleId == vehicle.Id, cancellationToken));

    private async Task<TravelLeg> FindLegAsync(Guid weddingId, Guid id, bool tracked, CancellationToken cancellationToken) =>
        await (tracked ? db.TravelLegs : db.TravelLegs.AsNoTracking()).FirstOrDefaultAsync(l => l.Id == id && l.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Arrival or departure");

    private async Task<Vehicle> FindVehicleAsync(Guid weddingId, Guid id, bool tracked, CancellationToken cancellationToken) =>
        await (tracked ? db.Vehicles : db.Vehicles.AsNoTracking()).FirstOrDefaultAsync(v => v.Id == id && v.WeddingId == weddingId, cancellationToken)
            ?? throw ApiException.NotFound("Vehicle");
}

/// <summary>How many guests trips carry: the members on their legs, each once.</summary>
internal static class TripPeople
{
    public static async Task<Dictionary<Guid, int>> OfTripsAsync(TenantDbContext db, IReadOnlyCollection<Guid> tripIds, CancellationToken cancellationToken) =>
        (await db.TravelLegs.AsNoTracking().Where(l => l.TripId != null && tripIds.Contains(l.TripId.Value)).Select(l => new { l.TripId, l.Guests }).ToListAsync(cancellationToken))
        .GroupBy(l => l.TripId!.Value).ToDictionary(g => g.Key, g => g.SelectMany(l => l.Guests).Distinct().Count());

    public static int Of(IEnumerable<TravelLeg> legs) => legs.SelectMany(l => l.Guests).Distinct().Count();
}

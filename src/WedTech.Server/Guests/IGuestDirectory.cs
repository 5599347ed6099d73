namespace WedTech.Server.Guests;

/// <summary>A household as other modules need it: its name and its members' names (an unnamed place as "Guest of …").</summary>
public sealed record HouseholdMembers(Guid Id, Guid WeddingId, string DisplayName, IReadOnlyList<(Guid Id, string Name)> Members);

/// <summary>What other modules (rooms, travel, seating) read of a wedding's guest list; the Guests module implements it.</summary>
public interface IGuestDirectory
{
    /// <summary>The wedding's households among <paramref name="householdIds"/> (all of them when null), by id.</summary>
    Task<Dictionary<Guid, HouseholdMembers>> HouseholdsAsync(Guid weddingId, IReadOnlyCollection<Guid>? householdIds, CancellationToken cancellationToken);

    /// <summary>
    /// Where each of the wedding's households among <paramref name="householdIds"/> is reached on a channel (an E.164 number
    /// for WhatsApp and SMS, else an e-mail address), as invitations reach it; a household with none is left out.
    /// </summary>
    Task<Dictionary<Guid, string>> AddressesAsync(Guid weddingId, IReadOnlyCollection<Guid> householdIds, MessageChannel channel, CancellationToken cancellationToken);

    /// <summary>How many guests said they will attend each of the wedding's events (an event nobody is invited to is left out), whoever asks.</summary>
    Task<Dictionary<Guid, int>> AttendingAsync(Guid weddingId, CancellationToken cancellationToken);
}

internal sealed class GuestDirectory(TenantDbContext db, GuestService guests) : IGuestDirectory
{
    public async Task<Dictionary<Guid, int>> AttendingAsync(Guid weddingId, CancellationToken cancellationToken) =>
        (await guests.CountsAsync(weddingId, cancellationToken)).ByEvent.ToDictionary(e => e.Key, e => e.Value.Attending);

    public async Task<Dictionary<Guid, HouseholdMembers>> HouseholdsAsync(Guid weddingId, IReadOnlyCollection<Guid>? householdIds, CancellationToken cancellationToken)
    {
        var query = db.Households.AsNoTracking().Where(h => h.WeddingId == weddingId);
        if (householdIds is not null)
        {
            query = query.Where(h => householdIds.Contains(h.Id));
        }
        var households = await query.Select(h => new { h.Id, h.DisplayName, Members = h.Members.OrderBy(m => m.Position).Select(m => new { m.Id, m.Name, m.GuestOf }).ToList() })
            .ToListAsync(cancellationToken);
        return households.ToDictionary(h => h.Id, h => new HouseholdMembers(h.Id, weddingId, h.DisplayName,
            h.Members.Select(m => (m.Id, m.Name ?? $"Guest of {m.GuestOf ?? h.DisplayName}")).ToList()));
    }

    public async Task<Dictionary<Guid, string>> AddressesAsync(Guid weddingId, IReadOnlyCollection<Guid> householdIds, MessageChannel channel,
        CancellationToken cancellationToken) =>
        (await (channel is MessageChannel.WhatsApp or MessageChannel.Sms
                ? OfWedding(weddingId, householdIds).Select(h => new { h.Id, Address = h.Phone ?? h.Members.Where(m => m.Phone != null).OrderBy(m => m.Position).Select(m => m.Phone).FirstOrDefault() })
                : OfWedding(weddingId, householdIds).Select(h => new { h.Id, Address = h.Email ?? h.Members.Where(m => m.Email != null).OrderBy(m => m.Position).Select(m => m.Email).FirstOrDefault() }))
            .ToListAsync(cancellationToken))
        .Where(h => h.Address is not null).ToDictionary(h => h.Id, h => h.Address!);

    private IQueryable<Household> OfWedding(Guid weddingId, IReadOnlyCollection<Guid> householdIds) =>
        db.Households.AsNoTracking().Where(h => h.WeddingId == weddingId && householdIds.Contains(h.Id));
}

/// <summary>A household's room, as its guests' page shows it.</summary>
public sealed record HouseholdStay(string Hotel, string? City, string RoomType, DateOnly CheckIn, DateOnly CheckOut, IReadOnlyList<Guid> Guests);

/// <summary>Where a household stays, for its RSVP page; the Rooms module contributes it (a contribution point of this module).</summary>
public interface IHouseholdStays
{
    Task<IReadOnlyList<HouseholdStay>> OfHouseholdAsync(Guid householdId, CancellationToken cancellationToken);
}

/// <summary>A household's arrival or departure, with the pickup (or drop) it is on, as its guests' page shows it.</summary>
public sealed record HouseholdJourney(
    Guid Id, TravelDirection Direction, TravelMode Mode, DateTime Time, string Place, string? Number, IReadOnlyList<Guid> Guests, bool FromGuest,
    HouseholdPickup? Pickup);

/// <summary>A pickup as the guests on it see it: when and where, the vehicle and its driver.</summary>
public sealed record HouseholdPickup(DateTime Time, string Place, string? Terminal, string? Vehicle, string? DriverName, string? DriverPhone);

/// <summary>A household's travel and pickups, for its RSVP page; the Travel module contributes it (a contribution point of this module).</summary>
public interface IHouseholdJourneys
{
    Task<IReadOnlyList<HouseholdJourney>> OfHouseholdAsync(Guid householdId, CancellationToken cancellationToken);
}

namespace WedTech.Server.Guests;

/// <summary>A household as other modules need it: its name and its members' names (an unnamed place as "Guest of …").</summary>
public sealed record HouseholdMembers(Guid Id, Guid WeddingId, string DisplayName, IReadOnlyList<(Guid Id, string Name)> Members);

/// <summary>What other modules (rooms, travel, seating) read of a wedding's guest list; the Guests module implements it.</summary>
public interface IGuestDirectory
{
    /// <summary>The wedding's households among <paramref name="householdIds"/> (all of them when null), by id.</summary>
    Task<Dictionary<Guid, HouseholdMembers>> HouseholdsAsync(Guid weddingId, IReadOnlyCollection<Guid>? householdIds, CancellationToken cancellationToken);
}

internal sealed class GuestDirectory(TenantDbContext db) : IGuestDirectory
{
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
}

/// <summary>A household's room, as its guests' page shows it.</summary>
public sealed record HouseholdStay(string Hotel, string? City, string RoomType, DateOnly CheckIn, DateOnly CheckOut, IReadOnlyList<Guid> Guests);

/// <summary>Where a household stays, for its RSVP page; the Rooms module contributes it (a contribution point of this module).</summary>
public interface IHouseholdStays
{
    Task<IReadOnlyList<HouseholdStay>> OfHouseholdAsync(Guid householdId, CancellationToken cancellationToken);
}

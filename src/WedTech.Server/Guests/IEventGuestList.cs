namespace WedTech.Server.Guests;

/// <summary>A member invited to an event, as the door sees them: name, food, and their answer.</summary>
public sealed record DoorGuest(Guid Id, string? Name, string? Honorific, AgeGroup AgeGroup, Diet? Diet, string? Allergies, RsvpAnswer Answer);

/// <summary>
/// A household as the door sees it: its wedding, when its RSVP link was issued (the guest pass is derived from it), and, for
/// an event, whether it is invited, how many it said are coming and its members invited.
/// </summary>
public sealed record DoorHousehold(Guid Id, Guid WeddingId, string DisplayName, DateTimeOffset? RsvpLinkIssuedAt, bool Invited, int Attending,
    IReadOnlyList<DoorGuest> Members);

/// <summary>A household invited to an event, for lists and counts that compose into the asker's query.</summary>
public sealed class InvitedHousehold
{
    public Guid HouseholdId { get; init; }
    public required string DisplayName { get; init; }
    public required string SearchText { get; init; }
    public RsvpAnswer Answer { get; init; }
    public int Attending { get; init; }
}

/// <summary>A member of a household who may come to an event: invited (named, or the whole household) and not declined.</summary>
public sealed record EventGuest(Guid Id, string Name);

/// <summary>A household invited to an event that has not declined, with its members who may come, in the household's order.</summary>
public sealed record EventHousehold(Guid Id, string DisplayName, GuestSide Side, string? Group, IReadOnlyList<EventGuest> Guests);

/// <summary>What the modules of an event (check-in at the door, seating) read of its guest list; the Guests module implements it.</summary>
public interface IEventGuestList
{
    /// <summary>The household, of any wedding of the studio, with its members invited to the event (none without an event); null when there is none.</summary>
    Task<DoorHousehold?> HouseholdAsync(Guid householdId, Guid? eventId, CancellationToken cancellationToken);

    /// <summary>The households invited to the event.</summary>
    IQueryable<InvitedHousehold> InvitedTo(Guid eventId);

    /// <summary>The members invited to the event of each of these households.</summary>
    Task<Dictionary<Guid, IReadOnlyList<DoorGuest>>> InvitedMembersAsync(Guid eventId, IReadOnlyCollection<Guid> householdIds, CancellationToken cancellationToken);

    /// <summary>The households of the wedding invited to the event and not declined, by name, with their members who may come (seating); empty when the event is not the wedding's.</summary>
    Task<IReadOnlyList<EventHousehold>> ComingAsync(Guid weddingId, Guid eventId, CancellationToken cancellationToken);
}

internal sealed class EventGuestList(TenantDbContext db) : IEventGuestList
{
    public async Task<DoorHousehold?> HouseholdAsync(Guid householdId, Guid? eventId, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => h.Id == householdId)
            .Select(h => new { h.Id, h.WeddingId, h.DisplayName, h.RsvpLinkIssuedAt, h.Members, Invitation = h.Invitations.FirstOrDefault(i => i.EventId == eventId) })
            .FirstOrDefaultAsync(cancellationToken);
        return household is null ? null : new DoorHousehold(household.Id, household.WeddingId, household.DisplayName, household.RsvpLinkIssuedAt,
            household.Invitation is not null, household.Invitation?.Attending ?? 0, household.Invitation is { } invitation ? Invited(household.Members, invitation) : []);
    }

    public IQueryable<InvitedHousehold> InvitedTo(Guid eventId) => db.Invitations.Where(i => i.EventId == eventId)
        .Join(db.Households, i => i.HouseholdId, h => h.Id, (i, h) => new InvitedHousehold
        {
            HouseholdId = h.Id, DisplayName = h.DisplayName, SearchText = h.SearchText, Answer = i.Answer, Attending = i.Attending,
        });

    public async Task<Dictionary<Guid, IReadOnlyList<DoorGuest>>> InvitedMembersAsync(Guid eventId, IReadOnlyCollection<Guid> householdIds, CancellationToken cancellationToken)
    {
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.EventId == eventId && householdIds.Contains(i.HouseholdId)).ToListAsync(cancellationToken);
        var members = (await db.Guests.AsNoTracking().Where(g => householdIds.Contains(g.HouseholdId)).ToListAsync(cancellationToken)).ToLookup(g => g.HouseholdId);
        return invitations.ToDictionary(i => i.HouseholdId, i => (IReadOnlyList<DoorGuest>)Invited(members[i.HouseholdId], i));
    }

    public async Task<IReadOnlyList<EventHousehold>> ComingAsync(Guid weddingId, Guid eventId, CancellationToken cancellationToken)
    {
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Include(h => h.Invitations.Where(i => i.EventId == eventId)).AsSplitQuery()
            .Where(h => h.WeddingId == weddingId && h.Invitations.Any(i => i.EventId == eventId))
            .ToListAsync(cancellationToken);
        return households.Select(h => (h.Id, h.DisplayName, h.Side, h.Group, h.Members, Invitation: h.Invitations.Single(i => i.EventId == eventId)))
            .Where(h => h.Invitation.Answer != RsvpAnswer.Declined)
            .Select(h => new EventHousehold(h.Id, h.DisplayName, h.Side, h.Group,
                h.Members.OrderBy(m => m.Position)
                    .Where(m => (h.Invitation.Guests.Count == 0 || h.Invitation.Guests.Contains(m.Id))
                        && h.Invitation.Members.Find(a => a.GuestId == m.Id)?.Answer != RsvpAnswer.Declined)
                    .Select(m => new EventGuest(m.Id, m.Name ?? $"Guest of {m.GuestOf}")).ToList()))
            .Where(h => h.Guests.Count > 0)
            .OrderBy(h => h.DisplayName, StringComparer.Ordinal).ThenBy(h => h.Id).ToList();
    }

    /// <summary>The members the invitation names, or the whole household, in their order, with each one's answer.</summary>
    private static List<DoorGuest> Invited(IEnumerable<Guest> members, Invitation invitation)
    {
        var answers = invitation.Members.ToDictionary(m => m.GuestId, m => m.Answer);
        return members.Where(m => invitation.Guests.Count == 0 || invitation.Guests.Contains(m.Id)).OrderBy(m => m.Position)
            .Select(m => new DoorGuest(m.Id, m.Name, m.Honorific, m.AgeGroup, m.Diet, m.Allergies,
                answers.TryGetValue(m.Id, out var answer) ? answer : invitation.Answer == RsvpAnswer.Declined ? RsvpAnswer.Declined : RsvpAnswer.Pending))
            .ToList();
    }
}

/// <summary>
/// A pass the guests' RSVP page shows the household to bring along (the check-in QR), as inline SVG; a module above Guests
/// implements it. The page shows nothing when none is registered or it gives none (a household without a link).
/// </summary>
public interface IRsvpPagePass
{
    string? Svg(Household household);
}

namespace WedTech.Server.Guests;

/// <summary>A member of a household who may come to an event: invited (named, or the whole household) and not declined.</summary>
public sealed record EventGuest(Guid Id, string Name);

/// <summary>A household invited to an event that has not declined, with its members who may come, in the household's order.</summary>
public sealed record EventHousehold(Guid Id, string DisplayName, GuestSide Side, string? Group, IReadOnlyList<EventGuest> Guests);

/// <summary>Who may come to an event, as other modules (seating) read it from the guest list.</summary>
public interface IEventGuestList
{
    /// <summary>The households of the wedding invited to the event and not declined, by name; empty when the event is not the wedding's.</summary>
    Task<IReadOnlyList<EventHousehold>> ComingAsync(Guid weddingId, Guid eventId, CancellationToken cancellationToken);
}

internal sealed class EventGuestList(TenantDbContext db) : IEventGuestList
{
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
}

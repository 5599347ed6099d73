namespace WedTech.Server.Events;

/// <summary>
/// An event as other modules name it: the guest list invites households to it, and shows the guests its times (wall-clock
/// at the venue) and the venue's name.
/// </summary>
public sealed record EventOfWedding(Guid Id, string Name, DateTime Start, EventType Type, EventStatus Status, DateTime End, string? VenueName);

/// <summary>What other modules read of a wedding's events.</summary>
public interface IWeddingEvents
{
    /// <summary>The wedding's events in time order (cancelled ones too: their invitations stay until the event is removed).</summary>
    Task<List<EventOfWedding>> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken);
}

internal sealed class WeddingEvents(TenantDbContext db) : IWeddingEvents
{
    public Task<List<EventOfWedding>> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Where(e => e.WeddingId == weddingId).OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new EventOfWedding(e.Id, e.Name, e.Start, e.Type, e.Status, e.End, e.Venue == null ? null : e.Venue.Name)).ToListAsync(cancellationToken);
}

namespace WedTech.Server.Events;

/// <summary>
/// An event as other modules name it: the guest list invites households to it, and shows the guests its times (wall-clock
/// at the venue) and the venue's name.
/// </summary>
/// <summary>An event as other modules read it; its venue's GST state code and country decide an invoice's place of supply.</summary>
public sealed record EventOfWedding(
    Guid Id, string Name, DateTime Start, EventType Type, EventStatus Status, DateTime End, string? VenueName, string? VenueStateCode = null, string? VenueCountry = null,
    DateTimeOffset StartsAt = default);

/// <summary>What other modules read of a wedding's events.</summary>
public interface IWeddingEvents
{
    /// <summary>The wedding's events in time order (cancelled ones too: their invitations stay until the event is removed).</summary>
    Task<List<EventOfWedding>> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken);

    /// <summary>The day each of these weddings' last event ends, on the clock where it happens; weddings without events are left out.</summary>
    Task<Dictionary<Guid, DateOnly>> LastDaysAsync(IReadOnlyCollection<Guid> weddingIds, CancellationToken cancellationToken);

    /// <summary>One event with its wedding, whoever asks (the caller checks the wedding); null when there is none.</summary>
    Task<(Guid WeddingId, EventOfWedding Event)?> FindAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>These events, in one query, whoever asks (the caller checks their weddings); ids of no event are left out.</summary>
    Task<Dictionary<Guid, EventOfWedding>> FindManyAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken);

    /// <summary>The events not cancelled starting (on the clock where they happen) from <paramref name="first"/> to <paramref name="last"/>, both days included, of any wedding.</summary>
    Task<List<(Guid WeddingId, Guid EventId, string Name, DateTime Start)>> StartingBetweenAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

internal sealed class WeddingEvents(TenantDbContext db) : IWeddingEvents
{
    public Task<List<EventOfWedding>> OfWeddingAsync(Guid weddingId, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Where(e => e.WeddingId == weddingId).OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new EventOfWedding(e.Id, e.Name, e.Start, e.Type, e.Status, e.End, e.Venue == null ? null : e.Venue.Name, e.Venue == null ? null : e.Venue.StateCode, e.Venue == null ? null : e.Venue.Country, e.StartsAt)).ToListAsync(cancellationToken);

    public async Task<Dictionary<Guid, DateOnly>> LastDaysAsync(IReadOnlyCollection<Guid> weddingIds, CancellationToken cancellationToken) =>
        (await db.Events.AsNoTracking().Where(e => weddingIds.Contains(e.WeddingId)).GroupBy(e => e.WeddingId)
            .Select(g => new { WeddingId = g.Key, End = g.Max(e => e.End) }).ToListAsync(cancellationToken))
        .ToDictionary(last => last.WeddingId, last => DateOnly.FromDateTime(last.End));

    public async Task<(Guid WeddingId, EventOfWedding Event)?> FindAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var found = await WithWedding(db.Events.AsNoTracking().Where(e => e.Id == eventId)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.WeddingId, found.Event);
    }

    public async Task<Dictionary<Guid, EventOfWedding>> FindManyAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken) =>
        eventIds.Count == 0 ? [] : await WithWedding(db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))).ToDictionaryAsync(f => f.Event.Id, f => f.Event, cancellationToken);

    private static IQueryable<FoundEvent> WithWedding(IQueryable<WeddingEvent> events) =>
        events.Select(e => new FoundEvent(e.WeddingId, new EventOfWedding(e.Id, e.Name, e.Start, e.Type, e.Status, e.End, e.Venue == null ? null : e.Venue.Name,
            e.Venue == null ? null : e.Venue.StateCode, e.Venue == null ? null : e.Venue.Country, e.StartsAt)));

    private sealed record FoundEvent(Guid WeddingId, EventOfWedding Event);

    public async Task<List<(Guid WeddingId, Guid EventId, string Name, DateTime Start)>> StartingBetweenAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var from = first.ToDateTime(TimeOnly.MinValue);
        var after = last.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return [.. (await db.Events.AsNoTracking().Where(e => e.Start >= from && e.Start < after && e.Status != EventStatus.Cancelled)
            .Select(e => new { e.WeddingId, e.Id, e.Name, e.Start }).ToListAsync(cancellationToken))
            .Select(e => (e.WeddingId, e.Id, e.Name, e.Start))];
    }
}

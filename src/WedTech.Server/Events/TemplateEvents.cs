namespace WedTech.Server.Events;

/// <summary>A wedding's events as a template's plan, and a plan made into a wedding's events; the Templates module uses it.</summary>
public interface ITemplateEvents
{
    /// <summary>The wedding's events (cancelled ones aside) with their run-of-show, by day; empty when it has none.</summary>
    Task<List<TemplateEvent>> SnapshotAsync(Guid weddingId, CancellationToken cancellationToken);

    /// <summary>Checks every time of the plan on these days in this zone; a time the zone skips is a field error on firstDay.</summary>
    void Check(IReadOnlyList<TemplateEvent> plan, DateOnly firstDay, string zone);

    /// <summary>Adds the plan's events to the wedding, saved with the caller's next save; the events as others read them.</summary>
    List<EventOfWedding> Add(IReadOnlyList<TemplateEvent> plan, Guid weddingId, DateOnly firstDay, string zone, DateTimeOffset now);
}

internal sealed class TemplateEvents(TenantDbContext db, TimeProvider time) : ITemplateEvents
{
    public async Task<List<TemplateEvent>> SnapshotAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking().Include(e => e.Items)
            .Where(e => e.WeddingId == weddingId && e.Status != EventStatus.Cancelled).ToListAsync(cancellationToken);
        return events.Count == 0 ? [] : Snapshot(events);
    }

    public void Check(IReadOnlyList<TemplateEvent> plan, DateOnly firstDay, string zone) => EventsOf(plan, Guid.Empty, firstDay, zone, time.GetUtcNow());

    public List<EventOfWedding> Add(IReadOnlyList<TemplateEvent> plan, Guid weddingId, DateOnly firstDay, string zone, DateTimeOffset now)
    {
        var added = EventsOf(plan, weddingId, firstDay, zone, now);
        db.Events.AddRange(added);
        return [.. added.Select(e => new EventOfWedding(e.Id, e.Name, e.Start, e.Type, e.Status, e.End, null, StartsAt: e.StartsAt))];
    }

    /// <summary>
    /// A template's events and their run-of-show for one wedding: day 0 on <paramref name="firstDay"/>, at the template's
    /// local times in <paramref name="zone"/>. A time the zone skips is a field error on firstDay.
    /// </summary>
    public static List<WeddingEvent> EventsOf(IReadOnlyList<TemplateEvent> template, Guid weddingId, DateOnly firstDay, string zone, DateTimeOffset now) =>
        template.Select(source =>
        {
            var start = firstDay.AddDays(source.Day).ToDateTime(source.Start);
            var end = start.AddMinutes(source.DurationMinutes);
            var weddingEvent = new WeddingEvent
            {
                WeddingId = weddingId,
                Type = source.Type,
                Name = source.Name,
                Start = start,
                End = end,
                TimeZone = zone,
                StartsAt = VenueTime.ToInstant(start, zone, "firstDay"),
                EndsAt = VenueTime.ToInstant(end, zone, "firstDay"),
                DressCode = source.DressCode,
                ExpectedGuests = source.ExpectedGuests,
                Notes = source.Notes,
                Status = EventStatus.Planned,
                CreatedAt = now,
                UpdatedAt = now,
            };
            weddingEvent.Items.AddRange(source.Items.Select(item => new RunOfShowItem
            {
                EventId = weddingEvent.Id,
                WeddingId = weddingId,
                Start = start.AddMinutes(item.OffsetMinutes),
                DurationMinutes = item.DurationMinutes,
                Title = item.Title,
                OwnerName = item.OwnerName,
                Location = item.Location,
                Notes = item.Notes,
                IsFixed = item.IsFixed,
                IsShared = item.IsShared,
                Status = RunOfShowStatus.Pending,
                CreatedAt = now,
                UpdatedAt = now,
            }));
            return weddingEvent;
        }).ToList();

    /// <summary>
    /// The events by day: day 0 is the date of the earliest event, each at its local start time; items by their offset
    /// from their event's start. Venues, people and statuses belong to the one wedding and are left out.
    /// </summary>
    private static List<TemplateEvent> Snapshot(List<WeddingEvent> events)
    {
        var firstDay = events.Min(e => DateOnly.FromDateTime(e.Start)).DayNumber;
        return events.OrderBy(e => e.Start).ThenBy(e => e.Id).Select(e => new TemplateEvent(
            DateOnly.FromDateTime(e.Start).DayNumber - firstDay, e.Type, e.Name, TimeOnly.FromDateTime(e.Start), (int)(e.End - e.Start).TotalMinutes,
            e.DressCode, e.ExpectedGuests, e.Notes,
            e.Items.OrderBy(i => i.Start).ThenBy(i => i.Id).Select(i => new TemplateItem(
                (int)(i.Start - e.Start).TotalMinutes, i.DurationMinutes, i.Title, i.OwnerName, i.Location, i.Notes, i.IsFixed, i.IsShared)).ToList()))
            .ToList();
    }
}

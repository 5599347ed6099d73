using System.Globalization;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Venues;
using WedTech.Server.Weddings;

namespace WedTech.Server.Events;

public sealed record EventFilter(EventStatus? Status, EventType? Type, DateOnly? From, DateOnly? To, bool OnlyMine);

/// <summary>
/// The events of weddings. What a caller sees follows the wedding's visibility; what a client (the couple) sees of an
/// event leaves out everything internal (<see cref="Permissions.WeddingInternal"/>): notes, clashes, staff-only items.
/// </summary>
public sealed class EventService(
    TenantDbContext db, CurrentUser currentUser, AuditLog audit, IWeddingDirectory weddings, TimeProvider time,
    WeddingChanges changes, IVenueDirectory venues, IStudioSettings studio, IEnumerable<IEventTimeFollower> timeFollowers)
{
    public const int MaxEventsPerWedding = 100;

    /// <summary>Longest an event may last: a two-day festival, not a typo in the end date.</summary>
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(48);

    private bool SeesInternal => currentUser.Can(Permissions.WeddingInternal);

    /// <summary>The events of the weddings the caller may see.</summary>
    internal IQueryable<WeddingEvent> Visible()
    {
        var visibleWeddings = weddings.VisibleIds();
        return db.Events.Where(e => visibleWeddings.Contains(e.WeddingId));
    }

    /// <summary>A visible event, tracked, with its team and run-of-show; 404 otherwise.</summary>
    internal async Task<WeddingEvent> LoadForWriteAsync(Guid id, CancellationToken cancellationToken) =>
        await Visible().Include(e => e.Team).Include(e => e.Items).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw ApiException.NotFound("Event");

    public async Task<PagedResponse<EventSummaryResponse>> ListForWeddingAsync(Guid weddingId, EventFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        if (!await weddings.IsVisibleAsync(weddingId, cancellationToken))
        {
            throw ApiException.NotFound("Wedding");
        }
        return await ListAsync(Visible().Where(e => e.WeddingId == weddingId), filter, paging, cancellationToken);
    }

    /// <summary>
    /// Events across every wedding the caller sees (the dashboard's today and this week), by venue-local date: a week from
    /// today in the studio's zone unless asked otherwise, and never more than <paramref name="maxRangeDays"/> days.
    /// </summary>
    public async Task<PagedResponse<EventSummaryResponse>> ListAcrossWeddingsAsync(EventFilter filter, int maxRangeDays, Paging paging, CancellationToken cancellationToken)
    {
        var from = filter.From ?? filter.To?.AddDays(-6)
            ?? VenueTime.Today(time, await studio.TimeZoneAsync(cancellationToken));
        var to = filter.To ?? from.AddDays(6);
        if (to.DayNumber - from.DayNumber >= maxRangeDays)
        {
            throw new ValidationFailedException("to", $"Ask for at most {maxRangeDays} days at a time.");
        }
        return await ListAsync(Visible(), filter with { From = from, To = to }, paging, cancellationToken);
    }

    private async Task<PagedResponse<EventSummaryResponse>> ListAsync(IQueryable<WeddingEvent> query, EventFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        query = query.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }
        if (filter.Type is { } type)
        {
            query = query.Where(e => e.Type == type);
        }
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            query = query.Where(e => e.Start >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            query = query.Where(e => e.Start < end);
        }
        var me = currentUser.Required.Id;
        if (filter.OnlyMine)
        {
            var myWeddings = weddings.IdsWithMember(me);
            query = query.Where(e => e.Team.Any(t => t.UserId == me) || myWeddings.Contains(e.WeddingId));
        }
        var all = SeesInternal;
        var page = await query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToPageAsync(paging, e => new EventSummaryResponse(
            e.Id, e.WeddingId, e.Wedding!.Title, e.Type, e.Name, e.Start, e.End, e.TimeZone, e.StartsAt, e.EndsAt,
            e.Venue == null ? null : new VenueSummary(e.Venue.Id, e.Venue.Name, e.Venue.Address, e.Venue.City, e.Venue.StateCode, e.Venue.MapUrl),
            e.Status,
            e.Items.Count(i => all || i.IsShared),
            e.Items.Count(i => (all || i.IsShared) && i.Status == RunOfShowStatus.Done),
            e.Items.Where(i => i.IsFixed && (all || i.IsShared)).OrderBy(i => i.Start).Select(i => new KeyMoment(i.Id, i.Start, i.Title)).ToList(),
            false,
            e.Team.Any(t => t.UserId == me),
            e.Version), cancellationToken);
        if (!all || page.Items.Count == 0)
        {
            return page;
        }
        var clashing = await ConflictsAsync(page.Items.Select(e => (e.Id, e.Venue?.Id, e.Status, e.StartsAt, e.EndsAt)).ToList(), cancellationToken);
        return page with { Items = page.Items.Select(e => clashing.ContainsKey(e.Id) ? e with { HasConflicts = true } : e).ToList() };
    }

    public async Task<EventResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var e = await Visible().AsNoTracking().Include(x => x.Venue).Include(x => x.Team).Include(x => x.Items).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw ApiException.NotFound("Event");
        return (await ToResponsesAsync([e], cancellationToken))[0];
    }

    /// <summary>Every event of a wedding with its run-of-show, in time order: the whole schedule in one answer.</summary>
    public async Task<WeddingScheduleResponse> ScheduleAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        var title = (await weddings.TitlesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId) ?? throw ApiException.NotFound("Wedding");
        var events = await Visible().AsNoTracking().Where(e => e.WeddingId == weddingId)
            .Include(x => x.Venue).Include(x => x.Team).Include(x => x.Items).AsSplitQuery()
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return new WeddingScheduleResponse(weddingId, title, await ToResponsesAsync(events, cancellationToken));
    }

    public async Task<EventResponse> CreateAsync(Guid weddingId, EventRequest request, CancellationToken cancellationToken)
    {
        if (!await weddings.IsVisibleAsync(weddingId, cancellationToken))
        {
            throw ApiException.NotFound("Wedding");
        }
        if (await db.Events.CountAsync(e => e.WeddingId == weddingId, cancellationToken) >= MaxEventsPerWedding)
        {
            throw ApiException.Conflict($"A wedding has at most {MaxEventsPerWedding} events.");
        }
        var e = new WeddingEvent { WeddingId = weddingId, Name = "", TimeZone = "" };
        await ApplyAsync(e, request, cancellationToken);
        db.Events.Add(e);
        audit.Record("event.created", nameof(WeddingEvent), e.Id, $"{e.Name} ({ApiJson.EnumName(e.Type)}) on {Local(e.Start)} {e.TimeZone}, wedding {weddingId}");
        Publish(e, WeddingChange.EventCreated);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(e.Id, cancellationToken);
    }

    /// <summary>
    /// Replaces an event's details. Moving its start moves its run-of-show by as much, except fixed items (a muhurat is
    /// set by the stars, not by the caterer).
    /// </summary>
    public async Task<EventResponse> UpdateAsync(Guid id, EventRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var e = await LoadForWriteAsync(id, cancellationToken);
        Concurrency.Expect(e, expectedVersion, "event");
        var oldStart = e.Start;
        var oldStartsAt = e.StartsAt;
        await ApplyAsync(e, request, cancellationToken);
        if (e.StartsAt != oldStartsAt)
        {
            foreach (var follower in timeFollowers)
            {
                await follower.EventMovedAsync(e.Id, e.StartsAt, cancellationToken);
            }
        }
        if (e.Start != oldStart && RunOfShowService.Move(e.Items.Where(i => !i.IsFixed), e.Start - oldStart) is > 0 and var moved)
        {
            audit.Note(e, $"{moved} run-of-show items moved with it");
        }
        if (WritePath.ChangedFields(db, e) is not null)
        {
            Publish(e, WeddingChange.EventUpdated);
            await db.SaveChangesAsync(cancellationToken);
        }
        return await GetAsync(e.Id, cancellationToken);
    }

    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var e = await Visible().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw ApiException.NotFound("Event");
        Concurrency.Expect(e, expectedVersion, "event");
        foreach (var follower in timeFollowers)
        {
            await follower.EventRemovedAsync(e.Id, e.Name, cancellationToken);
        }
        db.Events.Remove(e);
        audit.Record("event.deleted", nameof(WeddingEvent), e.Id, $"{e.Name} on {Local(e.Start)}, wedding {e.WeddingId}");
        Publish(e, WeddingChange.EventDeleted);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Tells everyone watching the wedding once the change being saved is committed, even if the caller has gone away;
    /// with the version the event (or the item) has then, or <paramref name="version"/>.
    /// </summary>
    internal void Publish(WeddingEvent e, string change, RunOfShowItem? item = null, long? version = null) =>
        changes.AfterCommit(() => new WeddingChangedMessage(e.WeddingId, change, version ?? item?.Version ?? e.Version, e.Id, item?.Id));

    private async Task ApplyAsync(WeddingEvent e, EventRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        string? venueZone = null;
        if (request.VenueId is { } venueId)
        {
            venueZone = await venues.TimeZoneAsync(venueId, cancellationToken);
            if (venueZone is null)
            {
                errors.Add("venueId", "No venue in your venue book has this id.");
            }
        }
        var zone = string.IsNullOrWhiteSpace(request.TimeZone)
            ? venueZone ?? await studio.TimeZoneAsync(cancellationToken)
            : VenueTime.CanonicalZone(request.TimeZone);
        if (zone is null)
        {
            errors.Add("timeZone", "Use an IANA time zone, like Asia/Kolkata or Asia/Dubai.");
        }
        var team = await CheckTeamAsync(e.WeddingId, request.Team ?? [], errors, cancellationToken);
        var start = request.Start!.Value;
        var end = request.End!.Value;
        DateTimeOffset startsAt = default, endsAt = default;
        var startExists = zone is not null && errors.Check(() => startsAt = VenueTime.ToInstant(start, zone, "start"));
        var endExists = zone is not null && errors.Check(() => endsAt = VenueTime.ToInstant(end, zone, "end"));
        if (startExists && endExists)
        {
            if (endsAt <= startsAt)
            {
                errors.Add("end", "The event must end after it starts; for one that runs past midnight, give the next day's date.");
            }
            else if (endsAt - startsAt > MaxDuration)
            {
                errors.Add("end", "An event lasts at most 48 hours; make each day its own event.");
            }
        }
        errors.ThrowIfAny();
        e.Type = request.Type!.Value;
        e.Name = request.Name.Trim();
        e.Start = start;
        e.End = end;
        e.TimeZone = zone!;
        e.StartsAt = startsAt;
        e.EndsAt = endsAt;
        e.VenueId = request.VenueId;
        e.DressCode = request.DressCode.TrimmedOrNull();
        e.ExpectedGuests = request.ExpectedGuests;
        e.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes;
        e.Status = request.Status ?? EventStatus.Planned;
        team.ApplyTo(e.Team, (userId, role) => new EventTeamMember { EventId = e.Id, UserId = userId, Role = role });
    }

    /// <summary>People on an event must be staff on its wedding's team, each once, with a staff role.</summary>
    private async Task<IReadOnlyList<TeamAssignment>> CheckTeamAsync(Guid weddingId, IReadOnlyList<TeamAssignment> team, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (team.Count == 0)
        {
            return team;
        }
        var staff = await weddings.StaffAsync(weddingId, cancellationToken);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < team.Count; i++)
        {
            if (team[i] is not { UserId: { } userId, Role: { } role })
            {
                errors.Add($"team[{i}]", "Give the person's userId and role.");
            }
            else if (!seen.Add(userId))
            {
                errors.Add($"team[{i}].userId", "This person is already on the event.");
            }
            else if (!staff.Contains(userId))
            {
                errors.Add($"team[{i}].userId", "Add this person to the wedding's team first; an event's people come from its wedding's staff.");
            }
            else if (role == TeamRole.Client)
            {
                errors.Add($"team[{i}].role", "Use a staff role: lead-planner, planner or coordinator.");
            }
        }
        return team;
    }

    /// <summary>
    /// For each of these events, the other events in the same venue at an overlapping time, of any wedding of the studio:
    /// a venue double-booked across weddings is the clash that matters most.
    /// </summary>
    private async Task<Dictionary<Guid, List<EventConflict>>> ConflictsAsync(
        IReadOnlyList<(Guid Id, Guid? VenueId, EventStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt)> events, CancellationToken cancellationToken)
    {
        var placed = events.Where(e => e.VenueId is not null && e.Status != EventStatus.Cancelled).ToList();
        if (placed.Count == 0)
        {
            return [];
        }
        var venues = placed.Select(e => e.VenueId!.Value).Distinct().ToList();
        var from = placed.Min(e => e.StartsAt);
        var to = placed.Max(e => e.EndsAt);
        var candidates = await db.Events.AsNoTracking()
            .Where(o => o.VenueId != null && venues.Contains(o.VenueId.Value) && o.Status != EventStatus.Cancelled && o.StartsAt < to && o.EndsAt > from)
            .Select(o => new { o.Id, o.WeddingId, o.VenueId, o.Name, o.StartsAt, o.EndsAt })
            .ToListAsync(cancellationToken);
        var titles = await weddings.TitlesAsync(candidates.Select(c => c.WeddingId).Distinct().ToList(), cancellationToken);
        var result = new Dictionary<Guid, List<EventConflict>>();
        foreach (var e in placed)
        {
            var clashes = candidates
                .Where(o => o.Id != e.Id && o.VenueId == e.VenueId && o.StartsAt < e.EndsAt && o.EndsAt > e.StartsAt)
                .OrderBy(o => o.StartsAt)
                .Select(o => titles.TryGetValue(o.WeddingId, out var title)
                    ? new EventConflict(o.Id, o.WeddingId, o.Name, title, o.StartsAt, o.EndsAt)
                    : new EventConflict(o.Id, o.WeddingId, null, null, o.StartsAt, o.EndsAt))
                .ToList();
            if (clashes.Count > 0)
            {
                result[e.Id] = clashes;
            }
        }
        return result;
    }

    /// <summary>Events as the caller may see them, with their people's names and clashes looked up once for all.</summary>
    internal async Task<IReadOnlyList<EventResponse>> ToResponsesAsync(IReadOnlyList<WeddingEvent> events, CancellationToken cancellationToken)
    {
        var all = SeesInternal;
        var userIds = events.SelectMany(e => e.Team.Select(t => t.UserId)
            .Concat(e.Items.Select(i => i.OwnerUserId).OfType<Guid>())
            .Concat(all ? e.Items.Select(i => i.StatusChangedById).OfType<Guid>() : [])).Distinct().ToList();
        var names = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.Name, u.Role), cancellationToken);
        var conflicts = all ? await ConflictsAsync(events.Select(e => (e.Id, e.VenueId, e.Status, e.StartsAt, e.EndsAt)).ToList(), cancellationToken) : [];
        return events.Select(e => new EventResponse(
            e.Id, e.WeddingId, e.Type, e.Name, e.Start, e.End, e.TimeZone, e.StartsAt, e.EndsAt,
            e.Venue is { } v ? new VenueSummary(v.Id, v.Name, v.Address, v.City, v.StateCode, v.MapUrl) : null,
            e.DressCode, e.ExpectedGuests, all ? e.Notes : null, e.Status,
            e.Team.Where(t => names.ContainsKey(t.UserId))
                .Select(t => new TeamMemberResponse(t.UserId, names[t.UserId].Name, names[t.UserId].Role, t.Role))
                .OrderBy(t => t.Role).ThenBy(t => t.Name, StringComparer.Ordinal).ToList(),
            conflicts.GetValueOrDefault(e.Id) ?? [],
            e.Items.Where(i => all || i.IsShared).OrderBy(i => i.Start).ThenBy(i => i.Id).Select(i => ToResponse(i, names, all)).ToList(),
            e.Version, e.UpdatedAt)).ToList();
    }

    internal static RunOfShowItemResponse ToResponse(RunOfShowItem i, IReadOnlyDictionary<Guid, (string Name, Role Role)> names, bool seesInternal) => new(
        i.Id, i.EventId, i.Start, i.DurationMinutes, i.Title, i.OwnerUserId,
        i.OwnerUserId is { } owner && names.TryGetValue(owner, out var person) ? person.Name : i.OwnerName,
        i.Location, seesInternal ? i.Notes : null, i.Status, i.IsFixed, i.IsShared,
        seesInternal ? i.StatusChangedAt : null,
        seesInternal && i.StatusChangedById is { } by && names.TryGetValue(by, out var changer) ? changer.Name : null,
        i.Version, i.OwnerVendorId);

    internal static string Local(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

}

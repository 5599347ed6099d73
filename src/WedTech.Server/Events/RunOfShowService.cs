using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Weddings;

namespace WedTech.Server.Events;

/// <summary>
/// An event's run-of-show: planners shape it (wedding:edit), coordinators tick it off on the day
/// (runofshow:progress). Every change reaches everyone watching the wedding at once.
/// </summary>
public sealed class RunOfShowService(TenantDbContext db, CurrentUser currentUser, AuditLog audit, EventService events, TimeProvider time, IWeddingDirectory weddings)
{
    public const int MaxItemsPerEvent = 500;

    /// <summary>How far from its event an item may be: the decorators arrive the day before, the last bus leaves after.</summary>
    private static readonly TimeSpan MaxDistanceFromEvent = TimeSpan.FromHours(24);

    public async Task<RunOfShowItemResponse> GetAsync(Guid eventId, Guid itemId, CancellationToken cancellationToken)
    {
        var e = await events.Visible().AsNoTracking().Include(x => x.Items.Where(i => i.Id == itemId))
            .FirstOrDefaultAsync(x => x.Id == eventId, cancellationToken) ?? throw ApiException.NotFound("Event");
        return await ToResponseAsync(Find(e, itemId), cancellationToken);
    }

    public async Task<RunOfShowItemResponse> CreateAsync(Guid eventId, RunOfShowItemRequest request, CancellationToken cancellationToken)
    {
        var e = await events.LoadForWriteAsync(eventId, cancellationToken);
        if (e.Items.Count >= MaxItemsPerEvent)
        {
            throw ApiException.Conflict($"An event's run-of-show has at most {MaxItemsPerEvent} items.");
        }
        var item = new RunOfShowItem { EventId = e.Id, WeddingId = e.WeddingId, Title = "" };
        await ApplyAsync(e, item, request, cancellationToken);
        e.Items.Add(item);
        audit.Record("run-of-show.created", nameof(RunOfShowItem), item.Id, $"{EventService.Local(item.Start)} {item.Title}, event {e.Id}");
        events.Publish(e, WeddingChange.RunOfShowChanged, item);
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(item, cancellationToken);
    }

    public async Task<RunOfShowItemResponse> UpdateAsync(Guid eventId, Guid itemId, RunOfShowItemRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var e = await events.LoadForWriteAsync(eventId, cancellationToken);
        var item = Find(e, itemId);
        Concurrency.Expect(item, expectedVersion, "run-of-show item");
        await ApplyAsync(e, item, request, cancellationToken);
        if (WritePath.ChangedFields(db, item) is not null)
        {
            audit.Record("run-of-show.updated", nameof(RunOfShowItem), item.Id, $"{EventService.Local(item.Start)} {item.Title}, event {e.Id}");
            events.Publish(e, WeddingChange.RunOfShowChanged, item);
            await db.SaveChangesAsync(cancellationToken);
        }
        return await ToResponseAsync(item, cancellationToken);
    }

    public async Task DeleteAsync(Guid eventId, Guid itemId, long? expectedVersion, CancellationToken cancellationToken)
    {
        var e = await events.LoadForWriteAsync(eventId, cancellationToken);
        var item = Find(e, itemId);
        Concurrency.Expect(item, expectedVersion, "run-of-show item");
        db.RunOfShowItems.Remove(item);
        audit.Record("run-of-show.deleted", nameof(RunOfShowItem), item.Id, $"{EventService.Local(item.Start)} {item.Title}, event {e.Id}");
        // A deletion is the item's last version: clients holding the one before learn that it is gone.
        events.Publish(e, WeddingChange.RunOfShowChanged, item, item.Version + 1);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A coordinator's tap at the venue. If-Match is optional: on the day the latest tap wins, and a tap that changes
    /// nothing (a double tap, a retry) is not recorded again.
    /// </summary>
    public async Task<RunOfShowItemResponse> SetStatusAsync(Guid eventId, Guid itemId, RunOfShowStatus status, long? expectedVersion, CancellationToken cancellationToken)
    {
        var e = await events.Visible().Include(x => x.Items.Where(i => i.Id == itemId))
            .FirstOrDefaultAsync(x => x.Id == eventId, cancellationToken) ?? throw ApiException.NotFound("Event");
        var item = Find(e, itemId);
        Concurrency.Expect(item, expectedVersion, "run-of-show item");
        if (item.Status != status)
        {
            item.Status = status;
            item.StatusChangedAt = time.GetUtcNow();
            item.StatusChangedById = currentUser.Required.Id;
            audit.Record("run-of-show.status", nameof(RunOfShowItem), item.Id, $"{item.Title}: {ApiJson.EnumName(status)}, event {e.Id}");
            events.Publish(e, WeddingChange.RunOfShowChanged, item);
            await db.SaveChangesAsync(cancellationToken);
        }
        return await ToResponseAsync(item, cancellationToken);
    }

    /// <summary>
    /// Moves an item and every later one by <paramref name="minutes"/>; fixed items (muhurats) and items already done
    /// stay where they are. Guarded by the event's version: two planners shifting at once would shift twice.
    /// </summary>
    public async Task<RunOfShowShiftResponse> ShiftAsync(Guid eventId, Guid fromItemId, int minutes, long expectedVersion, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (minutes == 0)
        {
            errors.Add("minutes", "Shift by at least one minute, earlier (negative) or later.");
        }
        var e = await events.LoadForWriteAsync(eventId, cancellationToken);
        Concurrency.Expect(e, expectedVersion, "event");
        var from = e.Items.Find(i => i.Id == fromItemId);
        if (from is null)
        {
            errors.Add("fromItemId", "This event's run-of-show has no item with this id.");
        }
        errors.ThrowIfAny();
        var shiftFrom = from!;
        var later = e.Items.Where(i => i.Start > shiftFrom.Start || (i.Start == shiftFrom.Start && i.Id.CompareTo(shiftFrom.Id) >= 0)).ToList();
        var kept = later.Where(i => i.IsFixed || i.Status == RunOfShowStatus.Done).OrderBy(i => i.Start).ThenBy(i => i.Id).Select(i => i.Id).ToList();
        var delta = TimeSpan.FromMinutes(minutes);
        var moving = later.Where(i => !i.IsFixed && i.Status != RunOfShowStatus.Done).ToList();
        foreach (var item in moving)
        {
            CheckNearEvent(e, item.Start + delta, "minutes", errors);
        }
        errors.ThrowIfAny();
        var moved = Move(moving, delta);
        // A shift is a new version of the event even when nothing moved: it is what guards against shifting twice.
        db.Entry(e).State = EntityState.Modified;
        audit.Record("run-of-show.shifted", nameof(WeddingEvent), e.Id, $"{moved} items from \"{shiftFrom.Title}\" by {minutes:+#;-#} min, {kept.Count} kept in place");
        events.Publish(e, WeddingChange.RunOfShowChanged);
        await db.SaveChangesAsync(cancellationToken);
        return new RunOfShowShiftResponse(moved, kept, await events.GetAsync(e.Id, cancellationToken));
    }

    /// <summary>Moves items by a time span (each a new version, at save); returns how many moved.</summary>
    internal static int Move(IEnumerable<RunOfShowItem> items, TimeSpan delta)
    {
        var count = 0;
        foreach (var item in items)
        {
            item.Start += delta;
            count++;
        }
        return count;
    }

    private async Task ApplyAsync(WeddingEvent e, RunOfShowItem item, RunOfShowItemRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var start = request.Start!.Value;
        if (errors.Check(() => VenueTime.ToInstant(start, e.TimeZone, "start")))
        {
            CheckNearEvent(e, start, "start", errors);
        }
        if (request.OwnerUserId is { } owner)
        {
            if (!string.IsNullOrWhiteSpace(request.OwnerName))
            {
                errors.Add("ownerName", "Give a staff member or a name, not both.");
            }
            var onTeam = await weddings.IsStaffAsync(e.WeddingId, owner, cancellationToken);
            if (!onTeam)
            {
                errors.Add("ownerUserId", "The owner must be on the wedding's staff; for a vendor, give ownerName.");
            }
        }
        errors.ThrowIfAny();
        item.Start = start;
        item.DurationMinutes = request.DurationMinutes ?? 0;
        item.Title = request.Title.Trim();
        item.OwnerUserId = request.OwnerUserId;
        item.OwnerName = request.OwnerUserId is null ? request.OwnerName.TrimmedOrNull() : null;
        item.Location = request.Location.TrimmedOrNull();
        item.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes;
        item.IsFixed = request.IsFixed ?? false;
        item.IsShared = request.IsShared ?? false;
        if (request.Status is { } status && status != item.Status)
        {
            item.Status = status;
            item.StatusChangedAt = time.GetUtcNow();
            item.StatusChangedById = currentUser.Required.Id;
        }
    }

    private static void CheckNearEvent(WeddingEvent e, DateTime start, string field, FieldErrors errors)
    {
        if (start < e.Start - MaxDistanceFromEvent || start > e.End + MaxDistanceFromEvent)
        {
            errors.Add(field, $"Items must be within a day of their event ({EventService.Local(e.Start)} – {EventService.Local(e.End)}).");
        }
    }

    /// <summary>The item, if the caller may see it: a client sees only shared items.</summary>
    private RunOfShowItem Find(WeddingEvent e, Guid itemId) =>
        e.Items.Find(i => i.Id == itemId && (i.IsShared || currentUser.Can(Permissions.WeddingInternal))) ?? throw ApiException.NotFound("Run-of-show item");

    private async Task<RunOfShowItemResponse> ToResponseAsync(RunOfShowItem item, CancellationToken cancellationToken)
    {
        var ids = new[] { item.OwnerUserId, item.StatusChangedById }.OfType<Guid>().ToList();
        var names = ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.Name, u.Role), cancellationToken);
        return EventService.ToResponse(item, names, currentUser.Can(Permissions.WeddingInternal));
    }
}

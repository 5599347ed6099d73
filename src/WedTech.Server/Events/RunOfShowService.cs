using Microsoft.EntityFrameworkCore;
using WedTech.Contracts;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Api;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Persistence;
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
        var now = time.GetUtcNow();
        var item = new RunOfShowItem { EventId = e.Id, WeddingId = e.WeddingId, Title = "", CreatedAt = now, UpdatedAt = now };
        await ApplyAsync(e, item, request, cancellationToken);
        e.Items.Add(item);
        audit.Record("run-of-show.created", nameof(RunOfShowItem), item.Id, $"{EventService.Local(item.Start)} {item.Title}, event {e.Id}");
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(e, WeddingChange.RunOfShowChanged, item);
        return await ToResponseAsync(item, cancellationToken);
    }

    public async Task<RunOfShowItemResponse> UpdateAsync(Guid eventId, Guid itemId, RunOfShowItemRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var e = await events.LoadForWriteAsync(eventId, cancellationToken);
        var item = Find(e, itemId);
        Concurrency.Expect(item, expectedVersion, "run-of-show item");
        var before = Describe(item);
        await ApplyAsync(e, item, request, cancellationToken);
        if (Describe(item) != before)
        {
            item.Version++;
            item.UpdatedAt = time.GetUtcNow();
            audit.Record("run-of-show.updated", nameof(RunOfShowItem), item.Id, $"{EventService.Local(item.Start)} {item.Title}, event {e.Id}");
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(e, WeddingChange.RunOfShowChanged, item);
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
        await db.SaveChangesAsync(cancellationToken);
        item.Version++;
        await events.PublishAsync(e, WeddingChange.RunOfShowChanged, item);
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
            var now = time.GetUtcNow();
            item.Status = status;
            item.StatusChangedAt = now;
            item.StatusChangedById = currentUser.Required.Id;
            item.UpdatedAt = now;
            item.Version++;
            audit.Record("run-of-show.status", nameof(RunOfShowItem), item.Id, $"{item.Title}: {ApiJson.EnumName(status)}, event {e.Id}");
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(e, WeddingChange.RunOfShowChanged, item);
        }
        return await ToResponseAsync(item, cancellationToken);
    }

    /// <summary>
    /// Moves an item and every later one by <paramref name="minutes"/>; fixed items (muhurats) and items already done
    /// stay where they are. Guarded by the event's version: two planners shifting at once would shift twice.
    /// </summary>
    public async Task<RunOfShowShiftResponse> ShiftAsync(Guid eventId, Guid fromItemId, int minutes, long expectedVersion, CancellationToken cancellationToken)
    {
        if (minutes == 0)
        {
            throw new ValidationFailedException("minutes", "Shift by at least one minute, earlier (negative) or later.");
        }
        var e = await events.LoadForWriteAsync(eventId, cancellationToken);
        Concurrency.Expect(e, expectedVersion, "event");
        var from = e.Items.Find(i => i.Id == fromItemId) ?? throw new ValidationFailedException("fromItemId", "This event's run-of-show has no item with this id.");
        var later = e.Items.Where(i => i.Start > from.Start || (i.Start == from.Start && i.Id.CompareTo(from.Id) >= 0)).ToList();
        var kept = later.Where(i => i.IsFixed || i.Status == RunOfShowStatus.Done).OrderBy(i => i.Start).ThenBy(i => i.Id).Select(i => i.Id).ToList();
        var delta = TimeSpan.FromMinutes(minutes);
        var moving = later.Where(i => !i.IsFixed && i.Status != RunOfShowStatus.Done).ToList();
        foreach (var item in moving)
        {
            CheckNearEvent(e, item.Start + delta, "minutes");
        }
        var moved = Move(moving, delta, time.GetUtcNow());
        e.Version++;
        e.UpdatedAt = time.GetUtcNow();
        audit.Record("run-of-show.shifted", nameof(WeddingEvent), e.Id, $"{moved} items from \"{from.Title}\" by {minutes:+#;-#} min, {kept.Count} kept in place");
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(e, WeddingChange.RunOfShowChanged);
        return new RunOfShowShiftResponse(moved, kept, await events.GetAsync(e.Id, cancellationToken));
    }

    /// <summary>Moves items by a time span, each a new version; returns how many moved.</summary>
    internal static int Move(IEnumerable<RunOfShowItem> items, TimeSpan delta, DateTimeOffset now)
    {
        var count = 0;
        foreach (var item in items)
        {
            item.Start += delta;
            item.Version++;
            item.UpdatedAt = now;
            count++;
        }
        return count;
    }

    private async Task ApplyAsync(WeddingEvent e, RunOfShowItem item, RunOfShowItemRequest request, CancellationToken cancellationToken)
    {
        var start = request.Start!.Value;
        VenueTime.ToInstant(start, e.TimeZone, "start");
        CheckNearEvent(e, start, "start");
        if (request.OwnerUserId is { } owner)
        {
            if (!string.IsNullOrWhiteSpace(request.OwnerName))
            {
                throw new ValidationFailedException("ownerName", "Give a staff member (ownerUserId) or a name, not both.");
            }
            var onTeam = await weddings.IsStaffAsync(e.WeddingId, owner, cancellationToken);
            if (!onTeam)
            {
                throw new ValidationFailedException("ownerUserId", "The owner must be on the wedding's staff; for a vendor, give ownerName.");
            }
        }
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

    private static void CheckNearEvent(WeddingEvent e, DateTime start, string field)
    {
        if (start < e.Start - MaxDistanceFromEvent || start > e.End + MaxDistanceFromEvent)
        {
            throw new ValidationFailedException(field, $"Items must be within a day of their event ({EventService.Local(e.Start)} – {EventService.Local(e.End)}).");
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

    private static string Describe(RunOfShowItem i) =>
        string.Join('|', EventService.Local(i.Start), i.DurationMinutes, i.Title, i.OwnerUserId, i.OwnerName, i.Location, i.Notes, i.Status, i.IsFixed, i.IsShared);
}

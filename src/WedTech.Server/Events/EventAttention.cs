using WedTech.Server.Identity;
using WedTech.Server.Weddings;

namespace WedTech.Server.Events;

/// <summary>
/// The run-of-show items the caller owns today and has not finished, for those who tick them off on the day; events of the
/// next two weeks with no venue yet, for those who plan them.
/// </summary>
internal sealed class EventAttention(EventService events, TenantDbContext db, CurrentUser currentUser) : IAttentionSource
{
    internal const int VenueDaysAhead = 14;

    public async Task<IReadOnlyList<AttentionItem>> ItemsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var items = new List<AttentionItem>();
        if (currentUser.User is { } me && currentUser.Can(Permissions.RunOfShowProgress))
        {
            items.AddRange(await MyItemsTodayAsync(me.Id, today, cancellationToken));
        }
        if (currentUser.Can(Permissions.WeddingEdit))
        {
            items.AddRange(await WithoutVenueAsync(today, cancellationToken));
        }
        return items;
    }

    private async Task<IEnumerable<AttentionItem>> MyItemsTodayAsync(Guid me, DateOnly today, CancellationToken cancellationToken)
    {
        var (from, to) = (today.ToDateTime(TimeOnly.MinValue), today.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var visible = events.Visible().Where(e => e.Status != EventStatus.Cancelled).Select(e => e.Id);
        var mine = await db.RunOfShowItems.AsNoTracking()
            .Where(i => i.OwnerUserId == me && i.Start >= from && i.Start < to && i.Status != RunOfShowStatus.Done && visible.Contains(i.EventId))
            .OrderBy(i => i.Start).ThenBy(i => i.Id)
            .Select(i => new { i.Title, i.Start, i.EventId, i.WeddingId, Event = db.Set<WeddingEvent>().Where(e => e.Id == i.EventId).Select(e => e.Name).First() })
            .Take(WeddingService.MaxAttention)
            .ToListAsync(cancellationToken);
        return mine.Select(i => new AttentionItem(AttentionKind.RunOfShowItem, $"{i.Start:HH:mm} {i.Title}", $"Yours on the run-of-show of {i.Event}.", today,
            $"weddings/{i.WeddingId}/events/{i.EventId}"));
    }

    private async Task<IEnumerable<AttentionItem>> WithoutVenueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var (from, to) = (today.ToDateTime(TimeOnly.MinValue), today.AddDays(VenueDaysAhead + 1).ToDateTime(TimeOnly.MinValue));
        var unplaced = await events.Visible().AsNoTracking()
            .Where(e => e.VenueId == null && e.Start >= from && e.Start < to && e.Status != EventStatus.Cancelled && e.Status != EventStatus.Done)
            .OrderBy(e => e.Start).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.WeddingId, e.Name, e.Start, Wedding = e.Wedding!.Title })
            .Take(WeddingService.MaxAttention)
            .ToListAsync(cancellationToken);
        // One line a wedding: "Choose venues for Haldi, Sangeet and 3 more" opens the wedding, where its events are.
        return unplaced.GroupBy(e => e.WeddingId).Select(wedding =>
        {
            var first = wedding.First();
            var due = DateOnly.FromDateTime(first.Start);
            if (wedding.Count() == 1)
            {
                return new AttentionItem(AttentionKind.EventWithoutVenue, $"Choose a venue for {first.Name}", $"{first.Wedding} has no venue for it yet.", due,
                    $"weddings/{first.WeddingId}/events/{first.Id}");
            }
            var names = wedding.Select(e => e.Name).ToList();
            var listed = names.Count <= 3 ? $"{string.Join(", ", names[..^1])} and {names[^1]}" : $"{string.Join(", ", names.Take(2))} and {names.Count - 2} more";
            return new AttentionItem(AttentionKind.EventWithoutVenue, $"Choose venues for {listed}", $"{names.Count} events of {first.Wedding} have no venue yet.", due,
                $"weddings/{first.WeddingId}");
        });
    }
}

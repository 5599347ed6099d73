using WedTech.App.Features.Realtime;

namespace WedTech.App.Features.Events;

/// <summary>What the live messages about events mean for a page that shows them.</summary>
public static class EventChanges
{
    /// <summary>The kinds of change that concern a wedding's events and their run-of-show.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        WeddingChange.EventCreated, WeddingChange.EventUpdated, WeddingChange.EventDeleted, WeddingChange.RunOfShowChanged,
    };

    /// <summary>
    /// Whether the event as shown already has this change: a message may come twice, or after the page fetched the change
    /// anyway (its own write). The version tells: of the item when one is named, else of the event.
    /// </summary>
    public static bool AlreadyIn(this WeddingChangedMessage message, EventResponse? shown) =>
        message.Version is { } version && shown is not null && shown.Id == message.EventId && message.Change switch
        {
            WeddingChange.RunOfShowChanged when message.ItemId is { } itemId => shown.RunOfShow.FirstOrDefault(i => i.Id == itemId)?.Version >= version,
            WeddingChange.EventUpdated or WeddingChange.RunOfShowChanged => shown.Version >= version,
            _ => false,
        };

    /// <summary>
    /// What a message means for one event shown: a tap at the venue changes one item, fetched alone and put in; any other
    /// change to the event loads it again.
    /// </summary>
    public static LiveChange<EventResponse> ForEvent(this EventsApi events, Guid eventId, WeddingChangedMessage message, EventResponse? shown) =>
        message.EventId != eventId || !Kinds.Contains(message.Change) || message.AlreadyIn(shown) ? LiveChange.None<EventResponse>()
        : message is { Change: WeddingChange.RunOfShowChanged, ItemId: { } itemId } ? LiveChange.Part<EventResponse>(async () =>
        {
            var item = await events.ItemNowAsync(eventId, itemId);
            return e => e.WithItem(itemId, item);
        })
        : LiveChange.Whole<EventResponse>();

    /// <summary>What a message means for a wedding's schedule shown: as for <see cref="ForEvent"/>, within its event.</summary>
    public static LiveChange<WeddingScheduleResponse> ForSchedule(this EventsApi events, WeddingChangedMessage message, WeddingScheduleResponse? shown)
    {
        var shownEvent = shown?.Events.FirstOrDefault(e => e.Id == message.EventId);
        return !Kinds.Contains(message.Change) || message.AlreadyIn(shownEvent) ? LiveChange.None<WeddingScheduleResponse>()
            : message is { Change: WeddingChange.RunOfShowChanged, EventId: { } eventId, ItemId: { } itemId } && shownEvent is not null
                ? LiveChange.Part<WeddingScheduleResponse>(async () =>
                {
                    var item = await events.ItemNowAsync(eventId, itemId);
                    return schedule => schedule with { Events = schedule.Events.Select(e => e.Id == eventId ? e.WithItem(itemId, item) : e).ToList() };
                })
            : LiveChange.Whole<WeddingScheduleResponse>();
    }

    /// <summary>The event with one item as it is now: replaced or added in time order, or removed when null.</summary>
    public static EventResponse WithItem(this EventResponse shown, Guid itemId, RunOfShowItemResponse? item)
    {
        var items = shown.RunOfShow.Where(i => i.Id != itemId).ToList();
        if (item is not null)
        {
            items.Add(item);
        }
        return shown with { RunOfShow = items.OrderBy(i => i.Start).ThenBy(i => i.Id).ToList() };
    }
}

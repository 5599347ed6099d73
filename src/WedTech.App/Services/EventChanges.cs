using WedTech.Contracts;

namespace WedTech.App.Services;

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
    /// The item as it is now, fetched alone (half a kilobyte, where the whole event or schedule is tens or hundreds);
    /// null when it is gone for this person: deleted, or no longer shared with the couple.
    /// </summary>
    public static async Task<RunOfShowItemResponse?> ItemNowAsync(this ApiClient api, Guid eventId, Guid itemId)
    {
        try
        {
            return await api.GetAsync<RunOfShowItemResponse>(EventQueries.Item(eventId, itemId));
        }
        catch (ApiProblemException problem) when (problem.Status == 404)
        {
            return null;
        }
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

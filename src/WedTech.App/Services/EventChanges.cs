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
}

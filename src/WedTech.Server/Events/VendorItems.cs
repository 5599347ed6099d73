namespace WedTech.Server.Events;

/// <summary>An item of a vendor's own on an event's run-of-show, as their day page shows it.</summary>
public sealed record VendorDayItem(DateTime Start, int DurationMinutes, string Title, string? Location, bool IsArrival);

/// <summary>
/// The run-of-show items a vendor owns: their arrival, kept by their booking, and the items the studio gave them by name.
/// </summary>
public interface IVendorItems
{
    /// <summary>
    /// Adds, moves or removes (<paramref name="start"/> null) the item saying when the vendor arrives at the event; its id.
    /// The change is saved with the caller's; a start far from the event is a field error on <paramref name="field"/>.
    /// </summary>
    Task<Guid?> SetArrivalAsync(Guid eventId, Guid? itemId, DateTime? start, Guid vendorId, string vendorName, string title, string field,
        FieldErrors errors, CancellationToken cancellationToken);

    /// <summary>The event's items the vendor owns: by their booking, or by their name as the item's owner.</summary>
    Task<List<VendorDayItem>> OfVendorAsync(Guid eventId, Guid vendorId, string vendorName, CancellationToken cancellationToken);
}

internal sealed class VendorItems(TenantDbContext db, EventService events) : IVendorItems
{
    public async Task<Guid?> SetArrivalAsync(Guid eventId, Guid? itemId, DateTime? start, Guid vendorId, string vendorName, string title, string field,
        FieldErrors errors, CancellationToken cancellationToken)
    {
        var item = itemId is { } id ? await db.RunOfShowItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) : null;
        if (item is not null && (item.EventId != eventId || start is null))
        {
            db.RunOfShowItems.Remove(item);
            await PublishAsync(item.EventId, item, cancellationToken);
            item = null;
        }
        if (start is not { } at)
        {
            return null;
        }
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, cancellationToken) ?? throw ApiException.NotFound("Event");
        if (at < e.Start.AddHours(-24) || at > e.End.AddHours(24))
        {
            errors.Add(field, $"The arrival must be within a day of the event ({EventService.Local(e.Start)} – {EventService.Local(e.End)}).");
            return itemId;
        }
        if (item is null)
        {
            item = new RunOfShowItem { EventId = eventId, WeddingId = e.WeddingId, Title = title, OwnerVendorId = vendorId };
            db.RunOfShowItems.Add(item);
        }
        item.Start = at;
        item.Title = title;
        item.OwnerName = vendorName;
        item.OwnerVendorId = vendorId;
        await PublishAsync(eventId, item, cancellationToken);
        return item.Id;
    }

    public async Task<List<VendorDayItem>> OfVendorAsync(Guid eventId, Guid vendorId, string vendorName, CancellationToken cancellationToken)
    {
        var name = vendorName.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL lower(), not this process's culture
        return await db.RunOfShowItems.AsNoTracking()
            .Where(i => i.EventId == eventId && (i.OwnerVendorId == vendorId || (i.OwnerName != null && i.OwnerName.ToLower() == name)))
#pragma warning restore CA1304, CA1311, CA1862
            .OrderBy(i => i.Start).ThenBy(i => i.Id)
            .Select(i => new VendorDayItem(i.Start, i.DurationMinutes, i.Title, i.Location, i.OwnerVendorId == vendorId))
            .ToListAsync(cancellationToken);
    }

    private async Task PublishAsync(Guid eventId, RunOfShowItem item, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is not null)
        {
            events.Publish(e, WeddingChange.RunOfShowChanged, item);
        }
    }
}

using System.Globalization;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Vendors;
using WedTech.Server.Events;
using WedTech.Server.Weddings;

namespace WedTech.Server.Inventory;

public sealed record StockFilter(string? Search, StockCategory? Category, StockAlert? Flag);

/// <summary>The studio's stock: items with their counts, and availability across every wedding for a range of days.</summary>
public sealed class StockService(TenantDbContext db, CurrentUser currentUser, AuditLog audit, IStudioSettings studio, TimeProvider time, IVendorBookingDirectory bookings,
    IWeddingDirectory weddings, IWeddingEvents events)
{
    /// <summary>The longest range availability answers for at once.</summary>
    public const int MaxAvailabilityDays = 92;

    public async Task<PagedResponse<StockItemResponse>> ListAsync(StockFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        var query = db.StockItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
            query = query.Where(i => i.SearchText.Contains(term));
        }
        if (filter.Category is { } category)
        {
            query = query.Where(i => i.Category == category);
        }
        if (filter.Flag == StockAlert.Maintenance)
        {
            query = query.Where(i => i.InMaintenance > 0);
        }
        var now = await NowAsync(cancellationToken);
        if (filter.Flag == StockAlert.LowStock)
        {
            // Low stock depends on what is held now: worked out for every item with a threshold, then paged here.
            var candidates = await query.Where(i => i.LowStockThreshold > 0).OrderBy(i => i.Name).ThenBy(i => i.Id).ToListAsync(cancellationToken);
            var heldNow = await HeldNowAsync([.. candidates.Select(i => i.Id)], now, cancellationToken);
            var low = candidates.Select(i => ToResponse(i, heldNow.GetValueOrDefault(i.Id))).Where(i => i.LowStock).ToList();
            return new PagedResponse<StockItemResponse>([.. low.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize)], paging.Page, paging.PageSize, low.Count);
        }
        var page = await query.OrderBy(i => i.Name).ThenBy(i => i.Id).ToPageAsync(paging, i => i, cancellationToken);
        var held = await HeldNowAsync([.. page.Items.Select(i => i.Id)], now, cancellationToken);
        return new PagedResponse<StockItemResponse>([.. page.Items.Select(i => ToResponse(i, held.GetValueOrDefault(i.Id)))], page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<StockItemResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await db.StockItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw ApiException.NotFound("Stock item");
        var held = await HeldNowAsync([id], await NowAsync(cancellationToken), cancellationToken);
        return ToResponse(item, held.GetValueOrDefault(id));
    }

    public async Task<StockItemResponse> CreateAsync(StockItemRequest request, CancellationToken cancellationToken)
    {
        var item = new StockItem { Name = "", Unit = "" };
        Apply(item, request, await BookingAsync(request, cancellationToken));
        db.StockItems.Add(item);
        audit.Record("stock-item.created", nameof(StockItem), item.Id, item.Name);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(item.Id, cancellationToken);
    }

    public async Task<StockItemResponse> UpdateAsync(Guid id, StockItemRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var item = await db.StockItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw ApiException.NotFound("Stock item");
        Concurrency.Expect(item, expectedVersion, "stock item");
        var cost = item.ReplacementCostPaise;
        Apply(item, request, await BookingAsync(request, cancellationToken));
        if (request.ReplacementCostPaise is null)
        {
            item.ReplacementCostPaise = cost;
        }
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>
    /// Every item over the days from <paramref name="from"/> to <paramref name="to"/> (both included): one query for the items,
    /// one for the reservations in the range, then one sweep per item over its reservations' starts and ends.
    /// </summary>
    public async Task<StockAvailabilityResponse> AvailabilityAsync(DateOnly from, DateOnly to, bool perDay, Guid? itemId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (to < from)
        {
            errors.Add("to", "The last day comes before the first.");
        }
        else if (to.DayNumber - from.DayNumber >= MaxAvailabilityDays)
        {
            errors.Add("to", $"Ask for at most {MaxAvailabilityDays} days at once.");
        }
        errors.ThrowIfAny();
        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var items = await db.StockItems.AsNoTracking().Where(i => itemId == null || i.Id == itemId).OrderBy(i => i.Name).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Name, i.Category, i.Unit, i.QuantityOwned, i.InMaintenance }).ToListAsync(cancellationToken);
        var reservations = await db.StockReservations.AsNoTracking()
            .Where(r => (itemId == null || r.ItemId == itemId) && r.Status != StockReservationStatus.Returned && r.HeldFrom < end && r.HeldUntil > start)
            .OrderBy(r => r.HeldFrom).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var held = reservations.ToLookup(r => r.ItemId, r => new Hold(r.HeldFrom, r.HeldUntil, r.Quantity));
        var holders = (await HoldersAsync(reservations, cancellationToken)).ToLookup(h => h.ItemId, h => h.Holder);
        var result = new List<StockAvailability>(items.Count);
        foreach (var item in items)
        {
            var usable = Math.Max(0, item.QuantityOwned - item.InMaintenance);
            var (peak, days) = StockSweep.Peaks([.. held[item.Id]], start, end, perDay);
            result.Add(new StockAvailability(item.Id, item.Name, item.Category, item.Unit, item.QuantityOwned, usable, peak, usable - peak,
                perDay ? [.. days!.Select((p, i) => new StockDay(from.AddDays(i), p, usable - p))] : null, [.. holders[item.Id]]));
        }
        return new StockAvailabilityResponse(from, to, result);
    }

    /// <summary>
    /// Deletes an item nobody ever reserved. One with reservations is refused: they are the history of what went to which
    /// wedding and what was charged; the item is kept with nothing owned instead.
    /// </summary>
    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var item = await db.StockItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw ApiException.NotFound("Stock item");
        Concurrency.Expect(item, expectedVersion, "stock item");
        var reservations = await db.StockReservations.CountAsync(r => r.ItemId == id, cancellationToken);
        if (reservations > 0)
        {
            throw ApiException.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"{item.Name} has been reserved for events ({reservations} reservation{(reservations == 1 ? "" : "s")}): they keep what went to which wedding and what was charged. Release the ones not yet out, or set what the studio owns to 0 to keep the item out of use."));
        }
        db.StockItems.Remove(item);
        audit.Record("stock-item.deleted", nameof(StockItem), item.Id, item.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The reservations with their weddings' titles and their events' names and starts. A wedding the caller may not see (a
    /// coordinator's view of another team's wedding) holds pieces as "Another wedding", with no ids to follow and no event name.
    /// </summary>
    private async Task<List<(Guid ItemId, StockHolder Holder)>> HoldersAsync(List<StockReservation> reservations, CancellationToken cancellationToken)
    {
        if (reservations.Count == 0)
        {
            return [];
        }
        var titles = await weddings.TitlesAsync([.. reservations.Select(r => r.WeddingId).Distinct()], cancellationToken);
        var found = await events.FindManyAsync([.. reservations.Where(r => titles.ContainsKey(r.WeddingId)).Select(r => r.EventId).Distinct()], cancellationToken);
        return [.. reservations.Select(r =>
        {
            var shown = titles.TryGetValue(r.WeddingId, out var title);
            var wedEvent = found.GetValueOrDefault(r.EventId);
            return (r.ItemId, new StockHolder(r.Id, shown ? r.WeddingId : null, title ?? "Another wedding", shown ? r.EventId : null,
                wedEvent?.Name ?? "An event", wedEvent?.Start ?? r.HeldFrom.AddHours(r.SetupHours), r.HeldFrom, r.HeldUntil, r.Quantity, r.CheckedOut,
                r.Returned, r.Status));
        })];
    }

    /// <summary>Now on the studio's clock: reservations are held in wall-clock time at the venue.</summary>
    internal async Task<DateTime> NowAsync(CancellationToken cancellationToken)
    {
        var zone = await studio.TimeZoneAsync(cancellationToken);
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) ? TimeZoneInfo.ConvertTime(time.GetUtcNow(), info).DateTime : time.GetUtcNow().UtcDateTime;
    }

    /// <summary>Pieces held now: by reservations whose window is on, and pieces still out after theirs ended.</summary>
    private async Task<Dictionary<Guid, int>> HeldNowAsync(List<Guid> ids, DateTime now, CancellationToken cancellationToken) =>
        (await db.StockReservations.AsNoTracking()
            .Where(r => ids.Contains(r.ItemId) && r.Status != StockReservationStatus.Returned && ((r.HeldFrom <= now && r.HeldUntil > now) || r.Status == StockReservationStatus.Out))
            .Select(r => new { r.ItemId, r.HeldFrom, r.HeldUntil, r.Quantity, r.CheckedOut, r.Returned, r.Missing, r.Damaged }).ToListAsync(cancellationToken))
        .GroupBy(r => r.ItemId)
        .ToDictionary(g => g.Key, g => g.Sum(r => r.HeldFrom <= now && r.HeldUntil > now ? r.Quantity : r.CheckedOut - r.Returned - r.Missing - r.Damaged));

    /// <summary>The vendor booking an item rented in is linked to; a booking that does not exist is a field error.</summary>
    private async Task<BookingOfWedding?> BookingAsync(StockItemRequest request, CancellationToken cancellationToken) =>
        request.VendorBookingId is { } id ? await bookings.FindAsync(id, cancellationToken) ?? new BookingOfWedding(id, Guid.Empty, "", "", BookingStatus.Cancelled) : null;

    private static void Apply(StockItem item, StockItemRequest request, BookingOfWedding? booking)
    {
        var errors = new FieldErrors();
        if (booking is { WeddingId: var weddingId } && weddingId == Guid.Empty)
        {
            errors.Add("vendorBookingId", "Choose a vendor booking of one of the studio's weddings.");
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "Give the item's name.");
        }
        else if (request.Name.Trim().Length > 200)
        {
            errors.Add("name", "Keep the name to 200 characters.");
        }
        if (!Enum.IsDefined(request.Category))
        {
            errors.Add("category", "Choose a category: decor, props, furniture, linen, lights, mandap sets or other.");
        }
        if (string.IsNullOrWhiteSpace(request.Unit))
        {
            errors.Add("unit", "Give the unit it is counted in (piece, set, metre…).");
        }
        else if (request.Unit.Trim().Length > 30)
        {
            errors.Add("unit", "Keep the unit to 30 characters.");
        }
        if (request.QuantityOwned is < 0 or > 1_000_000)
        {
            errors.Add("quantityOwned", "The quantity owned is a whole number from 0 to 1,000,000.");
        }
        if (request.InMaintenance < 0)
        {
            errors.Add("inMaintenance", "Pieces in maintenance cannot be fewer than none.");
        }
        else if (request.InMaintenance > request.QuantityOwned && request.QuantityOwned >= 0)
        {
            errors.Add("inMaintenance", "More pieces are in maintenance than the studio owns.");
        }
        if (request.LowStockThreshold is < 0 or > 1_000_000)
        {
            errors.Add("lowStockThreshold", "The low-stock threshold is a whole number from 0 to 1,000,000.");
        }
        if (request.ReplacementCostPaise is < 0 or > 1_00_00_000_00)
        {
            errors.Add("replacementCostPaise", "The replacement cost is from ₹0 to ₹1 crore a piece.");
        }
        if (request.Warehouse?.Trim().Length > 100)
        {
            errors.Add("warehouse", "Keep the warehouse's name to 100 characters.");
        }
        if (request.MaintenanceNote?.Trim().Length > 1000)
        {
            errors.Add("maintenanceNote", "Keep the maintenance note to 1,000 characters.");
        }
        if (request.Notes?.Trim().Length > 4000)
        {
            errors.Add("notes", "Keep the notes to 4,000 characters.");
        }
        errors.ThrowIfAny();
        item.Name = request.Name.Trim();
        item.Category = request.Category;
        item.Unit = request.Unit.Trim();
        item.QuantityOwned = request.QuantityOwned;
        item.Warehouse = request.Warehouse.TrimmedOrNull();
        item.ReplacementCostPaise = request.ReplacementCostPaise ?? 0;
        item.LowStockThreshold = request.LowStockThreshold;
        item.InMaintenance = request.InMaintenance;
        item.MaintenanceNote = request.MaintenanceNote.TrimmedOrNull();
        item.Notes = request.Notes.TrimmedOrNull();
        item.VendorBookingId = booking?.BookingId;
        item.RentedForWeddingId = booking?.WeddingId;
        item.RentedFromVendor = booking?.VendorName;
        item.RefreshSearchText();
    }

    private StockItemResponse ToResponse(StockItem i, int heldNow)
    {
        var free = i.Usable - heldNow;
        return new StockItemResponse(i.Id, i.Name, i.Category, i.Unit, i.QuantityOwned, i.Warehouse,
            currentUser.Can(Permissions.FinancialView) ? i.ReplacementCostPaise : null, i.LowStockThreshold, i.InMaintenance, i.MaintenanceNote, i.Notes,
            free, free < i.LowStockThreshold, i.InMaintenance > 0, i.Version, i.VendorBookingId, i.RentedForWeddingId, i.RentedFromVendor);
    }
}

/// <summary>A reservation's pieces over its held window.</summary>
public readonly record struct Hold(DateTime From, DateTime Until, int Quantity);

/// <summary>The sweep over reservations' starts and ends: how many pieces are held at the tightest moment.</summary>
public static class StockSweep
{
    /// <summary>
    /// The most held at once within [<paramref name="start"/>, <paramref name="end"/>), and when <paramref name="perDay"/> the most
    /// held at once on each day of it. Windows are half-open: one ending when another starts do not overlap.
    /// </summary>
    public static (int Peak, int[]? Days) Peaks(IReadOnlyList<Hold> holds, DateTime start, DateTime end, bool perDay)
    {
        var days = perDay ? new int[(int)(end - start).TotalDays] : null;
        if (holds.Count == 0)
        {
            return (0, days);
        }
        var edges = new (DateTime At, int Delta)[holds.Count * 2];
        for (var i = 0; i < holds.Count; i++)
        {
            var hold = holds[i];
            edges[2 * i] = (hold.From < start ? start : hold.From, hold.Quantity);
            edges[2 * i + 1] = (hold.Until > end ? end : hold.Until, -hold.Quantity);
        }
        // Ends before starts at the same moment.
        Array.Sort(edges, (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));
        int level = 0, peak = 0;
        for (var i = 0; i < edges.Length; i++)
        {
            level += edges[i].Delta;
            if (i + 1 < edges.Length && edges[i + 1].At == edges[i].At)
            {
                continue;
            }
            peak = Math.Max(peak, level);
            if (days is not null && level > 0 && i + 1 < edges.Length)
            {
                // The level holds over [edges[i].At, edges[i + 1].At): every day it touches sees it.
                var first = (int)(edges[i].At - start).TotalDays;
                var lastDay = (int)((edges[i + 1].At.AddTicks(-1) - start).TotalDays);
                for (var d = Math.Max(0, first); d <= Math.Min(days.Length - 1, lastDay); d++)
                {
                    days[d] = Math.Max(days[d], level);
                }
            }
        }
        return (peak, days);
    }
}

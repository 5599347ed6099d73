using System.Globalization;
using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Pdf;
using WedTech.Server.Realtime;
using WedTech.Server.Weddings;

namespace WedTech.Server.Inventory;

/// <summary>
/// An event's stock: pieces reserved for it over its setup and teardown buffers, checked out and returned with what is missing
/// or damaged (charged to the wedding at the item's replacement cost), and its pick list. A reservation is allowed only when,
/// at every moment of its window, what every wedding holds plus it fits in what is owned and not in maintenance.
/// </summary>
public sealed class ReservationService(
    TenantDbContext db, CurrentUser currentUser, AuditLog audit, IWeddingDirectory weddings, IWeddingEvents events, WeddingChanges changes)
{
    /// <summary>How often a write racing others for the same item reads again before it gives up.</summary>
    public const int MaxAttempts = 12;

    public const int MaxBufferHours = 168;

    public async Task<List<StockReservationResponse>> ListAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var (_, found) = await RequireEventAsync(eventId, cancellationToken);
        var reservations = await db.StockReservations.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync(cancellationToken);
        var itemIds = reservations.Select(r => r.ItemId).Distinct().ToList();
        var items = await db.StockItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return [.. reservations.Select(r => ToResponse(r, items[r.ItemId], found.Name)).OrderBy(r => r.ItemName, StringComparer.CurrentCulture).ThenBy(r => r.Id)];
    }

    public async Task<StockReservationResponse> ReserveAsync(Guid eventId, StockReservationRequest request, CancellationToken cancellationToken)
    {
        var (weddingId, found) = await RequireEventAsync(eventId, cancellationToken);
        var errors = new FieldErrors();
        if (request.Quantity is < 1 or > 1_000_000)
        {
            errors.Add("quantity", "Reserve at least one piece.");
        }
        if (request.SetupHours is < 0 or > MaxBufferHours)
        {
            errors.Add("setupHours", $"Setup takes from 0 to {MaxBufferHours} hours before the event.");
        }
        if (request.TeardownHours is < 0 or > MaxBufferHours)
        {
            errors.Add("teardownHours", $"Teardown takes from 0 to {MaxBufferHours} hours after the event.");
        }
        if (!await db.StockItems.AnyAsync(i => i.Id == request.ItemId, cancellationToken))
        {
            errors.Add("itemId", "Choose an item of the studio's stock.");
        }
        errors.ThrowIfAny();
        if (found.Status == EventStatus.Cancelled)
        {
            throw ApiException.Conflict("The event is cancelled: it needs no stock.");
        }
        var from = found.Start.AddHours(-request.SetupHours);
        var until = found.End.AddHours(request.TeardownHours);
        var id = await RaceAsync(async () =>
        {
            var item = await db.StockItems.FirstAsync(i => i.Id == request.ItemId, cancellationToken);
            if (item.RentedForWeddingId is { } rentedFor && rentedFor != weddingId)
            {
                throw ApiException.Conflict($"{item.Name} is rented in from {item.RentedFromVendor ?? "a vendor"} for another wedding: it is not the studio's to lend.");
            }
            var holds = await OverlappingAsync(item.Id, from, until, null, cancellationToken);
            var (peak, _) = StockSweep.Peaks([.. holds.Select(h => new Hold(h.HeldFrom, h.HeldUntil, h.Quantity))], from, until, false);
            var free = item.Usable - peak;
            if (request.Quantity > free)
            {
                throw await RefusalAsync(item, holds, free, cancellationToken);
            }
            var reservation = new StockReservation
            {
                ItemId = item.Id, WeddingId = weddingId, EventId = eventId, Quantity = request.Quantity, SetupHours = request.SetupHours,
                TeardownHours = request.TeardownHours, HeldFrom = from, HeldUntil = until, Status = StockReservationStatus.Reserved,
            };
            db.StockReservations.Add(reservation);
            item.ReservationStamp++;
            audit.Record("stock.reserved", nameof(StockReservation), reservation.Id,
                string.Create(CultureInfo.InvariantCulture, $"{request.Quantity} {item.Unit} of {item.Name} for event {eventId}, wedding {weddingId}"));
            Changed(reservation);
            return reservation.Id;
        }, cancellationToken);
        return await GetAsync(eventId, id, found.Name, cancellationToken);
    }

    public async Task CancelAsync(Guid eventId, Guid id, CancellationToken cancellationToken)
    {
        await RequireEventAsync(eventId, cancellationToken);
        await RaceAsync(async () =>
        {
            var reservation = await FindAsync(eventId, id, cancellationToken);
            if (reservation.CheckedOut > 0)
            {
                throw ApiException.Conflict("Pieces of this reservation went out: record their return instead.");
            }
            var item = await db.StockItems.FirstAsync(i => i.Id == reservation.ItemId, cancellationToken);
            db.StockReservations.Remove(reservation);
            item.ReservationStamp++;
            audit.Record("stock.unreserved", nameof(StockReservation), reservation.Id,
                string.Create(CultureInfo.InvariantCulture, $"{reservation.Quantity} {item.Unit} of {item.Name} for event {eventId}"));
            Changed(reservation);
            return id;
        }, cancellationToken);
    }

    public async Task<StockReservationResponse> CheckOutAsync(Guid eventId, Guid id, StockCheckOutRequest request, CancellationToken cancellationToken)
    {
        var (_, found) = await RequireEventAsync(eventId, cancellationToken);
        await RaceAsync(async () =>
        {
            var reservation = await FindAsync(eventId, id, cancellationToken);
            var errors = new FieldErrors();
            if (request.Quantity < 1)
            {
                errors.Add("quantity", "Check out at least one piece.");
            }
            else if (reservation.CheckedOut + request.Quantity > reservation.Quantity)
            {
                errors.Add("quantity", string.Create(CultureInfo.InvariantCulture,
                    $"Only {reservation.Quantity - reservation.CheckedOut} more of the {reservation.Quantity} reserved may go out."));
            }
            errors.ThrowIfAny();
            if (reservation.Status == StockReservationStatus.Returned)
            {
                throw ApiException.Conflict("This reservation's pieces are back; reserve again for more.");
            }
            reservation.CheckedOut += request.Quantity;
            reservation.Status = StockReservationStatus.Out;
            audit.Record("stock.checked-out", nameof(StockReservation), reservation.Id,
                string.Create(CultureInfo.InvariantCulture, $"{request.Quantity} out for event {eventId}"));
            Changed(reservation);
            return id;
        }, cancellationToken);
        return await GetAsync(eventId, id, found.Name, cancellationToken);
    }

    /// <summary>
    /// What came back: missing pieces leave the owned count, damaged ones go to maintenance, and both are charged to the wedding
    /// at the item's replacement cost now. The caller never gives an amount.
    /// </summary>
    public async Task<StockReservationResponse> ReturnAsync(Guid eventId, Guid id, StockReturnRequest request, CancellationToken cancellationToken)
    {
        var (_, found) = await RequireEventAsync(eventId, cancellationToken);
        await RaceAsync(async () =>
        {
            var reservation = await FindAsync(eventId, id, cancellationToken);
            var outstanding = reservation.CheckedOut - reservation.Returned - reservation.Missing - reservation.Damaged;
            var errors = new FieldErrors();
            if (request.Returned < 0)
            {
                errors.Add("returned", "The pieces back cannot be fewer than none.");
            }
            if (request.Missing < 0)
            {
                errors.Add("missing", "The missing pieces cannot be fewer than none.");
            }
            if (request.Damaged < 0)
            {
                errors.Add("damaged", "The damaged pieces cannot be fewer than none.");
            }
            if (request.Note?.Trim().Length > 1000)
            {
                errors.Add("note", "Keep the note to 1,000 characters.");
            }
            if (!errors.Any)
            {
                var total = (long)request.Returned + request.Missing + request.Damaged;
                if (total == 0)
                {
                    errors.Add("returned", "Count at least one piece back, missing or damaged.");
                }
                else if (total > outstanding)
                {
                    errors.Add("returned", outstanding == 0 ? "No pieces of this reservation are out."
                        : string.Create(CultureInfo.InvariantCulture, $"Only {outstanding} went out and are not back yet; back, missing and damaged together are {total}."));
                }
            }
            errors.ThrowIfAny();
            var item = await db.StockItems.FirstAsync(i => i.Id == reservation.ItemId, cancellationToken);
            reservation.Returned += request.Returned;
            reservation.Missing += request.Missing;
            reservation.Damaged += request.Damaged;
            reservation.ChargedPaise += (request.Missing + request.Damaged) * item.ReplacementCostPaise;
            reservation.ReturnNote = request.Note.TrimmedOrNull() ?? reservation.ReturnNote;
            if (outstanding == request.Returned + request.Missing + request.Damaged)
            {
                reservation.Status = StockReservationStatus.Returned;
            }
            item.QuantityOwned = Math.Max(0, item.QuantityOwned - request.Missing);
            item.InMaintenance = Math.Min(item.QuantityOwned, item.InMaintenance + request.Damaged);
            if (request.Damaged > 0)
            {
                item.MaintenanceNote ??= "Damaged at an event";
            }
            item.ReservationStamp++;
            audit.Record("stock.returned", nameof(StockReservation), reservation.Id, string.Create(CultureInfo.InvariantCulture,
                $"{request.Returned} back, {request.Missing} missing (left the owned count), {request.Damaged} damaged (to maintenance) of {item.Name}; wedding {reservation.WeddingId} charged"));
            Changed(reservation);
            return id;
        }, cancellationToken);
        return await GetAsync(eventId, id, found.Name, cancellationToken);
    }

    /// <summary>The event's pick list: what to take from which warehouse, with boxes to tick.</summary>
    public async Task<(byte[] Bytes, string FileName)> PickListAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var (weddingId, found) = await RequireEventAsync(eventId, cancellationToken);
        var lines = await ListAsync(eventId, cancellationToken);
        var wedding = (await weddings.TitlesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId) ?? "Wedding";
        var title = $"Pick list: {wedding}, {found.Name}";
        using var pdf = new ReportPdf();
        void Heading(ReportPdf page) => page.Line(title, 10, bold: true, gap: 6);
        pdf.Line(title, 16, bold: true, gap: 4);
        pdf.Line(string.Create(CultureInfo.InvariantCulture, $"{found.Start:d MMM yyyy, HH:mm} to {found.End:HH:mm}{(found.VenueName is { } venue ? $" at {venue}" : "")}"), 10, gap: 10);
        if (lines.Count == 0)
        {
            pdf.Line("No stock is reserved for this event.", 11, muted: true);
        }
        else
        {
            pdf.Table(
                [new PdfColumn("Item", 190), new PdfColumn("Warehouse", 110), new PdfColumn("Reserved", 60), new PdfColumn("Out", 50), new PdfColumn("Picked", 50), new PdfColumn("Back", 55)],
                lines.OrderBy(l => l.Warehouse, StringComparer.CurrentCulture).ThenBy(l => l.ItemName, StringComparer.CurrentCulture).Select(l => new PdfRow(
                [
                    [new PdfText(l.ItemName, Bold: true)],
                    [new PdfText(l.Warehouse ?? "—")],
                    [new PdfText(string.Create(CultureInfo.InvariantCulture, $"{l.Quantity} {l.Unit}"))],
                    [new PdfText(l.CheckedOut.ToString(CultureInfo.InvariantCulture))],
                    [new PdfText("[   ]")],
                    [new PdfText("[   ]")],
                ])), Heading);
            pdf.Space(8);
            pdf.Line(string.Create(CultureInfo.InvariantCulture, $"Held from {lines.Min(l => l.HeldFrom):d MMM, HH:mm} to {lines.Max(l => l.HeldUntil):d MMM, HH:mm}, setup and teardown included."), 9, muted: true);
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, title, "WedTech pick list");
        return (stream.ToArray(), $"pick-list-{found.Name.ToLowerInvariant().Replace(' ', '-')}.pdf");
    }

    private async Task<StockReservationResponse> GetAsync(Guid eventId, Guid id, string eventName, CancellationToken cancellationToken)
    {
        var reservation = await db.StockReservations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.EventId == eventId, cancellationToken)
            ?? throw ApiException.NotFound("Reservation");
        var item = await db.StockItems.AsNoTracking().FirstAsync(i => i.Id == reservation.ItemId, cancellationToken);
        return ToResponse(reservation, item, eventName);
    }

    private async Task<StockReservation> FindAsync(Guid eventId, Guid id, CancellationToken cancellationToken) =>
        await db.StockReservations.FirstOrDefaultAsync(r => r.Id == id && r.EventId == eventId, cancellationToken) ?? throw ApiException.NotFound("Reservation");

    /// <summary>The event and its wedding; another studio's event, or one of a wedding the caller is not on, is 404.</summary>
    private async Task<(Guid WeddingId, EventOfWedding Event)> RequireEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var found = await events.FindAsync(eventId, cancellationToken) ?? throw ApiException.NotFound("Event");
        await weddings.RequireVisibleAsync(found.WeddingId, cancellationToken);
        return found;
    }

    private Task<List<StockReservation>> OverlappingAsync(Guid itemId, DateTime from, DateTime until, Guid? except, CancellationToken cancellationToken) =>
        db.StockReservations.AsNoTracking()
            .Where(r => r.ItemId == itemId && r.Id != except && r.Status != StockReservationStatus.Returned && r.HeldFrom < until && r.HeldUntil > from)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Runs a change of an item's reservations and saves it. The change bumps the item's version; when another write of the same
    /// item saved first, the save fails, and the change is made again on what is there now (and may then be refused).
    /// </summary>
    private async Task<T> RaceAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var result = await change();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>409 naming who holds the pieces in the window: "Meera &amp; Sahil (Sangeet, 19 Nov) — 6 of 8".</summary>
    private async Task<ApiException> RefusalAsync(StockItem item, List<StockReservation> holds, int free, CancellationToken cancellationToken)
    {
        var titles = await weddings.TitlesAsync([.. holds.Select(h => h.WeddingId).Distinct()], cancellationToken);
        var holders = new List<string>();
        foreach (var byEvent in holds.GroupBy(h => (h.WeddingId, h.EventId)).OrderBy(g => g.Min(h => h.HeldFrom)))
        {
            var found = await events.FindAsync(byEvent.Key.EventId, cancellationToken);
            var what = found is { } e ? string.Create(CultureInfo.InvariantCulture, $"{e.Event.Name}, {e.Event.Start:d MMM}") : "an event";
            holders.Add(string.Create(CultureInfo.InvariantCulture,
                $"{titles.GetValueOrDefault(byEvent.Key.WeddingId) ?? "another wedding"} ({what}) — {byEvent.Sum(h => h.Quantity)} of {item.Usable}"));
        }
        var freeText = Math.Max(0, free) == 0 ? "none are free" : string.Create(CultureInfo.InvariantCulture, $"only {free} of {item.Usable} are free");
        return ApiException.Conflict($"Not enough {item.Name}: {freeText} then. Held by: {(holders.Count == 0 ? "maintenance" : string.Join("; ", holders))}.");
    }

    /// <summary>Tells the wedding's watchers once the change is committed (each attempt of a race registers again; a failed save drops it).</summary>
    private void Changed(StockReservation reservation) =>
        changes.AfterCommit(new WeddingChangedMessage(reservation.WeddingId, WeddingChange.StockChanged, null, reservation.EventId, reservation.ItemId));

    private StockReservationResponse ToResponse(StockReservation r, StockItem item, string eventName) => new(
        r.Id, r.ItemId, item.Name, item.Unit, item.RentedFromVendor is { } vendor ? $"Rented from {vendor}: goes back to them" : item.Warehouse, r.WeddingId, r.EventId, eventName, r.HeldFrom, r.HeldUntil, r.Quantity, r.SetupHours,
        r.TeardownHours, r.CheckedOut, r.Returned, r.Missing, r.Damaged, currentUser.Can(Permissions.FinancialView) ? r.ChargedPaise : null, r.Status, r.Version);
}

using System.Globalization;
using WedTech.Server.Events;
using WedTech.Server.Guests;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Money;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Vendors;

/// <summary>
/// A wedding's vendor bookings: the quote (priced with the event's attending headcount for per-guest lines), the payment
/// schedule, the payments made and the vendor's arrival on the run-of-show. Whoever has vendor:view sees who is booked, the
/// day's contact and the arrival; the money needs financial:view, and writing it financial:create or financial:edit.
/// </summary>
public sealed class BookingService(
    TenantDbContext db, CurrentUser currentUser, AuditLog audit, IWeddingDirectory weddings, IWeddingEvents events, IGuestDirectory guests,
    IVendorItems items, IStudioSettings studio, WeddingChanges changes)
{
    public const int MaxBookingsPerWedding = 200;
    public const int MaxPaymentsPerBooking = 100;

    public async Task<BookingListResponse> ListAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var bookings = await db.VendorBookings.AsNoTracking().Where(b => b.WeddingId == weddingId).OrderBy(b => b.Category).ThenBy(b => b.CreatedAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var context = await ContextAsync(weddingId, bookings, cancellationToken);
        var list = bookings.Select(b => ToResponse(b, context)).ToList();
        if (!currentUser.Can(Permissions.FinancialView))
        {
            return new BookingListResponse(list, null, null, null);
        }
        var live = list.Where(b => b.Status == BookingStatus.Booked).ToList();
        return new BookingListResponse(list, live.Sum(b => b.TotalPaise!.Value), list.Sum(b => b.PaidPaise!.Value), list.Sum(b => b.OutstandingPaise!.Value));
    }

    public async Task<BookingResponse> GetAsync(Guid weddingId, Guid id, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var booking = await FindAsync(weddingId, id, tracked: false, cancellationToken);
        return ToResponse(booking, await ContextAsync(weddingId, [booking], cancellationToken));
    }

    public async Task<BookingResponse> CreateAsync(Guid weddingId, BookingRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        if (await db.VendorBookings.CountAsync(b => b.WeddingId == weddingId, cancellationToken) >= MaxBookingsPerWedding)
        {
            throw ApiException.Conflict($"A wedding has at most {MaxBookingsPerWedding} vendor bookings.");
        }
        var booking = new VendorBooking { WeddingId = weddingId, Service = "", Category = "" };
        var vendor = await ApplyAsync(booking, request, cancellationToken);
        db.VendorBookings.Add(booking);
        audit.Record("booking.created", nameof(VendorBooking), booking.Id, $"{vendor.Name}: {booking.Service}, wedding {weddingId}");
        Publish(booking);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(weddingId, booking.Id, cancellationToken);
    }

    public async Task<BookingResponse> UpdateAsync(Guid weddingId, Guid id, BookingRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var booking = await FindAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(booking, expectedVersion, "booking");
        await ApplyAsync(booking, request, cancellationToken);
        if (db.ChangeTracker.HasChanges())
        {
            Publish(booking);
            await SaveAsync(cancellationToken);
        }
        return await GetAsync(weddingId, id, cancellationToken);
    }

    /// <summary>Refused once a payment is recorded against it: cancel it instead, so the money paid stays explained.</summary>
    public async Task DeleteAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var booking = await FindAsync(weddingId, id, tracked: true, cancellationToken);
        Concurrency.Expect(booking, expectedVersion, "booking");
        if (await db.VendorPayments.AnyAsync(p => p.BookingId == id, cancellationToken))
        {
            throw ApiException.Conflict("Payments are recorded against this booking: cancel it instead, so that what was paid stays explained.");
        }
        if (booking is { EventId: { } eventId, ArrivalItemId: not null })
        {
            await items.SetArrivalAsync(eventId, booking.ArrivalItemId, null, booking.VendorId, "", "", "arrivalTime", new FieldErrors(), cancellationToken);
        }
        db.VendorBookings.Remove(booking);
        audit.Record("booking.deleted", nameof(VendorBooking), booking.Id, $"{booking.Service}, wedding {weddingId}");
        Publish(booking);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<List<VendorPaymentResponse>> PaymentsAsync(Guid weddingId, Guid bookingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        await FindAsync(weddingId, bookingId, tracked: false, cancellationToken);
        return await db.VendorPayments.AsNoTracking().Where(p => p.BookingId == bookingId).OrderBy(p => p.PaidOn).ThenBy(p => p.CreatedAt)
            .Select(p => ToResponse(p)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records a payment. Refused on a cancelled booking and when it would pay the booking more than its total (the paid
    /// sum is kept on the booking, so two payments recorded at once meet: the second is asked to check again).
    /// </summary>
    public async Task<VendorPaymentResponse> RecordPaymentAsync(Guid weddingId, Guid bookingId, VendorPaymentRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var booking = await FindAsync(weddingId, bookingId, tracked: true, cancellationToken);
        var errors = new FieldErrors();
        var amount = request.AmountPaise!.Value;
        var tds = request.TdsPaise ?? 0;
        if (booking.Status == BookingStatus.Cancelled)
        {
            errors.Add("booking", "This booking is cancelled: no payment can be recorded against it.");
        }
        if (await db.VendorPayments.CountAsync(p => p.BookingId == bookingId, cancellationToken) >= MaxPaymentsPerBooking)
        {
            errors.Add("booking", $"A booking has at most {MaxPaymentsPerBooking} payments.");
        }
        var today = await studio.TodayAsync(cancellationToken);
        if (request.PaidOn!.Value > today)
        {
            errors.Add("paidOn", "A payment is recorded once it is made: the date cannot be after today.");
        }
        if (tds > amount)
        {
            errors.Add("tdsPaise", "The TDS withheld cannot be more than the amount paid.");
        }
        var total = Quotes.Total(booking.Lines, await HeadcountAsync(booking, cancellationToken));
        var outstanding = total - booking.PaidTotal;
        if (!errors.Has("booking") && checked(amount + tds) > outstanding)
        {
            errors.Add("amountPaise", outstanding <= 0
                ? "This booking is paid in full."
                : $"That is more than the {IndianFormat.Rupees(outstanding)} still to pay on this booking (amount and TDS together).");
        }
        errors.ThrowIfAny();
        var user = currentUser.Required;
        var payment = new VendorPayment
        {
            WeddingId = weddingId, BookingId = bookingId, PaidOn = request.PaidOn.Value, Mode = request.Mode!.Value, Reference = request.Reference.TrimmedOrNull(),
            AmountPaise = amount, TdsPaise = tds, Notes = request.Notes.TrimmedOrNull(), RecordedById = user.Id, RecordedBy = user.Name,
        };
        db.VendorPayments.Add(payment);
        booking.PaidTotal = checked(booking.PaidTotal + amount + tds);
        Publish(booking);
        await SaveAsync(cancellationToken);
        return ToResponse(payment);
    }

    public async Task DeletePaymentAsync(Guid weddingId, Guid bookingId, Guid paymentId, long? expectedVersion, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var booking = await FindAsync(weddingId, bookingId, tracked: true, cancellationToken);
        var payment = await db.VendorPayments.FirstOrDefaultAsync(p => p.Id == paymentId && p.BookingId == bookingId, cancellationToken)
            ?? throw ApiException.NotFound("Payment");
        Concurrency.Expect(payment, expectedVersion, "payment");
        if (!currentUser.Can(Permissions.FinancialEdit))
        {
            throw ApiException.Forbidden("Your role may not remove a recorded payment. Ask an admin.");
        }
        db.VendorPayments.Remove(payment);
        audit.Record("vendor-payment.deleted", nameof(VendorPayment), payment.Id,
            $"{IndianFormat.Rupees(payment.AmountPaise)} + TDS {IndianFormat.Rupees(payment.TdsPaise)} of {payment.PaidOn:yyyy-MM-dd}, booking {bookingId}");
        booking.PaidTotal -= payment.AmountPaise + payment.TdsPaise;
        Publish(booking);
        await SaveAsync(cancellationToken);
    }

    /// <summary>The vendors of an event for the coordinator on the day: who, when they arrive, whom to call, their answer. No money.</summary>
    public async Task<List<EventVendorResponse>> OfEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var found = await events.FindAsync(eventId, cancellationToken);
        if (found is not { } e || !await weddings.IsVisibleAsync(e.WeddingId, cancellationToken))
        {
            throw ApiException.NotFound("Event");
        }
        var rows = await db.VendorBookings.AsNoTracking().Where(b => b.EventId == eventId && b.Status != BookingStatus.Cancelled)
            .Join(db.Vendors, b => b.VendorId, v => v.Id, (b, v) => new { Booking = b, VendorName = v.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Booking.ArrivalTime ?? DateTime.MaxValue).ThenBy(r => r.VendorName, StringComparer.Ordinal)
            .Select(r => new EventVendorResponse(r.Booking.Id, r.Booking.VendorId, r.VendorName, r.Booking.Service, r.Booking.Category, r.Booking.ArrivalTime,
                r.Booking.DayContactName, r.Booking.DayContactPhone, Arrival(r.Booking)))];
    }

    internal static VendorArrival Arrival(VendorBooking b) => new(b.ArrivalAnswer, b.ProposedTime, b.AnswerNote, b.AnsweredAt, b.DayLinkSentAt, b.DayLinkSentBy);

    internal async Task<VendorBooking> FindAsync(Guid weddingId, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.VendorBookings : db.VendorBookings.AsNoTracking();
        return await query.FirstOrDefaultAsync(b => b.Id == id && b.WeddingId == weddingId, cancellationToken) ?? throw ApiException.NotFound("Booking");
    }

    internal void Publish(VendorBooking booking) =>
        changes.AfterCommit(() => new WeddingChangedMessage(booking.WeddingId, WeddingChange.VendorsChanged, booking.Version, booking.EventId, booking.Id));

    private async Task<int> HeadcountAsync(VendorBooking booking, CancellationToken cancellationToken) =>
        booking.EventId is { } eventId && booking.Lines.Any(l => l.PerGuest)
            ? (await guests.AttendingAsync(booking.WeddingId, cancellationToken)).GetValueOrDefault(eventId)
            : 0;

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ApiException.Conflict("Someone changed this booking or recorded a payment on it at the same moment. Look at it again and retry.");
        }
    }

    /// <summary>Checks the whole request, reporting every field at fault at once, and applies it; the vendor booked.</summary>
    private async Task<Vendor> ApplyAsync(VendorBooking booking, BookingRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == request.VendorId!.Value, cancellationToken);
        if (vendor is null)
        {
            errors.Add("vendorId", "No vendor in your vendor book has this id.");
        }
        EventOfWedding? e = null;
        if (request.EventId is { } eventId)
        {
            e = (await events.OfWeddingAsync(booking.WeddingId, cancellationToken)).Find(x => x.Id == eventId);
            if (e is null)
            {
                errors.Add("eventId", "This wedding has no such event.");
            }
        }
        var category = request.Category.TrimmedOrNull() ?? vendor?.Categories.FirstOrDefault() ?? "";
        if (category.Length is 0 or > VendorLimits.MaxCategory)
        {
            errors.Add("category", "Give the budget category the booking counts in, such as Caterer.");
        }
        var lines = new List<QuoteItem>();
        foreach (var (line, index) in request.Lines.Select((l, i) => (l, i)))
        {
            var field = $"lines[{index}]";
            var perGuest = line.PerGuest ?? false;
            var unit = line.UnitPaise!.Value;
            var quantity = line.Quantity ?? 1;
            if (Paise.GstRateProblem(line.GstRateBasisPoints!.Value) is { } rateProblem)
            {
                errors.Add($"{field}.gstRateBasisPoints", rateProblem);
            }
            if (perGuest && request.EventId is null)
            {
                errors.Add($"{field}.perGuest", "A per-guest line is multiplied by an event's headcount: book the vendor for an event.");
            }
            if (perGuest && unit > VendorLimits.MaxPerGuestPaise)
            {
                errors.Add($"{field}.unitPaise", $"A price per guest is at most {IndianFormat.Rupees(VendorLimits.MaxPerGuestPaise)}.");
            }
            else if (!perGuest && (Int128)unit * quantity > VendorLimits.MaxAmountPaise)
            {
                errors.Add($"{field}.quantity", $"A line comes to at most {IndianFormat.Rupees(VendorLimits.MaxAmountPaise)}.");
            }
            lines.Add(new QuoteItem(line.Description.Trim(), perGuest ? 1 : quantity, unit, perGuest, line.GstRateBasisPoints.Value));
        }
        var schedule = PaymentSchedules.Merge(booking.Schedule, request.Schedule ?? [], errors, "schedule");
        var headcount = e is not null ? (await guests.AttendingAsync(booking.WeddingId, cancellationToken)).GetValueOrDefault(e.Id) : 0;
        if (!errors.Any)
        {
            var total = Quotes.Total(lines, headcount);
            var scheduled = PaymentSchedules.Total(schedule);
            if (scheduled > total)
            {
                errors.Add("schedule", $"The instalments add up to {IndianFormat.Rupees(scheduled)}, more than the quote's {IndianFormat.Rupees(total)}.");
            }
        }
        string? phone = request.DayContactPhone.TrimmedOrNull() is { } given ? errors.Check(() => Messaging.PhoneNumbers.ToE164(given, "dayContactPhone", anyLine: true)) : null;
        if (request.ArrivalTime is not null && e is null && !errors.Has("eventId"))
        {
            errors.Add("arrivalTime", "An arrival time is on an event's run-of-show: book the vendor for an event.");
        }
        var status = request.Status!.Value;
        var arrival = status == BookingStatus.Cancelled ? null : request.ArrivalTime;
        if (!errors.Any && vendor is not null)
        {
            var service = request.Service.Trim();
            var oldEvent = booking.EventId;
            booking.ArrivalItemId = await items.SetArrivalAsync(e?.Id ?? oldEvent ?? Guid.Empty, booking.ArrivalItemId, e is null ? null : arrival, vendor.Id, vendor.Name,
                $"{vendor.Name} arrives ({service})", "arrivalTime", errors, cancellationToken);
        }
        errors.ThrowIfAny();

        if (booking.ArrivalTime != arrival || booking.EventId != e?.Id)
        {
            (booking.ArrivalAnswer, booking.ProposedTime, booking.AnswerNote, booking.AnsweredAt) = (ArrivalAnswer.Waiting, null, null, null);
        }
        booking.VendorId = vendor!.Id;
        booking.EventId = e?.Id;
        booking.Service = request.Service.Trim();
        booking.Category = VendorLimits.Categories.FirstOrDefault(c => c.Equals(category, StringComparison.OrdinalIgnoreCase)) ?? category;
        booking.Status = status;
        booking.Lines = lines;
        booking.Schedule = schedule;
        booking.ArrivalTime = arrival;
        booking.DayContactName = request.DayContactName.TrimmedOrNull();
        booking.DayContactPhone = phone;
        booking.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        return vendor;
    }

    private sealed record ListContext(Dictionary<Guid, string> Vendors, Dictionary<Guid, string> Events, Dictionary<Guid, int> Attending, DateOnly Today, bool SeesMoney,
        bool SeesInternal);

    private async Task<ListContext> ContextAsync(Guid weddingId, IReadOnlyCollection<VendorBooking> bookings, CancellationToken cancellationToken)
    {
        var vendorIds = bookings.Select(b => b.VendorId).Distinct().ToList();
        var vendors = await db.Vendors.AsNoTracking().Where(v => vendorIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var weddingEvents = (await events.OfWeddingAsync(weddingId, cancellationToken)).ToDictionary(e => e.Id, e => e.Name);
        var attending = bookings.Any(b => b.Lines.Any(l => l.PerGuest)) ? await guests.AttendingAsync(weddingId, cancellationToken) : [];
        return new ListContext(vendors, weddingEvents, attending, await studio.TodayAsync(cancellationToken), currentUser.Can(Permissions.FinancialView),
            currentUser.Can(Permissions.WeddingInternal));
    }

    private static BookingResponse ToResponse(VendorBooking b, ListContext context)
    {
        var eventName = b.EventId is { } eventId ? context.Events.GetValueOrDefault(eventId) : null;
        var notes = context.SeesInternal ? b.Notes : null;
        if (!context.SeesMoney)
        {
            return new BookingResponse(b.Id, b.WeddingId, b.EventId, eventName, b.VendorId, context.Vendors.GetValueOrDefault(b.VendorId, ""), b.Service, b.Category,
                b.Status, null, null, null, null, null, null, null, b.ArrivalTime, b.DayContactName, b.DayContactPhone, Arrival(b), notes, b.Version);
        }
        var lines = Quotes.Price(b.Lines, b.EventId is { } id ? context.Attending.GetValueOrDefault(id) : 0);
        var total = lines.Sum(l => l.TotalPaise);
        // Only a booked vendor is owed anything; an enquiry or a quote is not a debt yet, a cancelled booking no longer one.
        var outstanding = b.Status == BookingStatus.Booked ? Math.Max(0, total - b.PaidTotal) : 0;
        return new BookingResponse(b.Id, b.WeddingId, b.EventId, eventName, b.VendorId, context.Vendors.GetValueOrDefault(b.VendorId, ""), b.Service, b.Category,
            b.Status, lines, lines.Sum(l => l.TaxablePaise), lines.Sum(l => l.TaxPaise), total, b.PaidTotal, outstanding,
            PaymentSchedules.Apply(b.Schedule, b.PaidTotal, context.Today), b.ArrivalTime, b.DayContactName, b.DayContactPhone, Arrival(b), notes, b.Version);
    }

    private static VendorPaymentResponse ToResponse(VendorPayment p) =>
        new(p.Id, p.BookingId, p.PaidOn, p.Mode, p.Reference, p.AmountPaise, p.TdsPaise, p.Notes, p.RecordedBy, p.CreatedAt, p.Version);
}

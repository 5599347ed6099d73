using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Tenancy;
using WedTech.Server.Weddings;

namespace WedTech.Server.Vendors;

/// <summary>What a vendor's day page shows: the event, their arrival, their items and their answer so far.</summary>
public sealed record VendorDay(
    Guid BookingId, string VendorName, string Service, string WeddingTitle, string CoupleEn, string CoupleHi, string EventName, DateTime EventStart,
    DateTime EventEnd, string? VenueName, DateTime? ArrivalTime, IReadOnlyList<VendorDayItem> Items, VendorArrival Arrival);

/// <summary>
/// A vendor's link to their own day at an event (<c>https://{studio}/vendor-day/{token}</c>), without an account: a
/// 128-bit token of which the booking keeps only the SHA-256. Sending a link makes a new one and ends the one before;
/// revoking ends it; a cancelled booking, or one moved off its event, opens nothing.
/// </summary>
public sealed class VendorDayLinks(
    TenantDbContext db, TenantContext tenant, StudioAddresses addresses, BookingService bookings, IWeddingDirectory weddings, IWeddingEvents events,
    IVendorItems items, OutboxService outbox, TimeProvider clock)
{
    public const int TokenLength = 22;

    public async Task<VendorDayLinkResponse> SendAsync(Guid weddingId, Guid bookingId, VendorDayLinkRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var booking = await bookings.FindAsync(weddingId, bookingId, tracked: true, cancellationToken);
        var channel = request.Channel!.Value;
        var language = request.Language ?? "en";
        var errors = new FieldErrors();
        if (channel is not (MessageChannel.WhatsApp or MessageChannel.Sms))
        {
            errors.Add("channel", "A vendor's day link goes by WhatsApp or SMS.");
        }
        if (language is not ("en" or "hi"))
        {
            errors.Add("language", "Use en or hi.");
        }
        errors.ThrowIfAny();
        if (booking.Status == BookingStatus.Cancelled)
        {
            throw ApiException.Conflict("This booking is cancelled: its vendor has no day to confirm.");
        }
        if (booking.EventId is not { } eventId || booking.ArrivalTime is not { } arrival)
        {
            throw ApiException.Conflict("Give the booking an event and an arrival time first: that is what the vendor confirms.");
        }
        if (booking.DayContactPhone is not { } phone)
        {
            throw ApiException.Conflict("Give the booking's contact for the day a mobile number first: the link goes to them.");
        }
        var e = (await events.FindAsync(eventId, cancellationToken))!.Value.Event;
        var names = await weddings.NamesAsync(weddingId, cancellationToken) ?? throw ApiException.NotFound("Wedding");
        var vendorName = await db.Vendors.Where(v => v.Id == booking.VendorId).Select(v => v.Name).FirstAsync(cancellationToken);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var url = $"{addresses.For(tenant.Current.Slug)}/vendor-day/{token}{(language == "hi" ? "?lang=hi" : "")}";
        var culture = CultureInfo.GetCultureInfo(language == "hi" ? "hi-IN" : "en-IN");
        var (message, _) = await outbox.QueueAsync(new SendMessageRequest(channel, phone, booking.DayContactName ?? vendorName, "vendor-day", language,
            new Dictionary<string, string>
            {
                ["contactName"] = booking.DayContactName ?? vendorName,
                ["coupleNames"] = names.Couple(language),
                ["eventName"] = e.Name,
                ["eventDate"] = e.Start.ToString("ddd d MMM", culture),
                ["arrival"] = (language == "hi" ? "पहुँचने का समय " : "arrive by ") + arrival.ToString("h:mm tt", culture),
                ["dayLink"] = url,
            }, weddingId), idempotencyKey: null, cancellationToken);
        booking.DayLinkHash = TokenService.Hash(token);
        booking.DayLinkSentAt = clock.GetUtcNow();
        booking.DayLinkSentBy = channel;
        bookings.Publish(booking);
        await db.SaveChangesAsync(cancellationToken);
        return new VendorDayLinkResponse(url, message.Id);
    }

    public async Task RevokeAsync(Guid weddingId, Guid bookingId, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var booking = await bookings.FindAsync(weddingId, bookingId, tracked: true, cancellationToken);
        if (booking.DayLinkHash is null)
        {
            return;
        }
        booking.DayLinkHash = null;
        bookings.Publish(booking);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The vendor's day for a token; null for every link that opens nothing (unknown, revoked, cancelled, no event).</summary>
    public async Task<VendorDay?> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var booking = await FindAsync(token, tracked: false, cancellationToken);
        if (booking is null)
        {
            return null;
        }
        var found = await events.FindAsync(booking.EventId!.Value, cancellationToken);
        var names = await weddings.NamesAsync(booking.WeddingId, cancellationToken);
        if (found is not { } e || names is null)
        {
            return null;
        }
        var vendorName = await db.Vendors.AsNoTracking().Where(v => v.Id == booking.VendorId).Select(v => v.Name).FirstAsync(cancellationToken);
        var own = await items.OfVendorAsync(e.Event.Id, booking.VendorId, vendorName, cancellationToken);
        return new VendorDay(booking.Id, vendorName, booking.Service, names.Title, names.Couple("en"), names.Couple("hi"), e.Event.Name, e.Event.Start, e.Event.End,
            e.Event.VenueName, booking.ArrivalTime, own, BookingService.Arrival(booking));
    }

    /// <summary>
    /// The vendor's answer: the arrival confirmed (<paramref name="time"/> null), or another time proposed, within a day
    /// of the event. False when the link opens nothing any more.
    /// </summary>
    public async Task<bool> AnswerAsync(string token, DateTime? time, string? note, CancellationToken cancellationToken)
    {
        var booking = await FindAsync(token, tracked: true, cancellationToken);
        if (booking is null)
        {
            return false;
        }
        var e = (await events.FindAsync(booking.EventId!.Value, cancellationToken))?.Event;
        if (e is null)
        {
            return false;
        }
        if (time is { } proposed && (proposed < e.Start.AddHours(-24) || proposed > e.End.AddHours(24)))
        {
            throw new ValidationFailedException("proposedTime", "Give a time within a day of the event.");
        }
        booking.ArrivalAnswer = time is null ? ArrivalAnswer.Confirmed : ArrivalAnswer.Proposed;
        booking.ProposedTime = time;
        booking.AnswerNote = note.TrimmedOrNull() is { } text ? text[..Math.Min(text.Length, 500)] : null;
        booking.AnsweredAt = clock.GetUtcNow();
        bookings.Publish(booking);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<VendorBooking?> FindAsync(string token, bool tracked, CancellationToken cancellationToken)
    {
        if (token.Length != TokenLength)
        {
            return null;
        }
        var hash = TokenService.Hash(token);
        var query = tracked ? db.VendorBookings : db.VendorBookings.AsNoTracking();
        return await query.FirstOrDefaultAsync(b => b.DayLinkHash == hash && b.Status != BookingStatus.Cancelled && b.EventId != null, cancellationToken);
    }
}

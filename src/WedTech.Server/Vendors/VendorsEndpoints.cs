using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Vendors;

public static class VendorsEndpoints
{
    public static readonly ApiTag Tag = new("Vendors", "The studio's vendor book, each wedding's vendor bookings with their quotes, payment schedules and payments, and the vendor's day link.");

    public static RouteGroupBuilder MapVendors(this RouteGroupBuilder api)
    {
        MapBook(api.MapGroup("/vendors").WithApiTag(Tag));
        var ofWedding = api.MapGroup("/weddings/{weddingId:guid}/bookings").WithApiTag(Tag);
        MapBookings(ofWedding);
        MapPayments(ofWedding);
        api.MapGet("/events/{eventId:guid}/vendors", (Guid eventId, BookingService bookings, CancellationToken ct) => bookings.OfEventAsync(eventId, ct))
            .RequireAuthorization(Permissions.VendorView).WithApiTag(Tag).WithSummary("The vendors of an event")
            .WithDescription("For the coordinator on the day, in arrival order: each booked vendor, the service, the arrival time, the contact for the day and whether the vendor confirmed the time or proposed another. No money.");
        return api;
    }

    private static void MapBook(RouteGroupBuilder vendors)
    {
        vendors.MapGet("", ([AsParameters] VendorListQuery query, VendorService service, CancellationToken ct) =>
            service.ListAsync(new VendorFilter(query.q, query.category), query.ToPaging(), ct))
            .RequireAuthorization(Permissions.VendorManage).WithSummary("The vendor book")
            .WithDescription("By name. q finds words in the name, city, GSTIN, contacts' names and phones; category keeps one category. Bank details are masked, and shown only to those with financial:view.");

        vendors.MapGet("/categories", (VendorService service, CancellationToken ct) => service.CategoriesAsync(ct))
            .RequireAuthorization(Permissions.VendorManage).WithSummary("Vendor categories").WithDescription("The built-in categories, then the studio's own in use.");

        vendors.MapPost("", async (VendorRequest request, VendorService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/vendors/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.VendorManage).WithSummary("Add a vendor")
            .WithDescription("Name, categories, contacts, GSTIN (checked: format, state code, check digit; it gives the state and PAN), address, bank details (encrypted; need financial:create), rating and notes.");

        vendors.MapGet("/{id:guid}", async (Guid id, VendorService service, CancellationToken ct) =>
        {
            var vendor = await service.GetAsync(id, ct);
            return TypedResults.Ok(vendor).WithETag(vendor.Version);
        }).RequireAuthorization(Permissions.VendorManage).WithSummary("A vendor").WithDescription("With the weddings the caller sees that booked it. The ETag carries its version.");

        vendors.MapPut("/{id:guid}", async (Guid id, VendorRequest request, VendorService service, HttpContext http, CancellationToken ct) =>
        {
            var vendor = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(vendor).WithETag(vendor.Version);
        }).RequireAuthorization(Permissions.VendorManage).RequiresIfMatch().WithSummary("Change a vendor")
            .WithDescription("Leave bank out to keep the stored details. Changing or removing bank details needs financial:edit; each change is audited and announced to the studio's admins. Requires If-Match.");

        vendors.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, VendorService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.VendorManage).WithSummary("Remove a vendor").WithDescription("Refused (409) while a booking names it. If-Match optional.");
    }

    private static void MapBookings(RouteGroupBuilder bookings)
    {
        bookings.MapGet("", (Guid weddingId, BookingService service, CancellationToken ct) => service.ListAsync(weddingId, ct))
            .RequireAuthorization(Permissions.VendorView).WithSummary("The wedding's vendor bookings")
            .WithDescription("By category. Quotes priced now (per-guest lines by the event's attending headcount), paid and outstanding, the schedule with what of each instalment is paid; all money is null without financial:view, notes without wedding:internal.");

        bookings.MapPost("", async (Guid weddingId, BookingRequest request, BookingService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/bookings/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.VendorManage).WithSummary("Book a vendor")
            .WithDescription("The vendor, the event (optional), the service, the quote's lines with GST, the payment schedule, the arrival time (a run-of-show item the vendor owns) and the contact for the day. Amounts need financial:create.");

        bookings.MapGet("/{id:guid}", async (Guid weddingId, Guid id, BookingService service, CancellationToken ct) =>
        {
            var booking = await service.GetAsync(weddingId, id, ct);
            return TypedResults.Ok(booking).WithETag(booking.Version);
        }).RequireAuthorization(Permissions.VendorView).WithSummary("A booking").WithDescription("The ETag carries its version.");

        bookings.MapPut("/{id:guid}", async (Guid weddingId, Guid id, BookingRequest request, BookingService service, HttpContext http, CancellationToken ct) =>
        {
            var booking = await service.UpdateAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(booking).WithETag(booking.Version);
        }).RequireAuthorization(Permissions.VendorManage).RequiresIfMatch().WithSummary("Change a booking")
            .WithDescription("Changed amounts (lines, schedule) need financial:edit. A new arrival time or event asks the vendor to confirm again. Cancelling takes the arrival off the run-of-show. Requires If-Match.");

        bookings.MapDelete("/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, BookingService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.VendorManage).WithSummary("Remove a booking")
            .WithDescription("Refused (409) once a payment is recorded: cancel it instead. If-Match optional.");

        bookings.MapPost("/{id:guid}/day-link", async (Guid weddingId, Guid id, VendorDayLinkRequest request, VendorDayLinks links, CancellationToken ct) =>
            TypedResults.Ok(await links.SendAsync(weddingId, id, request, ct)))
            .RequireAuthorization(Permissions.VendorManage).WithSummary("Send the vendor their day link")
            .WithDescription("By WhatsApp or SMS (the vendor-day template) to the booking's contact for the day: a page without an account with their arrival and run-of-show items, where they confirm or propose another time. A new link ends the one before. Refused (409) without an event, arrival time or contact's mobile.");

        bookings.MapDelete("/{id:guid}/day-link", async Task<NoContent> (Guid weddingId, Guid id, VendorDayLinks links, CancellationToken ct) =>
        {
            await links.RevokeAsync(weddingId, id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.VendorManage).WithSummary("End the vendor's day link").WithDescription("The link opens nothing from now on.");
    }

    private static void MapPayments(RouteGroupBuilder bookings)
    {
        bookings.MapGet("/{id:guid}/payments", (Guid weddingId, Guid id, BookingService service, CancellationToken ct) => service.PaymentsAsync(weddingId, id, ct))
            .RequireAuthorization(Permissions.FinancialView).WithSummary("Payments to the vendor").WithDescription("In date order, with the TDS withheld and who recorded each.");

        bookings.MapPost("/{id:guid}/payments", async (Guid weddingId, Guid id, VendorPaymentRequest request, BookingService service, CancellationToken ct) =>
        {
            var payment = await service.RecordPaymentAsync(weddingId, id, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/bookings/{id}/payments/{payment.Id}", payment).WithETag(payment.Version);
        }).RequireAuthorization(Permissions.FinancialCreate).WithSummary("Record a payment to the vendor")
            .WithDescription("Date (not after today), mode, reference, amount and TDS withheld, in paise. Refused on a cancelled booking, and when amount and TDS together are more than what is still to pay.");

        bookings.MapDelete("/{id:guid}/payments/{paymentId:guid}", async Task<NoContent> (Guid weddingId, Guid id, Guid paymentId, BookingService service, HttpContext http,
            CancellationToken ct) =>
        {
            await service.DeletePaymentAsync(weddingId, id, paymentId, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.FinancialEdit).WithSummary("Remove a payment recorded by mistake").WithDescription("Audited. If-Match optional.");
    }
}

/// <summary>The query string of the vendor book.</summary>
public sealed record VendorListQuery([property: QueryText(100)] string? q, [property: QueryText(VendorLimits.MaxCategory)] string? category, int? page, int? pageSize)
    : PageQuery(page, pageSize);

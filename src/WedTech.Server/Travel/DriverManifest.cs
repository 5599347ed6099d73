using System.Globalization;
using WedTech.Server.Guests;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Pdf;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Travel;

/// <summary>
/// A driver's day: per trip, when and where, pickup or drop, and the households on it with their flight or train and the
/// number to call them on (the driver needs it to find them; it is on paper, never in the outbox). Made on request, never
/// stored; each one is in the audit log. Also sent to the driver as a message (the text, without the numbers).
/// </summary>
public sealed class DriverManifest(TripService trips, TripNotices notices, IWeddingDirectory weddings, IStudioSettings studio, AuditLog audit, TenantDbContext db,
    TimeProvider time)
{
    private static readonly PdfColumn[] Columns = [new("Household", 120), new("Guests", 175), new("Flight / train", 95), new("Phone", 125)];

    public async Task<GuestExport.File> MakeAsync(Guid weddingId, Guid vehicleId, DateOnly day, CancellationToken cancellationToken)
    {
        var (vehicle, manifest) = await trips.ManifestAsync(weddingId, vehicleId, day, cancellationToken);
        var title = (await weddings.TitlesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId) ?? throw ApiException.NotFound("Wedding");
        var studioName = await studio.CompanyNameAsync(cancellationToken);
        var madeAt = ReportPdf.MadeAt(time.GetUtcNow(), await studio.TimeZoneAsync(cancellationToken));
        audit.Record("vehicle.manifest", nameof(Vehicle), vehicle.Id, string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}: {manifest.Count} trips"));
        await db.SaveChangesAsync(cancellationToken);

        using var content = new MemoryStream();
        using (var pdf = new ReportPdf())
        {
            var heading = $"{TripText.Vehicle(vehicle)} — {TripText.Day(day, "en")}";
            pdf.Line(heading, 18, bold: true, gap: 4);
            pdf.Line($"Driver {vehicle.DriverName}, {vehicle.DriverPhone} · {vehicle.Seats} seats", 12, gap: 4);
            pdf.Line($"{title} · {studioName}", 10, muted: true, gap: 12);
            if (manifest.Count == 0)
            {
                pdf.Line("No trips for this vehicle on this day.");
            }
            foreach (var trip in manifest)
            {
                var people = trip.Households.Sum(h => h.Guests.Count);
                var what = trip.Trip.Direction == TravelDirection.Arrival ? "Pickup at" : "Drop to";
                pdf.Line(string.Create(CultureInfo.InvariantCulture, $"{trip.Trip.Time.ToString("h:mm tt", CultureInfo.GetCultureInfo("en-IN"))} · {what} {TripText.Place(trip.Trip)} · {people} people"),
                    13, bold: true, gap: 6);
                void Continued(ReportPdf page) => page.Line($"{heading} (continued)", 9, muted: true, gap: 8);
                pdf.Table(Columns, trip.Households.Select(h => new PdfRow(
                [
                    [new(h.Household, Bold: true)], [new(string.Join(", ", h.Guests))], [new(h.Travel ?? "")], [new(h.Phone ?? "")],
                ])), Continued);
                pdf.Space(10);
            }
            pdf.Save(content, $"Manifest: {heading}", $"Driver's manifest · {title} · {studioName} · made {madeAt}");
        }
        var file = string.Create(CultureInfo.InvariantCulture, $"manifest-{vehicle.DriverName.FileWord("driver")}-{day:yyyy-MM-dd}.pdf");
        return new GuestExport.File(file, "application/pdf", content.ToArray());
    }

    public async Task<MessageResponse> SendAsync(Guid weddingId, Guid vehicleId, ManifestSendRequest request, CancellationToken cancellationToken)
    {
        var channel = request.Channel!.Value;
        var errors = new FieldErrors();
        if (channel is not (MessageChannel.WhatsApp or MessageChannel.Sms))
        {
            errors.Add("channel", "A driver gets the manifest by WhatsApp or SMS.");
        }
        var language = request.Language ?? "en";
        if (!Messaging.Outbox.OutboxService.Languages.Contains(language))
        {
            errors.Add("language", $"Use one of: {string.Join(", ", Messaging.Outbox.OutboxService.Languages)}.");
        }
        errors.ThrowIfAny();
        var (vehicle, manifest) = await trips.ManifestAsync(weddingId, vehicleId, request.Day!.Value, cancellationToken);
        if (manifest.Count == 0)
        {
            throw ApiException.Conflict($"{vehicle.DriverName} has no trips on {TripText.Day(request.Day.Value, "en")}.");
        }
        return await notices.SendManifestAsync(vehicle, request.Day.Value, manifest, channel, language, cancellationToken);
    }
}

using System.Globalization;
using MiniExcelLibs;
using WedTech.Server.Guests;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Platform.Pdf;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Rooms;

public enum RoomingListFormat { Xlsx, Pdf }

/// <summary>
/// The list a hotel asks for: per room, who sleeps in it and from when to when, by hotel and check-in day. Names and dates
/// only (no phone, no ID, no rate), so whoever sees the guest list may send it. Made on request, never stored.
/// </summary>
public sealed class RoomingList(RoomService rooms, IWeddingDirectory weddings, IStudioSettings studio, AuditLog audit, TenantDbContext db, TimeProvider time)
{
    private static readonly PdfColumn[] Columns = [new("Room type", 95), new("Guests", 165), new("Household", 95), new("Check-in", 65), new("Check-out", 65), new("Nights", 30)];

    private sealed record Row(string Hotel, string RoomType, string Guests, string Household, DateOnly CheckIn, DateOnly CheckOut, string PaidBy)
    {
        public int Nights => CheckOut.DayNumber - CheckIn.DayNumber;
    }

    public async Task<GuestExport.File> MakeAsync(Guid weddingId, Guid? venueId, RoomingListFormat format, CancellationToken cancellationToken)
    {
        var blocks = new List<RoomBlockResponse>();
        for (var page = 1; ; page++)
        {
            var found = await rooms.ListAsync(weddingId, new RoomBlockFilter(venueId, null), new Paging(page, Paging.MaxPageSize), cancellationToken);
            blocks.AddRange(found.Items);
            if (page * Paging.MaxPageSize >= found.TotalCount)
            {
                break;
            }
        }
        var rows = blocks.SelectMany(b => b.Allotments.Select(a => new Row(b.Hotel, b.RoomType, string.Join(", ", a.Guests.Select(g => g.Name)), a.Household, a.CheckIn,
            a.CheckOut, Payer(b.PaidBy)))).OrderBy(r => r.Hotel).ThenBy(r => r.CheckIn).ThenBy(r => r.Household, StringComparer.Ordinal).ToList();
        var title = (await weddings.TitlesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId) ?? throw ApiException.NotFound("Wedding");
        var studioName = await studio.CompanyNameAsync(cancellationToken);
        var madeAt = ReportPdf.MadeAt(time.GetUtcNow(), await studio.TimeZoneAsync(cancellationToken));
        audit.Record("rooms.rooming-list", "Wedding", weddingId, $"{ApiJson.EnumName(format)}: {(venueId is null ? "every hotel" : blocks.FirstOrDefault()?.Hotel ?? "no rooms")}");
        await db.SaveChangesAsync(cancellationToken);

        var name = "rooming-list" + (venueId is null || blocks.Count == 0 ? "" : "-" + blocks[0].Hotel.FileWord("hotel"));
        using var content = new MemoryStream();
        if (format == RoomingListFormat.Xlsx)
        {
            await content.SaveAsAsync(new Dictionary<string, object>
            {
                ["Rooming list"] = GuestExport.Sheet(["Hotel", "Room type", "Guests", "Household", "Check-in", "Check-out", "Nights", "Paid by"],
                    rows.Select(r => (IReadOnlyList<object?>)[r.Hotel, r.RoomType, r.Guests, r.Household, r.CheckIn.ToDateTime(TimeOnly.MinValue), r.CheckOut.ToDateTime(TimeOnly.MinValue), r.Nights, r.PaidBy])),
            }, cancellationToken: cancellationToken);
            return new GuestExport.File($"{name}.xlsx", GuestExport.XlsxContentType, content.ToArray());
        }
        using (var pdf = new ReportPdf())
        {
            var hotels = rows.GroupBy(r => r.Hotel).ToList();
            if (hotels.Count == 0)
            {
                pdf.Line("Rooming list", 18, bold: true, gap: 4);
                pdf.Line($"{title} · {studioName}", 12, gap: 10);
                pdf.Line("No rooms are given to guests yet.");
            }
            for (var i = 0; i < hotels.Count; i++)
            {
                if (i > 0)
                {
                    pdf.NewPage();
                }
                var hotel = hotels[i];
                pdf.Line($"Rooming list — {hotel.Key}", 18, bold: true, gap: 4);
                pdf.Line($"{title} · {studioName}", 12, gap: 8);
                pdf.Line(string.Create(CultureInfo.InvariantCulture, $"{hotel.Count()} rooms, {hotel.Sum(r => r.Nights)} room-nights"), gap: 12);
                void Continued(ReportPdf page) => page.Line($"Rooming list — {hotel.Key} (continued)", 9, muted: true, gap: 8);
                pdf.Table(Columns, hotel.Select(r => new PdfRow(
                [
                    [new(r.RoomType)], [new(r.Guests, Bold: true)], [new(r.Household)], [new(RoomService.Day(r.CheckIn))], [new(RoomService.Day(r.CheckOut))],
                    [new(r.Nights.ToString(CultureInfo.InvariantCulture))],
                ])), Continued);
            }
            pdf.Save(content, $"Rooming list: {title}", $"Rooming list · {title} · {studioName} · made {madeAt}");
        }
        return new GuestExport.File($"{name}.pdf", "application/pdf", content.ToArray());
    }

    private static string Payer(RoomPayer payer) => payer switch
    {
        RoomPayer.Studio => "Studio",
        RoomPayer.Family => "Family",
        _ => "Guest",
    };
}

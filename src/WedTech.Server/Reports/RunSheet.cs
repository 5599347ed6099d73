using System.Globalization;
using WedTech.Server.Platform.Pdf;

namespace WedTech.Server.Reports;

/// <summary>
/// One event's run-of-show as a coordinator pins it on a board: the event (when, where, what to wear), then every item
/// in venue-local 24-hour time. Fixed items (muhurats) stand out; notes show only when the reader may see them, as the
/// event comes from <c>EventService</c> already projected for them.
/// </summary>
internal static class RunSheet
{
    private static readonly PdfColumn[] Columns =
    [
        new("Time", 44), new("Duration", 46), new("Title", 195), new("Owner", 85), new("Location", 85), new("Status", 60),
    ];

    public static string Name(EventResponse e) => $"Run sheet — {e.Name}";

    public static void Draw(ReportPdf pdf, string weddingTitle, EventResponse e)
    {
        pdf.Line(weddingTitle, 18, bold: true, gap: 4);
        pdf.Line($"{e.Name} · {Label(e.Type)}", 14, bold: true, gap: 10);
        pdf.Line($"{Day(e.Start)} · {Time(e.Start)} – {Time(e.End)}{(e.End.Date != e.Start.Date ? $" ({ShortDay(e.End)})" : "")} · {e.TimeZone} ({Offset(e)})");
        if (e.Venue is { } venue)
        {
            pdf.Line("Venue: " + string.Join(", ", new[] { venue.Name, venue.Address, venue.City }.Where(part => !string.IsNullOrWhiteSpace(part))));
        }
        if (e.DressCode is { } dressCode)
        {
            pdf.Line($"Dress code: {dressCode}");
        }
        if (e.Notes is { } notes)
        {
            pdf.Line($"Notes: {notes}", 9, muted: true);
        }
        pdf.Space(8);
        if (e.RunOfShow.Count == 0)
        {
            pdf.Line("Nothing is on the run-of-show yet.");
            return;
        }
        pdf.Table(Columns, e.RunOfShow.Select(item => Row(e, item)),
            continued: page => page.Line($"{weddingTitle} — {e.Name}, {Day(e.Start)} (continued)", 9, muted: true, gap: 8));
    }

    private static PdfRow Row(EventResponse e, RunOfShowItemResponse item)
    {
        List<PdfText> time = [new(Time(item.Start), Bold: item.IsFixed)];
        if (item.Start.Date != e.Start.Date)
        {
            time.Add(new(ShortDay(item.Start), 7, Muted: true));
        }
        List<PdfText> title = [new(item.Title, Bold: item.IsFixed)];
        if (item.IsFixed)
        {
            title.Add(new("Muhurat (fixed time)", 7, Bold: true));
        }
        if (item.Notes is { } notes)
        {
            title.Add(new(notes, 7.5f, Muted: true));
        }
        return new PdfRow(
        [
            time,
            [new(Duration(item.DurationMinutes))],
            title,
            [new(item.OwnerName ?? "")],
            [new(item.Location ?? "")],
            [new(Label(item.Status), Bold: item.Status == RunOfShowStatus.Slipped)],
        ], Highlight: item.IsFixed);
    }

    private static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateTime local) => $"{local.ToString("dddd", CultureInfo.InvariantCulture)}, {IndianFormat.Date(DateOnly.FromDateTime(local))}";

    private static string ShortDay(DateTime local) => local.ToString("d MMM", CultureInfo.InvariantCulture);

    private static string Duration(int minutes) => minutes switch
    {
        0 => "—",
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60:00}",
    };

    /// <summary>The zone's offset from UTC at the event's start, as a reader checks it ("UTC+05:30").</summary>
    private static string Offset(EventResponse e)
    {
        var offset = e.Start - e.StartsAt.UtcDateTime;
        return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>"welcome-dinner" as a person reads it: "Welcome dinner".</summary>
    private static string Label<T>(T value) where T : struct, Enum
    {
        var name = ApiConventions.EnumName(value).Replace('-', ' ');
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}

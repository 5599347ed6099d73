using System.Globalization;

namespace WedTech.App.Features.Events;

/// <summary>
/// How event times read: wall-clock times at the venue, in the venue's zone, which is named only where it is not the
/// studio's (a Dubai event of a Delhi studio). Dates follow <see cref="IndianFormat"/>.
/// </summary>
public static class EventTimes
{
    /// <summary>"Thu, 10 Dec 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("ddd", CultureInfo.InvariantCulture) + ", " + IndianFormat.Date(day);

    public static string Time(DateTime at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"19:30–23:00"; a Sangeet till 1 a.m. "21:00–01:00 (next day)"; longer ones with their dates.</summary>
    public static string Range(DateTime start, DateTime end) => (end.Date - start.Date).Days switch
    {
        0 => $"{Time(start)}–{Time(end)}",
        1 => $"{Time(start)}–{Time(end)} (next day)",
        _ => $"{ShortDate(start)}, {Time(start)} – {ShortDate(end)}, {Time(end)}",
    };

    /// <summary>"45 min", "2 h", "1 h 30 min"; empty for a moment without duration.</summary>
    public static string Duration(int minutes) => minutes switch
    {
        <= 0 => "",
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };

    /// <summary>
    /// The event's zone as people read it, "Dubai time (UTC+04:00)", or null when it is the studio's own: times are
    /// then read as they always are.
    /// </summary>
    public static string? ZoneNote(string zone, string studioZone, DateTimeOffset at)
    {
        if (string.Equals(zone, studioZone, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var place = zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info))
        {
            return $"{place} time";
        }
        var offset = info.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{place} time (UTC{sign}{offset.Duration():hh\\:mm})";
    }

    /// <summary>
    /// When something happened, as wall-clock time in a zone: "23:22" today, "23 Nov, 23:22" on another day of this year,
    /// "23 Nov 2025, 23:22" before it. A bare time twelve days before the event reads as if it were today.
    /// </summary>
    public static string Moment(DateTimeOffset at, string zone, DateTimeOffset now)
    {
        var (local, today) = (InZone(at, zone), InZone(now, zone));
        return local.Date == today.Date ? Time(local)
            : local.Year == today.Year ? $"{ShortDate(local)}, {Time(local)}"
            : $"{IndianFormat.Date(DateOnly.FromDateTime(local))}, {Time(local)}";
    }

    /// <summary>An instant as the wall-clock time in a zone (the venue's); in UTC if the zone is unknown here.</summary>
    public static DateTime InZone(DateTimeOffset at, string zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) ? TimeZoneInfo.ConvertTime(at, info).DateTime : at.UtcDateTime;

    /// <summary>A wall-clock time in a zone (the studio's) as an instant; taken as UTC if the zone is unknown here.</summary>
    public static DateTimeOffset ToInstant(DateTime wallClock, string zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info)
            ? new DateTimeOffset(local, info.GetUtcOffset(local))
            : new DateTimeOffset(local, TimeSpan.Zero);
    }

    private static string ShortDate(DateTime at) => at.ToString("d MMM", CultureInfo.InvariantCulture);
}

using System.Globalization;
using WedTech.Contracts;

namespace WedTech.App.Services;

/// <summary>Events of several days, on the day they start at their venue.</summary>
public sealed record EventDay(DateOnly Date, IReadOnlyList<EventSummaryResponse> Events);

/// <summary>The dashboard's days: today's events, then each later day's, each in the order they happen.</summary>
public static class EventDayGroups
{
    /// <summary>
    /// Groups by the venue-local date an event starts on. Events that began before today (a sangeet still going after
    /// midnight) count as today's. Within a day events follow their instants, so one in Dubai sits where it happens.
    /// </summary>
    public static (IReadOnlyList<EventSummaryResponse> Today, IReadOnlyList<EventDay> Later) Split(IEnumerable<EventSummaryResponse> events, DateOnly today)
    {
        var days = events
            .GroupBy(e => Max(DateOnly.FromDateTime(e.Start), today))
            .OrderBy(g => g.Key)
            .Select(g => new EventDay(g.Key, g.OrderBy(e => e.StartsAt).ThenBy(e => e.Name, StringComparer.CurrentCulture).ToList()))
            .ToList();
        return (days.FirstOrDefault(d => d.Date == today)?.Events ?? [], days.Where(d => d.Date > today).ToList());
    }

    /// <summary>"Tomorrow", or the weekday and date ("Thursday, 17 Dec").</summary>
    public static string Label(DateOnly day, DateOnly today) =>
        day == today ? "Today" : day == today.AddDays(1) ? "Tomorrow" : day.ToString("dddd, d MMM", CultureInfo.InvariantCulture);

    /// <summary>The venue-local clock time an event starts ("19:30").</summary>
    public static string Time(EventSummaryResponse e) => e.Start.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The zone's place name ("Dubai") when it is not the zone this device is in, else null.</summary>
    public static string? ZoneIfElsewhere(string zone, TimeZoneInfo here) =>
        string.Equals(zone, here.Id, StringComparison.OrdinalIgnoreCase) ? null : zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

namespace WedTech.App.Features.Events;

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

    /// <summary>"Today", "Tomorrow", or the day ("Fri, 18 Dec 2026").</summary>
    public static string Label(DateOnly day, DateOnly today) =>
        day == today ? "Today" : day == today.AddDays(1) ? "Tomorrow" : EventTimes.Day(day);

    /// <summary>The event's type to show beside its name, unless the name already says it ("Mehendi" of type Mehendi).</summary>
    public static string? TypeUnlessNamed(EventType type, string name) =>
        EventNames.Of(type) is var typeName && name.Contains(typeName, StringComparison.OrdinalIgnoreCase) ? null : typeName;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

using WedTech.App.Features.Events;

namespace WedTech.App.Features.Templates;

/// <summary>A template's times as people read them: its events have a local start and a length, its items an offset from the event's start.</summary>
public static class TemplateTimes
{
    private static readonly DateTime DayOne = new(2000, 1, 1);

    /// <summary>"19:00–23:00", "21:00–01:00 (next day)".</summary>
    public static string Span(TimeOnly start, int durationMinutes)
    {
        var from = DayOne.Add(start.ToTimeSpan());
        return EventTimes.Range(from, from.AddMinutes(durationMinutes));
    }

    /// <summary>"18:30"; an item past midnight "00:30 (next day)", one before an early start "23:30 (day before)".</summary>
    public static string At(TimeOnly start, int offsetMinutes)
    {
        var at = DayOne.Add(start.ToTimeSpan()).AddMinutes(offsetMinutes);
        return EventTimes.Time(at) + (at.Date - DayOne).Days switch
        {
            0 => "",
            1 => " (next day)",
            -1 => " (day before)",
            var days => $" ({days:+0;-0} days)",
        };
    }

    /// <summary>What is known of a run-of-show item besides its title: "30 min · Pandit-ji · Mandap".</summary>
    public static string Details(int durationMinutes, params string?[] more) =>
        string.Join(" · ", more.Prepend(EventTimes.Duration(durationMinutes)).Where(p => !string.IsNullOrEmpty(p)));
}

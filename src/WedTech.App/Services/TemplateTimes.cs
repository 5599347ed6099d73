using System.Globalization;

namespace WedTech.App.Services;

/// <summary>A template's times as people read them: its events have a local start and a length, its items an offset from the event's start.</summary>
public static class TemplateTimes
{
    /// <summary>"18:30", or "00:30 (+1 day)" for an item after midnight.</summary>
    public static string At(TimeOnly start, int offsetMinutes)
    {
        var at = start.AddMinutes(offsetMinutes, out var days);
        return Clock(at) + (days == 0 ? "" : $" ({(days > 0 ? "+" : "")}{days} day{(Math.Abs(days) == 1 ? "" : "s")})");
    }

    /// <summary>"19:00–01:00 (+1 day)".</summary>
    public static string Span(TimeOnly start, int durationMinutes) => Clock(start) + "–" + At(start, durationMinutes);

    /// <summary>"45 min", "2 h", "1 h 30 min".</summary>
    public static string Duration(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} min",
        (var h, 0) => $"{h} h",
        var (h, m) => $"{h} h {m} min",
    };

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

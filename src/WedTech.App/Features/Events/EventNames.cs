using MudBlazor;

namespace WedTech.App.Features.Events;

/// <summary>Names and icons people see for events, their statuses and run-of-show statuses.</summary>
public static class EventNames
{
    public static string Of(EventType type) => type switch
    {
        EventType.Mehendi => "Mehendi",
        EventType.Haldi => "Haldi",
        EventType.Sangeet => "Sangeet",
        EventType.Cocktail => "Cocktail",
        EventType.Baraat => "Baraat",
        EventType.Ceremony => "Ceremony (pheras)",
        EventType.Reception => "Reception",
        EventType.Engagement => "Engagement",
        EventType.Roka => "Roka",
        EventType.WelcomeDinner => "Welcome dinner",
        EventType.Brunch => "Brunch",
        EventType.Custom => "Other",
        _ => type.ToString(),
    };

    public static string IconOf(EventType type) => type switch
    {
        EventType.Mehendi => Icons.Material.Filled.Brush,
        EventType.Haldi => Icons.Material.Filled.WbSunny,
        EventType.Sangeet => Icons.Material.Filled.MusicNote,
        EventType.Cocktail => Icons.Material.Filled.LocalBar,
        EventType.Baraat => Icons.Material.Filled.Celebration,
        EventType.Ceremony => Icons.Material.Filled.LocalFireDepartment,
        EventType.Reception => Icons.Material.Filled.Groups,
        EventType.Engagement => Icons.Material.Filled.Diamond,
        EventType.Roka => Icons.Material.Filled.Handshake,
        EventType.WelcomeDinner => Icons.Material.Filled.DinnerDining,
        EventType.Brunch => Icons.Material.Filled.BrunchDining,
        _ => Icons.Material.Filled.Event,
    };

    public static string Of(EventStatus status) => status switch
    {
        EventStatus.Planned => "Planned",
        EventStatus.Confirmed => "Confirmed",
        EventStatus.InProgress => "In progress",
        EventStatus.Done => "Done",
        EventStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static Color ColorOf(EventStatus status) => status switch
    {
        EventStatus.Confirmed => Color.Primary,
        EventStatus.InProgress => Color.Warning,
        EventStatus.Done => Color.Success,
        _ => Color.Default,
    };

    public static string Of(RunOfShowStatus status) => status switch
    {
        RunOfShowStatus.Pending => "To do",
        RunOfShowStatus.InProgress => "Under way",
        RunOfShowStatus.Done => "Done",
        RunOfShowStatus.Slipped => "Slipped",
        _ => status.ToString(),
    };

    public static Color ColorOf(RunOfShowStatus status) => status switch
    {
        RunOfShowStatus.InProgress => Color.Warning,
        RunOfShowStatus.Done => Color.Success,
        RunOfShowStatus.Slipped => Color.Error,
        _ => Color.Default,
    };
}

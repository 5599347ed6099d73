namespace WedTech.App.Features.Tasks.Components;

/// <summary>How a task is due, as the dialog edits it: a day (and time), N days before or after the wedding, or N hours or minutes before or after an event.</summary>
public sealed class TaskDueModel
{
    public enum Kinds { None, Date, Wedding, Event }

    public Kinds Kind { get; set; }
    public DateTime? On { get; set; }

    /// <summary>"HH:mm", or empty for the whole day.</summary>
    public string? At { get; set; }

    public int Days { get; set; } = 30;
    public int Amount { get; set; } = 2;
    public bool InHours { get; set; } = true;
    public bool Before { get; set; } = true;
    public Guid? EventId { get; set; }

    public static TaskDueModel From(TaskDue? due)
    {
        var model = new TaskDueModel();
        if (due is null)
        {
            return model;
        }
        if (due.On is { } on)
        {
            model.Kind = Kinds.Date;
            model.On = on.ToDateTime(TimeOnly.MinValue);
            model.At = due.At?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (due.Anchor == DueAnchor.Event)
        {
            var minutes = due.Minutes ?? 0;
            model.Kind = Kinds.Event;
            model.EventId = due.EventId;
            model.Before = minutes <= 0;
            model.InHours = minutes % 60 == 0;
            model.Amount = Math.Abs(model.InHours ? minutes / 60 : minutes);
        }
        else
        {
            var days = due.Days ?? 0;
            model.Kind = Kinds.Wedding;
            model.Before = days <= 0;
            model.Days = Math.Abs(days);
        }
        return model;
    }

    /// <summary>The rule to send, or null with what is wrong in the field's words.</summary>
    public TaskDue? ToDue(out string? error)
    {
        error = null;
        var sign = Before ? -1 : 1;
        switch (Kind)
        {
            case Kinds.Date:
                if (On is not { } on)
                {
                    error = "Choose the day it is due.";
                    return null;
                }
                TimeOnly? at = null;
                if (!string.IsNullOrWhiteSpace(At))
                {
                    if (!TimeOnly.TryParseExact(At.Trim(), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
                    {
                        error = "Write the time as 17:30, or leave it empty for the whole day.";
                        return null;
                    }
                    at = time;
                }
                return new TaskDue(On: DateOnly.FromDateTime(on), At: at);
            case Kinds.Wedding:
                return new TaskDue(Anchor: DueAnchor.Wedding, Days: sign * Days);
            case Kinds.Event:
                if (EventId is null)
                {
                    error = "Choose the event it counts from.";
                    return null;
                }
                return new TaskDue(Anchor: DueAnchor.Event, EventId: EventId, Minutes: sign * Amount * (InHours ? 60 : 1));
            default:
                return null;
        }
    }
}

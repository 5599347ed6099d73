using System.Globalization;
using MudBlazor;
using WedTech.App.Features.Events;

namespace WedTech.App.Features.Tasks;

/// <summary>How tasks read: their status, priority, when they are due and the lines of a checklist template.</summary>
public static class TaskWords
{
    /// <summary>The board's columns, in order.</summary>
    public static readonly TaskState[] Columns = [TaskState.ToDo, TaskState.InProgress, TaskState.Blocked, TaskState.Done];

    public static string Of(TaskState status) => status switch
    {
        TaskState.ToDo => "To do",
        TaskState.InProgress => "In progress",
        TaskState.Blocked => "Blocked",
        _ => "Done",
    };

    public static string Of(TaskPriority priority) => priority.ToString();

    public static Color ColorOf(TaskPriority priority) => priority switch
    {
        TaskPriority.Urgent => Color.Error,
        TaskPriority.High => Color.Warning,
        TaskPriority.Low => Color.Default,
        _ => Color.Info,
    };

    public static Color ColorOf(TaskState status) => status switch
    {
        TaskState.Done => Color.Success,
        TaskState.Blocked => Color.Error,
        TaskState.InProgress => Color.Primary,
        _ => Color.Default,
    };

    public static string Of(TeamRole role) => role switch
    {
        TeamRole.LeadPlanner => "Lead planner",
        TeamRole.Client => "The couple",
        _ => role.ToString(),
    };

    /// <summary>"2 h", "1 h 30 min", "45 min", "1 day".</summary>
    public static string Span(int minutes)
    {
        minutes = Math.Abs(minutes);
        if (minutes >= 24 * 60 && minutes % (24 * 60) == 0)
        {
            var days = minutes / (24 * 60);
            return days == 1 ? "1 day" : $"{days} days";
        }
        var (h, m) = (minutes / 60, minutes % 60);
        return h == 0 ? $"{m} min" : m == 0 ? $"{h} h" : $"{h} h {m} min";
    }

    private static string Days(int days) => Math.Abs(days) == 1 ? "1 day" : $"{Math.Abs(days)} days";

    /// <summary>
    /// A due rule as a planner says it: "12 Feb 2027", "90 days before the wedding", "2 h before Sangeet". Days and minutes
    /// count from the anchor: negative before it.
    /// </summary>
    public static string Rule(TaskDue? due, Func<Guid, string?>? eventName = null)
    {
        if (due is null)
        {
            return "No due date";
        }
        if (due.On is { } on)
        {
            return due.At is { } at ? $"{IndianFormat.Date(on)}, {at.ToString("HH:mm", CultureInfo.InvariantCulture)}" : IndianFormat.Date(on);
        }
        if (due.Anchor == DueAnchor.Event)
        {
            var name = (due.EventId is { } id ? eventName?.Invoke(id) : null) ?? "the event";
            var minutes = due.Minutes ?? 0;
            return minutes == 0 ? $"At the start of {name}" : $"{Span(minutes)} {(minutes < 0 ? "before" : "after")} {name}";
        }
        var days = due.Days ?? 0;
        return days == 0 ? "On the wedding day" : $"{Days(days)} {(days < 0 ? "before" : "after")} the wedding";
    }

    /// <summary>When a template's line falls due: "180 days before the wedding", "4 h before the Sangeet".</summary>
    public static string Rule(TaskTemplateItem item)
    {
        if (item.EventType is { } type)
        {
            var minutes = item.MinutesBefore ?? 0;
            var name = $"the {EventNames.Of(type)}";
            return minutes == 0 ? $"At the start of {name}" : $"{Span(minutes)} {(minutes > 0 ? "before" : "after")} {name}";
        }
        var days = item.DaysBefore ?? 0;
        return days == 0 ? "On the wedding day" : $"{Days(days)} {(days > 0 ? "before" : "after")} the wedding";
    }

    /// <summary>The day (and time) a task is due, as shown on its card.</summary>
    public static string When(TaskResponse task) => task.DueOn is not { } on ? "No due date"
        : task.AllDay || task.DueAt is null ? IndianFormat.Date(on)
        : task.DueAt.Value.ToLocalTime().ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2 of 4" ticked.</summary>
    public static string Ticked(IReadOnlyList<TaskChecklistItem> checklist) => $"{checklist.Count(i => i.Done)} of {checklist.Count}";

    public static string Assignees(TaskResponse task) => task.Assignees.Count == 0 ? "Not assigned" : string.Join(", ", task.Assignees.Select(a => a.Name));

    /// <summary>The list's order: overdue first, then by due date, those without one after, done last.</summary>
    public static IEnumerable<TaskResponse> ByDue(IEnumerable<TaskResponse> tasks) => tasks
        .OrderBy(t => t.Status == TaskState.Done)
        .ThenByDescending(t => t.Overdue)
        .ThenBy(t => t.DueAt is null)
        .ThenBy(t => t.DueAt)
        .ThenBy(t => t.Title, StringComparer.CurrentCulture);

    /// <summary>The list's groups, in order, each with its tasks by due date.</summary>
    public static IEnumerable<(string Name, List<TaskResponse> Tasks)> Groups(IEnumerable<TaskResponse> tasks)
    {
        var sorted = ByDue(tasks).ToList();
        (string, List<TaskResponse>)[] groups =
        [
            ("Overdue", [.. sorted.Where(t => t.Overdue && t.Status != TaskState.Done)]),
            ("Coming up", [.. sorted.Where(t => !t.Overdue && t.DueAt is not null && t.Status != TaskState.Done)]),
            ("No due date", [.. sorted.Where(t => t.DueAt is null && t.Status != TaskState.Done)]),
            ("Done", [.. sorted.Where(t => t.Status == TaskState.Done)]),
        ];
        return groups.Where(g => g.Item2.Count > 0);
    }

    /// <summary>The @names of the people a comment mentions.</summary>
    public static List<Guid> Mentioned(string text, IEnumerable<(Guid Id, string Name)> people) =>
        [.. people.Where(p => text.Contains("@" + p.Name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Id).Distinct()];
}

using System.ComponentModel.DataAnnotations;

namespace WedTech.Contracts;

/// <summary>Where a task stands; the columns of the Kanban board, in this order.</summary>
public enum TaskState { ToDo, InProgress, Blocked, Done }

public enum TaskPriority { Low, Normal, High, Urgent }

/// <summary>What a relative due date counts from: the wedding's main day, or the start of one of its events.</summary>
public enum DueAnchor { Wedding, Event }

/// <summary>What tasks hold at most.</summary>
public static class TaskLimits
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;
    public const int MaxChecklist = 50;
    public const int MaxChecklistText = 200;
    public const int MaxAssignees = 10;
    public const int MaxComment = 2000;
    public const int MaxTemplateItems = 200;
    public const int MaxTasksPerWedding = 2000;

    /// <summary>A relative due date is at most this many days from its anchor, either way.</summary>
    public const int MaxOffsetDays = 730;
}

/// <summary>
/// When a task is due. Absolute: <see cref="On"/>, with <see cref="At"/> for a time (else the whole day, in the studio's zone).
/// Relative: <see cref="Anchor"/> Wedding with <see cref="Days"/> from the wedding's main day (-90: ninety days before), or
/// Event with <see cref="EventId"/> (an event of the same wedding) and <see cref="Minutes"/> from its start (-120: two hours before).
/// A relative date moves when the wedding or the event moves.
/// </summary>
public sealed record TaskDue(DateOnly? On = null, TimeOnly? At = null, DueAnchor? Anchor = null, Guid? EventId = null, int? Days = null, int? Minutes = null);

public sealed record TaskChecklistItem(Guid? Id, [property: Required, StringLength(TaskLimits.MaxChecklistText, MinimumLength = 1)] string Text, bool Done = false);

/// <summary>Create and full update (PUT) of a task. Assignees are the studio's active staff, or the wedding's couple (their own tasks).</summary>
public sealed record TaskRequest(
    [property: Required, StringLength(TaskLimits.MaxTitle, MinimumLength = 1)] string Title,
    [property: StringLength(TaskLimits.MaxDescription)] string? Description = null,
    Guid? EventId = null,
    IReadOnlyList<Guid>? Assignees = null,
    TaskPriority? Priority = null,
    TaskState? Status = null,
    TaskDue? Due = null,
    IReadOnlyList<TaskChecklistItem>? Checklist = null);

public sealed record TaskAssignee(Guid UserId, string Name, bool Couple);

/// <summary>
/// A task. <see cref="DueAt"/> is the instant it is due (an all-day task: the end of <see cref="DueOn"/> in the studio's zone);
/// <see cref="Overdue"/> when that has passed and it is not done. <see cref="Position"/> orders a Kanban column.
/// </summary>
public sealed record TaskResponse(
    Guid Id, Guid WeddingId, string? WeddingTitle, Guid? EventId, string Title, string? Description, TaskState Status, TaskPriority Priority, int Position,
    IReadOnlyList<TaskAssignee> Assignees, TaskDue? Due, DateOnly? DueOn, DateTimeOffset? DueAt, bool AllDay, bool Overdue,
    IReadOnlyList<TaskChecklistItem> Checklist, int Comments, long Version);

public sealed record TaskCommentResponse(Guid Id, Guid? AuthorId, string AuthorName, string Text, IReadOnlyList<Guid> Mentions, DateTimeOffset CreatedAt);

public sealed record TaskHistoryLine(DateTimeOffset At, string Text);

/// <summary>A task with its comments (oldest first) and what happened to its due date.</summary>
public sealed record TaskDetailResponse(TaskResponse Task, IReadOnlyList<TaskCommentResponse> CommentList, IReadOnlyList<TaskHistoryLine> History);

/// <summary>A move on the Kanban board: the column, and the place in it (0: the top; none: the bottom).</summary>
public sealed record TaskMoveRequest([property: Required] TaskState? Status, [property: Range(0, TaskLimits.MaxTasksPerWedding)] int? Position = null);

public sealed record ChecklistTickRequest([property: Required] bool? Done);

/// <summary>A comment; <see cref="Mentions"/> are staff of the studio (the @names in the text), who are told.</summary>
public sealed record TaskCommentRequest([property: Required, StringLength(TaskLimits.MaxComment, MinimumLength = 1)] string Text, IReadOnlyList<Guid>? Mentions = null);

/// <summary>
/// A line of a task template. Due <see cref="DaysBefore"/> the wedding's main day, or, with <see cref="EventType"/>,
/// <see cref="MinutesBefore"/> the start of the wedding's first event of that type. <see cref="AssigneeRole"/>: the wedding's
/// team members in that role get it.
/// </summary>
public sealed record TaskTemplateItem(
    [property: Required, StringLength(TaskLimits.MaxTitle, MinimumLength = 1)] string Title,
    [property: StringLength(TaskLimits.MaxDescription)] string? Description = null,
    TaskPriority? Priority = null,
    [property: Range(-TaskLimits.MaxOffsetDays, TaskLimits.MaxOffsetDays)] int? DaysBefore = null,
    EventType? EventType = null,
    [property: Range(-7 * 24 * 60, 30 * 24 * 60)] int? MinutesBefore = null,
    IReadOnlyList<string>? Checklist = null,
    TeamRole? AssigneeRole = null);

public sealed record TaskTemplateRequest(
    [property: Required, StringLength(120, MinimumLength = 1)] string Name,
    [property: StringLength(500)] string? Description,
    [property: Required] IReadOnlyList<TaskTemplateItem>? Items);

public sealed record TaskTemplateResponse(Guid Id, string Name, string? Description, bool BuiltIn, IReadOnlyList<TaskTemplateItem> Items, long Version);

public sealed record ApplyTaskTemplateRequest([property: Required] Guid? TemplateId);

/// <summary>
/// What applying a template did: the tasks made, the template's lines already on the wedding (skipped: applying twice adds
/// nothing twice), and those whose event type the wedding lacks, which count from the wedding's day instead.
/// </summary>
public sealed record ApplyTaskTemplateResponse(int Created, IReadOnlyList<string> Skipped, IReadOnlyList<string> AnchoredToWedding);

/// <summary>The channels a person's task reminders use; all on until they choose.</summary>
public sealed record ReminderChannels([property: Required] bool? InApp, [property: Required] bool? Push, [property: Required] bool? Email);

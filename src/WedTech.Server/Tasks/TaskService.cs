using WedTech.Server.Events;
using WedTech.Server.Identity;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Tasks;

public sealed record TaskFilter(TaskState? Status, Guid? AssigneeId, Guid? EventId);

/// <summary>
/// A wedding's tasks: the staff's view (task:view, task:manage, task:progress) and the couple's (task:own: only the tasks
/// assigned to them, which they read, tick, mark done and comment on). Every change is told to those watching the wedding.
/// </summary>
public sealed class TaskService(
    TenantDbContext db, CurrentUser currentUser, IWeddingDirectory weddings, IWeddingEvents events, IStudioSettings studio, WeddingChanges changes,
    AuditLog audit, UserNotices notices, TimeProvider time)
{
    public async Task<List<TaskResponse>> ListAsync(Guid weddingId, TaskFilter filter, bool own, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var query = db.WeddingTasks.AsNoTracking().Include(t => t.Assignees).Where(t => t.WeddingId == weddingId);
        if (own)
        {
            var me = currentUser.Required.Id;
            query = query.Where(t => t.Assignees.Any(a => a.UserId == me));
        }
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }
        if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(t => t.Assignees.Any(a => a.UserId == assignee));
        }
        if (filter.EventId is { } eventId)
        {
            query = query.Where(t => t.EventId == eventId);
        }
        var tasks = await query.OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return await ResponsesAsync(tasks, null, cancellationToken);
    }

    /// <summary>
    /// The caller's tasks not done, of the weddings they see, overdue first and then by due date (those without one last).
    /// </summary>
    public async Task<PagedResponse<TaskResponse>> MineAsync(Paging paging, CancellationToken cancellationToken)
    {
        var me = currentUser.Required.Id;
        var visible = weddings.VisibleIds();
        var page = await db.TaskAssignments.AsNoTracking().Where(a => a.UserId == me && a.Open && visible.Contains(a.WeddingId))
            .OrderBy(a => a.DueAt == null).ThenBy(a => a.DueAt).ThenBy(a => a.TaskId)
            .ToPageAsync(paging, a => a.TaskId, cancellationToken);
        var found = await db.WeddingTasks.AsNoTracking().Include(t => t.Assignees).Where(t => page.Items.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var tasks = page.Items.Where(found.ContainsKey).Select(id => found[id]).ToList();
        var titles = await weddings.TitlesAsync([.. tasks.Select(t => t.WeddingId).Distinct()], cancellationToken);
        return new PagedResponse<TaskResponse>(await ResponsesAsync(tasks, titles, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<TaskDetailResponse> GetAsync(Guid weddingId, Guid id, bool own, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(weddingId, id, own, tracked: false, cancellationToken);
        return await DetailAsync(task, cancellationToken);
    }

    public async Task<TaskDetailResponse> CreateAsync(Guid weddingId, TaskRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        if (await db.WeddingTasks.CountAsync(t => t.WeddingId == weddingId, cancellationToken) >= TaskLimits.MaxTasksPerWedding)
        {
            throw ApiException.Conflict($"A wedding has at most {TaskLimits.MaxTasksPerWedding} tasks.");
        }
        var now = time.GetUtcNow();
        var task = new WeddingTask { WeddingId = weddingId, Title = "", CreatedAt = now, UpdatedAt = now };
        await ApplyAsync(task, request, cancellationToken);
        task.Position = await NextPositionAsync(weddingId, task.Status, cancellationToken);
        db.WeddingTasks.Add(task);
        audit.Record("task.created", nameof(WeddingTask), task.Id, $"wedding {weddingId}");
        Publish(task);
        await db.SaveChangesAsync(cancellationToken);
        return await DetailAsync(task, cancellationToken);
    }

    public async Task<TaskDetailResponse> UpdateAsync(Guid weddingId, Guid id, TaskRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(weddingId, id, own: false, tracked: true, cancellationToken);
        Concurrency.Expect(task, expectedVersion, "task");
        var status = task.Status;
        await ApplyAsync(task, request, cancellationToken);
        if (task.Status != status)
        {
            task.Position = await NextPositionAsync(weddingId, task.Status, cancellationToken);
        }
        Publish(task);
        await db.SaveChangesAsync(cancellationToken);
        return await DetailAsync(task, cancellationToken);
    }

    public async Task DeleteAsync(Guid weddingId, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(weddingId, id, own: false, tracked: true, cancellationToken);
        Concurrency.Expect(task, expectedVersion, "task");
        db.WeddingTasks.Remove(task);
        audit.Record("task.deleted", nameof(WeddingTask), task.Id, $"wedding {weddingId}");
        Publish(task);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A move on the board: to a column, at a place in it (the others in the column close up behind it). The couple may only
    /// mark their task done or not done.
    /// </summary>
    public async Task<TaskResponse> MoveAsync(Guid weddingId, Guid id, TaskMoveRequest request, bool own, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(weddingId, id, own, tracked: true, cancellationToken);
        var status = request.Status!.Value;
        if (own && status is not (TaskState.ToDo or TaskState.Done))
        {
            throw new ValidationFailedException("status", "Mark your task done, or not done (to-do).");
        }
        var column = await db.WeddingTasks.Where(t => t.WeddingId == weddingId && t.Status == status && t.Id != id)
            .OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var place = Math.Clamp(request.Position ?? column.Count, 0, column.Count);
        column.Insert(place, task);
        SetStatus(task, status);
        for (var i = 0; i < column.Count; i++)
        {
            if (column[i].Position != i)
            {
                column[i].Position = i;
            }
        }
        Publish(task);
        await db.SaveChangesAsync(cancellationToken);
        return (await ResponsesAsync([task], null, cancellationToken))[0];
    }

    public async Task<TaskResponse> TickAsync(Guid weddingId, Guid id, Guid itemId, bool done, bool own, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(weddingId, id, own, tracked: true, cancellationToken);
        var index = task.Checklist.FindIndex(i => i.Id == itemId);
        if (index < 0)
        {
            throw ApiException.NotFound("Checklist item");
        }
        if (task.Checklist[index].Done != done)
        {
            var list = task.Checklist.ToList();
            list[index] = list[index] with { Done = done };
            task.Checklist = list;
            Publish(task);
            await db.SaveChangesAsync(cancellationToken);
        }
        return (await ResponsesAsync([task], null, cancellationToken))[0];
    }

    /// <summary>A comment; the staff it mentions are told (in the app, by push and by e-mail).</summary>
    public async Task<TaskCommentResponse> CommentAsync(Guid weddingId, Guid id, TaskCommentRequest request, bool own, CancellationToken cancellationToken)
    {
        var task = await LoadAsync(weddingId, id, own, tracked: true, cancellationToken);
        var mentions = (request.Mentions ?? []).Distinct().ToList();
        if (mentions.Count > TaskLimits.MaxAssignees)
        {
            throw new ValidationFailedException("mentions", $"Mention at most {TaskLimits.MaxAssignees} people.");
        }
        var staff = await db.Users.AsNoTracking().Where(u => mentions.Contains(u.Id) && u.Status == UserStatus.Active && u.Role != Role.Client)
            .Select(u => u.Id).ToListAsync(cancellationToken);
        if (staff.Count != mentions.Count)
        {
            throw new ValidationFailedException("mentions", "Mention active members of your studio's staff.");
        }
        var me = currentUser.Required;
        var comment = new TaskComment { TaskId = task.Id, AuthorId = me.Id, AuthorName = me.Name, Text = request.Text.Trim(), Mentions = mentions, CreatedAt = time.GetUtcNow() };
        db.TaskComments.Add(comment);
        task.CommentCount++;
        Publish(task);
        await db.SaveChangesAsync(cancellationToken);
        var told = mentions.Where(m => m != me.Id).ToList();
        if (told.Count > 0)
        {
            var title = (await weddings.NamesAsync(weddingId, cancellationToken))?.Title ?? "A wedding";
            await notices.TellAsync(told, "task-mention", new Dictionary<string, string>
            {
                ["author"] = me.Name, ["taskTitle"] = task.Title, ["weddingTitle"] = title, ["text"] = Cut(comment.Text, 500),
            }, weddingId, AppLinks.TaskOf(weddingId, task.Id), $"task-mention:{comment.Id:N}", cancellationToken);
        }
        return ToResponse(comment);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private async Task<WeddingTask> LoadAsync(Guid weddingId, Guid id, bool own, bool tracked, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var query = db.WeddingTasks.Include(t => t.Assignees).Where(t => t.Id == id && t.WeddingId == weddingId);
        if (!tracked)
        {
            query = query.AsNoTracking();
        }
        var task = await query.FirstOrDefaultAsync(cancellationToken) ?? throw ApiException.NotFound("Task");
        if (own && task.Assignees.All(a => a.UserId != currentUser.Required.Id))
        {
            throw ApiException.NotFound("Task");
        }
        return task;
    }

    private async Task<int> NextPositionAsync(Guid weddingId, TaskState status, CancellationToken cancellationToken) =>
        (await db.WeddingTasks.Where(t => t.WeddingId == weddingId && t.Status == status).MaxAsync(t => (int?)t.Position, cancellationToken) ?? -1) + 1;

    private void SetStatus(WeddingTask task, TaskState status)
    {
        if (task.Status == status)
        {
            return;
        }
        task.Status = status;
        task.DoneAt = status == TaskState.Done ? time.GetUtcNow() : null;
    }

    private void Publish(WeddingTask task) =>
        changes.AfterCommit(() => new WeddingChangedMessage(task.WeddingId, WeddingChange.TasksChanged, task.Version, task.EventId, task.Id));

    /// <summary>Checks the whole request, every field at fault at once, then sets the task.</summary>
    private async Task ApplyAsync(WeddingTask task, TaskRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var weddingEvents = await events.OfWeddingAsync(task.WeddingId, cancellationToken);
        if (request.EventId is { } eventId && weddingEvents.All(e => e.Id != eventId))
        {
            errors.Add("eventId", "Choose an event of this wedding.");
        }
        var assignees = (request.Assignees ?? []).Distinct().ToList();
        if (assignees.Count > TaskLimits.MaxAssignees)
        {
            errors.Add("assignees", $"Assign at most {TaskLimits.MaxAssignees} people.");
        }
        else if (!await AssignableAsync(task.WeddingId, assignees, cancellationToken))
        {
            errors.Add("assignees", "Assign active members of your studio's staff, or the couple of this wedding.");
        }
        var rule = CheckDue(request.Due, weddingEvents, errors);
        var checklist = request.Checklist ?? [];
        if (checklist.Count > TaskLimits.MaxChecklist)
        {
            errors.Add("checklist", $"A checklist has at most {TaskLimits.MaxChecklist} items.");
        }
        errors.ThrowIfAny();

        var zone = await studio.TimeZoneAsync(cancellationToken);
        var primary = (await weddings.PrimaryDatesAsync([task.WeddingId], cancellationToken)).GetValueOrDefault(task.WeddingId);
        task.Title = request.Title.Trim();
        task.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        task.EventId = request.EventId;
        task.Priority = request.Priority ?? TaskPriority.Normal;
        if (request.Status is { } status)
        {
            SetStatus(task, status);
        }
        SetAssignees(task, assignees);
        var anchor = rule.Anchor is { } anchorId ? weddingEvents.First(e => e.Id == anchorId).StartsAt : (DateTimeOffset?)null;
        (task.Rule, task.RuleOn, task.RuleAt, task.AnchorEventId, task.OffsetDays, task.OffsetMinutes) = (rule.Rule, rule.On, rule.At, rule.Anchor, rule.Days, rule.Minutes);
        errors.Check(() => TaskDueDates.Compute(task, primary, anchor, zone));
        errors.ThrowIfAny();
        var existing = task.Checklist.ToDictionary(i => i.Id);
        task.Checklist = [.. checklist.Select(i => i.Id is { } itemId && existing.ContainsKey(itemId)
            ? new ChecklistItem(itemId, i.Text.Trim(), i.Done)
            : new ChecklistItem(Guid.CreateVersion7(), i.Text.Trim(), i.Done))];
    }

    internal static void SetAssignees(WeddingTask task, IReadOnlyCollection<Guid> assignees)
    {
        task.Assignees.RemoveAll(a => !assignees.Contains(a.UserId));
        foreach (var userId in assignees.Where(u => task.Assignees.All(a => a.UserId != u)))
        {
            task.Assign(userId);
        }
    }

    /// <summary>Active staff of the studio, or the couple on this wedding's team.</summary>
    private async Task<bool> AssignableAsync(Guid weddingId, List<Guid> assignees, CancellationToken cancellationToken)
    {
        if (assignees.Count == 0)
        {
            return true;
        }
        var people = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id) && u.Status == UserStatus.Active)
            .Select(u => new { u.Id, u.Role }).ToListAsync(cancellationToken);
        if (people.Count != assignees.Count)
        {
            return false;
        }
        var clients = people.Where(p => p.Role == Role.Client).Select(p => p.Id).ToList();
        return clients.Count == 0 || clients.All((await weddings.ClientsAsync(weddingId, cancellationToken)).Contains);
    }

    internal sealed record DueParts(DueRule Rule, DateOnly? On, TimeOnly? At, Guid? Anchor, int? Days, int? Minutes);

    /// <summary>The due rule, or field errors: a relative date needs its anchor (an event of this wedding) and its offset.</summary>
    private static DueParts CheckDue(TaskDue? due, IReadOnlyList<EventOfWedding> weddingEvents, FieldErrors errors)
    {
        if (due is null || due == new TaskDue())
        {
            return new DueParts(DueRule.None, null, null, null, null, null);
        }
        switch (due.Anchor)
        {
            case null:
                if (due.On is not { } on)
                {
                    errors.Add("due.on", due.Days is not null || due.Minutes is not null || due.EventId is not null
                        ? "A relative date needs what it counts from: set anchor to wedding or event."
                        : "Give the date the task is due.");
                    return new DueParts(DueRule.None, null, null, null, null, null);
                }
                if (on.Year is < 2000 or > 2100)
                {
                    errors.Add("due.on", "The date must be between the years 2000 and 2100.");
                }
                return new DueParts(DueRule.Absolute, on, due.At, null, null, null);
            case DueAnchor.Wedding:
                if (due.On is not null || due.EventId is not null || due.Minutes is not null)
                {
                    errors.Add("due", "A date counted from the wedding has only days (-90: ninety days before).");
                }
                if (due.Days is not { } days || Math.Abs(days) > TaskLimits.MaxOffsetDays)
                {
                    errors.Add("due.days", $"Give the days from the wedding's day, from -{TaskLimits.MaxOffsetDays} to {TaskLimits.MaxOffsetDays} (-90: ninety days before).");
                    return new DueParts(DueRule.None, null, null, null, null, null);
                }
                return new DueParts(DueRule.Wedding, null, null, null, days, null);
            default:
                if (due.On is not null || due.Days is not null)
                {
                    errors.Add("due", "A date counted from an event has only the event and minutes (-120: two hours before).");
                }
                if (due.EventId is not { } anchor || weddingEvents.All(e => e.Id != anchor))
                {
                    errors.Add("due.eventId", "A date counted from an event needs an event of this wedding.");
                    return new DueParts(DueRule.None, null, null, null, null, null);
                }
                if (due.Minutes is not { } minutes || Math.Abs(minutes) > TaskLimits.MaxOffsetDays * 24 * 60)
                {
                    errors.Add("due.minutes", "Give the minutes from the event's start (-120: two hours before).");
                    return new DueParts(DueRule.None, null, null, null, null, null);
                }
                return new DueParts(DueRule.Event, null, null, anchor, null, minutes);
        }
    }

    private async Task<TaskDetailResponse> DetailAsync(WeddingTask task, CancellationToken cancellationToken)
    {
        var comments = await db.TaskComments.AsNoTracking().Where(c => c.TaskId == task.Id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return new TaskDetailResponse((await ResponsesAsync([task], null, cancellationToken))[0], [.. comments.Select(ToResponse)],
            [.. task.History.Select(h => new TaskHistoryLine(h.At, h.Text))]);
    }

    private static TaskCommentResponse ToResponse(TaskComment c) => new(c.Id, c.AuthorId, c.AuthorName, c.Text, c.Mentions, c.CreatedAt);

    internal async Task<List<TaskResponse>> ResponsesAsync(IReadOnlyList<WeddingTask> tasks, Dictionary<Guid, string>? titles, CancellationToken cancellationToken)
    {
        var ids = tasks.SelectMany(t => t.Assignees.Select(a => a.UserId)).Distinct().ToList();
        var people = ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new { u.Name, u.Role }, cancellationToken);
        var now = time.GetUtcNow();
        return [.. tasks.Select(t => new TaskResponse(t.Id, t.WeddingId, titles?.GetValueOrDefault(t.WeddingId), t.EventId, t.Title, t.Description, t.Status, t.Priority, t.Position,
            [.. t.Assignees.Where(a => people.ContainsKey(a.UserId)).Select(a => new TaskAssignee(a.UserId, people[a.UserId].Name, people[a.UserId].Role == Role.Client))
                .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)],
            DueOf(t), t.DueOn, t.DueAt, t.AllDay, t.Status != TaskState.Done && t.DueAt < now,
            [.. t.Checklist.Select(i => new TaskChecklistItem(i.Id, i.Text, i.Done))], t.CommentCount, t.Version))];
    }

    private static TaskDue? DueOf(WeddingTask t) => t.Rule switch
    {
        DueRule.Absolute => new TaskDue(t.RuleOn, t.RuleAt),
        DueRule.Wedding => new TaskDue(Anchor: DueAnchor.Wedding, Days: t.OffsetDays),
        DueRule.Event => new TaskDue(Anchor: DueAnchor.Event, EventId: t.AnchorEventId, Minutes: t.OffsetMinutes),
        _ => null,
    };
}

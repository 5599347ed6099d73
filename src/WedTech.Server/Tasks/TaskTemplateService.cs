using System.Globalization;
using WedTech.Server.Events;
using WedTech.Server.Platform.Audit;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Tasks;

/// <summary>
/// The studio's checklist templates, and a template applied to a wedding: a task per line, due relative to the wedding's day or
/// to its first event of a type (counted from the wedding's day when it has none). A line already applied is skipped.
/// </summary>
public sealed class TaskTemplateService(
    TenantDbContext db, IWeddingDirectory weddings, IWeddingEvents events, IStudioSettings studio, WeddingChanges changes, AuditLog audit, TimeProvider time)
{
    public async Task<List<TaskTemplateResponse>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await db.TaskTemplates.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(cancellationToken)).Select(ToResponse)];

    public async Task<TaskTemplateResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        ToResponse(await db.TaskTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ApiException.NotFound("Task template"));

    public async Task<TaskTemplateResponse> CreateAsync(TaskTemplateRequest request, CancellationToken cancellationToken)
    {
        var items = Check(request);
        var name = request.Name.Trim();
        await RefuseTakenNameAsync(name, null, cancellationToken);
        var now = time.GetUtcNow();
        var template = new TaskTemplate { Name = name, Description = request.Description.TrimmedOrNull(), Items = items, CreatedAt = now, UpdatedAt = now };
        db.TaskTemplates.Add(template);
        audit.Record("task-template.created", nameof(TaskTemplate), template.Id, template.Name);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(template);
    }

    public async Task<TaskTemplateResponse> UpdateAsync(Guid id, TaskTemplateRequest request, long expectedVersion, CancellationToken cancellationToken)
    {
        var template = await db.TaskTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ApiException.NotFound("Task template");
        Concurrency.Expect(template, expectedVersion, "task template");
        var items = Check(request);
        var name = request.Name.Trim();
        await RefuseTakenNameAsync(name, id, cancellationToken);
        template.Name = name;
        template.Description = request.Description.TrimmedOrNull();
        template.Items = items;
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(template);
    }

    public async Task DeleteAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var template = await db.TaskTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw ApiException.NotFound("Task template");
        Concurrency.Expect(template, expectedVersion, "task template");
        db.TaskTemplates.Remove(template);
        audit.Record("task-template.deleted", nameof(TaskTemplate), template.Id, template.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ApplyTaskTemplateResponse> ApplyAsync(Guid weddingId, ApplyTaskTemplateRequest request, CancellationToken cancellationToken)
    {
        await weddings.RequireVisibleAsync(weddingId, cancellationToken);
        var template = await db.TaskTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TemplateId, cancellationToken)
            ?? throw new ValidationFailedException("templateId", "Choose one of your studio's task templates.");
        var prefix = $"tpl:{template.Id:N}:";
        var applied = (await db.WeddingTasks.AsNoTracking().Where(t => t.WeddingId == weddingId && t.SourceKey != null && t.SourceKey.StartsWith(prefix))
            .Select(t => t.SourceKey!).ToListAsync(cancellationToken)).ToHashSet();
        var lines = template.Items.Select((item, i) => (Item: item, Key: (string?)(prefix + i.ToString(CultureInfo.InvariantCulture)))).ToList();
        var skipped = lines.Where(l => applied.Contains(l.Key!)).Select(l => l.Item.Title).ToList();
        var fresh = lines.Where(l => !applied.Contains(l.Key!)).ToList();
        var count = await db.WeddingTasks.CountAsync(t => t.WeddingId == weddingId, cancellationToken);
        if (count + fresh.Count > TaskLimits.MaxTasksPerWedding)
        {
            throw ApiException.Conflict($"A wedding has at most {TaskLimits.MaxTasksPerWedding} tasks; this template would make {count + fresh.Count}.");
        }
        var primary = (await weddings.PrimaryDatesAsync([weddingId], cancellationToken))[weddingId];
        var made = TasksOf(fresh, weddingId, primary, await events.OfWeddingAsync(weddingId, cancellationToken), await weddings.TeamAsync(weddingId, cancellationToken),
            await studio.TimeZoneAsync(cancellationToken), time.GetUtcNow(), await NextPositionAsync(weddingId, cancellationToken));
        db.WeddingTasks.AddRange(made.Tasks);
        if (made.Tasks.Count > 0)
        {
            audit.Record("task-template.applied", nameof(TaskTemplate), template.Id, $"{template.Name}: {made.Tasks.Count} tasks on wedding {weddingId}");
            changes.AfterCommit(new WeddingChangedMessage(weddingId, WeddingChange.TasksChanged, null));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                throw ApiException.Conflict("The template was being applied to this wedding at the same time; look at its tasks and apply it again if lines are missing.");
            }
        }
        return new ApplyTaskTemplateResponse(made.Tasks.Count, skipped, made.AnchoredToWedding);
    }

    private async Task<int> NextPositionAsync(Guid weddingId, CancellationToken cancellationToken) =>
        (await db.WeddingTasks.Where(t => t.WeddingId == weddingId && t.Status == TaskState.ToDo).MaxAsync(t => (int?)t.Position, cancellationToken) ?? -1) + 1;

    /// <summary>
    /// The tasks of template lines for a wedding: a line with an event type counts from the wedding's first event of that type,
    /// or from the wedding's day (the same number of whole days before it) when there is none; assignees are the team in the line's role.
    /// </summary>
    internal static (List<WeddingTask> Tasks, List<string> AnchoredToWedding) TasksOf(IReadOnlyList<(TaskTemplateItem Item, string? Key)> lines, Guid weddingId,
        DateOnly primary, IReadOnlyList<EventOfWedding> weddingEvents, IReadOnlyList<(Guid UserId, TeamRole Role)> team, string zone, DateTimeOffset now, int position)
    {
        var tasks = new List<WeddingTask>();
        var moved = new List<string>();
        foreach (var (item, key) in lines)
        {
            var task = new WeddingTask
            {
                WeddingId = weddingId, Title = item.Title.Trim(), Description = item.Description.TrimmedOrNull(), Priority = item.Priority ?? TaskPriority.Normal,
                Position = position++, SourceKey = key, CreatedAt = now, UpdatedAt = now,
                Checklist = [.. (item.Checklist ?? []).Select(text => new ChecklistItem(Guid.CreateVersion7(), text.Trim(), false))],
            };
            DateTimeOffset? anchor = null;
            if (item.EventType is { } type)
            {
                var first = weddingEvents.Where(e => e.Type == type && e.Status != EventStatus.Cancelled).OrderBy(e => e.StartsAt).FirstOrDefault();
                if (first is not null)
                {
                    (task.Rule, task.AnchorEventId, task.OffsetMinutes, task.EventId, anchor) = (DueRule.Event, first.Id, -(item.MinutesBefore ?? 0), first.Id, first.StartsAt);
                }
                else
                {
                    (task.Rule, task.OffsetDays) = (DueRule.Wedding, -(item.DaysBefore ?? (item.MinutesBefore ?? 0) / (24 * 60)));
                    moved.Add(task.Title);
                }
            }
            else if (item.DaysBefore is { } days)
            {
                (task.Rule, task.OffsetDays) = (DueRule.Wedding, -days);
            }
            TaskDueDates.Compute(task, primary, anchor, zone);
            if (item.AssigneeRole is { } role)
            {
                TaskService.SetAssignees(task, [.. team.Where(m => m.Role == role).Select(m => m.UserId)]);
            }
            tasks.Add(task);
        }
        return (tasks, moved);
    }

    private static List<TaskTemplateItem> Check(TaskTemplateRequest request)
    {
        var errors = new FieldErrors();
        var items = request.Items ?? [];
        if (items.Count == 0)
        {
            errors.Add("items", "Give at least one task.");
        }
        else if (items.Count > TaskLimits.MaxTemplateItems)
        {
            errors.Add("items", $"A template has at most {TaskLimits.MaxTemplateItems} tasks.");
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors.Add($"items[{i}]", "Give the task.");
                continue;
            }
            if (items[i].EventType is not null && items[i].MinutesBefore is null)
            {
                errors.Add($"items[{i}].minutesBefore", "Give the minutes before the event's start (120: two hours before).");
            }
            if (items[i].EventType is null && items[i].MinutesBefore is not null)
            {
                errors.Add($"items[{i}].eventType", "Minutes before count from an event: choose its type, or give days before the wedding instead.");
            }
            if ((items[i].Checklist?.Count ?? 0) > TaskLimits.MaxChecklist || (items[i].Checklist ?? []).Any(c => string.IsNullOrWhiteSpace(c) || c.Length > TaskLimits.MaxChecklistText))
            {
                errors.Add($"items[{i}].checklist", $"At most {TaskLimits.MaxChecklist} checklist items, each 1 to {TaskLimits.MaxChecklistText} characters.");
            }
        }
        errors.ThrowIfAny();
        return [.. items.Select(i => i with { Title = i.Title.Trim(), Description = i.Description.TrimmedOrNull(), Checklist = i.Checklist?.Select(c => c.Trim()).ToList() })];
    }

    private async Task RefuseTakenNameAsync(string name, Guid? self, CancellationToken cancellationToken)
    {
        var lower = name.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL lower(), not this process's culture
        if (await db.TaskTemplates.AnyAsync(t => t.Id != self && t.Name.ToLower() == lower, cancellationToken))
#pragma warning restore CA1304, CA1311, CA1862
        {
            throw ApiException.Conflict($"There is already a task template named \"{name}\"; choose another name.");
        }
    }

    private static TaskTemplateResponse ToResponse(TaskTemplate t) => new(t.Id, t.Name, t.Description, t.BuiltInKey is not null, t.Items, t.Version);
}

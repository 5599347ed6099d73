using System.Security.Cryptography;
using System.Text;
using WedTech.Server.Events;
using WedTech.Server.Realtime;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Tasks;

/// <summary>A wedding's tasks as a wedding template's lines, and those lines made into a new wedding's tasks; the Templates module uses it.</summary>
public interface ITemplateTasks
{
    /// <summary>The wedding's tasks as lines due relative to its day (or to the first event of the type their anchor was).</summary>
    Task<List<TaskTemplateItem>> SnapshotAsync(Guid weddingId, CancellationToken cancellationToken);

    /// <summary>Adds a task per line to a new wedding with these events; saved with the caller's next save.</summary>
    void Add(IReadOnlyList<TaskTemplateItem> lines, Guid weddingId, DateOnly primaryDate, IReadOnlyList<EventOfWedding> weddingEvents, string zone, DateTimeOffset now);
}

internal sealed class TemplateTasks(TenantDbContext db, IWeddingDirectory weddings, IWeddingEvents events) : ITemplateTasks
{
    public async Task<List<TaskTemplateItem>> SnapshotAsync(Guid weddingId, CancellationToken cancellationToken)
    {
        var tasks = await db.WeddingTasks.AsNoTracking().Where(t => t.WeddingId == weddingId).OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return [];
        }
        var primary = (await weddings.PrimaryDatesAsync([weddingId], cancellationToken)).GetValueOrDefault(weddingId);
        var types = (await events.OfWeddingAsync(weddingId, cancellationToken)).ToDictionary(e => e.Id, e => e.Type);
        return [.. tasks.Select(t =>
        {
            var line = new TaskTemplateItem(t.Title, t.Description, t.Priority, Checklist: t.Checklist.Count == 0 ? null : [.. t.Checklist.Select(i => i.Text)]);
            return t.Rule == DueRule.Event && t.AnchorEventId is { } anchor && types.TryGetValue(anchor, out var type)
                ? line with { EventType = type, MinutesBefore = -(t.OffsetMinutes ?? 0) }
                : t.DueOn is { } on ? line with { DaysBefore = primary.DayNumber - on.DayNumber } : line;
        })];
    }

    public void Add(IReadOnlyList<TaskTemplateItem> lines, Guid weddingId, DateOnly primaryDate, IReadOnlyList<EventOfWedding> weddingEvents, string zone, DateTimeOffset now) =>
        db.WeddingTasks.AddRange(TaskTemplateService.TasksOf([.. lines.Select(l => (l, (string?)null))], weddingId, primaryDate, weddingEvents, [], zone, now, 0).Tasks);
}

/// <summary>Makes a task on a wedding once per key; the Automations module uses it for its "create a task" action.</summary>
public interface ITaskCreator
{
    /// <summary>A task due <paramref name="dueInDays"/> days from today (none: no due date); false when the key already made one.</summary>
    Task<bool> CreateOnceAsync(Guid weddingId, string key, string title, string? description, int? dueInDays, IReadOnlyCollection<Guid> assignees,
        CancellationToken cancellationToken);
}

internal sealed class TaskCreator(TenantDbContext db, IStudioSettings studio, WeddingChanges changes, TimeProvider time) : ITaskCreator
{
    public async Task<bool> CreateOnceAsync(Guid weddingId, string key, string title, string? description, int? dueInDays, IReadOnlyCollection<Guid> assignees,
        CancellationToken cancellationToken)
    {
        var source = "auto:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
        if (await db.WeddingTasks.AnyAsync(t => t.WeddingId == weddingId && t.SourceKey == source, cancellationToken))
        {
            return false;
        }
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var now = time.GetUtcNow();
        var task = new WeddingTask
        {
            WeddingId = weddingId, Title = title.Length > TaskLimits.MaxTitle ? title[..TaskLimits.MaxTitle] : title, Description = description, SourceKey = source,
            CreatedAt = now, UpdatedAt = now,
            Position = (await db.WeddingTasks.Where(t => t.WeddingId == weddingId && t.Status == TaskState.ToDo).MaxAsync(t => (int?)t.Position, cancellationToken) ?? -1) + 1,
        };
        if (dueInDays is { } days)
        {
            (task.Rule, task.RuleOn) = (DueRule.Absolute, VenueTime.Today(time, zone).AddDays(days));
        }
        TaskDueDates.Compute(task, default, null, zone);
        TaskService.SetAssignees(task, assignees);
        db.WeddingTasks.Add(task);
        changes.AfterCommit(() => new WeddingChangedMessage(weddingId, WeddingChange.TasksChanged, task.Version, null, task.Id));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

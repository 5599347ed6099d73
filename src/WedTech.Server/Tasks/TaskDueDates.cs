using System.Globalization;
using WedTech.Server.Events;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Weddings;

namespace WedTech.Server.Tasks;

/// <summary>
/// Works out when a task is due from its rule, and again when what it counts from moves: the wedding's day (days from it,
/// all day) or an event's start (minutes from it). An all-day task is due at the end of its day in the studio's zone.
/// </summary>
internal sealed class TaskDueDates(TenantDbContext db, IStudioSettings studio, TimeProvider time) : IWeddingDateFollower, IEventTimeFollower
{
    /// <summary>Sets the computed due date of a task from its rule.</summary>
    public static void Compute(WeddingTask task, DateOnly primaryDate, DateTimeOffset? anchorStartsAt, string zone)
    {
        switch (task.Rule)
        {
            case DueRule.Absolute when task.RuleOn is { } on:
                SetDay(task, on, task.RuleAt, zone);
                break;
            case DueRule.Wedding:
                SetDay(task, primaryDate.AddDays(task.OffsetDays ?? 0), null, zone);
                break;
            case DueRule.Event when anchorStartsAt is { } start:
                var at = start.AddMinutes(task.OffsetMinutes ?? 0);
                task.DueAt = at;
                task.DueOn = VenueTime.DateIn(at, zone);
                task.AllDay = false;
                break;
            default:
                task.DueAt = null;
                task.DueOn = null;
                task.AllDay = false;
                break;
        }
    }

    private static void SetDay(WeddingTask task, DateOnly day, TimeOnly? at, string zone)
    {
        task.DueOn = day;
        task.AllDay = at is null;
        task.DueAt = at is { } time
            ? VenueTime.ToInstant(day.ToDateTime(time), zone, "due.at")
            : VenueTime.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone, "due.on");
    }

    public Task WeddingMovedAsync(Guid weddingId, DateOnly primaryDate, CancellationToken cancellationToken) =>
        RecomputeAsync(db.WeddingTasks.Where(t => t.WeddingId == weddingId && t.Rule == DueRule.Wedding), (task, zone) => Compute(task, primaryDate, null, zone), cancellationToken);

    public Task EventMovedAsync(Guid eventId, DateTimeOffset startsAt, CancellationToken cancellationToken) =>
        RecomputeAsync(db.WeddingTasks.Where(t => t.AnchorEventId == eventId && t.Rule == DueRule.Event), (task, zone) => Compute(task, default, startsAt, zone), cancellationToken);

    private async Task RecomputeAsync(IQueryable<WeddingTask> following, Action<WeddingTask, string> compute, CancellationToken cancellationToken)
    {
        var tasks = await following.Include(t => t.Assignees).ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return;
        }
        var zone = await studio.TimeZoneAsync(cancellationToken);
        foreach (var task in tasks)
        {
            compute(task, zone);
        }
    }

    /// <summary>The anchor goes: each task keeps the date and time it had, now as an absolute date, and its history says why.</summary>
    public async Task EventRemovedAsync(Guid eventId, string eventName, CancellationToken cancellationToken)
    {
        var tasks = await db.WeddingTasks.Include(t => t.Assignees).Where(t => t.AnchorEventId == eventId || t.EventId == eventId).ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return;
        }
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var task in tasks)
        {
            if (task.EventId == eventId)
            {
                task.EventId = null;
            }
            if (task.AnchorEventId != eventId)
            {
                continue;
            }
            task.AnchorEventId = null;
            task.OffsetMinutes = null;
            if (task.DueAt is { } due)
            {
                var local = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById(zone));
                task.Rule = DueRule.Absolute;
                task.RuleOn = DateOnly.FromDateTime(local.DateTime);
                task.RuleAt = TimeOnly.FromDateTime(local.DateTime);
                task.History = [.. task.History, new TaskNote(now, string.Create(CultureInfo.InvariantCulture,
                    $"{eventName} was removed; the task stays due on {local:d MMM yyyy, HH:mm}, no longer moving with it."))];
            }
            else
            {
                task.Rule = DueRule.None;
                task.History = [.. task.History, new TaskNote(now, $"{eventName} was removed; the task has no due date now.")];
            }
        }
    }
}

using Hangfire;
using WedTech.Server.Calendar;
using WedTech.Server.Identity;
using WedTech.Server.Messaging.Outbox;
using WedTech.Server.Platform.Jobs;
using WedTech.Server.Tenancy;
using WedTech.Server.Tenancy.Settings;
using WedTech.Server.Web;
using WedTech.Server.Weddings;

namespace WedTech.Server.Tasks;

/// <summary>
/// Reminds the people a task is assigned to: "due soon" a day before it is due and "overdue" once it has passed, each once per
/// task and due date (a row per reminder sent; a moved due date may remind again), through the channels each person chose for
/// task reminders.
/// </summary>
public sealed class TaskReminderSweep(TenantDbContext db, IWeddingDirectory weddings, UserNotices notices, IStudioSettings studio)
{
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(24);

    internal const string SoonKind = "due-soon";
    internal const string LateKind = "overdue";

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var horizon = now + DueSoon;
        var live = weddings.Ids();
        var sent = db.TaskReminders;
        var due = await db.WeddingTasks.AsNoTracking().Include(t => t.Assignees)
            .Where(t => t.Status != TaskState.Done && t.DueAt != null && t.DueAt <= horizon && live.Contains(t.WeddingId) && t.Assignees.Any())
            .Where(t => !sent.Any(r => r.TaskId == t.Id && r.DueAt == t.DueAt && r.Kind == LateKind))
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(500)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var ids = due.Select(t => t.Id).ToList();
        var already = (await sent.AsNoTracking().Where(r => ids.Contains(r.TaskId)).Select(r => new { r.TaskId, r.Kind, r.DueAt }).ToListAsync(cancellationToken))
            .Select(r => (r.TaskId, r.Kind, r.DueAt)).ToHashSet();
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var today = VenueTime.DateIn(now, zone);
        var titles = new Dictionary<Guid, string>();
        var told = 0;
        foreach (var task in due)
        {
            var dueAt = task.DueAt!.Value;
            var kind = dueAt <= now ? LateKind : SoonKind;
            if (already.Contains((task.Id, kind, dueAt)))
            {
                continue;
            }
            if (!titles.TryGetValue(task.WeddingId, out var title))
            {
                title = titles[task.WeddingId] = (await weddings.NamesAsync(task.WeddingId, cancellationToken))?.Title ?? "A wedding";
            }
            db.TaskReminders.Add(new TaskReminder { TaskId = task.Id, Kind = kind, DueAt = dueAt, SentAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await notices.TellAsync([.. task.Assignees.Select(a => a.UserId)], kind == LateKind ? "task-overdue" : "task-due", new Dictionary<string, string>
            {
                ["taskTitle"] = task.Title,
                ["weddingTitle"] = title,
                ["due"] = task.AllDay ? IndianFormat.DueWhen(task.DueOn!.Value, today) : $"{IndianFormat.DueWhen(VenueTime.DateIn(dueAt, zone), today)} at {TimeZoneInfo.ConvertTime(dueAt, TimeZoneInfo.FindSystemTimeZoneById(zone)):HH:mm}",
            }, task.WeddingId, AppLinks.TaskOf(task.WeddingId, task.Id), $"t{(kind == LateKind ? 'l' : 's')}:{task.Id:N}:{dueAt.ToUnixTimeSeconds()}", cancellationToken, NoticeChoices.TaskReminders);
            told++;
        }
        return told;
    }
}

/// <summary>One studio's reminder sweep; a second one while the first runs leaves the work to it.</summary>
public sealed class TaskReminderJob(TaskReminderSweep sweep, TimeProvider time, JobStorage storage, TenantContext tenant, ILogger<TaskReminderJob> logger)
    : ITenantJob<DateTimeOffset?>
{
    public static string LockOf(Guid tenantId) => $"task-reminders:{tenantId:N}";

    public async Task RunAsync(DateTimeOffset? at, CancellationToken cancellationToken)
    {
        if (!await TenantSweeps.RunAloneAsync(storage, LockOf(tenant.Current.Id), () => sweep.RunAsync(at ?? time.GetUtcNow(), cancellationToken)))
        {
            logger.LogInformation("Tasks: the previous reminder sweep is still running; this one is left to it");
        }
    }
}

/// <summary>Queues a reminder sweep per active studio, so that one studio's failure is retried alone.</summary>
public sealed class TaskReminderScheduler(IJobTenant tenant, IBackgroundJobClient jobs)
{
    public const string RecurringJobId = "task-reminders";

    public Task<int> QueueAsync(CancellationToken cancellationToken) => TenantSweeps.QueueForEachStudioAsync<TaskReminderJob>(tenant, jobs, cancellationToken);
}

/// <summary>The caller's tasks not done that are overdue or due today, one line each, opening the task.</summary>
internal sealed class TaskAttention(TenantDbContext db, IWeddingDirectory weddings, CurrentUser currentUser) : IAttentionSource
{
    public async Task<IReadOnlyList<AttentionItem>> ItemsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (currentUser.User is not { } me || !(currentUser.Can(Permissions.TaskView) || currentUser.Can(Permissions.TaskOwn)))
        {
            return [];
        }
        var visible = weddings.VisibleIds();
        var mine = db.TaskAssignments.Where(a => a.UserId == me.Id && visible.Contains(a.WeddingId)).Select(a => a.TaskId);
        var tasks = await db.WeddingTasks.AsNoTracking().Where(t => mine.Contains(t.Id) && t.Status != TaskState.Done && t.DueOn != null && t.DueOn <= today)
            .OrderBy(t => t.DueOn).ThenBy(t => t.Id).Take(WeddingService.MaxAttention)
            .Select(t => new { t.Id, t.WeddingId, t.Title, t.DueOn }).ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return [];
        }
        var titles = await weddings.TitlesAsync([.. tasks.Select(t => t.WeddingId).Distinct()], cancellationToken);
        return [.. tasks.Select(t => new AttentionItem(AttentionKind.TaskDue, t.Title,
            $"{titles.GetValueOrDefault(t.WeddingId, "A wedding")}: {(t.DueOn < today ? "overdue" : "due today")}.", t.DueOn!.Value,
            $"weddings/{t.WeddingId}/tasks?task={t.Id}"))];
    }
}

/// <summary>The feed's user's tasks with a due date, of the weddings they see: all-day ones on their day, timed ones at their time.</summary>
internal sealed class TaskCalendarSource(TenantDbContext db, IWeddingDirectory weddings, CurrentUser currentUser, IStudioSettings studio, TenantContext tenant,
    StudioAddresses addresses) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(CalendarScope scope, CancellationToken cancellationToken)
    {
        if (currentUser.User is not { } me || !(currentUser.Can(Permissions.TaskView) || currentUser.Can(Permissions.TaskOwn)))
        {
            return [];
        }
        var visible = weddings.VisibleIds();
        var mine = db.TaskAssignments.Where(a => a.UserId == me.Id && visible.Contains(a.WeddingId)).Select(a => a.TaskId);
        var query = db.WeddingTasks.AsNoTracking().Where(t => mine.Contains(t.Id) && t.DueOn != null && t.DueOn >= scope.Since);
        if (scope.WeddingId is { } weddingId)
        {
            query = query.Where(t => t.WeddingId == weddingId);
        }
        var tasks = await query.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(1000).ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return [];
        }
        var zone = await studio.TimeZoneAsync(cancellationToken);
        var titles = await weddings.TitlesAsync([.. tasks.Select(t => t.WeddingId).Distinct()], cancellationToken);
        var app = $"{addresses.For(tenant.Current.Slug)}{AppPaths.Home}";
        return [.. tasks.Select(t =>
        {
            var link = new Uri($"{app}weddings/{t.WeddingId}/tasks?task={t.Id}");
            CalendarTime when = t.AllDay
                ? new CalendarTime.Days(t.DueOn!.Value, t.DueOn.Value)
                : new CalendarTime.Local(TimeZoneInfo.ConvertTime(t.DueAt!.Value, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime, null, zone);
            return new CalendarItem(t.Id, $"Task: {t.Title} · {titles.GetValueOrDefault(t.WeddingId, "A wedding")}", link.ToString(), null, when,
                t.Status == TaskState.Done ? CalendarItemStatus.Cancelled : CalendarItemStatus.Confirmed, t.UpdatedAt, link);
        })];
    }
}

using WedTech.Server.Calendar;
using WedTech.Server.Events;
using WedTech.Server.Files;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy.Provisioning;
using WedTech.Server.Weddings;

namespace WedTech.Server.Tasks;

public static class TasksModule
{
    /// <summary>How often each studio's task reminders are swept, in UTC cron ("Tasks:ReminderCron"): every fifteen minutes by default.</summary>
    public const string DefaultReminderCron = "*/15 * * * *";

    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddScoped<TaskService>().AddScoped<TaskTemplateService>().AddScoped<TaskReminderSweep>().AddScoped<TaskReminderScheduler>();
        services.AddScoped<TaskDueDates>()
            .AddScoped<IWeddingDateFollower>(sp => sp.GetRequiredService<TaskDueDates>())
            .AddScoped<IEventTimeFollower>(sp => sp.GetRequiredService<TaskDueDates>());
        services.AddScoped<ITemplateTasks, TemplateTasks>().AddScoped<ITaskCreator, TaskCreator>();
        services.AddScoped<IAttentionSource, TaskAttention>().AddScoped<ICalendarSource, TaskCalendarSource>();
        services.AddSingleton<ITenantSeeder, BuiltInTaskTemplatesSeeder>();
        // A task's files: seen by those who see the wedding's tasks, and by the couple on their own tasks.
        services.AddFileOwner(FileOwnerTypes.Task, async (sp, id, ct) =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            var user = sp.GetRequiredService<CurrentUser>();
            var task = await db.WeddingTasks.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.WeddingId }).FirstOrDefaultAsync(ct);
            if (task is null || !await sp.GetRequiredService<IWeddingDirectory>().IsVisibleAsync(task.WeddingId, ct))
            {
                return false;
            }
            return user.Can(Permissions.TaskView)
                || (user.Can(Permissions.TaskOwn) && user.User is { } me && await db.TaskAssignments.AnyAsync(a => a.TaskId == id && a.UserId == me.Id, ct));
        });
        return services;
    }
}

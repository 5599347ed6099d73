using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WedTech.Server.Tasks;

public static class TasksEndpoints
{
    public static readonly ApiTag Tag = new("Tasks",
        "A wedding's tasks with due dates on a day or counted from the wedding or an event (moving with them), checklists, comments and reminders; the caller's tasks across weddings; the couple's own tasks; the studio's checklist templates.");

    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        var cron = services.GetRequiredService<IConfiguration>()["Tasks:ReminderCron"] ?? TasksModule.DefaultReminderCron;
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<TaskReminderScheduler>(TaskReminderScheduler.RecurringJobId,
            scheduler => scheduler.QueueAsync(CancellationToken.None), cron);

        MapWeddingTasks(api.MapGroup("/weddings/{weddingId:guid}/tasks").WithApiTag(Tag));
        MapOwnTasks(api.MapGroup("/weddings/{weddingId:guid}/our-tasks").WithApiTag(Tag));
        MapTemplates(api.MapGroup("/task-templates").WithApiTag(Tag));

        api.MapGet("/tasks/mine", ([AsParameters] MyTasksQuery query, TaskService service, CancellationToken ct) => service.MineAsync(query.ToPaging(), ct))
            .RequireAuthorization(Permissions.TaskView).WithApiTag(Tag).WithSummary("My tasks")
            .WithDescription("The caller's tasks not done, of every wedding they see: overdue first, then by due date, those without one last; with each wedding's title.");
        return api;
    }

    private static void MapWeddingTasks(RouteGroupBuilder tasks)
    {
        tasks.MapGet("", (Guid weddingId, [AsParameters] TaskListQuery query, TaskService service, CancellationToken ct) =>
            service.ListAsync(weddingId, query.ToFilter(), own: false, ct))
            .RequireAuthorization(Permissions.TaskView).WithSummary("A wedding's tasks")
            .WithDescription("By place on the board (the list and the Kanban use the same answer). Filters: status, assigneeId, eventId.");

        tasks.MapPost("", async (Guid weddingId, TaskRequest request, TaskService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(weddingId, request, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/tasks/{created.Task.Id}", created).WithETag(created.Task.Version);
        }).RequireAuthorization(Permissions.TaskManage).WithSummary("Add a task")
            .WithDescription("Title, description, event, assignees (staff, or the couple), priority, due date (a day, or counted from the wedding or an event of it) and checklist. A relative date without its anchor is a field error.");

        tasks.MapGet("/{id:guid}", async (Guid weddingId, Guid id, TaskService service, CancellationToken ct) =>
        {
            var task = await service.GetAsync(weddingId, id, own: false, ct);
            return TypedResults.Ok(task).WithETag(task.Task.Version);
        }).RequireAuthorization(Permissions.TaskView).WithSummary("A task").WithDescription("With its comments and the history of its due date. Its files are under /files (ownerType task).");

        tasks.MapPut("/{id:guid}", async (Guid weddingId, Guid id, TaskRequest request, TaskService service, HttpContext http, CancellationToken ct) =>
        {
            var task = await service.UpdateAsync(weddingId, id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(task.Task).WithETag(task.Task.Version);
        }).RequireAuthorization(Permissions.TaskManage).RequiresIfMatch().WithSummary("Change a task")
            .WithDescription("The whole task; checklist items keep their ids. Requires If-Match. Answers with the task as changed (its comments and history are the task's GET).");

        tasks.MapDelete("/{id:guid}", async Task<NoContent> (Guid weddingId, Guid id, TaskService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(weddingId, id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.TaskManage).WithSummary("Remove a task").WithDescription("With its comments. If-Match optional.");

        tasks.MapPost("/{id:guid}/move", (Guid weddingId, Guid id, TaskMoveRequest request, TaskService service, CancellationToken ct) =>
            service.MoveAsync(weddingId, id, request, own: false, ct))
            .RequireAuthorization(Permissions.TaskProgress).WithSummary("Move a task on the board")
            .WithDescription("To a status, at a place in its column (0: the top; none: the bottom).");

        tasks.MapPost("/{id:guid}/checklist/{itemId:guid}", (Guid weddingId, Guid id, Guid itemId, ChecklistTickRequest request, TaskService service, CancellationToken ct) =>
            service.TickAsync(weddingId, id, itemId, request.Done!.Value, own: false, ct))
            .RequireAuthorization(Permissions.TaskProgress).WithSummary("Tick a checklist item").WithDescription("Done or not done.");

        tasks.MapPost("/{id:guid}/comments", async (Guid weddingId, Guid id, TaskCommentRequest request, TaskService service, CancellationToken ct) =>
        {
            var comment = await service.CommentAsync(weddingId, id, request, own: false, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/tasks/{id}", comment);
        }).RequireAuthorization(Permissions.TaskProgress).WithSummary("Comment on a task")
            .WithDescription("The staff mentioned are told in the app, by push and by e-mail.");

        tasks.MapPost("/from-template", (Guid weddingId, ApplyTaskTemplateRequest request, TaskTemplateService service, CancellationToken ct) =>
            service.ApplyAsync(weddingId, request, ct))
            .RequireAuthorization(Permissions.TaskManage).WithSummary("Apply a checklist template")
            .WithDescription("A task per line of the template, due relative to the wedding's day or its first event of the line's type (the wedding's day when it has none: the answer names them). Lines already applied are skipped.");
    }

    private static void MapOwnTasks(RouteGroupBuilder tasks)
    {
        tasks.MapGet("", (Guid weddingId, TaskService service, CancellationToken ct) => service.ListAsync(weddingId, new TaskFilter(null, null, null), own: true, ct))
            .RequireAuthorization(Permissions.TaskOwn).WithSummary("The couple's tasks").WithDescription("The tasks of the wedding assigned to the caller.");

        tasks.MapGet("/{id:guid}", (Guid weddingId, Guid id, TaskService service, CancellationToken ct) => service.GetAsync(weddingId, id, own: true, ct))
            .RequireAuthorization(Permissions.TaskOwn).WithSummary("One of the couple's tasks").WithDescription("With its comments. Another task of the wedding is 404.");

        tasks.MapPost("/{id:guid}/move", (Guid weddingId, Guid id, TaskMoveRequest request, TaskService service, CancellationToken ct) =>
            service.MoveAsync(weddingId, id, request, own: true, ct))
            .RequireAuthorization(Permissions.TaskOwn).WithSummary("Mark the couple's task done or not done").WithDescription("Status done or toDo.");

        tasks.MapPost("/{id:guid}/checklist/{itemId:guid}", (Guid weddingId, Guid id, Guid itemId, ChecklistTickRequest request, TaskService service, CancellationToken ct) =>
            service.TickAsync(weddingId, id, itemId, request.Done!.Value, own: true, ct))
            .RequireAuthorization(Permissions.TaskOwn).WithSummary("Tick the couple's checklist item").WithDescription("Done or not done.");

        tasks.MapPost("/{id:guid}/comments", async (Guid weddingId, Guid id, TaskCommentRequest request, TaskService service, CancellationToken ct) =>
        {
            var comment = await service.CommentAsync(weddingId, id, request, own: true, ct);
            return TypedResults.Created($"/api/v1/weddings/{weddingId}/our-tasks/{id}", comment);
        }).RequireAuthorization(Permissions.TaskOwn).WithSummary("Comment on the couple's task").WithDescription("The staff mentioned are told.");
    }

    private static void MapTemplates(RouteGroupBuilder templates)
    {
        templates.MapGet("", (TaskTemplateService service, CancellationToken ct) => service.ListAsync(ct))
            .RequireAuthorization(Permissions.TaskManage).WithSummary("Checklist templates").WithDescription("The studio's, by name; the built-in ones are marked.");

        templates.MapPost("", async (TaskTemplateRequest request, TaskTemplateService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(request, ct);
            return TypedResults.Created($"/api/v1/task-templates/{created.Id}", created).WithETag(created.Version);
        }).RequireAuthorization(Permissions.TaskManage).WithSummary("Add a checklist template")
            .WithDescription("Lines due days before the wedding, or minutes before its first event of a type; with checklists and the team role that gets each.");

        templates.MapGet("/{id:guid}", async (Guid id, TaskTemplateService service, CancellationToken ct) =>
        {
            var template = await service.GetAsync(id, ct);
            return TypedResults.Ok(template).WithETag(template.Version);
        }).RequireAuthorization(Permissions.TaskManage).WithSummary("A checklist template").WithDescription("The ETag carries its version.");

        templates.MapPut("/{id:guid}", async (Guid id, TaskTemplateRequest request, TaskTemplateService service, HttpContext http, CancellationToken ct) =>
        {
            var template = await service.UpdateAsync(id, request, Concurrency.RequireIfMatch(http), ct);
            return TypedResults.Ok(template).WithETag(template.Version);
        }).RequireAuthorization(Permissions.TaskManage).RequiresIfMatch().WithSummary("Change a checklist template").WithDescription("Requires If-Match.");

        templates.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, TaskTemplateService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, Concurrency.IfMatch(http), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.TaskManage).WithSummary("Remove a checklist template").WithDescription("Tasks made from it stay. If-Match optional.");
    }
}

/// <summary>The query string of a wedding's tasks.</summary>
public sealed record TaskListQuery([property: ApiEnum(typeof(TaskState))] string? status, Guid? assigneeId, Guid? eventId)
{
    public TaskFilter ToFilter() => new(ApiConventions.ParseEnum<TaskState>(status, "status"), assigneeId, eventId);
}

/// <summary>The query string of "my tasks".</summary>
public sealed record MyTasksQuery(int? page, int? pageSize) : PageQuery(page, pageSize);
